// /sdg: the coverage view — which goals and targets the programme reaches, and which it does not touch.
import type { Goal, SiteModel } from '../site/model.js';
import type { Lang } from './i18n.js';
import { esc, page } from './layout.js';
import { goalStyle } from './sdg-colours.js';

const t = (lang: Lang, sv: string, en: string) => (lang === 'sv' ? sv : en);

export interface GoalCoverage {
  goal: Goal;
  /** Targets that at least one stated or curated link points at. */
  linked: Set<string>;
  /** Distinct programme concepts linking to the goal's targets. */
  sources: Set<string>;
  links: number;
}

/**
 * Per goal: which targets the programme links to and from how many concepts.
 *
 * @example
 * coverage(model).filter((c) => c.linked.size === 0).map((c) => c.goal.number)
 */
export function coverage(model: SiteModel): GoalCoverage[] {
  return model.goals.map((goal) => {
    const linked = new Set<string>();
    const sources = new Set<string>();
    let links = 0;
    for (const target of goal.targets) {
      for (const l of model.linksTo(target.iri)) {
        if (l.basis === 'derived') continue;
        linked.add(target.iri);
        sources.add(l.from);
        links++;
      }
    }
    return { goal, linked, sources, links };
  });
}

function tile(c: GoalCoverage, model: SiteModel, lang: Lang): string {
  const n = c.goal.number;
  const name = esc(model.label(c.goal.concept.iri, lang));
  const total = c.goal.targets.length;
  const pct = Math.round((100 * c.linked.size) / Math.max(total, 1));
  const status = c.linked.size
    ? t(lang, `${c.linked.size} av ${total} delmål · ${c.sources.size} prioriteringar`, `${c.linked.size} of ${total} targets · ${c.sources.size} priorities`)
    : t(lang, 'Inte berört av programmet', 'Not touched by the programme');
  return `<li class="tile${c.linked.size ? '' : ' untouched'}"><a href="/sdg/${n}" style="${goalStyle(n)}"><span class="tile-no">${n}</span><span class="tile-name">${name}</span>
<span class="meter" aria-hidden="true"><span style="width:${pct}%"></span></span><span class="tile-status">${status}</span></a></li>`;
}

function targetsRow(c: GoalCoverage, model: SiteModel, lang: Lang): string {
  const chips = c.goal.targets.map((tg) => {
    const on = c.linked.has(tg.iri);
    // the target's text (the UN's, in English where we have no translation) as a tooltip on the notation, marked with its own language
    const textLang = [lang, 'en', 'sv'].find((l) => tg.labels[l] !== undefined) ?? lang;
    const text = tg.labels[textLang] ?? model.label(tg.iri, lang);
    return `<li><a class="chip${on ? ' on' : ''}" href="${esc(tg.href)}"><span title="${esc(text)}"${textLang !== lang ? ` lang="${textLang}"` : ''}>${esc(tg.notation ?? '')}</span><span class="vh"> ${on ? t(lang, '(berört)', '(touched)') : t(lang, '(inte berört)', '(not touched)')}</span></a></li>`;
  });
  return `<tr><th scope="row"><a href="/sdg/${c.goal.number}">${t(lang, 'Mål', 'Goal')} ${c.goal.number}</a></th><td class="num">${c.linked.size}/${c.goal.targets.length}</td><td><ul class="chips">${chips.join('')}</ul></td></tr>`;
}

/**
 * Renders `/sdg`.
 *
 * @example
 * coveragePage(coverage(model), model, 'sv')
 */
export function coveragePage(cov: GoalCoverage[], model: SiteModel, lang: Lang): string {
  const untouched = cov.filter((c) => c.linked.size === 0);
  const targets = cov.reduce((s, c) => s + c.goal.targets.length, 0);
  const linked = cov.reduce((s, c) => s + c.linked.size, 0);
  const names = untouched.map((c) => `<a href="/sdg/${c.goal.number}">${c.goal.number} ${esc(model.label(c.goal.concept.iri, lang))}</a>`);
  const body = `<h1>${t(lang, 'Programmet och de globala målen', 'The programme and the SDGs')}</h1>
<p class="lead">${t(
    lang,
    `Programmets prioriteringar är kopplade till ${linked} av FN:s ${targets} delmål, inom ${cov.length - untouched.length} av de ${cov.length} globala målen.`,
    `The programme’s priorities are linked to ${linked} of the UN’s ${targets} targets, within ${cov.length - untouched.length} of the ${cov.length} goals.`,
  )} ${untouched.length ? t(lang, `Mål som programmet inte berör alls: ${names.join(', ')}.`, `Goals the programme does not touch at all: ${names.join(', ')}.`) : ''}</p>
<ul class="tiles-sdg">${cov.map((c) => tile(c, model, lang)).join('\n')}</ul>
<h2>${t(lang, 'Delmål, berörda och inte berörda', 'Targets, touched and not touched')}</h2>
<p>${t(lang, 'Fylld ruta: minst en prioritering är kopplad till delmålet. Tom ruta: programmet berör inte delmålet.', 'Filled: at least one priority links to the target. Outlined: the programme does not touch the target.')}</p>
<div class="scroll"><table class="coverage"><thead><tr><th scope="col">${t(lang, 'Mål', 'Goal')}</th><th scope="col" class="num">${t(lang, 'Berörda', 'Touched')}</th><th scope="col">${t(lang, 'Delmål', 'Targets')}</th></tr></thead>
<tbody>${cov.map((c) => targetsRow(c, model, lang)).join('\n')}</tbody></table></div>
<p class="muted">${t(lang, 'Samma fråga i SPARQL:', 'The same question in SPARQL:')} <a href="/sparql?example=sdg-coverage-per-goal">sdg-coverage-per-goal.rq</a>, <a href="/sparql?example=sdg-goals-without-links">sdg-goals-without-links.rq</a>.</p>`;
  return page({ title: t(lang, 'Globala målen: täckning', 'The SDGs: coverage'), body, lang, path: '/sdg', canonical: `${model.base}sdg`, wide: true, section: 'sdg' });
}

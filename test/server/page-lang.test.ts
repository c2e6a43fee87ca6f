// The UN's English texts (SDG targets, indicators) on Swedish pages are marked English, in element text, attributes and the page title alike.
import { describe, expect, it } from 'vitest';
import { builtStore, cfg } from '../helpers.js';
import { spoken } from './html-lang.js';
import { pageGetter, useApp } from './helpers.js';

const app = useApp({ distDir: cfg.distDir });
const html = pageGetter(app);
const store = builtStore();
const SKOS = 'http://www.w3.org/2004/02/skos/core#';
const SDGO = 'http://metadata.un.org/sdg/ontology#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const LKPO = 'https://w3id.org/helsingborg-livskvalitet/def#';

/** The UN's texts of targets and indicators that have no Swedish label: [English text, its lens page]. */
const englishOnly = [`${SDGO}Target`, `${SDGO}Indicator`].flatMap((kind) =>
  store.getSubjects(RDF_TYPE, kind, null).flatMap((s) => {
    const labels = store.getObjects(s, `${SKOS}prefLabel`, null) as Array<{ value: string; language: string }>;
    const en = labels.find((l) => l.language === 'en');
    return en && !labels.some((l) => l.language === 'sv') ? [[en.value, `/sdg/${s.value.slice(s.value.lastIndexOf('/') + 1)}`] as const] : [];
  }),
);
/** Matched by their first 30 characters: page titles cut a label short. */
const prefixes = [...new Set(englishOnly.map(([text]) => text.slice(0, 30)))];
const linksToTargets = store
  .getSubjects(RDF_TYPE, `${LKPO}Link`, null)
  .map((l) => l.value)
  .filter((l) => store.getObjects(l, `${LKPO}linkTo`, null).some((o) => /^http:\/\/metadata\.un\.org\/sdg\/\d+\.\w+$/.test(o.value)))
  .sort()
  .slice(0, 5)
  .map((l) => `/${l.slice(cfg.base.length)}`);

/** English UN text a Swedish page presents as Swedish: where it is, and how it starts. */
async function unmarked(path: string): Promise<string[]> {
  const body = await html(path);
  const head = /<title>([^<]*)<\/title>/.exec(body)?.[1] ?? '';
  return spoken(body)
    .filter((s) => s.lang === 'sv')
    .flatMap((s) => prefixes.filter((p) => s.text.includes(p)).map((p) => `<${s.tag}> ${s.where}: ${p}… ${s.tag === 'title' ? `(${head})` : ''}`));
}

describe('English UN texts on Swedish pages carry lang="en"', () => {
  it('finds English-only targets in the data', () => expect(englishOnly.length).toBeGreaterThan(100));

  it.each([
    ['/sdg'],
    ['/matrix'],
    ['/'],
    ...Array.from({ length: 17 }, (_, i) => [`/sdg/${i + 1}`]),
    ...englishOnly.slice(0, 8).map(([, path]) => [path]),
    ...linksToTargets.map((p) => [p]),
  ])('%s', async (path) => {
    expect(await unmarked(path)).toEqual([]);
  });

  it('/sdg shows each target’s text as a tooltip on its notation, in English', async () => {
    const [text, path] = englishOnly[0]!;
    const body = await html('/sdg');
    const chip = new RegExp(`<a class="chip[^"]*" href="${path}">(.*?)</a>`).exec(body)?.[1] ?? '';
    expect(spoken(chip).find((s) => s.where === 'title')).toMatchObject({ text, lang: 'en' });
    // and the chip's Swedish words stay Swedish
    expect(spoken(`<div lang="sv">${chip}</div>`).filter((s) => s.where === 'text').map((s) => s.lang)).toEqual(['en', 'sv']);
  });

  it('a target’s lens page is titled in Swedish, by its goal, where the UN text is English', async () => {
    const [, path] = englishOnly.find(([, p]) => /^\/sdg\/\d+\.\w+$/.test(p))!;
    const goal = /^\/sdg\/(\d+)\./.exec(path)![1]!;
    const goalName = /<h1>(?:<span[^>]*>)?([^<]+)/.exec(await html(`/sdg/${goal}`))![1]!;
    expect(await html(path)).toContain(`<title>Delmål ${path.slice(5)} · ${goalName}</title>`);
  });
});

describe('text whose language the data does not give', () => {
  it('the UN’s citation (an untagged string) on /graph/sdg is of unknown language, not Swedish', async () => {
    const citation = store.getObjects(`${cfg.base}graph/sdg`, 'http://purl.org/dc/terms/bibliographicCitation', null)[0]!.value;
    const found = spoken(await html('/graph/sdg')).filter((s) => s.where === 'text' && s.text === citation);
    expect(found.map((s) => s.lang)).toEqual(['']);
  });
});

describe('spoken(): text and attributes with their language', () => {
  it('inherits lang, takes an element’s own lang for its attributes, and skips scripts', () => {
    expect(spoken('<p lang="sv">Hej <a title="Hi" lang="en">you<br></a> och <span title="Hej">du</span><script>"x"</script></p>').map((s) => [s.where, s.text, s.lang])).toEqual([
      ['text', 'Hej ', 'sv'],
      ['title', 'Hi', 'en'],
      ['text', 'you', 'en'],
      ['text', ' och ', 'sv'],
      ['title', 'Hej', 'sv'],
      ['text', 'du', 'sv'],
    ]);
  });
});

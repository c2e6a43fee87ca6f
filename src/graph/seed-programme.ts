// Parses chapter 4 of the adopted programme text (seed 001) into directions, focus areas and priorities.

export interface Priority {
  notation: string; // e.g. 4.4.3.2 (the last digit is the position in the document, our numbering)
  text: string;
  /** The page footnotes the priority's text points to: its marker, the word it follows, the footnote's text. */
  footnotes: Footnote[];
}
export interface Footnote {
  marker: string;
  word: string;
  text: string;
}
export interface FocusArea {
  notation: string; // e.g. 4.4.3
  title: string;
  introduction: string;
  priorities: Priority[];
}
export interface Direction {
  notation: string; // e.g. 4.4
  title: string;
  introduction: string;
  challenges: string;
  focusAreas: FocusArea[];
}

const PAGE_HEADER = [/^2016-01-26$/, /^LIVSKVALITETSPROGRAM$/, /^DNR: /, /^SID \d+\(\d+\)$/];
const DIRECTION = /^(4\.[1-9]) (\S.*)$/;
const FOCUS = /^(4\.[1-9]\.[1-9]) (\S.*)$/;
const CHALLENGES = /^Våra (största|främsta|huvudsakliga) utmaningar/;

/** Joins PDF lines into one string with single spaces. */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A footnote marker: a digit stuck to the end of a word ("ekosystemtjänster3 som"). */
const FOOTNOTE_MARKER = /(\p{Ll}+)(\d)(?=[\s.,;:]|$)/gu;

/** Removes footnote markers. */
function dropFootnoteMarkers(text: string): string {
  return text.replace(FOOTNOTE_MARKER, '$1');
}

const clean = (lines: string[]): string => dropFootnoteMarkers(normalizeSpace(lines.join(' ')));

/**
 * Splits the chapter into its lines, without page headers and footnote blocks, and gathers the
 * footnotes (each block line that starts with a number begins one) by their marker.
 */
function chapterLines(text: string): { lines: string[]; footnotes: Map<string, string> } {
  const all = text.split(/\r?\n/);
  const start = all.findIndex((l) => /^\s*4 Detta vill vi/.test(l));
  const end = all.findIndex((l) => /^\s*5 Lagkrav/.test(l));
  if (start < 0 || end < start) throw new Error('seed 001: chapter 4 ("4 Detta vill vi") not found');
  const out: string[] = [];
  const notes: Array<[string, string[]]> = [];
  let inFootnote = false;
  for (const raw of all.slice(start + 1, end)) {
    const line = raw.trim();
    if (/^\s{20,}$/.test(raw)) {
      inFootnote = true; // a long blank rule separates the body from the page's footnotes
      continue;
    }
    if (inFootnote && !DIRECTION.test(line) && !FOCUS.test(line)) {
      const begins = /^(\d+) (\S.*)$/.exec(line);
      if (begins) notes.push([begins[1]!, [begins[2]!]]);
      else if (line) notes[notes.length - 1]?.[1].push(line);
      continue;
    }
    inFootnote = false;
    if (PAGE_HEADER.some((re) => re.test(line))) continue;
    out.push(line);
  }
  return { lines: out, footnotes: new Map(notes.map(([marker, lines]) => [marker, normalizeSpace(lines.join(' '))])) };
}

/** The footnotes a text's markers point to; a marker with no footnote on the chapter's pages is an error. */
function footnotesOf(text: string, footnotes: ReadonlyMap<string, string>, where: string): Footnote[] {
  return [...text.matchAll(FOOTNOTE_MARKER)].map(([, word, marker]) => {
    const note = footnotes.get(marker!);
    if (note === undefined) throw new Error(`seed 001: ${where} has footnote marker ${marker} ("${word}${marker}") but no footnote ${marker}`);
    return { marker: marker!, word: word!, text: note };
  });
}

/** Splits bullet lines ("• …", continued on following lines) into one string per bullet, markers kept. */
function bullets(lines: string[]): string[] {
  const items: string[][] = [];
  for (const line of lines) {
    if (line.startsWith('•')) items.push([line.slice(1)]);
    else if (line && items.length) items[items.length - 1]!.push(line);
  }
  return items.map((item) => normalizeSpace(item.join(' ')));
}

function paragraphs(lines: string[]): string[][] {
  const paras: string[][] = [[]];
  for (const line of lines) {
    if (line === '') paras.push([]);
    else paras[paras.length - 1]!.push(line);
  }
  return paras.filter((p) => p.length > 0);
}

function parseFocus(notation: string, title: string, lines: string[], footnotes: ReadonlyMap<string, string>): FocusArea {
  const marker = lines.findIndex((l) => l.startsWith('Därför prioriterar vi att'));
  if (marker < 0) throw new Error(`seed 001: focus area ${notation} has no "Därför prioriterar vi att:"`);
  const texts = bullets(lines.slice(marker + 1));
  return {
    notation,
    title: normalizeSpace(title),
    introduction: clean(lines.slice(0, marker)),
    priorities: texts.map((text, i) => {
      const p = `${notation}.${i + 1}`;
      return { notation: p, text: dropFootnoteMarkers(text), footnotes: footnotesOf(text, footnotes, `priority ${p}`) };
    }),
  };
}

function parseDirectionText(notation: string, lines: string[]): { introduction: string; challenges: string } {
  const paras = paragraphs(lines.filter((l) => l !== 'Så gör vi:'));
  const idx = paras.findIndex((p) => CHALLENGES.test(p[0]!));
  if (idx < 0) throw new Error(`seed 001: direction ${notation} has no "Våra … utmaningar" paragraph`);
  return { introduction: clean(paras.slice(0, idx).flat()), challenges: clean(paras.slice(idx).flat()) };
}

/**
 * Parses chapter 4 of seed 001 (the adopted programme text).
 * @example parseProgramme(readFileSync(seed001, 'utf8')).length // 5 directions
 */
export function parseProgramme(text: string): Direction[] {
  const { lines, footnotes } = chapterLines(text);
  const directions: Direction[] = [];
  let section: { kind: 'direction' | 'focus'; notation: string; title: string; lines: string[] } | undefined;
  const flush = () => {
    if (!section) return;
    if (section.kind === 'direction') {
      directions.push({ notation: section.notation, title: normalizeSpace(section.title), ...parseDirectionText(section.notation, section.lines), focusAreas: [] });
    } else {
      const parent = directions[directions.length - 1];
      if (!parent || !section.notation.startsWith(parent.notation + '.')) throw new Error(`seed 001: focus area ${section.notation} outside its direction`);
      parent.focusAreas.push(parseFocus(section.notation, section.title, section.lines, footnotes));
    }
  };
  for (const line of lines) {
    const f = FOCUS.exec(line);
    const d = f ? null : DIRECTION.exec(line);
    if (f || d) {
      flush();
      const m = (f ?? d)!;
      section = { kind: f ? 'focus' : 'direction', notation: m[1]!, title: m[2]!, lines: [] };
    } else if (section) {
      section.lines.push(line);
    }
  }
  flush();
  return directions;
}

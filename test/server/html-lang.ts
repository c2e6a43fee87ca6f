// Reads our generated HTML as text and attribute values, each with the language it is in (its element's `lang`, inherited).

/** A piece of text a reader meets: element text, or a `title`/`aria-label`/`alt`/`placeholder` value. */
export interface Spoken {
  text: string;
  /** The language it is in: the nearest `lang` on its element or an ancestor. */
  lang: string;
  /** `text`, or the attribute's name. */
  where: string;
  /** The element (tag name) it belongs to. */
  tag: string;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const RAW = new Set(['script', 'style']);
const SPOKEN_ATTRIBUTES = ['title', 'aria-label', 'alt', 'placeholder'];
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: '\u00a0' };

const decode = (s: string) => s.replace(/&(#?\w+);/g, (m, e: string) => ENTITIES[e] ?? (e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : m));

/**
 * Every text and spoken attribute of a page with its language. Written for the HTML our pages
 * generate (escaped attribute values in double quotes, no unclosed elements but void ones);
 * comments, scripts and style sheets say nothing.
 *
 * @example
 * spoken('<p lang="sv">Hej <span lang="en" title="Hi">you</span></p>') // [{ text: 'Hej ', lang: 'sv', … }, { text: 'Hi', lang: 'en', where: 'title', … }, …]
 */
export function spoken(html: string): Spoken[] {
  const out: Spoken[] = [];
  const stack: Array<{ tag: string; lang: string }> = [{ tag: '#document', lang: '' }];
  const token = /<!--[\s\S]*?-->|<(script|style)\b[^>]*>[\s\S]*?<\/\1>|<!doctype[^>]*>|<\/([a-zA-Z][\w-]*)\s*>|<([a-zA-Z][\w-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*(\/?)>|[^<]+/gi;
  for (const m of html.matchAll(token)) {
    const [whole, raw, close, open, attrs = '', selfClosing] = m;
    const top = stack[stack.length - 1]!;
    if (raw || whole.startsWith('<!')) continue;
    if (close) {
      const at = stack.map((e) => e.tag).lastIndexOf(close.toLowerCase());
      if (at > 0) stack.length = at;
      continue;
    }
    if (open) {
      const tag = open.toLowerCase();
      const values = Object.fromEntries([...attrs.matchAll(/([^\s=]+)(?:="([^"]*)")?/g)].map((a) => [a[1]!.toLowerCase(), decode(a[2] ?? '')]));
      const lang = values.lang ?? top.lang;
      for (const name of SPOKEN_ATTRIBUTES) if (values[name]) out.push({ text: values[name]!, lang, where: name, tag });
      if (!VOID.has(tag) && !selfClosing && !RAW.has(tag)) stack.push({ tag, lang });
      continue;
    }
    const text = decode(whole);
    if (text.trim()) out.push({ text, lang: top.lang, where: 'text', tag: top.tag });
  }
  return out;
}

// Relative IRIs in SPARQL text, resolved as RFC 3986 §5.2 says (SPARQL 1.1 Query §4.1.1.1).
import { ChainMeter } from './chain.js';
import { QueryRefusal, tokens } from './lexer.js';

/** An IRI with a scheme is absolute (RFC 3986 §3.1); a SPARQL engine takes it as written. */
const ABSOLUTE = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** What an IRIREF may not hold once its escapes are decoded (SPARQL 1.1 Query §19.8, IRIREF). */
const NOT_IN_IRIREF = /[<>"{}|^`\\\u0000-\u0020]/;

/**
 * Whether `text` is an absolute IRI as SPARQL writes one in `<…>`: a scheme, and none of the
 * characters an IRIREF may not hold.
 *
 * @example
 * isAbsoluteIri('https://e.org/g') // true
 * isAbsoluteIri('my graph') // false
 */
export const isAbsoluteIri = (text: string): boolean => ABSOLUTE.test(text) && !NOT_IN_IRIREF.test(text);

/**
 * An IRI's `\u` and `\U` escapes decoded, as Oxigraph decodes them (one that names no code point
 * is left as it is: the parser refuses it).
 *
 * @example
 * unescapeIri('http://e.org/\\u00E4') // 'http://e.org/ä'
 */
export const unescapeIri = (iri: string): string =>
  iri.replace(/\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})/g, (escape, u: string | undefined, U: string | undefined) => {
    const code = parseInt(u ?? U!, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : escape;
  });

/** The five parts of a reference (RFC 3986 Appendix B); an absent part is undefined, an empty one ''. */
interface Parts {
  scheme?: string;
  authority?: string;
  path: string;
  query?: string;
  fragment?: string;
}

const REFERENCE = /^(?:([^:/?#]+):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#([\s\S]*))?$/;

function parts(reference: string): Parts {
  const [, scheme, authority, path, query, fragment] = REFERENCE.exec(reference)!;
  return { scheme, authority, path: path!, query, fragment };
}

/**
 * A path without its `.` and `..` segments (RFC 3986 §5.2.4), going segment by segment through
 * the input as the RFC's steps do. In an IRI with no authority (`urn:a:b`), a `..` that removes
 * a segment with no slash before it, or none, also drops the slash after it (`g/../h` is `h` and
 * `/../g` is `g`, where the RFC's steps give `/h` and `/g`), so no root appears that the path did
 * not have: as Oxigraph resolves, which the endpoint's two engines must match.
 *
 * @example
 * removeDotSegments('/a/b/c/./../../g') // '/a/g'
 * removeDotSegments('mid/content=5/../6') // 'mid/6'
 * removeDotSegments('g/../h', true) // 'h'
 */
export function removeDotSegments(path: string, noAuthority = false): string {
  let input = path;
  const output: string[] = [];
  while (input.length > 0) {
    if (input.startsWith('../')) input = input.slice(3);
    else if (input.startsWith('./')) input = input.slice(2);
    else if (input.startsWith('/./')) input = input.slice(2);
    else if (input === '/.') input = '/';
    else if (input.startsWith('/../') || input === '/..') {
      const rest = input.slice(input === '/..' ? 3 : 4);
      const popped = output.pop();
      input = noAuthority && !popped?.startsWith('/') ? rest : `/${rest}`;
    } else if (input === '.' || input === '..') input = '';
    else {
      // the first segment, with its leading slash if it has one, up to the next slash
      const next = input.indexOf('/', input.startsWith('/') ? 1 : 0);
      const segment = next < 0 ? input : input.slice(0, next);
      output.push(segment);
      input = input.slice(segment.length);
    }
  }
  return output.join('');
}

/** RFC 3986 §5.2.3: the reference's path appended to the base's up to its last slash. */
function merge(base: Parts, path: string): string {
  if (base.authority !== undefined && base.path === '') return `/${path}`;
  return base.path.slice(0, base.path.lastIndexOf('/') + 1) + path;
}

/** RFC 3986 §5.3: the parts written as one reference. */
function recompose(p: Parts): string {
  let out = p.scheme === undefined ? '' : `${p.scheme}:`;
  if (p.authority !== undefined) out += `//${p.authority}`;
  out += p.path;
  if (p.query !== undefined) out += `?${p.query}`;
  if (p.fragment !== undefined) out += `#${p.fragment}`;
  return out;
}

/**
 * `iri` resolved against `base` as RFC 3986 §5.2.2 says (strict: a reference with a scheme is
 * absolute), and where Oxigraph differs from the RFC, as Oxigraph does, since the endpoint's two
 * engines must agree: the path of a network-path reference (`//host/./a`) is kept as written, and
 * in an IRI with no authority a `..` adds no root (see `removeDotSegments`). An absolute IRI is
 * taken as written, as both engines take it, and so is any IRI when there is no base or the base
 * is not absolute.
 *
 * @example
 * resolveIri('../x', 'https://w3id.org/helsingborg-livskvalitet/sparql') // 'https://w3id.org/x'
 * resolveIri('//h/z', 'https://w3id.org/') // 'https://h/z'
 * resolveIri('http://e.org/a/../b', 'https://w3id.org/') // 'http://e.org/a/../b'
 */
export function resolveIri(iri: string, base: string | undefined): string {
  if (base === undefined || ABSOLUTE.test(iri) || !ABSOLUTE.test(base)) return iri;
  const b = parts(base);
  const r = parts(iri);
  const t: Parts = { scheme: b.scheme, path: '' };
  if (r.authority !== undefined) {
    t.authority = r.authority;
    t.path = r.path; // as Oxigraph resolves: RFC 3986 would remove its dot-segments too
    t.query = r.query;
  } else {
    t.authority = b.authority;
    if (r.path === '') {
      t.path = b.path;
      t.query = r.query ?? b.query;
    } else {
      t.path = removeDotSegments(r.path.startsWith('/') ? r.path : merge(b, r.path), b.authority === undefined);
      t.query = r.query;
    }
  }
  t.fragment = r.fragment;
  return recompose(t);
}

/**
 * The query with each relative IRI written as the absolute IRI it names: against `base`, and after
 * a `BASE` declaration against that (itself resolved first). Comunica 5.4's parser resolves
 * without removing dot-segments (`<../x>` against `…/a/b` gave `…/a/../x`) and joins a
 * network-path reference to the base's host (`<//h/z>` gave `https://w3id.org//h/z`); it takes an
 * absolute IRI as written, so this makes it resolve as Oxigraph and RFC 3986 do. The IRIs are the
 * pre-check's tokens (the same reading of `<` as Oxigraph's). A query the lexer cannot read (an
 * unterminated string) is returned as it is, for the engine to refuse.
 *
 * @example
 * absoluteIris('SELECT (<../x> AS ?a) {}', 'http://e.org/a/b') // 'SELECT (<http://e.org/x> AS ?a) {}'
 */
export function absoluteIris(query: string, base: string | undefined): string {
  let current = base;
  let out = '';
  let copied = 0;
  let afterBase = false; // the last token was the keyword BASE
  try {
    for (const token of tokens(query, Infinity, { depth: 0 }, new ChainMeter())) {
      if (token.t === 'iri') {
        const iri = unescapeIri(token.v);
        const resolved = resolveIri(iri, current);
        if (afterBase) current = resolved;
        if (resolved !== iri && !NOT_IN_IRIREF.test(resolved)) {
          out += `${query.slice(copied, token.start)}<${resolved}>`;
          copied = token.end;
        }
      }
      afterBase = token.t === 'kw' && token.v === 'BASE';
    }
  } catch (e) {
    if (e instanceof QueryRefusal) return query;
    throw e;
  }
  return copied === 0 ? query : out + query.slice(copied);
}

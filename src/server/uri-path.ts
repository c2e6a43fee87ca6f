// Request paths against our IRIs (RFC 3986/3987): which percent-encodings are the same character, which are data.

/** RFC 3986 §2.3 unreserved characters: encoding one changes nothing (§6.2.2.2). */
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;
const ESCAPE = /%([0-9A-Fa-f]{2})/g;
const ESCAPES = /(?:%[0-9A-Fa-f]{2})+/g;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The path in RFC 3986 §6.2.2 normal form: percent-encoded unreserved characters decoded
 * (`%2e` → `.`, `%41` → `A`) and the hex digits of every other escape in upper case. Reserved
 * characters stay encoded (`%2F` is not `/`). Equal to the input when it is already normal.
 *
 * @example
 * normalPath('/lkp/2016/4.4.3%2ettl') // '/lkp/2016/4.4.3.ttl'
 * normalPath('/lkp%2f2016') // '/lkp%2F2016'
 */
export function normalPath(path: string): string {
  if (!path.includes('%')) return path;
  return path.replace(ESCAPE, (_m, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : `%${hex.toUpperCase()}`;
  });
}

/**
 * The IRI form of a request path (RFC 3987 §3.2): percent-encoded UTF-8 decoded to characters,
 * except ASCII characters that are not unreserved (`/`, `#`, `?`, `%`, space, …), which stay
 * encoded because there they are data, not delimiters. So `/lkp%2F2016%2F4.4.3` is one segment
 * and names no IRI of ours, while `/vision2035/g%C3%B6r` names `…/vision2035/gör`. Undefined when
 * an escape is not UTF-8.
 *
 * @example
 * iriPath('/lkp%2F2016') // '/lkp%2F2016'
 * iriPath('/a%C3%B6') // '/aö'
 * iriPath('/%E0%A4%A') // undefined
 */
export function iriPath(path: string): string | undefined {
  if (!path.includes('%')) return path;
  try {
    return path.replace(ESCAPES, (run) => {
      const bytes = Uint8Array.from(run.slice(1).split('%'), (hex) => parseInt(hex, 16));
      return [...strictUtf8.decode(bytes)].map((ch) => (ch.charCodeAt(0) < 0x80 && !UNRESERVED.test(ch) ? `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}` : ch)).join('');
    });
  } catch {
    return undefined;
  }
}

/**
 * A root-relative Location that stays on this site: a path starting `//` (or `/\`, which browsers
 * read the same way) would be a network-path reference to another host (RFC 3986 §4.2), so the
 * leading slashes collapse to one. `//evil.example/x` → `/evil.example/x` (which then answers 404).
 *
 * @example
 * onThisSite('//evil.example/x?y') // '/evil.example/x?y'
 */
export const onThisSite = (location: string): string => location.replace(/^[/\\]{2,}/, '/');

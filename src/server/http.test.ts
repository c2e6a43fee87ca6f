// Tests of the HTTP helpers: Accept-Encoding negotiation (preferredEncoding, acceptsGzip), echoing client input (clip).
import { describe, expect, it } from 'vitest';
import type { ContentCoding } from '../compression.js';
import { acceptsGzip, clip, httpError, preferredEncoding } from './http.js';

const BOTH: readonly ContentCoding[] = ['br', 'gzip'];

describe('preferredEncoding()', () => {
  it.each<[string, string | undefined, ContentCoding | undefined]>([
    ['no header', undefined, undefined],
    ['an empty header', '', undefined],
    ['only identity', 'identity', undefined],
    ['a coding we do not offer', 'deflate, zstd', undefined],
    ['a browser (tie: server order)', 'gzip, deflate, br, zstd', 'br'],
    ['gzip only', 'gzip', 'gzip'],
    ['x-gzip as gzip', 'x-gzip', 'gzip'],
    ['br only', 'br', 'br'],
    ['higher q wins', 'br;q=0.5, gzip;q=0.8', 'gzip'],
    ['q=0 excludes', 'br;q=0, gzip', 'gzip'],
    ['q=0 on both', 'br;q=0, gzip;q=0.000', undefined],
    ['* allows both', '*', 'br'],
    ['* with q', '*;q=0.5', 'br'],
    ['*;q=0 excludes both', '*;q=0', undefined],
    ['explicit entry over *', 'br;q=0, *', 'gzip'],
    ['* is weaker than an explicit q', 'gzip;q=0.9, *;q=0.1', 'gzip'],
    ['identity does not compete', 'identity;q=1, gzip;q=0.1', 'gzip'],
    ['identity;q=0 alone', 'identity;q=0', undefined],
    ['case and spaces', ' GZIP ; Q=0.5 , Br ; q=0.4 ', 'gzip'],
    ['malformed q skipped', 'br;q=2, gzip;q=abc', undefined],
    ['malformed q falls back to *', 'br;q=0.5000, *;q=0.2', 'br'],
    ['a coding named twice keeps its highest q', 'gzip;q=0, x-gzip;q=0.5, br;q=0.4', 'gzip'],
  ])('%s (%j)', (_name, header, expected) => {
    expect(preferredEncoding(header, BOTH)).toBe(expected);
  });

  it('breaks ties by the order offered', () => {
    expect(preferredEncoding('gzip, br', ['gzip', 'br'])).toBe('gzip');
    expect(preferredEncoding('br', ['gzip'])).toBeUndefined();
  });

  it('chooses by the offer as well as the header, and reads a long header of many codings', () => {
    expect(preferredEncoding('br;q=0.5, gzip', BOTH)).toBe('gzip');
    expect(preferredEncoding('br;q=0.5, gzip', ['br'])).toBe('br');
    const long = `${Array.from({ length: 200 }, (_, i) => `x-made-up-${i};q=0.1`).join(', ')}, br;q=0.9`;
    expect(preferredEncoding(long, BOTH)).toBe('br');
  });
});

describe('acceptsGzip()', () => {
  it.each<[string | undefined, boolean]>([
    [undefined, false],
    ['gzip', true],
    ['x-gzip', true],
    ['*', true],
    ['gzip;q=0', false],
    ['gzip;q=0, *', false],
    ['br, identity', false],
  ])('%j → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});

describe('clip()', () => {
  it('cuts long input with an ellipsis', () => {
    expect(clip('abcdef', 3)).toBe('abc…');
    expect(clip('abc', 3)).toBe('abc');
  });

  it('writes control characters as \\u escapes, so an echoed value cannot drive a terminal', () => {
    expect(clip('\u001b[31mred\r\nX\u007f\u0085')).toBe('\\u001b[31mred\\u000d\\u000aX\\u007f\\u0085');
    expect(clip('å ä ö – “ok”')).toBe('å ä ö – “ok”');
  });
});

describe('httpError()', () => {
  it('writes control characters in its message as \\u escapes, line feeds and tabs kept', async () => {
    const res = httpError(400, '<http://e/\u001b[2J> is not a graph\n\tline two\u009b').getResponse();
    expect(await res.text()).toBe('<http://e/\\u001b[2J> is not a graph\n\tline two\\u009b\n');
  });
});

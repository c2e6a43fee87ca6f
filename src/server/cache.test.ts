// The LRU cache's bounds: entry count, and bytes with the keys counted.
import { describe, expect, it } from 'vitest';
import { LruCache } from './cache.js';

describe('LruCache', () => {
  it('drops the least recently used entry beyond the entry count', () => {
    const cache = new LruCache<number>(2, 1e9, () => 0);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
  });

  it('counts keys toward the bytes (two a UTF-16 code unit), so long keys push entries out', () => {
    const cache = new LruCache<number>(100, 1000, () => 0);
    cache.set('a'.repeat(400), 1);
    cache.set('b'.repeat(400), 2);
    expect(cache.size).toBe(1);
    expect(cache.get('b'.repeat(400))).toBe(2);
  });

  // Long keys (SPARQL GET targets of kilobytes) are filed by a sample of them; keys that differ only
  // outside the sample share a bucket, and must still be told apart.
  const long = (at: number, c: string) => `${'q'.repeat(at)}${c}${'q'.repeat(999 - at)}`;

  it('tells apart long keys that differ anywhere, also outside the part it files them by', () => {
    const cache = new LruCache<number>(100, 1e9, () => 0);
    for (const at of [0, 100, 300, 500, 700, 999]) for (const [c, v] of [['a', 1], ['b', 2]] as const) cache.set(long(at, c), at * 10 + v);
    expect(cache.size).toBe(12);
    for (const at of [0, 100, 300, 500, 700, 999]) expect([cache.get(long(at, 'a')), cache.get(long(at, 'b'))]).toEqual([at * 10 + 1, at * 10 + 2]);
    expect(cache.get(long(100, 'c'))).toBeUndefined();
  });

  it('drops the least recently used of long keys that share a bucket', () => {
    const cache = new LruCache<number>(2, 1e9, () => 0);
    cache.set(long(100, 'a'), 1);
    cache.set(long(100, 'b'), 2);
    cache.get(long(100, 'a'));
    cache.set('short', 3);
    expect([cache.get(long(100, 'a')), cache.get(long(100, 'b')), cache.get('short')]).toEqual([1, undefined, 3]);
  });

  it('keeps at most 8 keys in one bucket, so a lookup compares at most 8 keys', () => {
    const cache = new LruCache<number>(100, 1e9, () => 0);
    const keys = [...'abcdefghij'].map((c) => long(100, c));
    keys.forEach((k, i) => cache.set(k, i));
    expect(cache.size).toBe(8);
    expect(keys.map((k) => cache.get(k))).toEqual([undefined, undefined, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('replaces the value of a key set again, counting its bytes once', () => {
    const cache = new LruCache<number>(100, 5000, (v) => v);
    cache.set(long(100, 'a'), 100);
    cache.set(long(100, 'a'), 200);
    expect(cache.size).toBe(1);
    expect(cache.get(long(100, 'a'))).toBe(200);
    cache.set('x', 2500); // 2 000 bytes of key + 200, then 2 + 2 500: within 5 000
    expect(cache.size).toBe(2);
  });

  it('keeps a key asked for again and again while others come and go', () => {
    const cache = new LruCache<number>(16, 1e9, () => 0);
    cache.set('hot', 0);
    for (let i = 1; i <= 200; i++) {
      cache.set(`k${i}`, i);
      expect(cache.get('hot')).toBe(0);
    }
    expect(cache.size).toBe(16);
    expect(cache.get('k185')).toBeUndefined(); // the hot key and the 15 newest (k186–k200) fill it
    expect(cache.get('k186')).toBe(186);
  });

  it('does not store an entry larger than the byte bound, key included', () => {
    const cache = new LruCache<number>(100, 1000, () => 600);
    cache.set('x'.repeat(300), 1);
    expect(cache.size).toBe(0);
  });
});

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

  it('does not store an entry larger than the byte bound, key included', () => {
    const cache = new LruCache<number>(100, 1000, () => 600);
    cache.set('x'.repeat(300), 1);
    expect(cache.size).toBe(0);
  });
});

// A bounded least-recently-used cache, limited by entry count and by total size (keys included).

/**
 * Map-backed LRU: `get` refreshes an entry, `set` evicts the oldest entries beyond either bound.
 * An entry's size is `sizeOf(value)` plus its key's (two bytes a UTF-16 code unit): keys built
 * from request targets and headers can be tens of kilobytes, and they are held as long as the
 * value. An entry larger than `maxBytes` (key included) is not stored.
 *
 * @example
 * const cache = new LruCache<string>(100, 1e6, (v) => v.length);
 * cache.set('k', 'v'); cache.get('k'); // 'v'
 */
export class LruCache<V> {
  private readonly entries = new Map<string, { value: V; size: number }>();
  private bytes = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
    private readonly sizeOf: (value: V) => number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V): void {
    const size = this.sizeOf(value) + 2 * key.length;
    if (this.maxEntries <= 0 || size > this.maxBytes) return;
    this.delete(key);
    this.entries.set(key, { value, size });
    this.bytes += size;
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) this.delete(this.entries.keys().next().value!);
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.size;
    this.entries.delete(key);
  }
}

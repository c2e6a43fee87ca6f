// A bounded least-recently-used cache, limited by entry count and by total size (keys included).

/** Keys longer than this are filed by a sample of them (see `bucketOf`). */
const LONG_KEY = 160;

/** The most keys that share a bucket: a lookup compares at most this many. */
const MAX_BUCKET = 8;

/**
 * The name a key is filed under: a short key itself; a long one, its length and 48 characters each
 * from its start, middle and end. V8 hashes a string by every character, about 1.5 ns each, and a
 * request's key is a new string every time: 2 µs for the 1.3 KB target of a SPARQL GET, a tenth of
 * the server's CPU per cached answer. The sample is hashed in a tenth of that; the full key is then
 * compared, which is fast. Keys that differ only outside the sample (a templated query) share a
 * bucket and are told apart by that comparison.
 *
 * @example
 * bucketOf('/lkp/2016/4.4\ntext/html') // '/lkp/2016/4.4\ntext/html'
 */
function bucketOf(key: string): string {
  if (key.length <= LONG_KEY) return key;
  const middle = key.length >> 1;
  return `${key.length}\u0000${key.slice(0, 48)}${key.slice(middle - 24, middle + 24)}${key.slice(-48)}`;
}

interface Item<V> {
  key: string;
  value: V;
  size: number;
}

interface Bucket<V> {
  /** Least recently used first. */
  items: Array<Item<V>>;
  /** The operation count when the bucket last moved to the recent end. */
  moved: number;
}

/**
 * Map-backed LRU: `get` refreshes an entry, `set` evicts the oldest entries beyond either bound.
 * An entry's size is `sizeOf(value)` plus its key's (two bytes a UTF-16 code unit): keys built
 * from request targets and headers can be tens of kilobytes, and they are held as long as the
 * value. An entry larger than `maxBytes` (key included) is not stored.
 *
 * Entries are filed in buckets by `bucketOf`, kept in the order they were last used, to within
 * `maxEntries / 8` operations: a bucket used again that soon after it last moved keeps its place.
 * Moving a bucket (a Map delete and set) in a Map of a thousand entries costs about 1.6 µs, more
 * than the lookup, because V8 rebuilds a Map's table when its deleted slots fill it; a key asked for
 * again and again moves once in `maxEntries / 8` lookups. With fewer than 8 entries, and with no two
 * keys in one bucket (every key up to 160 characters, and long keys that differ in their sample),
 * that is exact LRU. Keys that share a bucket are refreshed together, and a bucket holds at most
 * MAX_BUCKET of them (the oldest goes first).
 *
 * @example
 * const cache = new LruCache<string>(100, 1e6, (v) => v.length);
 * cache.set('k', 'v'); cache.get('k'); // 'v'
 */
export class LruCache<V> {
  /** Buckets, least recently used first. */
  private readonly buckets = new Map<string, Bucket<V>>();
  private count = 0;
  private bytes = 0;
  /** Operations so far (gets and sets). */
  private ops = 0;
  /** How many operations a bucket keeps its place after it moved. */
  private readonly slack: number;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
    private readonly sizeOf: (value: V) => number,
  ) {
    this.slack = Math.floor(maxEntries / 8);
  }

  get size(): number {
    return this.count;
  }

  get(key: string): V | undefined {
    const name = bucketOf(key);
    const bucket = this.buckets.get(name);
    if (!bucket) return undefined;
    const { items } = bucket;
    const i = indexIn(items, key);
    if (i < 0) return undefined;
    const item = items[i]!;
    if (i !== items.length - 1) items.push(...items.splice(i, 1));
    if (++this.ops - bucket.moved > this.slack) this.moveToRecent(name, bucket);
    return item.value;
  }

  set(key: string, value: V): void {
    const size = this.sizeOf(value) + 2 * key.length;
    if (this.maxEntries <= 0 || size > this.maxBytes) return;
    const name = bucketOf(key);
    let bucket = this.buckets.get(name);
    if (bucket) {
      const i = indexIn(bucket.items, key);
      if (i >= 0) this.remove(bucket, i);
      else if (bucket.items.length >= MAX_BUCKET) this.remove(bucket, 0);
    } else {
      bucket = { items: [], moved: 0 };
    }
    bucket.items.push({ key, value, size });
    this.count++;
    this.bytes += size;
    this.ops++;
    this.moveToRecent(name, bucket);
    while (this.count > this.maxEntries || this.bytes > this.maxBytes) {
      const [oldestName, oldest] = this.buckets.entries().next().value!;
      this.remove(oldest, 0);
      if (oldest.items.length === 0) this.buckets.delete(oldestName);
    }
  }

  /** Files `bucket` as the most recently used. */
  private moveToRecent(name: string, bucket: Bucket<V>): void {
    this.buckets.delete(name);
    this.buckets.set(name, bucket);
    bucket.moved = this.ops;
  }

  /** Takes item `i` out of `bucket` (which may be left empty: the caller drops or refills it). */
  private remove(bucket: Bucket<V>, i: number): void {
    const [item] = bucket.items.splice(i, 1);
    this.count--;
    this.bytes -= item!.size;
  }
}

/** Where `key` is in `bucket`, or -1. */
function indexIn<V>(bucket: ReadonlyArray<Item<V>>, key: string): number {
  for (let i = bucket.length - 1; i >= 0; i--) if (bucket[i]!.key === key) return i;
  return -1;
}

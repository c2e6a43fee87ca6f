// Values made on first use: what the pages need from the data is built when a page first asks (or a warm-up does), not before the server listens.

/**
 * A value made on first use, then kept.
 *
 * @example
 * const model = once(() => siteModel(dataset));
 * model() === model() // true, built once
 */
export function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

// Short keys used in the curation tables (e.g. `lkp2016:4.4.3.2`, `sdg:11.2`) and the IRIs they stand for.
import { DEFAULT_BASE, NS } from '../vocab.js';

/** Key prefix → IRI namespace, in the default base (the build moves them to the configured base). */
export const KEY_NAMESPACES: Record<string, string> = {
  lkp2016: DEFAULT_BASE + 'lkp/2016/',
  sdg: NS.sdg,
  vision: DEFAULT_BASE + 'vision2035/',
  transf: DEFAULT_BASE + 'transformationer/',
  treklovern: DEFAULT_BASE + 'treklovern/',
  plan: DEFAULT_BASE + 'styrdokument/',
  fhm: DEFAULT_BASE + 'folkhalsomal/',
  mkm: DEFAULT_BASE + 'miljomal/',
  rus: DEFAULT_BASE + 'rus2030/',
};

/** Source-document ids used in the tables (seed file prefixes) → the document's IRI in the dataset. */
export const SOURCE_DOCUMENTS: Record<string, string> = {
  '000': DEFAULT_BASE + 'lkp/2016',
  '001': DEFAULT_BASE + 'lkp/2016',
  '002': DEFAULT_BASE + 'transformationer',
  '003': DEFAULT_BASE + 'lkp',
  '004': DEFAULT_BASE + 'treklovern',
};

/**
 * Resolves a table key to an IRI; throws on an unknown prefix.
 * @example keyToIri('sdg:13.2') // 'http://metadata.un.org/sdg/13.2'
 */
export function keyToIri(key: string): string {
  const i = key.indexOf(':');
  const ns = i > 0 ? KEY_NAMESPACES[key.slice(0, i)] : undefined;
  if (!ns || i === key.length - 1) throw new Error(`unknown key "${key}" (expected one of ${Object.keys(KEY_NAMESPACES).join(', ')} followed by ':')`);
  return ns + key.slice(i + 1);
}

/**
 * Turns an IRI back into its key, or undefined when no key prefix covers it.
 * @example iriToKey('http://metadata.un.org/sdg/13') // 'sdg:13'
 */
export function iriToKey(iri: string): string | undefined {
  for (const [prefix, ns] of Object.entries(KEY_NAMESPACES)) {
    if (iri.startsWith(ns) && iri.length > ns.length && !iri.slice(ns.length).includes('/')) return `${prefix}:${iri.slice(ns.length)}`;
  }
  return undefined;
}

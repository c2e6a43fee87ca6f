// links.csv-metadata.json: the W3C CSV on the Web (CSVW) description of links.csv, with its licence and the UN citation.
import { DATASET_TEXT } from '../metadata/datasets.js';
import { LICENSE_DATA, LINK_RIGHTS, UN_KOS_CITATION, UN_KOS_LICENSE } from './sources.js';

/** The columns of links.csv, in order: the header's names, and what each holds (sv, en). */
export const LINKS_CSV_COLUMNS: ReadonlyArray<{ name: string; iri?: boolean; required?: boolean; sv: string; en: string }> = [
  { name: 'link', iri: true, required: true, sv: 'Länkens IRI (en lkpo:Link).', en: 'The IRI of the link (an lkpo:Link).' },
  { name: 'from', iri: true, required: true, sv: 'Begreppet länken utgår från (lkpo:linkFrom).', en: 'The concept the link starts from (lkpo:linkFrom).' },
  { name: 'from_label', sv: 'Dess svenska etikett, annars den engelska.', en: 'Its Swedish label, else the English one.' },
  { name: 'to', iri: true, required: true, sv: 'Begreppet länken pekar på (lkpo:linkTo).', en: 'The concept the link points to (lkpo:linkTo).' },
  { name: 'to_label', sv: 'Dess svenska etikett, annars den engelska (för FN:s delmål och indikatorer FN:s engelska text).', en: "Its Swedish label, else the English one (for the UN's targets and indicators, the UN's English text)." },
  { name: 'basis', required: true, sv: 'Grunden (lkpo:basis): stated, curated eller derived.', en: 'The basis (lkpo:basis): stated, curated or derived.' },
  { name: 'strength', required: true, sv: 'Styrkan (lkpo:strength): close eller related.', en: 'The strength (lkpo:strength): close or related.' },
  { name: 'source', iri: true, sv: 'Källdokumentet som säger länken (dcterms:source), för länkar med grunden stated.', en: 'The source document that states the link (dcterms:source), for stated links.' },
  { name: 'section', sv: 'Avsnittet i källdokumentet (lkpo:citedSection), för länkar med grunden stated.', en: 'The section of the source document (lkpo:citedSection), for stated links.' },
  { name: 'rationale', sv: 'Motiveringen (lkpo:rationale): en mening som citerar texten länken vilar på.', en: 'The rationale (lkpo:rationale): one sentence quoting the text the link rests on.' },
];

const both = (t: { sv: string; en: string }) => [
  { '@value': t.sv, '@language': 'sv' },
  { '@value': t.en, '@language': 'en' },
];

/**
 * The CSVW metadata of links.csv (W3C "Metadata Vocabulary for Tabular Data"), at the name a CSVW
 * processor looks for first (`links.csv-metadata.json`, "Model for Tabular Data" §5.3): title,
 * licence, rights with the UN SDG KOS citation (the table quotes the UN's target and indicator
 * texts), and the table's schema. Written by the build beside links.csv, deterministically.
 *
 * @example JSON.parse(linksCsvMetadata()).tableSchema.columns[0].titles // 'link'
 */
export function linksCsvMetadata(): string {
  const text = DATASET_TEXT.links;
  const doc = {
    '@context': 'http://www.w3.org/ns/csvw',
    url: 'links.csv',
    'dc:title': both(text.title),
    'dc:description': both(text.description),
    'dc:license': { '@id': LICENSE_DATA },
    'dc:rights': [
      {
        '@value':
          `Projektets eget arbete är licensierat under CC BY 4.0. ${LINK_RIGHTS.sv} ` +
          'Kolumnen to_label ger för FN:s mål, delmål och indikatorer FN:s text ur dess kunskapsorganisationssystem (SDG KOS), som får spridas med denna citering: ' +
          UN_KOS_CITATION,
        '@language': 'sv',
      },
      {
        '@value':
          `The project's own work is licensed under CC BY 4.0. ${LINK_RIGHTS.en} ` +
          "For the UN's goals, targets and indicators, the column to_label gives the UN's text from its Knowledge Organization System (SDG KOS). " +
          UN_KOS_LICENSE,
        '@language': 'en',
      },
    ],
    tableSchema: {
      columns: LINKS_CSV_COLUMNS.map((c) => ({
        name: c.name,
        titles: c.name,
        'dc:description': both(c),
        datatype: c.iri ? 'anyURI' : 'string',
        ...(c.required ? { required: true } : {}),
      })),
      primaryKey: 'link',
      aboutUrl: '{+link}',
    },
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

/** The file name of links.csv's CSVW description in dist/ and under /download/. */
export const CSVW_METADATA = 'links.csv-metadata.json';

// The example queries of queries/*.rq, read once, each with the question its "# Question:" (and "# Fråga:") line asks.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../graph/config.js';

export interface Example {
  /** File name without `.rq`, e.g. `priorities-linked-to-sdg-13`. */
  name: string;
  /** The question, from the file's `# Question:` line. */
  question: string;
  /** The same question in Swedish, from the `# Fråga:` line, if the file has one. */
  questionSv?: string;
  query: string;
}

/** The project's queries/ folder. */
export const QUERIES_DIR = join(ROOT, 'queries');

/**
 * Every `.rq` file of a folder as a named example, in file-name order.
 *
 * @example
 * loadExamples()[0]?.question // 'Which priorities substantially express an SDG target …?'
 */
export function loadExamples(dir: string = QUERIES_DIR): Example[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.rq'))
    .sort()
    .map((file) => {
      const query = readFileSync(join(dir, file), 'utf8');
      const question = /^#\s*Question:\s*(.+)$/m.exec(query)?.[1]?.trim() ?? file;
      const questionSv = /^#\s*Fråga:\s*(.+)$/m.exec(query)?.[1]?.trim();
      return { name: file.slice(0, -3), question, ...(questionSv ? { questionSv } : {}), query };
    });
}

// Paths given on the command line of an npm script.
import path from 'node:path';

/**
 * A path as the user meant it: `npm run` starts scripts in the package root and passes the
 * directory it was called from as INIT_CWD, so a relative path is resolved against that.
 *
 * @example
 * readFileSync(userPath('my-question.rq'));
 */
export const userPath = (p: string): string => path.resolve(process.env.INIT_CWD ?? process.cwd(), p);

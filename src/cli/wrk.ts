// The bench's second load client: wrk (C, Debian's package `wrk`), which counts a body's bytes without decoding them.
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The wrk executable: WRK if set, else the first `wrk` on PATH; undefined when there is none. */
export function findWrk(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = env.WRK ? [env.WRK] : (env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, 'wrk'));
  for (const file of candidates) {
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** wrk's time units (its format_time_us): a number with two decimals and one of these. */
const UNIT_SECONDS: Record<string, number> = { us: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };

export interface WrkRun {
  /** Responses completed. */
  requests: number;
  /** How long the run took, by wrk's own clock. */
  seconds: number;
  /** Responses with a status other than 2xx or 3xx. */
  non2xx: number;
  /** wrk's CPU time, user + system, in ms (from the shell's `times`), when it could be read. */
  clientMs?: number;
}

/**
 * Reads wrk's summary (`  24990 requests in 1.00s, 54.99MB read`, and `Non-2xx or 3xx
 * responses: 3` when there were any) and, when the run was wrapped in a shell whose `times`
 * printed after it, the CPU time of the shell's children (`0m0.412s 0m0.871s`, user then system).
 *
 * @example
 * parseWrk('Running 1s test @ http://127.0.0.1:3000/\n  1 threads and 10 connections\n  24990 requests in 1.00s, 54.99MB read\nRequests/sec:  24990.00\n')
 * // { requests: 24990, seconds: 1, non2xx: 0 }
 */
export function parseWrk(output: string): WrkRun {
  const summary = /^\s*(\d+) requests in (\d+(?:\.\d+)?)(us|ms|s|m|h), /m.exec(output);
  if (!summary) throw new Error(`wrk printed no "N requests in T" line:\n${output.slice(0, 500)}`);
  const non2xx = /^\s*Non-2xx or 3xx responses: (\d+)/m.exec(output);
  const run: WrkRun = { requests: Number(summary[1]), seconds: Number(summary[2]) * UNIT_SECONDS[summary[3]!]!, non2xx: non2xx ? Number(non2xx[1]) : 0 };
  // bash's `times`: two lines, the shell's own user and system time, then its children's.
  const times = [...output.matchAll(/^(\d+)m(\d+(?:\.\d+)?)s (\d+)m(\d+(?:\.\d+)?)s$/gm)];
  const children = times[1];
  if (children) run.clientMs = 1000 * (60 * Number(children[1]) + Number(children[2]) + 60 * Number(children[3]) + Number(children[4]));
  return run;
}

/** A run's length as wrk takes it: whole seconds, at least 1. */
export const wholeSeconds = (seconds: number): number => Math.max(1, Math.round(seconds));

/**
 * Runs wrk (one thread, like autocannon in the bench's process; `connections` connections) for
 * whole `seconds` (wrk takes no fractions) against `url` with `headers`, inside bash so that its
 * CPU time can be read with `times`.
 */
export function wrkLoad(wrk: string, url: string, headers: Record<string, string>, seconds: number, connections = 10): Promise<WrkRun> {
  const args = ['-t1', `-c${connections}`, `-d${wholeSeconds(seconds)}s`, ...Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]), url];
  return new Promise((resolve, reject) => {
    execFile('bash', ['-c', '"$0" "$@" && times', wrk, ...args], { maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`${wrk} ${args.join(' ')} failed (exit code ${String(error.code)}): ${stderr.trim() || stdout.trim() || 'no message'}`));
      try {
        resolve(parseWrk(stdout));
      } catch (e) {
        reject(e as Error);
      }
    });
  });
}

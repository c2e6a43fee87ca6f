// The bench's second client: reading wrk's summary and finding wrk.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findWrk, parseWrk } from '../../src/cli/wrk.js';

/** What wrk 4.1.0 prints for a 1 s run, then what bash's `times` prints after it. */
const RUN = `Running 1s test @ http://127.0.0.1:3901/lkp/2016/4.4.3
  1 threads and 10 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   412.31us  101.20us   3.10ms   90.12%
    Req/Sec    24.12k     1.01k   25.30k    80.00%
  24012 requests in 1.00s, 98.51MB read
Requests/sec:  24001.33
Transfer/sec:     98.47MB
0m0.004s 0m0.002s
0m0.312s 0m0.615s
`;

describe('parseWrk', () => {
  it('reads the responses, the run time and the client CPU time', () => {
    const run = parseWrk(RUN);
    expect(run.requests).toBe(24012);
    expect(run.seconds).toBe(1);
    expect(run.non2xx).toBe(0);
    expect(run.clientMs).toBeCloseTo(927, 6);
  });

  it('reads run times in every unit wrk prints, and the non-2xx count', () => {
    expect(parseWrk('  10 requests in 999.50ms, 1.00KB read\n').seconds).toBeCloseTo(0.9995, 9);
    expect(parseWrk('  10 requests in 1.20m, 1.00KB read\n').seconds).toBeCloseTo(72, 9);
    expect(parseWrk('  10 requests in 850.00us, 1.00KB read\n  Non-2xx or 3xx responses: 7\n').non2xx).toBe(7);
  });

  it('leaves the client CPU time unknown without the shell\'s times', () => {
    expect(parseWrk('  10 requests in 1.00s, 1.00KB read\n').clientMs).toBeUndefined();
  });

  it('says what it missed when the summary line is not there', () => {
    expect(() => parseWrk('unable to connect to 127.0.0.1:3901 Connection refused\n')).toThrow(/no "N requests in T" line[\s\S]*Connection refused/);
  });
});

describe('findWrk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wrk-'));
  const wrk = join(dir, 'wrk');
  writeFileSync(wrk, '#!/bin/sh\n');
  chmodSync(wrk, 0o755);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds an executable wrk on PATH, or the one WRK names', () => {
    expect(findWrk({ PATH: `/nonexistent:${dir}` })).toBe(wrk);
    expect(findWrk({ WRK: wrk, PATH: '' })).toBe(wrk);
  });

  it('is undefined when there is none, or WRK names a file that is not there', () => {
    expect(findWrk({ PATH: '/nonexistent' })).toBeUndefined();
    expect(findWrk({ WRK: join(dir, 'missing'), PATH: dir })).toBeUndefined();
  });
});

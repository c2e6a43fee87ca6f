// `npm start` as shipped: src/cli/start.mjs compiles the server and its query workers to .build/server/ and runs them.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../src/graph/config.js';
import { FIXTURE_DIST, sparqlUrl } from './helpers.js';

let child: ChildProcess;
let origin: string;

beforeAll(async () => {
  child = spawn(process.execPath, ['src/cli/start.mjs'], { cwd: ROOT, env: { ...process.env, PORT: '0', DIST_DIR: FIXTURE_DIST }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "serving" line within 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /serving \S+ on (http:\/\/localhost:\d+)\//.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
}, 90_000);

afterAll(async () => {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
});

describe('npm start (the compiled server)', () => {
  it('answers a query in a compiled worker, and a graph query through its lazily loaded document writer', async () => {
    const ask = await fetch(`${origin}${sparqlUrl('ASK { ?s ?p ?o }')}`);
    expect(ask.status).toBe(200);
    expect(((await ask.json()) as { boolean: boolean }).boolean).toBe(true);
    const construct = await fetch(`${origin}${sparqlUrl('CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 5')}`, { headers: { accept: 'application/ld+json' } });
    expect(construct.status).toBe(200);
    expect(JSON.parse(await construct.text())).toHaveProperty('@context');
  });

  it('serves pages and the assets it reads from the source tree and node_modules', async () => {
    for (const [url, type] of [
      ['/', 'text/html'],
      ['/sparql', 'text/html'],
      ['/assets/site.css', 'text/css'],
      ['/assets/yasgui.min.js', 'text/javascript'],
    ]) {
      const res = await fetch(`${origin}${url}`, { headers: { accept: 'text/html' } });
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type'), url).toContain(type);
    }
  });
});

// Shared helpers for the server tests: the fixture dataset and an app started once per suite.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';
import { ROOT } from '../../src/graph/config.js';
import { createApp, type AppOptions, type ServerApp } from '../../src/server/app.js';

/** A small built dataset with the same layout as dist/ (regenerate with test/fixtures/make-dist.ts). */
export const FIXTURE_DIST = fileURLToPath(new URL('../fixtures/dist', import.meta.url));
export const BASE = 'https://w3id.org/helsingborg-livskvalitet/';

/** Starts an app on the fixture before the suite and closes it after; read `.current` in tests. */
export function useApp(options: Partial<AppOptions> = {}): { current: ServerApp } {
  const holder = {} as { current: ServerApp };
  beforeAll(async () => {
    holder.current = await createApp({ distDir: FIXTURE_DIST, ...options });
  });
  afterAll(async () => {
    await holder.current?.close();
  });
  return holder;
}

/** `/sparql?query=…` with optional extra parameters. */
export function sparqlUrl(query: string, extra: Record<string, string | string[]> = {}): string {
  const params = new URLSearchParams({ query });
  for (const [k, v] of Object.entries(extra)) for (const x of [v].flat()) params.append(k, x);
  return `/sparql?${params}`;
}

export const PREFIXES = `PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX lkpo: <https://w3id.org/helsingborg-livskvalitet/def#>
`;

/** What a browser sends as Accept for a page. */
export const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** A function that GETs a path as a browser would from the suite's app, expects 200 and returns the HTML. */
export function pageGetter(server: { current: ServerApp }): (path: string) => Promise<string> {
  return async (path) => {
    const res = await server.current.app.request(path, { headers: { accept: BROWSER } });
    expect(res.status, path).toBe(200);
    return res.text();
  };
}

/**
 * Runs `src/cli/start.mjs` (what `npm start` runs) on a free port with `env` added; `ready`
 * resolves with its origin once it prints its "serving" line, and rejects if it exits first.
 */
export function spawnStart(env: Record<string, string>): { child: ChildProcess; ready: Promise<{ origin: string; output: () => string }> } {
  const child = spawn(process.execPath, ['src/cli/start.mjs'], { cwd: ROOT, env: { ...process.env, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ready = new Promise<{ origin: string; output: () => string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "serving" line within 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /serving \S+ on (http:\/\/localhost:\d+)\//.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({ origin: m[1]!, output: () => output });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
  return { child, ready };
}

/** Stops a child process with SIGTERM and waits for it to exit (at once if it has already). */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Starts `http` on a free port of 127.0.0.1; resolves with the port. */
export async function listenLocally(http: Server): Promise<number> {
  http.listen(0, '127.0.0.1');
  await new Promise((resolve) => http.once('listening', resolve));
  return (http.address() as AddressInfo).port;
}

/** Closes `http` and every connection it still has. */
export async function closeServer(http: Server): Promise<void> {
  http.closeAllConnections();
  await new Promise((resolve) => http.close(resolve));
}

/** Sends one raw HTTP/1.1 request (connection: close; Host 127.0.0.1 unless given) and returns every byte of the answer. */
export function raw(port: number, method: string, target: string, headers: Record<string, string> = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const { Host: host = `127.0.0.1:${port}`, ...rest } = headers;
    const lines = [`${method} ${target} HTTP/1.1`, `Host: ${host}`, 'Connection: close', ...Object.entries(rest).map(([k, v]) => `${k}: ${v}`)];
    socket.on('connect', () => socket.write(`${lines.join('\r\n')}\r\n\r\n`));
    socket.on('data', (c) => chunks.push(c));
    socket.on('end', () => resolve(Buffer.concat(chunks)));
    socket.on('error', reject);
  });
}

/** The answer with its Date header masked (the only part allowed to differ). */
export const masked = (answer: Buffer): string => answer.toString('latin1').replace(/\r\nDate: [^\r]*\r\n/, '\r\nDate: -\r\n');

export const status = (answer: Buffer): number => Number(answer.toString('latin1').slice(9, 12));
export const header = (answer: Buffer, name: string): string | undefined =>
  new RegExp(`\\r\\n${name}: ([^\\r]*)\\r\\n`, 'i').exec(answer.toString('latin1').split('\r\n\r\n')[0]! + '\r\n')?.[1];

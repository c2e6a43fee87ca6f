// A client that stops reading an answer loses its connection after STALL_MS; one that reads slowly, or waits for its answer, does not.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeServer } from '../../src/server/node-server.js';
import { closeServer, listenLocally } from './helpers.js';

const STALL_MS = 1_000;
const BIG = Buffer.alloc(16 << 20, 97); // far more than the socket buffers of both ends hold

/** Answers `/big` with BIG, `/late` with a short answer after 2 × STALL_MS (a query still being evaluated). */
function answer(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.url === '/late') setTimeout(() => res.end('late answer'), 2 * STALL_MS);
  else res.end(BIG);
  return true;
}

describe('the stall timeout', () => {
  const http = createNodeServer({ fetch: () => new Response(null), serveCached: answer }, { stallTimeout: STALL_MS });
  let port = 0;
  const closedAt: number[] = [];
  beforeAll(async () => {
    http.on('connection', (socket: Socket) => socket.once('close', () => closedAt.push(performance.now())));
    port = await listenLocally(http);
  });
  afterAll(() => closeServer(http));

  /** Sends a GET for `path` on a raw socket; `read` decides, per chunk, how long to pause before reading on. */
  const get = (path: string, read: (received: number) => number | 'stop') => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`));
    let received = 0;
    socket.on('data', (chunk: Buffer) => {
      received += chunk.length;
      const pause = read(received);
      if (pause === 'stop') socket.pause();
      else if (pause > 0) {
        socket.pause();
        setTimeout(() => socket.resume(), pause);
      }
    });
    return { socket, received: () => received };
  };

  it('closes the connection of a client that stopped reading', async () => {
    const started = performance.now();
    const before = closedAt.length;
    const client = get('/big', (n) => (n > 1 << 20 ? 'stop' : 0));
    await expect.poll(() => closedAt.length, { timeout: 10 * STALL_MS, interval: 50 }).toBe(before + 1);
    expect(client.received()).toBeLessThan(BIG.length);
    expect(closedAt.at(-1)! - started).toBeGreaterThan(STALL_MS);
    client.socket.destroy();
  });

  it('keeps a client that reads slowly, with pauses shorter than the timeout', async () => {
    // 64 KiB pieces 5 ms apart: the server's socket takes more of the answer every few
    // milliseconds, though the socket buffers hold megabytes. (A reader far slower than the
    // buffers' size per STALL_MS shows no progress to the server for longer, and is cut.)
    const client = get('/big', () => 5);
    await expect.poll(() => client.received(), { timeout: 30 * STALL_MS, interval: 50 }).toBeGreaterThan(BIG.length);
    client.socket.destroy();
  });

  it('keeps a client whose answer has not started yet', async () => {
    const client = get('/late', () => 0);
    let text = '';
    client.socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
    await new Promise((resolve) => setTimeout(resolve, 2.5 * STALL_MS));
    expect(text).toMatch(/late answer$/);
    client.socket.destroy();
  });
});

describe('the stall timeout, set below headersTimeout', () => {
  it('is raised to it: a request whose headers arrive slowly is answered, not dropped', async () => {
    const http = createNodeServer({ fetch: () => new Response(null), serveCached: answer }, { stallTimeout: 200, headersTimeout: 2_000, connectionsCheckingInterval: 50 });
    http.listen(0, '127.0.0.1');
    await new Promise((resolve) => http.once('listening', resolve));
    try {
      const socket = connect((http.address() as AddressInfo).port, '127.0.0.1');
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
      socket.write('GET /late HTTP/1.1\r\nHost: x\r\n');
      await new Promise((resolve) => setTimeout(resolve, 600));
      socket.write('\r\n');
      await expect.poll(() => text, { timeout: 5_000, interval: 50 }).toMatch(/late answer$/);
      socket.destroy();
    } finally {
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
    }
  });
});

describe('the bound on answers waiting to be sent (MAX_UNSENT_MB)', () => {
  const lines: string[] = [];
  // 8 MiB for all: two clients that stop reading a 32 MiB answer each hold far more between them, whatever
  // the socket buffers take, while the reader's 3 MiB answer fits by itself, however slowly it reads (with
  // 16 MiB for it too, a reader slowed by a loaded machine still had more than 8 MiB waiting, and was closed)
  const HUGE = Buffer.alloc(32 << 20, 97);
  const SOME = Buffer.alloc(3 << 20, 97);
  const sized = (req: IncomingMessage, res: ServerResponse) => (res.end(req.url === '/some' ? SOME : HUGE), true);
  const http = createNodeServer({ fetch: () => new Response(null), serveCached: sized }, { maxUnsentBytes: 8 << 20, log: (line) => lines.push(line) });
  let port = 0;
  /** The server's side of each connection, by the client's local port: a paused client would not see its connection closed. */
  const serverSide = new Map<number, Socket>();
  beforeAll(async () => {
    http.on('connection', (socket: Socket) => serverSide.set(socket.remotePort!, socket));
    port = await listenLocally(http);
  });
  afterAll(() => closeServer(http));

  /** A GET of /big (32 MiB) whose client stops reading after its first chunk, or of /some (3 MiB) whose client reads all of it, pausing 100 ms after each chunk (several seconds in all). */
  const client = (reads: boolean) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`GET ${reads ? '/some' : '/big'} HTTP/1.1\r\nHost: x\r\n\r\n`));
    let received = 0;
    socket.on('data', (chunk: Buffer) => {
      received += chunk.length;
      socket.pause();
      if (reads) setTimeout(() => socket.resume(), 100);
    });
    socket.on('error', () => undefined);
    return { socket, received: () => received, closed: () => serverSide.get(socket.localPort!)?.destroyed ?? false };
  };

  it('closes the connections of clients that read slowest until the rest fit, and keeps a client that reads', async () => {
    const slow = [client(false), client(false)];
    const reader = client(true);
    // the reader is still at it after the first checks: the bound closed a reader like it, and kept a
    // stalled client, when it measured progress by writes completed (found by a review)
    await new Promise((r) => setTimeout(r, 2_500));
    expect(reader.received()).toBeLessThan(SOME.length);
    await expect.poll(() => slow.every((c) => c.closed()), { timeout: 10_000, interval: 50 }).toBe(true);
    await expect.poll(() => reader.received(), { timeout: 30_000, interval: 50 }).toBeGreaterThan(SOME.length);
    expect(reader.closed()).toBe(false);
    for (const c of slow) c.socket.destroy();
    expect(lines.at(-1)).toMatch(/closed [12] connection\(s\) whose clients read slowest: answers waiting to be sent held \d+ MiB, over MAX_UNSENT_MB \(8\)$/);
    reader.socket.destroy();
  }, 60_000);
});

// Starts the built site on a loopback port and a headless Debian Chromium (playwright-core, no downloaded browser).
import { serve } from '@hono/node-server';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createApp } from '../../src/server/app.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface Site {
  url: string;
  context: BrowserContext;
  /** A new page that records console errors, page errors and any request that leaves the machine. */
  open(path: string, options?: { width?: number; height?: number }): Promise<{ page: Page; problems: string[] }>;
  close(): Promise<void>;
}

/**
 * The app on 127.0.0.1 (port chosen by the OS) and a browser with a fresh profile; `close()` stops both.
 * The pages' Content-Security-Policy is enforced (a violation is a console error, so a test's
 * problem) unless `bypassCSP` (for a test that injects a script of its own).
 *
 * @example
 * const site = await startSite();
 * try { const { page } = await site.open('/'); } finally { await site.close(); }
 */
export async function startSite(options: { bypassCSP?: boolean } = {}): Promise<Site> {
  const server = await createApp({ distDir: 'dist' });
  const http = serve({ fetch: server.app.fetch, port: 0, hostname: '127.0.0.1' });
  const profile = mkdtempSync(join(tmpdir(), 'lkp-chromium-'));
  let context: BrowserContext | undefined;
  const stop = async () => {
    try {
      await context?.close();
    } finally {
      await new Promise((resolve) => http.close(resolve));
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    }
  };
  try {
    await new Promise<void>((resolve) => (http.listening ? resolve() : http.once('listening', () => resolve())));
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    // A persistent context on a fresh, throw-away profile directory (Playwright owns --user-data-dir).
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: ARGS,
      viewport: { width: 1366, height: 900 },
      deviceScaleFactor: 1,
      locale: 'sv-SE',
      bypassCSP: options.bypassCSP ?? false,
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
    const ctx = context;
    return {
      url,
      context: ctx,
      async open(path, options = {}) {
        const page = await ctx.newPage();
        if (options.width) await page.setViewportSize({ width: options.width, height: options.height ?? 900 });
        const problems: string[] = [];
        page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
        page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
        await page.route('**/*', (route) => {
          const target = new URL(route.request().url());
          if (target.hostname === '127.0.0.1' || target.protocol === 'data:') return route.continue();
          problems.push(`request off the machine: ${target.href}`);
          return route.abort();
        });
        await page.goto(url + path);
        return { page, problems };
      },
      close: stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

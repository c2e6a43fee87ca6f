// Every curl example in the README and on the landing page, run against the built dataset: each must
// get a 2xx answer in the format it asks for, so an example cannot go stale without a failing test.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/graph/config.js';
import { cfg } from '../helpers.js';
import { useApp } from './helpers.js';

const app = useApp({ distDir: cfg.distDir });
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The words of a shell line, as sh splits them: quotes removed, `$NAME` from `vars` inside double quotes and bare. */
function words(line: string, vars: Record<string, string>): string[] {
  const out: string[] = [];
  let word: string | undefined;
  const expand = (text: string) => text.replace(/\$([A-Z_]+)/g, (_m, name: string) => {
    if (!(name in vars)) throw new Error(`$${name} is not set in the README block`);
    return vars[name]!;
  });
  for (const m of line.matchAll(/'([^']*)'|"([^"]*)"|(#[^\n]*)|(\s+)|([^\s'"]+)/g)) {
    if (m[3] !== undefined || m[4] !== undefined) {
      if (word !== undefined) out.push(word);
      word = undefined;
      if (m[3] !== undefined) break; // a comment
      continue;
    }
    word = (word ?? '') + (m[1] ?? expand(m[2] ?? m[5] ?? ''));
  }
  if (word !== undefined) out.push(word);
  return out;
}

/** Shell text split into its lines at line breaks outside quotes (a quoted query may span lines), trimmed; comments are kept for `words`, which drops them. */
function commandLines(text: string): string[] {
  const lines: string[] = [];
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      // a comment, whose quotes are no quotes: on to the line's end
      const end = text.indexOf('\n', i);
      i = (end < 0 ? text.length : end) - 1;
    } else if (c === '\n') {
      lines.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  lines.push(text.slice(start).trim());
  return lines;
}

interface Example {
  line: string;
  url: string;
  init: RequestInit;
}

/**
 * The curl commands of shell text (a backslash at a line's end continues it), as requests to this
 * server (`http://localhost:3000` or the dataset's base); a curl option the test does not know fails it.
 */
function curlRequests(text: string): Example[] {
  const found: Example[] = [];
  {
    const vars: Record<string, string> = {};
    for (const line of commandLines(text.replace(/\\\n\s*/g, ' '))) {
      const assignment = /^([A-Z_]+)='([^']*)'$/.exec(line.trim());
      if (assignment) vars[assignment[1]!] = assignment[2]!;
      if (!line.startsWith('curl ')) continue;
      const args = words(line, vars).slice(1);
      const headers: Record<string, string> = {};
      const params = new URLSearchParams();
      let url = '';
      let method = 'GET';
      let body: string | undefined;
      let get = false;
      for (let i = 0; i < args.length; i++) {
        const arg = args[i]!;
        if (arg === '-G') get = true;
        else if (arg === '-X') method = args[++i]!;
        else if (arg === '-H') {
          const [name, ...value] = args[++i]!.split(':');
          headers[name!.trim().toLowerCase()] = value.join(':').trim();
        } else if (arg === '--data-urlencode') {
          const [name, ...value] = args[++i]!.split('=');
          params.append(name!, value.join('='));
        } else if (arg === '--data-binary') body = readFileSync(path.join(ROOT, args[++i]!.replace(/^@/, '')), 'utf8');
        else if (arg === '--compressed') headers['accept-encoding'] = 'br, gzip';
        else if (arg.startsWith('http://localhost:3000')) url = arg.slice('http://localhost:3000'.length);
        else if (arg.startsWith(cfg.base)) url = `/${arg.slice(cfg.base.length)}`;
        else throw new Error(`curl option ${arg} in the README is not read by this test: ${line}`);
      }
      if (get && [...params].length) url += `?${params}`;
      else if ([...params].length) {
        // as curl sends --data-urlencode without -G: a form POST
        method = 'POST';
        headers['content-type'] = 'application/x-www-form-urlencoded';
        body = params.toString();
      }
      found.push({ line, url, init: { method, headers, ...(body === undefined ? {} : { body }) } });
    }
  }
  return found;
}

/** The curl commands of the README's `sh` blocks. */
const examples = (): Example[] => [...README.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((block) => curlRequests(block[1]!));

describe('the README\'s curl examples', () => {
  const all = examples();

  it('are found (the endpoint\'s and the resources\')', () => {
    expect(all.length).toBeGreaterThanOrEqual(12);
  });

  it.each(all.map((e) => [e.line, e] as const))('%s', async (_line, { url, init }) => {
    const res = await app.current.app.request(url, init);
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    const accept = (init.headers as Record<string, string>).accept;
    // where the example names one type, that is the type of the answer
    if (accept && !accept.includes(',')) expect(res.headers.get('content-type')).toBe(`${accept}; charset=utf-8`);
    expect((await res.text()).length).toBeGreaterThan(0);
  });
});

describe('the landing page\'s curl example', () => {
  it.each(['sv', 'en'])('runs as shown on the %s page, against this server', async (lang) => {
    const page = await (await app.current.app.request(`/?lang=${lang}`, { headers: { accept: 'text/html' } })).text();
    const shown = /<pre><code>(curl [\s\S]*?)<\/code><\/pre>/.exec(page)?.[1];
    expect(shown).toBeDefined();
    const text = shown!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    const [request] = curlRequests(text);
    const res = await app.current.app.request(request!.url, request!.init);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect((await res.text()).split('\r\n').length).toBeGreaterThan(15); // a header and the 15 focus areas
  });
});

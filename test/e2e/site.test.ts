// End-to-end: a person's paths through the site in Debian's Chromium, with screenshots for review.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, startSite, type Site } from './browser.js';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});
const shot = (name: string) => ({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

/**
 * What is wrong with the drawn overview, in the browser's own text metrics: a label or heading outside
 * the figure, two of them overlapping, or an edge passing over a bar, label or heading that belongs to
 * neither of its ends.
 */
function layoutProblems(svg: SVGSVGElement): string[] {
  type Box = { name: string; col: number; id?: string; x: number; y: number; w: number; h: number };
  const { width, height } = svg.viewBox.baseVal;
  const box = (el: SVGGraphicsElement, name: string, col: number, id?: string): Box => {
    const b = el.getBBox();
    return { name, col, id, x: b.x, y: b.y, w: b.width, h: b.height };
  };
  const boxes: Box[] = [];
  for (const node of svg.querySelectorAll<SVGAElement>('.node')) {
    const col = Number(/\bc(\d)\b/.exec(node.getAttribute('class') ?? '')![1]);
    const id = node.getAttribute('data-id')!;
    const text = node.querySelector('text')!;
    boxes.push(box(node.querySelector('rect')!, `bar ${id}`, col, id), box(text, `label ${text.textContent}`, col, id));
  }
  for (const head of svg.querySelectorAll<SVGTextElement>('.head')) boxes.push(box(head, `heading ${head.textContent}`, -1));
  const problems: string[] = [];
  for (const b of boxes) if (b.x < 0 || b.y < 0 || b.x + b.w > width || b.y + b.h > height) problems.push(`${b.name} is clipped`);
  const texts = boxes.filter((b) => !b.name.startsWith('bar'));
  const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  texts.forEach((a, i) => texts.slice(i + 1).forEach((b) => overlap(a, b) && problems.push(`${a.name} overlaps ${b.name}`)));
  const colOf = new Map(boxes.filter((b) => b.id).map((b) => [b.id!, b.col]));
  for (const edge of svg.querySelectorAll<SVGPathElement>('.edge')) {
    const ends = [colOf.get(edge.getAttribute('data-a')!), colOf.get(edge.getAttribute('data-b')!)];
    const length = edge.getTotalLength();
    const hit = new Set<string>();
    for (let at = 1; at < length - 1; at += 2) {
      const p = edge.getPointAtLength(at);
      for (const b of boxes) if (!ends.includes(b.col) && p.x > b.x && p.x < b.x + b.w && p.y > b.y && p.y < b.y + b.h) hit.add(b.name);
    }
    for (const name of hit) problems.push(`edge ${edge.getAttribute('data-a')}→${edge.getAttribute('data-b')} crosses ${name}`);
  }
  return problems;
}

describe('in a browser', () => {
  it('loads the landing page without console errors or requests off the machine', async () => {
    const { page, problems } = await site.open('/');
    await page.waitForLoadState('networkidle');
    expect(await page.locator('h1').first().textContent()).toContain('Livskvalitetsprogrammet');
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    await expect.poll(() => page.locator('.tree > li').count()).toBe(5);
    await page.screenshot(shot('landing'));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('runs an example query in the query UI and shows rows, then a chart', async () => {
    const { page, problems } = await site.open('/sparql');
    await page.locator('.yasqe .CodeMirror').waitFor();
    await page.locator('[data-example="sdg-coverage-per-goal"]').click();
    const rows = page.locator('.yasr table.dataTable tbody tr');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(10);
    expect(await rows.first().textContent()).toMatch(/\d/);
    expect(await rows.first().textContent()).not.toContain('^^');
    await page.screenshot(shot('query-ui'));
    await page.locator('.yasr .select_chart').click();
    await page.locator('.chart svg rect').first().waitFor();
    expect(await page.locator('.chart svg rect').count()).toBeGreaterThan(17);
    await page.screenshot(shot('query-ui-chart'));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('leads from a matrix cell to exactly the links it counts', async () => {
    const { page, problems } = await site.open('/matrix');
    expect(await page.locator('table.matrix tbody tr:has(td.cell)').count()).toBe(15);
    await page.screenshot(shot('matrix'));
    const cell = page.locator('a[href="/matrix/4.4.3/11"]');
    const count = Number(await cell.textContent());
    expect(count).toBeGreaterThan(0);
    await cell.click();
    await page.waitForURL('**/matrix/4.4.3/11');
    expect(await page.locator('table.links tbody tr').count()).toBe(count);
    for (const from of await page.locator('table.links tbody tr td:first-child .no').allTextContents()) expect(from).toMatch(/^4\.4\.3\.\d$/);
    for (const to of await page.locator('table.links tbody tr td:nth-child(2) .no').allTextContents()) expect(to).toMatch(/^11\./);
    await page.screenshot(shot('matrix-cell'));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('finds "cykel" with the search box (keyboard only) and opens priority 4.4.3.2', async () => {
    const { page, problems } = await site.open('/');
    const box = page.getByRole('combobox');
    await box.focus();
    await page.keyboard.type('cykel');
    const first = page.getByRole('option').first();
    await expect.poll(() => first.textContent()).toContain('4.4.3.2');
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    expect(await box.getAttribute('aria-activedescendant')).toBe(await first.getAttribute('id'));
    await page.screenshot({ path: join(SCREENSHOTS, 'search.png') });
    await page.keyboard.press('Enter');
    await page.waitForURL('**/lkp/2016/4.4.3.2');
    expect(await page.locator('h1').textContent()).toContain('cyklisterna');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps the page when switching language, and links stay in English', async () => {
    const { page, problems } = await site.open('/lkp/2016/4.4.3');
    await page.screenshot(shot('concept'));
    await page.getByRole('link', { name: 'In English' }).click();
    await page.waitForURL('**/lkp/2016/4.4.3?lang=en');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toContain('We choose sustainable travel and transport');
    await page.getByRole('link', { name: 'Matrix' }).click();
    await page.waitForURL('**/matrix?lang=en');
    await page.getByRole('link', { name: 'På svenska' }).click();
    await page.waitForURL((u) => u.pathname === '/matrix' && !u.search.includes('lang'));
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('draws the overview and highlights a concept’s links on focus', async () => {
    const { page, problems } = await site.open('/overview');
    expect(await page.locator('svg.overview .node').count()).toBe(33);
    await page.screenshot(shot('overview'));
    expect(await page.locator('svg.overview').evaluate(layoutProblems)).toEqual([]);
    await page.locator('svg.overview .node').nth(8).focus();
    expect(await page.locator('svg.overview.dim .edge.hot').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the SDG coverage and a goal page', async () => {
    const { page, problems } = await site.open('/sdg');
    expect(await page.locator('.tiles-sdg > li').count()).toBe(17);
    await page.screenshot(shot('sdg-coverage'));
    await page.locator('.tiles-sdg a[href="/sdg/11"]').click();
    await page.waitForURL('**/sdg/11');
    expect(await page.locator('.targets > li').count()).toBeGreaterThan(5);
    await page.screenshot(shot('sdg-11'));
    expect(problems).toEqual([]);
    await page.close();
  });
});

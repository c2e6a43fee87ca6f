// The link builder: derived links say truthfully what they rest on.
import { describe, expect, it } from 'vitest';
import { derivedRationale, type LinkRow } from '../../src/graph/links.js';

const row = (from: string, to: string, basis: LinkRow['basis']): LinkRow => ({ from, to, basis, strength: 'related', source: basis === 'stated' ? '001' : '', section: basis === 'stated' ? '4.4.3' : '', rationale: '…', table: 'priority-sdg' });

describe('derivedRationale', () => {
  it.each([
    [
      'only curated links',
      [row('lkp2016:4.4.3.1', 'sdg:11.2', 'curated'), row('lkp2016:4.4.3.2', 'sdg:11.6', 'curated')],
      "Derived from this project's curated links from the focus area's priorities to targets of this goal: 4.4.3.1 → 11.2, 4.4.3.2 → 11.6.",
    ],
    [
      'only stated links',
      [row('lkp2016:4.4.3.1', 'sdg:11.2', 'stated')],
      "Derived from links that a source document states from the focus area's priorities to targets of this goal: 4.4.3.1 → 11.2.",
    ],
    [
      'both',
      [row('lkp2016:4.4.3.1', 'sdg:11.2', 'stated'), row('lkp2016:4.4.3.2', 'sdg:11.6', 'curated')],
      "Derived from links from the focus area's priorities to targets of this goal, stated in a source document (4.4.3.1 → 11.2) and curated by this project (4.4.3.2 → 11.6).",
    ],
  ])('names the basis of %s', (_name, group, expected) => {
    expect(derivedRationale(group)).toBe(expected);
  });
});

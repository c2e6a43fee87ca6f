// Which worker holds the memory: the anonymous mappings of /proc/self/smaps, new ones by overlap, resident bytes by span.
import { describe, expect, it } from 'vitest';
import { anonymousMappings, newSpans, residentIn } from '../../src/engine/worker-memory.js';

const SMAPS = `00400000-00500000 r-xp 00000000 08:01 1234   /usr/bin/node
Rss:                1024 kB
7f0000000000-7f0040000000 rw-p 00000000 00:00 0
Size:            1048576 kB
Rss:                2048 kB
7f0040000000-7f0040100000 rw-p 00000000 00:00 0 
Rss:                   4 kB
7f0050000000-7f0050001000 rw-p 00000000 00:00 0    [stack:123]
Rss:                   4 kB
`;

describe('anonymousMappings', () => {
  it('reads the anonymous mappings (no file, no name) with their resident bytes', () => {
    expect(anonymousMappings(SMAPS)).toEqual([
      { start: 0x7f0000000000, end: 0x7f0040000000, resident: 2048 * 1024 },
      { start: 0x7f0040000000, end: 0x7f0040100000, resident: 4 * 1024 },
    ]);
  });

  it.runIf(process.platform === 'linux')('reads this process\'s own', () => {
    expect(anonymousMappings()!.length).toBeGreaterThan(0);
  });
});

describe('newSpans and residentIn', () => {
  // A worker's reservation [100, 200) is split as its memory is committed and merges with its neighbour [90, 100).
  const before = [{ start: 0, end: 50, resident: 10 }];
  const atReady = [{ start: 0, end: 50, resident: 10 }, { start: 100, end: 200, resident: 0 }, { start: 300, end: 310, resident: 5 }];

  it('are the mappings that overlap none from before', () => {
    expect(newSpans(before, atReady)).toEqual([{ start: 100, end: 200 }, { start: 300, end: 310 }]);
  });

  it('count the resident bytes of every mapping that overlaps a span, however it was split or merged since', () => {
    const spans = newSpans(before, atReady);
    const later = [{ start: 0, end: 50, resident: 10 }, { start: 90, end: 120, resident: 30 }, { start: 120, end: 200, resident: 0 }, { start: 300, end: 320, resident: 7 }, { start: 400, end: 500, resident: 99 }];
    expect(residentIn(later, spans)).toBe(37);
  });
});

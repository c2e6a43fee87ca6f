// The parser that words syntax errors is built in a worker's idle time, not on its first error.
// A file of its own: the parser is module state, which another test's diagnose() would build.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { diagnose, parserBuilt, prepareWhenIdle } from './diagnosis.js';

describe('prepareWhenIdle', () => {
  afterEach(() => vi.useRealTimers());

  it('builds the parser once the worker has had no job for the idle time, and not before', () => {
    vi.useFakeTimers();
    const touch = prepareWhenIdle(1000);
    vi.advanceTimersByTime(600);
    touch(); // a job arrives
    vi.advanceTimersByTime(600);
    touch(); // and ends
    vi.advanceTimersByTime(900);
    expect(parserBuilt()).toBe(false);
    vi.advanceTimersByTime(200);
    expect(parserBuilt()).toBe(true);
    touch(); // nothing left to schedule
    expect(vi.getTimerCount()).toBe(0);
  });

  it('words an error with the parser it built as it would have on its own', () => {
    expect(diagnose('SELECT * WHERE { ?s ?p ?o ')).toMatchObject({ message: expect.stringContaining('expected "}"') });
  });
});

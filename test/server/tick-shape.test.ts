import { describe, expect, it } from 'vitest';
import { heldTick, holdTickShape } from '../../src/server/tick-shape.js';

describe('holdTickShape', () => {
  it('holds one of Node’s nextTick objects, with the async ids nextTick gives every tick', () => {
    expect(holdTickShape()).toBe(true);
    const tick = heldTick() as Record<PropertyKey, unknown>;
    expect(typeof tick.callback).toBe('function');
    const ids = Object.getOwnPropertySymbols(tick).map((s) => s.description);
    expect(ids).toEqual(['async_id_symbol', 'trigger_async_id_symbol']);
  });

  it('holds the same object when called again', () => {
    const first = heldTick();
    expect(holdTickShape()).toBe(true);
    expect(heldTick()).toBe(first);
  });
});

// Keeps one of Node's `process.nextTick` objects alive for the life of the server, so that V8 keeps the object shape every tick shares (see `holdTickShape`).
import { createHook } from 'node:async_hooks';

/** The tick object held, once caught. */
let held: object | undefined;

/**
 * Node 20's `process.nextTick` builds each tick as an object literal, and V8 remembers that
 * literal's shape (its hidden class, or map) in the function's inline caches. Nothing holds that
 * shape between ticks. When a full garbage collection runs while no tick is pending (the warm-up
 * allocates enough for one, and the server is often idle then), V8 may drop the shape. The next
 * tick makes it anew, the caches see a shape they do not know, and they give up for the life of
 * the process (megamorphic). From then on, V8 builds every tick object in its runtime instead of
 * in compiled code. Node's own streams call nextTick several times per HTTP response.
 *
 * Measured on 2 vCPUs, Node 20.20.2, wrk on a concept page uncompressed: a server whose caches
 * had given up ran at 37 000–40 000 answers/s; one that held a tick object ran at
 * 51 000–54 000 (docs/performance-log.md, 2026-12-05). The state followed a client closing an
 * idle kept-alive connection while the server was warming up, as the bench's start-up measure
 * does.
 *
 * Holding one tick object keeps its shape alive. The object is caught with an async hook that
 * is enabled for one nextTick only. Returns whether a tick object is held: false if Node no
 * longer reports ticks as `TickObject`, and then nothing is changed.
 */
export function holdTickShape(): boolean {
  if (held) return true;
  const hook = createHook({
    init(_id, type, _trigger, resource) {
      if (type === 'TickObject') held = resource as object;
    },
  });
  hook.enable();
  try {
    process.nextTick(() => {});
  } finally {
    hook.disable();
  }
  return held !== undefined;
}

/** The tick object held, for tests. */
export function heldTick(): object | undefined {
  return held;
}

/**
 * The simulator's notion of time, in epoch milliseconds.
 *
 * @public
 */
export interface Clock {
  /** The current simulated time in epoch milliseconds. */
  now(): number;
}

/** A clock that follows the wall clock. */
export class RealClock implements Clock {
  now(): number {
    return Date.now();
  }
}

/** A clock that moves only when `advance` is called, for deterministic tests. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: number) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new Error(`Invalid clock advance ${ms}: expected a non-negative number of milliseconds`);
    }
    this.current += ms;
  }
}

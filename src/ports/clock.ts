/** The time source. Everything that needs "now" gets it from here, so tests can fix and advance time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

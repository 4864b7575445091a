import type { Clock } from '../../src/ports/clock.js';

/** A clock that stands still until a test moves it. */
export class FakeClock implements Clock {
  private current: number;

  constructor(start = '2026-11-02T09:00:00.000Z') {
    this.current = Date.parse(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  advanceDays(days: number): void {
    this.current += days * 86_400_000;
  }

  advanceMs(ms: number): void {
    this.current += ms;
  }
}

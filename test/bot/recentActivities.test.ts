import { RecentActivities } from '../../src/bot/recentActivities.js';

describe('recognising redelivered activities', () => {
  it('accepts a key once within the window, again after it', () => {
    let now = 0;
    const recent = new RecentActivities(1000, 100, () => now);
    expect(recent.firstTime('c|1')).toBe(true);
    expect(recent.firstTime('c|1')).toBe(false);
    expect(recent.firstTime('c|2')).toBe(true);
    now = 1500;
    expect(recent.firstTime('c|1')).toBe(true);
  });

  it('keeps at most max keys, forgetting the oldest', () => {
    const recent = new RecentActivities(60_000, 3, () => 0);
    for (const k of ['a', 'b', 'c', 'd']) expect(recent.firstTime(k)).toBe(true);
    expect(recent.firstTime('a')).toBe(true); // forgotten
    expect(recent.firstTime('d')).toBe(false);
  });
});

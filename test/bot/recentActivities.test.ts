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

  it('remembers every key for the whole window, however the keys before and after it age', () => {
    let now = 0;
    const recent = new RecentActivities(1000, 100, () => now);
    expect(recent.firstTime('early')).toBe(true);
    now = 900;
    expect(recent.firstTime('late')).toBe(true);
    now = 1100; // 'early' has aged out; 'late' is 200 ms old
    expect(recent.firstTime('new')).toBe(true);
    expect(recent.firstTime('early')).toBe(true);
    now = 1850; // 'late' is 950 ms old
    expect(recent.firstTime('late')).toBe(false);
    now = 1950; // and now it has aged out
    expect(recent.firstTime('late')).toBe(true);
    expect(recent.firstTime('new')).toBe(false); // 850 ms old
  });

  it('still knows the most recent half of its keys however many come in within the window', () => {
    const recent = new RecentActivities(60_000, 10, () => 0);
    for (let i = 0; i < 1000; i += 1) expect(recent.firstTime(`k${i}`)).toBe(true);
    for (let i = 995; i < 1000; i += 1) expect(recent.firstTime(`k${i}`)).toBe(false);
    expect(recent.firstTime('k0')).toBe(true);
  });
});

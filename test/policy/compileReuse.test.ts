import { applyWhatIf, parseWhatIf } from '../../src/app/admin/whatIf.js';
import { compilePolicy, groupProfile } from '../../src/policy/index.js';
import { demoTenant } from '../support/demoTenant.js';

describe('compiling a settings copy with the previous context', () => {
  const before = compilePolicy(demoTenant);

  test.each([
    'AllowToAddGuests false',
    'allowInvitesFrom none',
    'allowInvitesFrom adminsAndGuestInviters',
    'blockedDomains -tailspintoys.com',
    'group HR AllowToAddGuests true',
    'label Confidential allowGuests true',
  ])('whatif %s: the same answers as a compile from scratch', (args) => {
    const parsed = parseWhatIf(args.split(' '));
    if (!parsed.ok) throw new Error(`bad example ${args}`);
    const applied = applyWhatIf(demoTenant, parsed.change);
    if (!applied.ok) throw new Error(`not applied ${args}`);
    expect(applied.snapshot.users).toBe(demoTenant.users);
    const reused = compilePolicy(applied.snapshot, before);
    const fresh = compilePolicy(applied.snapshot);
    expect([...reused.inviterIds].sort()).toEqual([...fresh.inviterIds].sort());
    for (const group of demoTenant.groups)
      expect(groupProfile(reused, group.id)).toEqual(groupProfile(fresh, group.id));
  });

  test('a domain-list what-if takes every compiled group over; a Groups setting compiles them again', () => {
    const apply = (args: string) => {
      const parsed = parseWhatIf(args.split(' '));
      const applied = parsed.ok ? applyWhatIf(demoTenant, parsed.change) : undefined;
      if (!applied?.ok) throw new Error(args);
      return compilePolicy(applied.snapshot, before);
    };
    const domains = apply('blockedDomains +example.org');
    for (const group of demoTenant.groups) expect(domains.groups.get(group.id)).toBe(before.groups.get(group.id));
    const hr = apply('group HR AllowToAddGuests true');
    const changed = demoTenant.groups
      .filter((g) => hr.groups.get(g.id) !== before.groups.get(g.id))
      .map((g) => g.displayName);
    expect(changed).toEqual(['HR']);
    const org = apply('AllowToAddGuests false');
    for (const group of demoTenant.groups) expect(org.groups.get(group.id)).not.toBe(before.groups.get(group.id));
  });

  test('a snapshot with other users is compiled from scratch', () => {
    const other = { ...demoTenant, users: demoTenant.users.filter((u) => u.displayName !== 'Megan Bowen') };
    const ctx = compilePolicy(other, before);
    expect(ctx.usersById.size).toBe(demoTenant.users.length - 1);
    expect(ctx.adminIds.size).toBe(before.adminIds.size - 1);
  });
});

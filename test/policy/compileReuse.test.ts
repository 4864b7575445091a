import { applyWhatIf, parseWhatIf } from '../../src/app/admin/whatIf.js';
import { compilePolicy, evaluateRequest, groupProfile } from '../../src/policy/index.js';
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

describe('compiling after a directory change with the previous context', () => {
  type Snapshot = typeof demoTenant;
  type User = Snapshot['users'][number];
  const before = compilePolicy(demoTenant);
  const guestOf = (n: number, extra: Partial<User> = {}): User => ({
    id: `b${String(n).padStart(7, '0')}-0000-4000-8000-000000000000`,
    displayName: `New Guest ${n}`,
    mail: `new.guest${n}@fabrikam.com`,
    userPrincipalName: `new.guest${n}_fabrikam.com#EXT#@contoso.onmicrosoft.com`,
    userType: 'Guest',
    accountEnabled: true,
    roles: [],
    externalUserState: 'PendingAcceptance',
    ...extra,
  });
  const byName = (name: string) => demoTenant.users.find((u) => u.displayName === name)!;
  const withUsers = (users: User[], groups = demoTenant.groups): Snapshot => ({ ...demoTenant, users, groups });
  const replaced = (name: string, change: Partial<User>) =>
    demoTenant.users.map((u) => (u.displayName === name ? { ...u, ...change } : u));
  const addedTo = (groupName: string, userId: string) =>
    demoTenant.groups.map((g) => (g.displayName === groupName ? { ...g, members: [...g.members, userId] } : g));
  // Everyone asks: members of a group get its approvers, admins and owners add directly.
  const requesters = demoTenant.users.map((u) => u.id);
  const addresses = ['anna@fabrikam.com', 'new.guest1@fabrikam.com', 'joe@tailspintoys.com', 'AlexW@contoso.com'];

  /** Everything an answer is made from, as a compile from scratch gives it. */
  function expectSameAnswers(reused: ReturnType<typeof compilePolicy>, snapshot: Snapshot) {
    const fresh = compilePolicy(snapshot);
    const ids = (m: ReadonlyMap<string, { id: string }>) => [...m].map(([k, u]) => [k, u.id]).sort();
    expect(ids(reused.usersById)).toEqual(ids(fresh.usersById));
    expect(ids(reused.usersByAddress)).toEqual(ids(fresh.usersByAddress));
    for (const [id, user] of fresh.usersById) expect(reused.usersById.get(id)).toEqual(user);
    for (const [address, user] of fresh.usersByAddress) expect(reused.usersByAddress.get(address)).toEqual(user);
    expect([...reused.adminIds]).toEqual([...fresh.adminIds]);
    expect([...reused.groupsAdminIds]).toEqual([...fresh.groupsAdminIds]);
    expect([...reused.inviterIds].sort()).toEqual([...fresh.inviterIds].sort());
    expect([...reused.disabledAccounts]).toEqual([...fresh.disabledAccounts]);
    expect([...reused.roleHolders]).toEqual([...fresh.roleHolders]);
    for (const group of snapshot.groups) {
      expect(groupProfile(reused, group.id)).toEqual(groupProfile(fresh, group.id));
      for (const requesterId of requesters) {
        const input = { groupId: group.id, requesterId, guestEmails: addresses };
        expect(evaluateRequest(reused, input)).toEqual(evaluateRequest(fresh, input));
      }
    }
  }
  const recompiled = (ctx: ReturnType<typeof compilePolicy>) =>
    demoTenant.groups.filter((g) => ctx.groups.get(g.id) !== before.groups.get(g.id)).map((g) => g.displayName);

  test('a guest invited and added to one group: the same answers, and only that group compiled again', () => {
    const guest = guestOf(1);
    const snapshot = withUsers([...demoTenant.users, guest], addedTo('Sales', guest.id));
    const ctx = compilePolicy(snapshot, before);
    expectSameAnswers(ctx, snapshot);
    expect(ctx.usersByAddress.get('new.guest1@fabrikam.com')?.id).toBe(guest.id);
    expect(recompiled(ctx)).toEqual(['Sales']);
  });

  test('an invitation sent again (the guest replaced where it stood): the same answers, no group compiled again', () => {
    const guest = demoTenant.users.find((u) => u.userType === 'Guest')!;
    const snapshot = withUsers(
      replaced(guest.displayName, { externalUserState: 'PendingAcceptance', externalUserStateChangeDateTime: 'x' }),
    );
    const ctx = compilePolicy(snapshot, before);
    expectSameAnswers(ctx, snapshot);
    expect(ctx.usersById.get(guest.id)?.externalUserStateChangeDateTime).toBe('x');
    expect(recompiled(ctx)).toEqual([]);
  });

  test.each<[string, () => Snapshot]>([
    ['an owner whose account is disabled', () => withUsers(replaced('Adele Vance', { accountEnabled: false }))],
    [
      'a member made Global Administrator (the approvers of a group without owners)',
      () => withUsers(replaced('Alex Wilber', { roles: [...byName('Daan de Vries').roles] })),
    ],
    [
      'a user whose principal name changed',
      () => withUsers(replaced('Alex Wilber', { userPrincipalName: 'alex@contoso.com' })),
    ],
    ['the last user removed', () => withUsers(demoTenant.users.slice(0, -1))],
    [
      'a new colleague added (a member, who may invite here)',
      () => withUsers([...demoTenant.users, guestOf(10, { userType: 'Member', mail: 'new.colleague@contoso.com' })]),
    ],
    [
      'a Global Administrator made Guest Inviter instead',
      () => withUsers(replaced('Daan de Vries', { roles: [...byName('Lidia Holloway').roles] })),
    ],
    ['a member who became a guest', () => withUsers(replaced('Nestor Wilke', { userType: 'Guest' }))],
    ['a user removed', () => withUsers(demoTenant.users.filter((u) => u.displayName !== 'Megan Bowen'))],
    ['a user whose address changed', () => withUsers(replaced('Alex Wilber', { mail: 'alex@contoso.com' }))],
    ['a guest added with a role', () => withUsers([...demoTenant.users, guestOf(2, { roles: ['Guest Inviter'] })])],
    ['a disabled guest added', () => withUsers([...demoTenant.users, guestOf(3, { accountEnabled: false })])],
    [
      'a guest added with an id already used',
      () => withUsers([...demoTenant.users, guestOf(4, { id: byName('Alex Wilber').id })]),
    ],
    ['users in another order', () => withUsers([...demoTenant.users].reverse())],
    [
      'two guests with one address',
      () => withUsers([...demoTenant.users, guestOf(6), guestOf(7, { mail: 'new.guest6@fabrikam.com' })]),
    ],
  ])('%s: the same answers as a compile from scratch', (_name, make) => {
    const snapshot = make();
    expectSameAnswers(compilePolicy(snapshot, before), snapshot);
  });

  test('a guest whose mail so far is only someone’s principal name: the address goes to the guest, as from scratch', () => {
    // A full index gives every mail its owner before any principal name.
    const first = withUsers(replaced('Alex Wilber', { mail: 'alex.wilber@contoso.com' }));
    const guest = guestOf(5, { mail: 'AlexW@contoso.com' });
    const snapshot = withUsers([...first.users, guest]);
    const ctx = compilePolicy(snapshot, compilePolicy(first));
    expectSameAnswers(ctx, snapshot);
    expect(ctx.usersByAddress.get('alexw@contoso.com')?.id).toBe(guest.id);
  });

  test('a group that already named a user who did not exist yet: compiled again once the user is there', () => {
    const guest = guestOf(9);
    const groups = addedTo('Marketing', guest.id);
    const first = withUsers(demoTenant.users, groups);
    const snapshot = withUsers([...demoTenant.users, guest], groups);
    const previous = compilePolicy(first);
    const ctx = compilePolicy(snapshot, previous);
    expectSameAnswers(ctx, snapshot);
    const marketing = demoTenant.groups.find((g) => g.displayName === 'Marketing')!;
    expect(ctx.groups.get(marketing.id)!.guestCount).toBe(previous.groups.get(marketing.id)!.guestCount + 1);
  });

  test('an owner who is no member of the group: the group follows the owner’s account', () => {
    const adele = byName('Adele Vance');
    const groups = demoTenant.groups.map((g) =>
      g.displayName === 'Sales' ? { ...g, members: g.members.filter((id) => id !== adele.id) } : g,
    );
    const first = withUsers(demoTenant.users, groups);
    const snapshot = withUsers(replaced('Adele Vance', { accountEnabled: false }), groups);
    expectSameAnswers(compilePolicy(snapshot, compilePolicy(first)), snapshot);
  });

  test('a group that already named as owner a user who did not exist yet: compiled again once the user is there', () => {
    const colleague = guestOf(11, { userType: 'Member', mail: 'owner.to.be@contoso.com' });
    const groups = demoTenant.groups.map((g) =>
      g.displayName === 'Facilities' ? { ...g, owners: [...g.owners, colleague.id] } : g,
    );
    const first = withUsers(demoTenant.users, groups);
    const snapshot = withUsers([...demoTenant.users, colleague], groups);
    expectSameAnswers(compilePolicy(snapshot, compilePolicy(first)), snapshot);
  });

  test('two users with one id, the first replaced: the index keeps the later one, as from scratch', () => {
    const twin = { ...byName('Alex Wilber'), displayName: 'Alex Wilber (2)', mail: 'alex2@contoso.com' };
    const first = withUsers([...demoTenant.users, twin]);
    const users = first.users.map((u) => (u.displayName === 'Alex Wilber' ? { ...u, preferredLanguage: 'nl-NL' } : u));
    const snapshot = withUsers(users);
    const ctx = compilePolicy(snapshot, compilePolicy(first));
    expectSameAnswers(ctx, snapshot);
    expect(ctx.usersById.get(twin.id)?.displayName).toBe('Alex Wilber (2)');
  });

  const roleOf = (name: string) => [...byName(name).roles];
  test.each<[string, () => Snapshot, () => Snapshot]>([
    [
      'someone in no group made User Administrator: a group without owners gets her as approver',
      () => demoTenant,
      () => withUsers(replaced('Joni Sherman', { roles: roleOf('Megan Bowen') })),
    ],
    [
      'every member of a group without owners made a guest',
      () => demoTenant,
      () =>
        withUsers(
          replaced('Isaiah Langer', { userType: 'Guest' }).map((u) =>
            u.displayName === 'Henrietta Mueller' ? { ...u, userType: 'Guest' as const } : u,
          ),
        ),
    ],
    [
      'a user sharing an address someone claimed first, replaced: the address stays with the first',
      () => withUsers([...demoTenant.users, guestOf(12, { mail: 'AlexW@contoso.com' })]),
      () => withUsers([...demoTenant.users, guestOf(12, { mail: 'AlexW@contoso.com', externalUserState: 'Accepted' })]),
    ],
    [
      'a user without a mail address, replaced',
      () => withUsers([...demoTenant.users, guestOf(13, { mail: null })]),
      () => withUsers([...demoTenant.users, guestOf(13, { mail: null, externalUserState: 'Accepted' })]),
    ],
    [
      'a guest without a mail address added',
      () => demoTenant,
      () => withUsers([...demoTenant.users, guestOf(14, { mail: null })]),
    ],
    [
      'a guest added whose mail is the principal name of someone without a mail address',
      () => withUsers(replaced('Alex Wilber', { mail: null })),
      () => withUsers([...replaced('Alex Wilber', { mail: null }), guestOf(15, { mail: 'AlexW@contoso.com' })]),
    ],
    [
      'two users alike but for their ids, swapped',
      () =>
        withUsers([
          ...demoTenant.users,
          guestOf(16),
          guestOf(17, {
            mail: guestOf(16).mail,
            userPrincipalName: guestOf(16).userPrincipalName,
            displayName: guestOf(16).displayName,
          }),
        ]),
      () =>
        withUsers([
          ...demoTenant.users,
          guestOf(17, {
            mail: guestOf(16).mail,
            userPrincipalName: guestOf(16).userPrincipalName,
            displayName: guestOf(16).displayName,
          }),
          guestOf(16),
        ]),
    ],
  ])('%s: the same answers as a compile from scratch', (_name, first, then) => {
    const snapshot = then();
    expectSameAnswers(compilePolicy(snapshot, compilePolicy(first())), snapshot);
  });

  test('a guest added while the invitation setting moved: who may invite follows the setting', () => {
    const snapshot = {
      ...withUsers([...demoTenant.users, guestOf(8)]),
      authorizationPolicy: { ...demoTenant.authorizationPolicy, allowInvitesFrom: 'everyone' as const },
    };
    const ctx = compilePolicy(snapshot, before);
    expectSameAnswers(ctx, snapshot);
    expect(ctx.inviterIds.has(guestOf(8).id)).toBe(true);
  });
});

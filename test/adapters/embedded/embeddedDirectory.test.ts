import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EmbeddedDirectory, InMemoryDirectory } from '../../../src/adapters/embedded/embeddedDirectory.js';
import { loadTenantSnapshot } from '../../../src/adapters/embedded/loadTenantSnapshot.js';
import { LowdbDirectoryOverlayStore } from '../../../src/adapters/lowdb/lowdbDirectoryOverlayStore.js';
import { DirectoryError } from '../../../src/ports/directory.js';
import type { TenantSnapshot } from '../../../src/policy/tenantModel.js';

const DEMO = fileURLToPath(new URL('../../../data/demo-tenant.json', import.meta.url));
const ALEX = 'a0000000-0000-4000-8000-000000000001';
const ADELE = 'a0000000-0000-4000-8000-000000000007';
const KARI = 'a0000000-0000-4000-8000-000000000015';
const MARKETING = 'b0000000-0000-4000-8000-000000000001';
const SALES = 'b0000000-0000-4000-8000-000000000002';
const ALL_STAFF = 'b0000000-0000-4000-8000-000000000006';
const FINANCE = 'b0000000-0000-4000-8000-000000000007';
const NEWSLETTER = 'b0000000-0000-4000-8000-000000000008';
const fixedClock = { now: () => new Date('2026-11-21T10:00:00Z') };

let demo: TenantSnapshot;
let demoText: string;
beforeAll(async () => {
  demoText = await readFile(DEMO, 'utf8');
  const result = await loadTenantSnapshot(DEMO);
  if (!result.ok) throw new Error('demo tenant invalid');
  demo = result.snapshot;
});

async function openOn(dataDir: string): Promise<EmbeddedDirectory> {
  return EmbeddedDirectory.open(demo, { store: await LowdbDirectoryOverlayStore.open(dataDir), clock: fixedClock });
}

describe('EmbeddedDirectory', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'directory-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  test('writes survive a new instance on the same DATA_DIR and never touch the snapshot file', async () => {
    const first = await openOn(dataDir);
    const { userId, created } = await first.inviteGuest({
      email: 'Jan.Smit@Fabrikam.com',
      invitedBy: ALEX,
      displayName: 'Jan Smit',
    });
    expect(created).toBe(true);
    await first.addMember(MARKETING, userId);
    await first.removeMember(SALES, ALEX);

    const second = await openOn(dataDir);
    expect(await second.getUser(userId)).toMatchObject({
      displayName: 'Jan Smit',
      userType: 'Guest',
      externalUserState: 'PendingAcceptance',
      mail: 'Jan.Smit@Fabrikam.com',
      userPrincipalName: 'Jan.Smit_Fabrikam.com#EXT#@contoso.onmicrosoft.com',
    });
    expect((await second.getGroup(MARKETING))?.members).toContain(userId);
    expect((await second.getGroup(SALES))?.members).not.toContain(ALEX);
    expect(await readFile(DEMO, 'utf8')).toBe(demoText);
    const overlay = JSON.parse(await readFile(join(dataDir, 'directory.json'), 'utf8'));
    expect(overlay.guests[0]).toMatchObject({ invitedBy: ALEX, invitedAt: '2026-11-21T10:00:00.000Z' });
  });

  test('a fresh DATA_DIR starts from the snapshot alone', async () => {
    const directory = await openOn(dataDir);
    expect((await directory.snapshot()).users).toHaveLength(demo.users.length);
    expect(await directory.getGroup(SALES)).toEqual(demo.groups.find((g) => g.id === SALES));
  });

  test('inviting an address that exists returns that user, whatever its case, without a new invitation', async () => {
    const directory = new InMemoryDirectory(demo);
    expect(await directory.inviteGuest({ email: 'KARI.HANSEN@fabrikam.com', invitedBy: ALEX })).toEqual({
      userId: KARI,
      created: false,
    });
    const first = await directory.inviteGuest({ email: 'new@woodgrovebank.com', invitedBy: ALEX });
    const again = await directory.inviteGuest({ email: ' New@WoodgroveBank.com ', invitedBy: ADELE });
    expect(again).toEqual({ userId: first.userId, created: false });
    expect(
      (await directory.snapshot()).users.filter((u) => u.mail?.toLowerCase() === 'new@woodgrovebank.com'),
    ).toHaveLength(1);
  });

  test('concurrent invitations of one address create one guest', async () => {
    const directory = new InMemoryDirectory(demo);
    const results = await Promise.all(
      [1, 2, 3].map(() => directory.inviteGuest({ email: 'x@fabrikam.com', invitedBy: ALEX })),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.userId)).size).toBe(1);
  });

  test('refuses invalid and internal addresses', async () => {
    const directory = new InMemoryDirectory(demo);
    await expect(directory.inviteGuest({ email: 'not an address', invitedBy: ALEX })).rejects.toMatchObject({
      code: 'INVALID_EMAIL',
    });
    await expect(directory.inviteGuest({ email: 'someone.new@contoso.com', invitedBy: ALEX })).rejects.toMatchObject({
      code: 'INTERNAL_ADDRESS',
    });
  });

  test('membership writes are idempotent and bump the version only when something changes', async () => {
    const directory = new InMemoryDirectory(demo);
    const before = await directory.snapshot();
    await directory.addMember(MARKETING, ADELE);
    expect(directory.version()).toBe(1);
    await directory.addMember(MARKETING, ADELE);
    await directory.removeMember(MARKETING, KARI);
    expect(directory.version()).toBe(1);
    const after = await directory.snapshot();
    expect(after).not.toBe(before);
    expect(await directory.snapshot()).toBe(after); // cached until the next write
    expect(after.groups.find((g) => g.id === MARKETING)?.members.filter((id) => id === ADELE)).toHaveLength(1);
    await directory.removeMember(MARKETING, ADELE);
    expect((await directory.getGroup(MARKETING))?.members).toEqual(
      demo.groups.find((g) => g.id === MARKETING)?.members,
    );
  });

  test('refuses membership changes Graph refuses: dynamic, on-premises and Exchange-managed groups', async () => {
    const directory = new InMemoryDirectory(demo);
    await expect(directory.addMember(ALL_STAFF, KARI)).rejects.toMatchObject({
      code: 'GROUP_DYNAMIC_MEMBERSHIP',
      transient: false,
    });
    await expect(directory.addMember(FINANCE, ALEX)).rejects.toMatchObject({ code: 'GROUP_ON_PREMISES_SYNCED' });
    await expect(directory.removeMember(NEWSLETTER, ALEX)).rejects.toMatchObject({ code: 'GROUP_MAIL_ENABLED' });
    await expect(directory.addMember('b0000000-0000-4000-8000-0000000000ff', ALEX)).rejects.toMatchObject({
      code: 'GROUP_NOT_FOUND',
    });
    await expect(directory.addMember(MARKETING, 'a0000000-0000-4000-8000-0000000000ff')).rejects.toMatchObject({
      code: 'USER_NOT_FOUND',
    });
    expect(directory.version()).toBe(0);
  });

  test('a fault hook can fail an invitation transiently, then let the retry through', async () => {
    let failures = 1;
    const directory = new InMemoryDirectory(demo, {
      faults: {
        inviteGuest: () => {
          if (failures-- > 0) throw new DirectoryError('THROTTLED', 'too many requests', true, 1000);
        },
      },
    });
    await expect(directory.inviteGuest({ email: 'r@fabrikam.com', invitedBy: ALEX })).rejects.toMatchObject({
      transient: true,
      retryAfterMs: 1000,
    });
    expect(await directory.findUserByMail('r@fabrikam.com')).toBeUndefined();
    expect((await directory.inviteGuest({ email: 'r@fabrikam.com', invitedBy: ALEX })).created).toBe(true);
  });

  test('a slow invitation does not hold up other writes', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const directory = new InMemoryDirectory(demo, { faults: { inviteGuest: () => gate } });
    const slow = directory.inviteGuest({ email: 'slow@fabrikam.com', invitedBy: ALEX });
    await directory.addMember(MARKETING, ADELE);
    expect(directory.version()).toBe(1);
    release();
    expect((await slow).created).toBe(true);
  });

  test("the snapshot is frozen and does not follow later changes to the caller's object", async () => {
    const copy = structuredClone(demo);
    const directory = new InMemoryDirectory(copy);
    copy.groups[0].members.push(KARI);
    const snapshot = await directory.snapshot();
    expect(snapshot.groups[0].members).not.toContain(KARI);
    expect(() => snapshot.groups[0].members.push(KARI)).toThrow(/not extensible/); // TypeError from another realm under jest's vm
  });

  test('finds users by mail or UPN, and the tenant of a domain case-insensitively', async () => {
    const directory = new InMemoryDirectory(demo);
    expect((await directory.findUserByMail('alexw@CONTOSO.com'))?.id).toBe(ALEX);
    expect((await directory.findUserByMail('kari.hansen_fabrikam.com#EXT#@contoso.onmicrosoft.com'))?.id).toBe(KARI);
    expect((await directory.tenantOfDomain('NorthwindTraders.com'))?.displayName).toBe('Northwind Traders');
    expect(await directory.tenantOfDomain('gmail.com')).toBeUndefined();
    expect((await directory.tenantOfDomain('contoso.com'))?.tenantId).toBe(demo.tenant.id);
  });

  test('an overlay written for an older snapshot is applied leniently', async () => {
    const first = await openOn(dataDir);
    const { userId } = await first.inviteGuest({ email: 'kept@fabrikam.com', invitedBy: ALEX });
    await first.addMember(MARKETING, userId);
    const smaller: TenantSnapshot = { ...demo, groups: demo.groups.filter((g) => g.id !== MARKETING) };
    const second = await EmbeddedDirectory.open(smaller, { store: await LowdbDirectoryOverlayStore.open(dataDir) });
    expect(await second.getUser(userId)).toBeDefined();
    expect(await second.getGroup(MARKETING)).toBeUndefined();
  });
});

describe('EmbeddedDirectory: the tenant’s guests', () => {
  const RAY = 'a0000000-0000-4000-8000-000000000016';
  const PARTNERS = 'b0000000-0000-4000-8000-000000000004';
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'directory-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  test('lists every guest with invitation state, creation and sign-in where the snapshot has them, invited guests too', async () => {
    const directory = await openOn(dataDir);
    const { userId } = await directory.inviteGuest({ email: 'jan@fabrikam.com', invitedBy: ALEX });
    const guests = await directory.listGuests();
    expect(guests.every((g) => g.userType === 'Guest')).toBe(true);
    expect(guests.map((g) => g.displayName)).toEqual(
      expect.arrayContaining(['Kari Hansen (Fabrikam)', 'Ray Tanaka (Woodgrove Bank)', 'Sam Jones']),
    );
    expect(guests.find((g) => g.id === KARI)).toMatchObject({
      signInActivity: { lastSignInDateTime: '2026-10-28T07:45:00Z' },
      sponsors: [ADELE],
    });
    expect(guests.find((g) => g.id === userId)).toMatchObject({
      externalUserState: 'PendingAcceptance',
      createdDateTime: '2026-11-21T10:00:00.000Z',
      signInActivity: { lastSignInDateTime: null },
      sponsors: [ALEX],
    });
  });

  test('resending keeps a pending guest pending with a new date; an accepted guest needs resetRedemption; it survives a restart', async () => {
    const directory = await openOn(dataDir);
    await directory.resendInvitation({ userId: RAY, invitedBy: ALEX });
    expect(await directory.getUser(RAY)).toMatchObject({
      externalUserState: 'PendingAcceptance',
      externalUserStateChangeDateTime: '2026-11-21T10:00:00.000Z',
    });
    await expect(directory.resendInvitation({ userId: KARI, invitedBy: ALEX })).rejects.toMatchObject({
      code: 'ALREADY_REDEEMED',
    });
    await expect(
      directory.resendInvitation({ userId: ALEX, invitedBy: ALEX, resetRedemption: true }),
    ).rejects.toMatchObject({ code: 'NOT_A_GUEST' });
    await directory.resendInvitation({ userId: KARI, invitedBy: ALEX, resetRedemption: true });
    const again = await openOn(dataDir);
    expect((await again.getUser(KARI))?.externalUserState).toBe('PendingAcceptance');
  });

  test('deleting a guest removes them from the directory and every group, once, and survives a restart', async () => {
    const directory = await openOn(dataDir);
    const version = directory.version();
    await directory.deleteUser(RAY);
    await directory.deleteUser(RAY);
    expect(directory.version()).toBe(version + 1);
    const again = await openOn(dataDir);
    expect(await again.getUser(RAY)).toBeUndefined();
    expect(await again.findUserByMail('ray.tanaka@woodgrovebank.com')).toBeUndefined();
    expect((await again.getGroup(PARTNERS))?.members).not.toContain(RAY);
    // The address can be invited afresh: a new account.
    const { userId, created } = await again.inviteGuest({ email: 'ray.tanaka@woodgrovebank.com', invitedBy: ALEX });
    expect(created).toBe(true);
    expect(userId).not.toBe(RAY);
  });
});

describe('EmbeddedDirectory: what a write leaves as it was', () => {
  const invitedBy = ALEX;

  test('users and groups a write did not touch are the very same objects, so a compiled policy can take them over', async () => {
    const directory = new InMemoryDirectory(demo, { clock: fixedClock });
    const before = await directory.snapshot();
    const { userId } = await directory.inviteGuest({ email: 'new.partner@fabrikam.com', invitedBy });
    await directory.addMember(SALES, userId);
    await directory.resendInvitation({ userId, invitedBy });
    const after = await directory.snapshot();
    expect(after.users.slice(0, before.users.length)).toEqual(before.users);
    before.users.forEach((user, i) => expect(after.users[i]).toBe(user));
    for (const group of before.groups) {
      if (group.id === SALES) expect(after.groups.find((g) => g.id === SALES)?.members).toContain(userId);
      else expect(after.groups.find((g) => g.id === group.id)).toBe(group);
    }
    // Another write elsewhere hands out the same Sales and the same re-invited guest again.
    await directory.addMember(MARKETING, KARI);
    const later = await directory.snapshot();
    expect(later.groups.find((g) => g.id === SALES)).toBe(after.groups.find((g) => g.id === SALES));
    expect(later.users.find((u) => u.id === userId)).toBe(after.users.find((u) => u.id === userId));
  });

  test('a group changed before is changed again when a user it gained is deleted', async () => {
    const directory = new InMemoryDirectory(demo, { clock: fixedClock });
    const { userId } = await directory.inviteGuest({ email: 'short.stay@fabrikam.com', invitedBy });
    await directory.addMember(SALES, userId);
    expect((await directory.getGroup(SALES))?.members).toContain(userId);
    await directory.deleteUser(userId);
    expect((await directory.getGroup(SALES))?.members).not.toContain(userId);
    expect(await directory.getUser(userId)).toBeUndefined();
    // And an address of a deleted guest is free again for a new one.
    const again = await directory.inviteGuest({ email: 'short.stay@fabrikam.com', invitedBy });
    expect(again.created).toBe(true);
    await directory.addMember(SALES, again.userId);
    expect((await directory.getGroup(SALES))?.members).toEqual(expect.arrayContaining([again.userId]));
    expect((await directory.getGroup(SALES))?.members).not.toContain(userId);
  });
});

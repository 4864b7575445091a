import { InMemoryDirectory } from '../../src/adapters/embedded/embeddedDirectory.js';
import { DirectoryError, type Directory } from '../../src/ports/directory.js';
import { validateTenantSnapshot } from '../../src/adapters/embedded/tenantSnapshotSchema.js';
import { ROLE_TEMPLATE_IDS, type TenantSnapshot } from '../../src/policy/tenantModel.js';
import { demoGroup, demoTenant as rawDemoTenant, demoUser } from '../support/demoTenant.js';
import { openGraphDirectory } from '../support/graphTestDirectory.js';

/**
 * One contract, two directories: the embedded snapshot and Microsoft Graph (a loopback Graph serving the same
 * tenant, two items a page so every collection is paged). What the bot relies on must hold for both.
 */
interface Backend {
  directory: Directory;
  close(): Promise<void>;
}

const backends: [string, (tenant: TenantSnapshot) => Promise<Backend>][] = [
  ['embedded', async (tenant) => ({ directory: new InMemoryDirectory(tenant), close: async () => undefined })],
  ['graph', async (tenant) => openGraphDirectory(tenant, { pageSize: 2 })],
];

const validated = validateTenantSnapshot(rawDemoTenant);
if (!validated.ok) throw new Error('the demo tenant is not valid');
const demoTenant = validated.snapshot;
const marketing = demoGroup('Marketing');
const allStaff = demoGroup('All Staff');
const alex = demoUser('Alex Wilber');
const isaiah = demoUser('Isaiah Langer');
const kari = demoUser('Kari Hansen (Fabrikam)');
const ray = demoUser('Ray Tanaka (Woodgrove Bank)');

describe.each(backends)('the %s directory', (_name, open) => {
  let backend: Backend;
  let directory: Directory;
  beforeEach(async () => {
    backend = await open(demoTenant);
    directory = backend.directory;
  });
  afterEach(() => backend.close());

  test('reads every user and group, with owners, members and roles', async () => {
    const snapshot = await directory.snapshot();
    expect(snapshot.users.map((u) => u.id).sort()).toEqual(demoTenant.users.map((u) => u.id).sort());
    expect(snapshot.groups.map((g) => g.id).sort()).toEqual(demoTenant.groups.map((g) => g.id).sort());
    const group = await directory.getGroup(marketing.id);
    expect(group?.owners).toEqual(marketing.owners);
    expect([...(group?.members ?? [])].sort()).toEqual([...marketing.members].sort());
    expect(group).toMatchObject({ groupTypes: ['Unified'], mailEnabled: true, resourceProvisioningOptions: ['Team'] });
    expect((await directory.getUser(demoUser('Daan de Vries').id))?.roles).toEqual([ROLE_TEMPLATE_IDS.globalAdmin]);
    expect((await directory.getUser(demoUser('Lidia Holloway').id))?.roles).toEqual([ROLE_TEMPLATE_IDS.guestInviter]);
  });

  test('reads the tenant settings every layer needs', async () => {
    const snapshot = await directory.snapshot();
    expect(snapshot.tenant).toEqual(demoTenant.tenant);
    expect(snapshot.authorizationPolicy).toEqual(demoTenant.authorizationPolicy);
    expect(snapshot.b2bManagementPolicy).toEqual(demoTenant.b2bManagementPolicy);
    expect(snapshot.crossTenantAccessPolicy).toEqual(demoTenant.crossTenantAccessPolicy);
    expect(snapshot.groupSettings.map(({ templateId, values }) => ({ templateId, values }))).toEqual(
      demoTenant.groupSettings.map(({ templateId, values }) => ({ templateId, values })),
    );
    expect(snapshot.sharePoint).toEqual(demoTenant.sharePoint);
    const withGroupSetting = demoTenant.groups.find((g) => g.settings.length > 0)!;
    expect((await directory.getGroup(withGroupSetting.id))?.settings.map((s) => s.values)).toEqual(
      withGroupSetting.settings.map((s) => s.values),
    );
  });

  test('finds users by mail or userPrincipalName, whatever the case', async () => {
    expect((await directory.findUserByMail('alexw@CONTOSO.com'))?.id).toBe(alex.id);
    expect((await directory.findUserByMail(kari.userPrincipalName))?.id).toBe(kari.id);
    expect(await directory.findUserByMail('nobody@contoso.com')).toBeUndefined();
  });

  test('knows the tenant of a partner domain, and that a consumer domain has none', async () => {
    expect(await directory.tenantOfDomain('fabrikam.com')).toMatchObject({
      tenantId: 'd0000000-0000-4000-8000-000000000001',
      displayName: 'Fabrikam',
    });
    expect(await directory.tenantOfDomain('outlook.com')).toBeUndefined();
    expect((await directory.tenantOfDomain('contoso.com'))?.tenantId).toBe(demoTenant.tenant.id);
  });

  test('inviting a new address creates a pending guest; inviting it again returns the same guest', async () => {
    const before = directory.version();
    const first = await directory.inviteGuest({ email: 'new.guest@example.org', invitedBy: alex.id });
    expect(first.created).toBe(true);
    expect(directory.version()).toBeGreaterThan(before);
    expect(await directory.findUserByMail('new.guest@example.org')).toMatchObject({
      id: first.userId,
      userType: 'Guest',
      externalUserState: 'PendingAcceptance',
    });
    const again = await directory.inviteGuest({ email: 'New.Guest@example.org', invitedBy: alex.id });
    expect(again).toEqual({ userId: first.userId, created: false });
    expect(await directory.inviteGuest({ email: kari.mail!, invitedBy: alex.id })).toEqual({
      userId: kari.id,
      created: false,
    });
  });

  test('an address of the tenant itself is never invited as a guest', async () => {
    await expect(directory.inviteGuest({ email: 'someone.new@contoso.com', invitedBy: alex.id })).rejects.toMatchObject(
      { code: 'INTERNAL_ADDRESS' },
    );
  });

  test('adding a member is visible at once and idempotent; removing a non-member succeeds', async () => {
    await directory.addMember(marketing.id, isaiah.id);
    expect((await directory.getGroup(marketing.id))?.members).toContain(isaiah.id);
    await directory.addMember(marketing.id, isaiah.id);
    expect((await directory.getGroup(marketing.id))?.members.filter((m) => m === isaiah.id)).toHaveLength(1);
    await directory.removeMember(marketing.id, isaiah.id);
    expect((await directory.getGroup(marketing.id))?.members).not.toContain(isaiah.id);
    await expect(directory.removeMember(marketing.id, isaiah.id)).resolves.toBeUndefined();
  });

  test('a dynamic group and an unknown group refuse membership changes with stable codes', async () => {
    await expect(directory.addMember(allStaff.id, isaiah.id)).rejects.toMatchObject({
      code: 'GROUP_DYNAMIC_MEMBERSHIP',
    });
    const error = await directory.addMember('b0000000-0000-4000-8000-0000000000ff', isaiah.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DirectoryError);
    expect(error).toMatchObject({ code: 'GROUP_NOT_FOUND', transient: false });
  });

  test('lists every guest of the tenant, with state, creation and last sign-in where known', async () => {
    const guests = await directory.listGuests();
    const expected = demoTenant.users.filter((u) => u.userType === 'Guest');
    expect(guests.map((g) => g.id).sort()).toEqual(expected.map((u) => u.id).sort());
    expect(guests.find((g) => g.id === kari.id)).toMatchObject({
      externalUserState: 'Accepted',
      accountEnabled: true,
      createdDateTime: kari.createdDateTime,
      signInActivity: { lastSignInDateTime: kari.signInActivity!.lastSignInDateTime },
    });
    expect(guests.find((g) => g.id === ray.id)).toMatchObject({
      externalUserState: 'PendingAcceptance',
      signInActivity: { lastSignInDateTime: null },
    });
    expect(guests.find((g) => g.displayName === 'Sam Jones')?.accountEnabled).toBe(false);
    // What the list learnt is what the user now reads as.
    expect((await directory.getUser(kari.id))?.signInActivity).toEqual({
      lastSignInDateTime: kari.signInActivity!.lastSignInDateTime,
    });
  });

  test('resends a pending guest’s invitation; an accepted guest only with resetRedemption; never to a member', async () => {
    await directory.resendInvitation({ userId: ray.id, invitedBy: alex.id });
    expect((await directory.getUser(ray.id))?.externalUserState).toBe('PendingAcceptance');
    await expect(directory.resendInvitation({ userId: kari.id, invitedBy: alex.id })).rejects.toMatchObject({
      code: 'ALREADY_REDEEMED',
    });
    await expect(directory.resendInvitation({ userId: alex.id, invitedBy: alex.id })).rejects.toMatchObject({
      code: 'NOT_A_GUEST',
    });
    await directory.resendInvitation({ userId: kari.id, invitedBy: alex.id, resetRedemption: true });
    expect((await directory.getUser(kari.id))?.externalUserState).toBe('PendingAcceptance');
  });

  test('deleting a guest removes them from the directory and every group; deleting again succeeds', async () => {
    await directory.deleteUser(kari.id);
    expect(await directory.getUser(kari.id)).toBeUndefined();
    expect(await directory.findUserByMail(kari.mail!)).toBeUndefined();
    expect((await directory.getGroup(demoGroup('Sales').id))?.members).not.toContain(kari.id);
    expect((await directory.listGuests()).map((g) => g.id)).not.toContain(kari.id);
    await expect(directory.deleteUser(kari.id)).resolves.toBeUndefined();
  });
});

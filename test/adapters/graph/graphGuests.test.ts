import { demoGroup, demoTenant, demoUser } from '../../support/demoTenant.js';
import { openGraphDirectory } from '../../support/graphTestDirectory.js';

/** The guest list, resend and delete on the loopback Graph: the requests Graph documents, paged as Graph pages. */
const kari = demoUser('Kari Hansen (Fabrikam)');
const ray = demoUser('Ray Tanaka (Woodgrove Bank)');
const alex = demoUser('Alex Wilber');
const sales = demoGroup('Sales');
const GUESTS = demoTenant.users.filter((u) => u.userType === 'Guest').length;

type Opened = Awaited<ReturnType<typeof openGraphDirectory>>;
let opened: Opened;
afterEach(() => opened.close());

describe('the Graph directory’s guests', () => {
  it('lists guests with $filter=userType eq Guest and signInActivity, following every nextLink of pages of at most 120', async () => {
    opened = await openGraphDirectory(demoTenant, { pageSize: 2 });
    const { graph, directory } = opened;
    const before = graph.graphCalls({ method: 'GET', path: /^\/v1\.0\/users$/ }).length;
    const guests = await directory.listGuests();
    expect(guests).toHaveLength(GUESTS);
    const calls = graph.graphCalls({ method: 'GET', path: /^\/v1\.0\/users$/ }).slice(before);
    expect(calls).toHaveLength(Math.ceil(GUESTS / 2)); // pages of two, every nextLink followed
    expect(calls[0].query.get('$filter')).toBe("userType eq 'Guest'");
    expect(calls[0].query.get('$select')?.split(',')).toEqual(
      expect.arrayContaining(['signInActivity', 'externalUserState', 'createdDateTime', 'accountEnabled']),
    );
    expect(Number(calls[0].query.get('$top'))).toBeLessThanOrEqual(120);
    expect(calls.every((c) => c.authorized)).toBe(true);
    expect(guests.find((g) => g.id === kari.id)?.signInActivity).toEqual({
      lastSignInDateTime: kari.signInActivity!.lastSignInDateTime,
    });
  });

  it('reading the list again without changes leaves every user of the snapshot as it was; a new sign-in renews that guest only', async () => {
    opened = await openGraphDirectory(demoTenant);
    const { graph, directory } = opened;
    await directory.listGuests();
    const before = await directory.snapshot();
    await directory.listGuests();
    graph.addUser({
      id: 'a0000000-0000-4000-8000-0000000000f2',
      displayName: 'Nieuw',
      mail: 'nieuw2@contoso.com',
      userPrincipalName: 'nieuw2@contoso.com',
    });
    await directory.sync(); // a new version, so the snapshot is built again
    const after = await directory.snapshot();
    before.users.forEach((user, i) => expect(after.users[i]).toBe(user));

    graph.updateUser(kari.id, { signInActivity: { lastSignInDateTime: '2026-11-29T08:00:00Z' } });
    await directory.listGuests();
    await directory.sync();
    const signedIn = await directory.snapshot();
    const renewed = after.users.filter((user, i) => signedIn.users[i] !== user).map((u) => u.id);
    expect(renewed).toEqual([kari.id]);
    expect(signedIn.users.find((u) => u.id === kari.id)?.signInActivity?.lastSignInDateTime).toBe(
      '2026-11-29T08:00:00Z',
    );
  });

  it('without AuditLog.Read.All (403 on signInActivity) still lists every guest, with sign-ins unknown', async () => {
    opened = await openGraphDirectory(demoTenant, { pageSize: 2 });
    opened.graph.refuseSignInActivity = true;
    const guests = await opened.directory.listGuests();
    expect(guests).toHaveLength(GUESTS);
    expect(guests.every((g) => g.signInActivity === undefined)).toBe(true);
    expect(guests.find((g) => g.id === kari.id)?.createdDateTime).toBe(kari.createdDateTime);
  });

  it('resends with POST /invitations for the same address, and resets redemption with invitedUser.id', async () => {
    opened = await openGraphDirectory(demoTenant);
    const { graph, directory } = opened;
    await directory.resendInvitation({ userId: ray.id, invitedBy: alex.id });
    expect(graph.invitations.at(-1)).toMatchObject({
      invitedUserEmailAddress: ray.mail,
      sendInvitationMessage: true,
      inviteRedirectUrl: expect.stringMatching(/^https:\/\//),
    });
    expect(graph.invitations.at(-1)).not.toHaveProperty('resetRedemption');
    await directory.resendInvitation({ userId: kari.id, invitedBy: alex.id, resetRedemption: true });
    expect(graph.invitations.at(-1)).toMatchObject({
      invitedUserEmailAddress: kari.mail,
      invitedUser: { id: kari.id },
      resetRedemption: true,
    });
    expect(graph.users.get(kari.id)?.externalUserState).toBe('PendingAcceptance');
    expect((await directory.getUser(kari.id))?.externalUserState).toBe('PendingAcceptance');
  });

  it('an invitation the tenant refuses comes back as a stable code', async () => {
    opened = await openGraphDirectory(demoTenant);
    opened.graph.refuseInvitations = true;
    await expect(opened.directory.resendInvitation({ userId: ray.id, invitedBy: alex.id })).rejects.toMatchObject({
      code: 'INVITES_DISABLED',
    });
  });

  it('deletes with DELETE /users/{id}; the guest leaves the mirror and every group; a second delete is a no-op', async () => {
    opened = await openGraphDirectory(demoTenant);
    const { graph, directory } = opened;
    await directory.deleteUser(kari.id);
    expect(graph.graphCalls({ method: 'DELETE' }).map((c) => c.path)).toEqual([`/v1.0/users/${kari.id}`]);
    expect(graph.users.has(kari.id)).toBe(false);
    expect(await directory.getUser(kari.id)).toBeUndefined();
    expect((await directory.getGroup(sales.id))?.members).not.toContain(kari.id);
    await directory.deleteUser(kari.id); // Graph answers 404: already gone
    expect(graph.graphCalls({ method: 'DELETE' })).toHaveLength(2);
  });
});

import { fileURLToPath } from 'node:url';
import { loadTenantSnapshot } from '../../../src/adapters/embedded/loadTenantSnapshot.js';
import {
  ROLE_TEMPLATE_IDS,
  TEMPLATE_GROUP_UNIFIED,
  TEMPLATE_GROUP_UNIFIED_GUEST,
  type DirectoryGroup,
  type TenantSnapshot,
} from '../../../src/policy/tenantModel.js';

const DEMO = fileURLToPath(new URL('../../../data/demo-tenant.json', import.meta.url));

let tenant: TenantSnapshot;
beforeAll(async () => {
  const result = await loadTenantSnapshot(DEMO);
  if (!result.ok)
    throw new Error(`demo tenant invalid:\n${result.errors.map((e) => `${e.path}: ${e.message}`).join('\n')}`);
  tenant = result.snapshot;
});

const named = (name: string): DirectoryGroup => {
  const group = tenant.groups.find((g) => g.displayName === name);
  if (!group) throw new Error(`no group ${name}`);
  return group;
};
const perGroupAllowToAddGuests = (g: DirectoryGroup) =>
  g.settings
    .find((s) => s.templateId === TEMPLATE_GROUP_UNIFIED_GUEST)
    ?.values.find((v) => v.name === 'AllowToAddGuests')?.value;
const labelOf = (g: DirectoryGroup) => tenant.sensitivityLabels.find((l) => l.id === g.assignedLabels[0]?.labelId);
const isPlainM365 = (g: DirectoryGroup) =>
  g.groupTypes.length === 1 &&
  g.groupTypes[0] === 'Unified' &&
  !g.onPremisesSyncEnabled &&
  g.assignedLabels.length === 0 &&
  g.assignedLicenses.length === 0 &&
  !g.creationOptions?.includes('YammerProvisioning') &&
  perGroupAllowToAddGuests(g) === undefined;

describe('the demo tenant (data/demo-tenant.json)', () => {
  test('is Contoso, with its verified domains and the tenant-wide settings of the demo', () => {
    expect(tenant.tenant).toMatchObject({ displayName: 'Contoso' });
    expect(tenant.tenant.verifiedDomains).toEqual(expect.arrayContaining(['contoso.com', 'contoso.onmicrosoft.com']));
    expect(tenant.authorizationPolicy.allowInvitesFrom).toBe('adminsGuestInvitersAndAllMembers');
    const domains = tenant.b2bManagementPolicy.InvitationsAllowedAndBlockedDomainsPolicy;
    expect(domains?.BlockedDomains?.length).toBeGreaterThan(0);
    expect(domains?.AllowedDomains).toBeUndefined();
    expect(tenant.sharePoint.sharingCapability).toBe('externalUserSharingOnly');
    expect(tenant.teams?.allowGuestUser).toBe(true);
    const unified = tenant.groupSettings.find((s) => s.templateId === TEMPLATE_GROUP_UNIFIED);
    expect(unified?.values).toEqual(
      expect.arrayContaining([
        { name: 'AllowToAddGuests', value: 'true' },
        { name: 'EnableMIPLabels', value: 'true' },
      ]),
    );
  });

  test('cross-tenant access is allowed by default and a partner entry blocks Northwind Traders', () => {
    expect(tenant.crossTenantAccessPolicy.default.b2bCollaborationInbound.usersAndGroups.accessType).toBe('allowed');
    const blocked = tenant.crossTenantAccessPolicy.partners.filter(
      (p) => p.b2bCollaborationInbound.usersAndGroups.accessType === 'blocked',
    );
    expect(blocked).toHaveLength(1);
    const northwind = tenant.externalTenants.find((t) => t.tenantId === blocked[0].tenantId);
    expect(northwind).toMatchObject({ displayName: 'Northwind Traders', domains: ['northwindtraders.com'] });
    expect(tenant.externalTenants.map((t) => t.displayName)).toEqual(
      expect.arrayContaining(['Fabrikam', 'Woodgrove Bank']),
    );
  });

  test('has several open Microsoft 365 groups, some with a team and a site', () => {
    const open = tenant.groups.filter(isPlainM365);
    expect(open.length).toBeGreaterThanOrEqual(3);
    expect(
      open.filter((g) => g.resourceProvisioningOptions.includes('Team') && g.site !== null).length,
    ).toBeGreaterThanOrEqual(2);
  });

  test('blocks guests per group for HR', () => {
    expect(perGroupAllowToAddGuests(named('HR'))).toBe('false');
    expect(tenant.groups.filter((g) => perGroupAllowToAddGuests(g) === 'false')).toHaveLength(1);
  });

  test('protects Project Falcon with a label that forbids guests, and labels Contoso Partners with one that allows them', () => {
    expect(labelOf(named('Project Falcon'))).toMatchObject({ displayName: 'Confidential', allowGuests: false });
    expect(labelOf(named('Contoso Partners'))).toMatchObject({ allowGuests: true });
  });

  test('has one group of each kind not managed like a Microsoft 365 group', () => {
    const allStaff = named('All Staff');
    expect(allStaff.groupTypes).toEqual(['Unified', 'DynamicMembership']);
    expect(allStaff.membershipRule).toBeTruthy();
    expect(named('Finance').onPremisesSyncEnabled).toBe(true);
    expect(named('Newsletter')).toMatchObject({ groupTypes: [], mailEnabled: true, securityEnabled: false });
    expect(named('Engineering Security')).toMatchObject({ groupTypes: [], mailEnabled: true, securityEnabled: true });
    expect(named('Contoso Community').creationOptions).toContain('YammerProvisioning');
  });

  test('has group-based licensing, a site for existing guests only, and a group without owners', () => {
    expect(named('Licensed Users').assignedLicenses.length).toBeGreaterThan(0);
    expect(named('Legal').site?.sharingCapability).toBe('existingExternalUserSharingOnly');
    expect(named('Facilities').owners).toEqual([]);
    expect(tenant.groups.filter((g) => g.owners.length === 0).map((g) => g.displayName)).toEqual(['Facilities']);
  });

  test('every group address is at contoso.com', () => {
    for (const g of tenant.groups) if (g.mail !== null) expect(g.mail).toMatch(/@contoso\.com$/);
  });

  test('has 15 to 30 users with admins, a guest inviter, Dutch and English speakers', () => {
    const users = tenant.users;
    expect(users.length).toBeGreaterThanOrEqual(15);
    expect(users.length).toBeLessThanOrEqual(30);
    expect(users.find((u) => u.roles.includes(ROLE_TEMPLATE_IDS.globalAdmin))).toMatchObject({
      displayName: 'Daan de Vries',
      preferredLanguage: 'nl-NL',
    });
    expect(users.some((u) => u.roles.includes(ROLE_TEMPLATE_IDS.userAdmin))).toBe(true);
    expect(users.some((u) => u.roles.includes(ROLE_TEMPLATE_IDS.guestInviter))).toBe(true);
    const dutchMembers = users.filter(
      (u) => u.userType === 'Member' && u.preferredLanguage === 'nl-NL' && u.roles.length === 0,
    );
    expect(dutchMembers.length).toBeGreaterThan(0);
    expect(users.some((u) => u.preferredLanguage?.startsWith('en-'))).toBe(true);
  });

  test('has guests that accepted, one that has not yet, and one whose sign-in is blocked', () => {
    const guests = tenant.users.filter((u) => u.userType === 'Guest');
    expect(guests.some((g) => g.externalUserState === 'Accepted' && g.accountEnabled)).toBe(true);
    expect(guests.some((g) => g.externalUserState === 'PendingAcceptance')).toBe(true);
    expect(guests.some((g) => !g.accountEnabled)).toBe(true);
    for (const g of guests) expect(g.userPrincipalName).toMatch(/#EXT#@contoso\.onmicrosoft\.com$/);
  });

  test("includes the Agents Playground's default user, Alex Wilber, owner of exactly one group", () => {
    const alex = tenant.users.filter((u) => u.displayName === 'Alex Wilber');
    expect(alex).toHaveLength(1);
    expect(alex[0].teamsUserIds).toEqual(['user-id-0']);
    const owned = tenant.groups.filter((g) => g.owners.includes(alex[0].id));
    expect(owned.map((g) => g.displayName)).toEqual(['Marketing']);
    expect(tenant.groups.filter((g) => g.members.includes(alex[0].id)).length).toBeGreaterThanOrEqual(4);
  });
});

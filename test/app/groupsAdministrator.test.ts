import { identifyUser } from '../../src/app/shared/identifyUser.js';
import { mayManageGuests } from '../../src/app/guests/listGuests.js';
import type { Directory } from '../../src/ports/directory.js';
import { ROLE_TEMPLATE_IDS, type TenantSnapshot } from '../../src/policy/tenantModel.js';
import { G, tenant, U } from '../support/policyFixtures.js';

/** Only what identifyUser reads from a directory. */
function directoryOf(snapshot: TenantSnapshot): Directory {
  return {
    getUser: async (id: string) => snapshot.users.find((u) => u.id === id),
    snapshot: async () => snapshot,
  } as unknown as Directory;
}

describe('a Groups Administrator manages every group’s guests', () => {
  test('sees and may remove the guests of a group they don’t own; a plain member may not', async () => {
    const t = tenant((s) => (s.users.find((u) => u.id === U.outsider)!.roles = [ROLE_TEMPLATE_IDS.groupsAdmin]));
    const group = t.groups.find((g) => g.id === G.team)!;
    const groupsAdmin = await identifyUser(directoryOf(t), { aadObjectId: U.outsider });
    const member = await identifyUser(directoryOf(t), { aadObjectId: U.member });
    expect(groupsAdmin).toMatchObject({ isGroupsAdmin: true, isAdmin: false, adminRoles: [] });
    expect(mayManageGuests(groupsAdmin!, group)).toBe(true);
    expect(mayManageGuests(member!, group)).toBe(false);
  });

  test('admin roles are read by template id and named in English', async () => {
    const t = tenant(
      (s) => (s.users.find((u) => u.id === U.outsider)!.roles = [ROLE_TEMPLATE_IDS.userAdmin, 'Global Administrator']),
    );
    expect((await identifyUser(directoryOf(t), { aadObjectId: U.outsider }))?.adminRoles).toEqual([
      'Global Administrator',
      'User Administrator',
    ]);
  });
});

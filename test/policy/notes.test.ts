import { evaluateGuest, type GuestDecision } from '../../src/policy/index.js';
import { GUEST_ROLE_RESTRICTED, GUEST_ROLE_SAME_AS_MEMBERS } from '../../src/policy/tenantModel.js';
import {
  ADDR,
  assignLabel,
  blockedDomains,
  ctxOf,
  G,
  groupGuestSetting,
  groupKind,
  groupUnified,
  guestRole,
  label,
  licensed,
  spDomains,
  teamsGuests,
  U,
  type Patch,
} from '../support/policyFixtures.js';

/** The notes under an answer, in the order they are shown, with the access per workload next to them. */

function decide(
  patches: Patch[],
  email: string,
  groupId: string = G.team,
  requesterId: string = U.owner,
): GuestDecision {
  return evaluateGuest(ctxOf(...patches), { groupId, requesterId, guestEmail: email });
}

const allYes = { groupContent: 'yes', team: 'yes', site: 'yes', siteEffective: 'externalUserSharingOnly' } as const;

describe('notes', () => {
  test('a pending guest, a licensed group, a label that overrides the group’s own “false”', () => {
    const d = decide(
      [
        licensed(G.team),
        groupUnified({ EnableMIPLabels: 'true' }),
        label('l-ok', 'General', true),
        assignLabel(G.team, 'l-ok'),
        groupGuestSetting(G.team, 'false'),
      ],
      ADDR.pendingGuest,
    );
    expect(d.verdict).toBe('addNow');
    expect(d.notes).toEqual([
      'GUEST_EXISTS_IN_DIRECTORY',
      'GUEST_INVITATION_PENDING',
      'GROUP_BASED_LICENSING',
      'LABEL_OVERRIDES_GROUP_SETTING',
      'GUEST_DIRECTORY_VISIBILITY_LIMITED',
    ]);
    expect(d.access).toEqual(allYes);
  });

  test('already a member while guests can’t reach content: said first, with the 24-hour note', () => {
    const d = decide([groupUnified({ AllowGuestsToAccessGroups: 'false' })], ADDR.guestMember);
    expect(d.verdict).toBe('nothingToDo');
    expect(d.notes).toEqual([
      'ALREADY_MEMBER',
      'GUEST_EXISTS_IN_DIRECTORY',
      'GUESTS_CANNOT_ACCESS_CONTENT',
      'GUEST_DIRECTORY_VISIBILITY_LIMITED',
      'SETTINGS_PROPAGATION',
    ]);
    expect(d.accessIssues.map((b) => b.code)).toEqual(['GROUP_CONTENT_ACCESS_OFF']);
    expect(d.access).toEqual({ ...allYes, groupContent: 'no', team: 'no', site: 'no' });
  });

  test('already a member, nothing in the way: no 24-hour note', () => {
    expect(decide([], ADDR.guestMember).notes).toEqual([
      'ALREADY_MEMBER',
      'GUEST_EXISTS_IN_DIRECTORY',
      'GUEST_DIRECTORY_VISIBILITY_LIMITED',
    ]);
  });

  test.each([
    [GUEST_ROLE_RESTRICTED, 'GUEST_DIRECTORY_VISIBILITY_RESTRICTED'],
    [GUEST_ROLE_SAME_AS_MEMBERS.toUpperCase(), 'GUEST_DIRECTORY_VISIBILITY_SAME_AS_MEMBERS'],
    ['not-a-role-id', 'GUEST_DIRECTORY_VISIBILITY_LIMITED'],
  ])('what guests see in the directory, guest role %s → %s', (roleId, note) => {
    expect(decide([guestRole(roleId)], ADDR.newGuest).notes).toEqual([note]);
  });

  test('a blocker fixed in a tenant setting takes up to 24 hours; one fixed on the group itself does not say so', () => {
    expect(decide([blockedDomains(['fabrikam.com'])], ADDR.newGuest).notes).toEqual([
      'GUEST_DIRECTORY_VISIBILITY_LIMITED',
      'SETTINGS_PROPAGATION',
    ]);
    expect(decide([groupKind(G.team, 'dynamic')], ADDR.newGuest).notes).toEqual(['GUEST_DIRECTORY_VISIBILITY_LIMITED']);
  });

  test('a pending guest whose domain SharePoint blocks: no site, the issue, the 24-hour note', () => {
    const d = decide([spDomains('blockList', ['partner.org'])], ADDR.pendingGuest);
    expect(d.verdict).toBe('addNow');
    expect(d.notes).toEqual([
      'GUEST_EXISTS_IN_DIRECTORY',
      'GUEST_INVITATION_PENDING',
      'GUEST_DIRECTORY_VISIBILITY_LIMITED',
      'SETTINGS_PROPAGATION',
    ]);
    expect(d.access).toEqual({ ...allYes, site: 'no' });
    expect(d.accessIssues.map((b) => b.code)).toEqual(['SITE_DOMAIN_BLOCKED']);
  });

  test('an unknown group: no access to speak of; Teams off matters only to a group with a team', () => {
    expect(decide([], ADDR.newGuest, 'g-missing', U.member)).toMatchObject({
      verdict: 'blocked',
      notes: ['GUEST_DIRECTORY_VISIBILITY_LIMITED'],
      access: { groupContent: 'no', team: 'noTeam', site: 'noSite' },
    });
    const plain = decide([teamsGuests(false)], ADDR.newGuest, G.plain);
    expect(plain.access).toEqual({ groupContent: 'yes', team: 'noTeam', site: 'noSite' });
    expect(plain.accessIssues).toEqual([]);
    expect(plain.notes).toEqual(['GUEST_DIRECTORY_VISIBILITY_LIMITED']);
  });
});

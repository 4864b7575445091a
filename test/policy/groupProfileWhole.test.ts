import { groupProfile, type GroupProfile } from '../../src/policy/index.js';
import {
  assignLabel,
  ctxOf,
  G,
  groupGuestSetting,
  groupKind,
  groupUnified,
  invitesFrom,
  licensed,
  roles,
  siteUnknown,
  teamsUnknown,
  U,
  type Patch,
} from '../support/policyFixtures.js';

/** The whole "settings <group>" answer an admin gets, with the fixes reduced to their codes. */

type Shown = Omit<GroupProfile, 'newGuest'> & {
  newGuest: Omit<GroupProfile['newGuest'], 'blockers' | 'accessIssues' | 'unverified'> & {
    blockers: string[];
    accessIssues: string[];
    unverified: string[];
  };
};

function profile(groupId: string, ...patches: Patch[]): Shown | undefined {
  const p = groupProfile(ctxOf(...patches), groupId);
  if (!p) return undefined;
  const codes = (list: readonly { code: string }[]) => list.map((x) => x.code);
  return {
    ...p,
    newGuest: {
      ...p.newGuest,
      blockers: codes(p.newGuest.blockers),
      accessIssues: codes(p.newGuest.accessIssues),
      unverified: codes(p.newGuest.unverified),
    },
  };
}

const finance = {
  groupId: G.plain,
  displayName: 'Finance',
  kind: 'microsoft365',
  dynamic: false,
  onPremises: false,
  vivaEngage: false,
  hasTeam: false,
  groupSetting: 'inherit',
  ownerCount: 1,
  memberCount: 2,
  guestCount: 0,
  groupBasedLicensing: false,
} as const;
const noTeamNoSite = { groupContent: 'yes', team: 'noTeam', site: 'noSite' } as const;

describe('groupProfile, whole', () => {
  test('an open team: site levels, counts (owners are members too), a new guest added now by an owner', () => {
    expect(profile(G.team)).toEqual({
      groupId: G.team,
      displayName: 'Marketing',
      kind: 'microsoft365',
      dynamic: false,
      onPremises: false,
      vivaEngage: false,
      hasTeam: true,
      groupSetting: 'inherit',
      site: {
        site: 'externalUserSharingOnly',
        effective: 'externalUserSharingOnly',
        org: 'externalUserAndGuestSharing',
      },
      ownerCount: 1,
      memberCount: 3,
      guestCount: 1,
      groupBasedLicensing: false,
      newGuest: {
        verdict: 'addNow',
        blockers: [],
        accessIssues: [],
        unverified: [],
        access: { groupContent: 'yes', team: 'yes', site: 'yes', siteEffective: 'externalUserSharingOnly' },
      },
    });
  });

  test('what the directory can’t know: label guest setting, site level and Teams unverified; no effective level', () => {
    const unknownLabel: Patch = (t) => t.sensitivityLabels.push({ id: 'l-q', displayName: 'Internal' });
    expect(
      profile(
        G.team,
        groupUnified({ EnableMIPLabels: 'true' }),
        unknownLabel,
        assignLabel(G.team, 'l-q'),
        siteUnknown(G.team),
        teamsUnknown(),
        groupGuestSetting(G.team, 'true'),
      ),
    ).toMatchObject({
      label: { id: 'l-q', displayName: 'Internal', applies: true },
      groupSetting: 'true',
      site: { org: 'externalUserAndGuestSharing' },
      newGuest: {
        verdict: 'addNow',
        blockers: [],
        unverified: ['TEAMS_GUEST_ACCESS_UNVERIFIED', 'SITE_SHARING_UNVERIFIED', 'LABEL_GUESTS_UNVERIFIED'],
        access: { groupContent: 'yes', team: 'unverified', site: 'unverified' },
      },
    });
    const p = profile(G.team, unknownLabel, assignLabel(G.team, 'l-q'), siteUnknown(G.team));
    expect(p?.label).toEqual({ id: 'l-q', displayName: 'Internal', applies: false });
    expect(p?.site).toEqual({ org: 'externalUserAndGuestSharing' });
    expect(p?.newGuest.access).toEqual({ groupContent: 'yes', team: 'yes', site: 'unverified' });
  });

  test('a dynamic, synchronised Viva Engage group with licences: every trait said, every blocker listed', () => {
    expect(
      profile(
        G.plain,
        groupKind(G.plain, 'dynamic'),
        groupKind(G.plain, 'onPremises'),
        groupKind(G.plain, 'vivaEngage'),
        licensed(G.plain),
      ),
    ).toEqual({
      ...finance,
      dynamic: true,
      onPremises: true,
      vivaEngage: true,
      groupBasedLicensing: true,
      newGuest: {
        verdict: 'blocked',
        blockers: ['GROUP_ON_PREMISES', 'GROUP_DYNAMIC', 'GROUP_VIVA_ENGAGE'],
        accessIssues: [],
        unverified: [],
        access: noTeamNoSite,
      },
    });
  });

  test('owners who may not invite: approval by an admin; with no admin either, blocked for want of an inviter', () => {
    const adminsInvite = invitesFrom('adminsAndGuestInviters');
    expect(profile(G.plain, adminsInvite)).toEqual({
      ...finance,
      newGuest: { verdict: 'needsApproval', blockers: [], accessIssues: [], unverified: [], access: noTeamNoSite },
    });
    expect(profile(G.plain, adminsInvite, roles(U.admin, []), roles(U.userAdmin, []))).toEqual({
      ...finance,
      newGuest: {
        verdict: 'blocked',
        blockers: ['NO_INVITER'],
        accessIssues: [],
        unverified: [],
        access: noTeamNoSite,
      },
    });
  });
});

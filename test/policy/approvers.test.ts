import { approversFor, evaluateGuest, evaluateRequest, isAdmin, mayInvite } from '../../src/policy/index.js';
import type { AllowInvitesFrom } from '../../src/policy/tenantModel.js';
import {
  ADDR,
  ctxOf,
  disable,
  G,
  invitesFrom,
  members,
  owners,
  roles,
  U,
  userType,
  type Patch,
} from '../support/policyFixtures.js';

interface Row {
  case: string;
  patches?: Patch[];
  requester: string;
  email?: string;
  verdict: 'addNow' | 'needsApproval' | 'blocked';
  basis: 'self' | 'owners' | 'admins' | 'none';
  approvers: string[];
  reason?: string;
  /** For NO_ELIGIBLE_APPROVER: the blocker that says what to fix (default NO_APPROVER). */
  noApproverCode?: string;
}

const strict = invitesFrom('adminsAndGuestInviters');
const membersInvite = invitesFrom('adminsGuestInvitersAndAllMembers');

// Team group: owner u-owner; members u-member and the guest u-guest-member.
const rows: Row[] = [
  {
    case: 'owner adds directly',
    requester: U.owner,
    verdict: 'addNow',
    basis: 'self',
    approvers: [],
    reason: 'REQUESTER_IS_OWNER',
  },
  {
    case: 'admin outside the group adds directly',
    requester: U.admin,
    verdict: 'addNow',
    basis: 'self',
    approvers: [],
    reason: 'REQUESTER_IS_ADMIN',
  },
  {
    case: 'member → the owners',
    requester: U.member,
    verdict: 'needsApproval',
    basis: 'owners',
    approvers: [U.owner],
    reason: 'OWNERS_APPROVE',
  },
  {
    case: 'member → every enabled owner',
    patches: [owners(G.team, [U.owner, U.coOwner])],
    requester: U.member,
    verdict: 'needsApproval',
    basis: 'owners',
    approvers: [U.owner, U.coOwner],
  },
  {
    case: 'disabled owner does not approve',
    patches: [owners(G.team, [U.owner, U.coOwner]), disable(U.coOwner)],
    requester: U.member,
    verdict: 'needsApproval',
    basis: 'owners',
    approvers: [U.owner],
  },
  {
    case: 'co-owner asks: adds directly',
    patches: [owners(G.team, [U.owner, U.coOwner])],
    requester: U.coOwner,
    verdict: 'addNow',
    basis: 'self',
    approvers: [],
  },
  {
    case: 'members may invite: member → owners',
    patches: [membersInvite],
    requester: U.member,
    verdict: 'needsApproval',
    basis: 'owners',
    approvers: [U.owner],
  },
  // Changed: a Guest Inviter who does not own the group never decides its membership; the admins do.
  {
    case: 'admins and inviters only: member → admins, and says why',
    patches: [strict],
    requester: U.member,
    verdict: 'needsApproval',
    basis: 'admins',
    approvers: [U.admin, U.userAdmin],
    reason: 'OWNERS_MAY_NOT_INVITE',
  },
  {
    case: 'admins and inviters only: owner may not invite → admins',
    patches: [strict],
    requester: U.owner,
    verdict: 'needsApproval',
    basis: 'admins',
    approvers: [U.admin, U.userAdmin],
    reason: 'OWNERS_MAY_NOT_INVITE',
  },
  {
    case: 'admins and inviters only: existing guest needs no invitation → owner adds',
    patches: [strict],
    requester: U.owner,
    email: ADDR.existingGuest,
    verdict: 'addNow',
    basis: 'self',
    approvers: [],
  },
  {
    case: 'admins and inviters only: member, existing guest → owners',
    patches: [strict],
    requester: U.member,
    email: ADDR.existingGuest,
    verdict: 'needsApproval',
    basis: 'owners',
    approvers: [U.owner],
  },
  {
    case: 'admins and inviters only: owner with Guest Inviter role adds',
    patches: [strict, roles(U.owner, ['Guest Inviter'])],
    requester: U.owner,
    verdict: 'addNow',
    basis: 'self',
    approvers: [],
  },
  {
    case: 'admins and inviters only: only the owner who may invite approves',
    patches: [strict, owners(G.team, [U.owner, U.coOwner]), roles(U.coOwner, ['Guest Inviter'])],
    requester: U.member,
    verdict: 'needsApproval',
    basis: 'owners',
    approvers: [U.coOwner],
  },
  {
    case: 'admins and inviters only: an inviter member may invite but not decide membership → owners who may invite, else admins',
    patches: [strict, members(G.team, [U.member, U.inviter])],
    requester: U.inviter,
    verdict: 'needsApproval',
    basis: 'admins',
    approvers: [U.admin, U.userAdmin],
  },
  {
    case: 'admins and inviters only: an admin asking never approves their own request',
    patches: [strict, owners(G.team, []), members(G.team, [U.member, U.admin])],
    requester: U.member,
    verdict: 'needsApproval',
    basis: 'admins',
    approvers: [U.admin, U.userAdmin],
    reason: 'NO_OWNERS',
  },
  {
    case: 'no owners → admins',
    patches: [owners(G.team, [])],
    requester: U.member,
    verdict: 'needsApproval',
    basis: 'admins',
    approvers: [U.admin, U.userAdmin],
    reason: 'NO_OWNERS',
  },
  {
    case: 'only a disabled owner → admins',
    patches: [disable(U.owner)],
    requester: U.member,
    verdict: 'needsApproval',
    basis: 'admins',
    approvers: [U.admin, U.userAdmin],
    reason: 'NO_OWNERS',
  },
  {
    case: 'owners may not invite, no admins or inviters → nobody, blocked on the invitation setting',
    patches: [strict, disable(U.admin), disable(U.userAdmin), disable(U.inviter)],
    requester: U.member,
    verdict: 'blocked',
    basis: 'none',
    approvers: [],
    reason: 'NO_ELIGIBLE_APPROVER',
    noApproverCode: 'NO_INVITER',
  },
  {
    case: 'no owners, no admins → nobody, blocked',
    patches: [owners(G.team, []), disable(U.admin), disable(U.userAdmin)],
    requester: U.member,
    verdict: 'blocked',
    basis: 'none',
    approvers: [],
    reason: 'NO_ELIGIBLE_APPROVER',
  },
  {
    case: 'no owners, the only admin asks → adds directly',
    patches: [owners(G.team, []), disable(U.userAdmin)],
    requester: U.admin,
    verdict: 'addNow',
    basis: 'self',
    approvers: [],
  },
  {
    case: 'invitations off: nobody may invite',
    patches: [invitesFrom('none')],
    requester: U.member,
    verdict: 'blocked',
    basis: 'none',
    approvers: [],
    reason: 'NOBODY_MAY_INVITE',
  },
  {
    case: 'invitations off: admin is stopped too',
    patches: [invitesFrom('none')],
    requester: U.admin,
    verdict: 'blocked',
    basis: 'none',
    approvers: [],
    reason: 'NOBODY_MAY_INVITE',
  },
  {
    case: 'invitations off: existing guest, member → owners',
    patches: [invitesFrom('none')],
    requester: U.member,
    email: ADDR.existingGuest,
    verdict: 'needsApproval',
    basis: 'owners',
    approvers: [U.owner],
  },
  {
    case: 'guest requester (member) → owners',
    requester: U.guestMember,
    verdict: 'needsApproval',
    basis: 'owners',
    approvers: [U.owner],
  },
  {
    case: 'guest owner, everyone may invite → adds',
    patches: [owners(G.team, [U.guestMember])],
    requester: U.guestMember,
    verdict: 'addNow',
    basis: 'self',
    approvers: [],
  },
  {
    case: 'guest owner, members may invite: guests may not → admins',
    patches: [membersInvite, owners(G.team, [U.guestMember])],
    requester: U.guestMember,
    verdict: 'needsApproval',
    basis: 'admins',
    approvers: [U.admin, U.userAdmin],
    reason: 'OWNERS_MAY_NOT_INVITE',
  },
  {
    case: 'owners all guests, members may invite → admins',
    patches: [membersInvite, owners(G.team, [U.guestMember])],
    requester: U.member,
    verdict: 'needsApproval',
    basis: 'admins',
    approvers: [U.admin, U.userAdmin],
    reason: 'OWNERS_MAY_NOT_INVITE',
  },
  {
    case: 'user administrator counts as admin',
    requester: U.userAdmin,
    verdict: 'addNow',
    basis: 'self',
    approvers: [],
    reason: 'REQUESTER_IS_ADMIN',
  },
  {
    case: 'member turned guest: still a member of the group',
    patches: [userType(U.member, 'Guest')],
    requester: U.member,
    verdict: 'needsApproval',
    basis: 'owners',
    approvers: [U.owner],
  },
];

describe('who decides', () => {
  test.each(rows)('$case', (row) => {
    const ctx = ctxOf(...(row.patches ?? []));
    const input = { groupId: G.team, requesterId: row.requester, guestEmail: row.email ?? ADDR.newGuest };
    const d = evaluateGuest(ctx, input);
    expect(d.verdict).toBe(row.verdict);
    expect(d.approval.basis).toBe(row.basis);
    expect(d.approval.approverIds).toEqual(row.approvers);
    if (row.reason) expect(d.approval.reasonCode).toBe(row.reason);
    expect(d.approval.approverIds).not.toContain(row.requester);
    expect(approversFor(ctx, input)).toEqual(d.approval);
    // No owners at all → add an owner; owners who may not invite a new guest, and nobody else who may → the invitation setting.
    if (row.reason === 'NO_ELIGIBLE_APPROVER')
      expect(d.blockers.map((b) => b.code)).toEqual([row.noApproverCode ?? 'NO_APPROVER']);
  });

  test.each<[AllowInvitesFrom, string, boolean]>([
    ['everyone', U.guestMember, true],
    ['everyone', U.member, true],
    ['adminsGuestInvitersAndAllMembers', U.member, true],
    ['adminsGuestInvitersAndAllMembers', U.guestMember, false],
    ['adminsGuestInvitersAndAllMembers', U.inviter, true],
    ['adminsAndGuestInviters', U.member, false],
    ['adminsAndGuestInviters', U.inviter, true],
    ['adminsAndGuestInviters', U.admin, true],
    ['adminsAndGuestInviters', U.userAdmin, true],
    ['none', U.admin, false],
    ['everyone', 'u-nobody', false],
  ])('allowInvitesFrom %s: %s may invite → %s', (policy, user, expected) => {
    expect(mayInvite(ctxOf(invitesFrom(policy)), user)).toBe(expected);
  });

  test('administrators are Global and User Administrators with an enabled account', () => {
    const ctx = ctxOf(disable(U.userAdmin));
    expect([U.admin, U.userAdmin, U.inviter, U.owner, U.spAdmin].filter((id) => isAdmin(ctx, id))).toEqual([U.admin]);
  });

  test('several guests at once: one decision each, duplicates collapsed, a mixed request proceeds in part', () => {
    const ctx = ctxOf(invitesFrom('adminsAndGuestInviters'));
    const decisions = evaluateRequest(ctx, {
      groupId: G.team,
      requesterId: U.member,
      guestEmails: [
        ADDR.existingGuest,
        ADDR.newGuest,
        'NEW.GUEST@fabrikam.com ',
        'broken',
        ADDR.internal,
        ' broken',
        ADDR.disabledGuest,
      ],
    });
    expect(decisions.map((d) => [d.guestEmail, d.verdict, d.approval.basis])).toEqual([
      [ADDR.existingGuest, 'needsApproval', 'owners'],
      [ADDR.newGuest, 'needsApproval', 'admins'],
      ['broken', 'blocked', 'none'],
      [ADDR.internal, 'nothingToDo', 'none'],
      [ADDR.disabledGuest, 'blocked', 'owners'],
    ]);
  });
});

import { evaluateGuest, type GuestDecision, type GuestInput } from '../../src/policy/index.js';
import { ADDR, addGuestUser, ctxOf, disable, G, invitesFrom, roles, U, type Patch } from '../support/policyFixtures.js';

/** Who asks, and whom the address names, as the answer shows it. */

function decide(patches: Patch[], input: Partial<GuestInput>): GuestDecision {
  return evaluateGuest(ctxOf(...patches), {
    groupId: G.team,
    requesterId: U.owner,
    guestEmail: ADDR.newGuest,
    ...input,
  });
}

describe('“why can’t X join Y?” answered for any member', () => {
  test('asked by someone outside the group: about the guest, not the asker; the owners approve', () => {
    const d = decide([], { requesterId: U.outsider, perspective: 'anyMember' });
    expect(d.requesterId).toBe(U.outsider);
    expect(d.verdict).toBe('needsApproval');
    expect(d.blockers).toEqual([]);
    expect(d.approval).toEqual({ basis: 'owners', approverIds: [U.owner], reasonCode: 'OWNERS_APPROVE' });
  });

  test('asked by the owner: still a member’s view, so the owner is among the approvers', () => {
    const d = decide([], { perspective: 'anyMember' });
    expect(d.verdict).toBe('needsApproval');
    expect(d.approval.approverIds).toEqual([U.owner]);
  });

  test('an unknown group: only that', () => {
    const d = decide([], { requesterId: 'u-nobody', perspective: 'anyMember', groupId: 'g-missing' });
    expect(d.blockers.map((b) => b.code)).toEqual(['GROUP_NOT_FOUND']);
  });
});

describe('who asks', () => {
  test('someone outside the group: nobody is asked to approve', () => {
    const d = decide([], { requesterId: U.outsider });
    expect(d.verdict).toBe('blocked');
    expect(d.approval).toEqual({ basis: 'none', approverIds: [] });
  });

  test('nobody may invite: nobody approves a new guest, whoever asks; an owner still adds an existing guest', () => {
    for (const requesterId of [U.owner, U.admin, U.member]) {
      expect(decide([invitesFrom('none')], { requesterId }).approval).toEqual({
        basis: 'none',
        approverIds: [],
        reasonCode: 'NOBODY_MAY_INVITE',
      });
    }
    expect(decide([invitesFrom('none')], { guestEmail: ADDR.existingGuest }).verdict).toBe('addNow');
  });

  test('a disabled owner asking about an unknown group is nobody: both said', () => {
    const d = decide([disable(U.owner)], { groupId: 'g-missing' });
    expect(d.blockers.map((b) => b.code)).toEqual(['REQUESTER_NOT_MEMBER', 'GROUP_NOT_FOUND']);
  });

  test('an enabled member asking about an unknown group: only the group is wrong', () => {
    const d = decide([], { requesterId: U.member, groupId: 'g-missing' });
    expect(d.blockers.map((b) => b.code)).toEqual(['GROUP_NOT_FOUND']);
  });

  test('an admin who does not own the group adds directly, also when nobody may invite and the guest exists', () => {
    expect(decide([], { requesterId: U.admin }).approval).toEqual({
      basis: 'self',
      approverIds: [],
      reasonCode: 'REQUESTER_IS_ADMIN',
    });
    const existing = decide([invitesFrom('none')], { requesterId: U.admin, guestEmail: ADDR.existingGuest });
    expect(existing.verdict).toBe('addNow');
    expect(existing.approval.reasonCode).toBe('REQUESTER_IS_ADMIN');
  });

  test('a Groups Administrator adds an existing guest directly; a new one only where they may invite', () => {
    const groupsAdmin = roles(U.outsider, ['Groups Administrator']);
    const existing = decide([groupsAdmin], { requesterId: U.outsider, guestEmail: ADDR.existingGuest });
    expect(existing.verdict).toBe('addNow');
    expect(existing.approval.reasonCode).toBe('REQUESTER_IS_GROUPS_ADMIN');
    expect(decide([groupsAdmin], { requesterId: U.outsider }).approval.reasonCode).toBe('REQUESTER_IS_GROUPS_ADMIN');
    const strict = decide([groupsAdmin, invitesFrom('adminsAndGuestInviters')], { requesterId: U.outsider });
    expect(strict.verdict).toBe('needsApproval');
    expect(strict.approval.basis).toBe('admins');
  });
});

describe('whom the address names', () => {
  test('a member account is a colleague whatever its domain', () => {
    const d = decide([addGuestUser('u-odd', 'm@partner.org', { userType: 'Member' })], { guestEmail: 'M@partner.org' });
    expect(d).toMatchObject({ verdict: 'nothingToDo', notes: ['INTERNAL_ADDRESS'], existingUserId: 'u-odd' });
  });

  test('a guest account is a guest, even with an address in one of the tenant’s own domains', () => {
    const d = decide([addGuestUser('u-g2', 'g@contoso.com')], { guestEmail: 'g@contoso.com' });
    expect(d.verdict).toBe('addNow');
    expect(d.existingUserId).toBe('u-g2');
    expect(d.invitation).toBe('notNeeded');
    expect(d.notes).toEqual(['GUEST_EXISTS_IN_DIRECTORY', 'GUEST_DIRECTORY_VISIBILITY_LIMITED']);
  });
});

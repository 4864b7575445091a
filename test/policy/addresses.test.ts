import { evaluateGuest, evaluateRequest, type GuestDecision } from '../../src/policy/index.js';
import { ADDR, ctxOf, G, U } from '../support/policyFixtures.js';

/** What the requester sees of the address they typed: the guest it names, or the refused text as it was typed. */

function decide(email: string): GuestDecision {
  return evaluateGuest(ctxOf(), { groupId: G.team, requesterId: U.owner, guestEmail: email });
}

describe('a guest named by UPN', () => {
  test('in a verified domain of the tenant: the guest it encodes, found in the directory', () => {
    const d = decide('existing_partner.org#EXT#@contoso.com');
    expect(d.guestEmail).toBe(ADDR.existingGuest);
    expect(d.existingUserId).toBe(U.existingGuest);
    expect(d.invitation).toBe('notNeeded');
  });

  test('in the tenant’s onmicrosoft.com domain, verified or not: the new guest it encodes', () => {
    const d = decide('New.Guest_fabrikam.com#EXT#@contoso.onmicrosoft.com');
    expect(d.guestEmail).toBe(ADDR.newGuest);
    expect(d.domain).toBe('fabrikam.com');
    expect(d.invitation).toBe('required');
  });

  test('without a name_domain part it encodes nothing: the address stays as typed', () => {
    const d = decide('x.com#EXT#@contoso.onmicrosoft.com');
    expect(d.guestEmail).toBe('x.com#ext#@contoso.onmicrosoft.com');
    expect(d.domain).toBe('contoso.onmicrosoft.com');
  });

  test('an empty name encodes nothing either: a colleague’s odd address in a verified domain', () => {
    const d = decide('_fabrikam.com#EXT#@contoso.com');
    expect(d.guestEmail).toBe('_fabrikam.com#ext#@contoso.com');
    expect(d.verdict).toBe('nothingToDo');
    expect(d.notes).toEqual(['INTERNAL_ADDRESS']);
  });
});

describe('a refused address', () => {
  test('is shown as typed, trimmed, at most 320 characters, hidden characters made visible', () => {
    const long = decide(`  ${'x'.repeat(400)}  `);
    expect(long.verdict).toBe('blocked');
    expect(long.guestEmail).toBe('x'.repeat(320));
    expect(long.domain).toBe('');
    expect(long.blockers[0]).toMatchObject({ code: 'ADDRESS_INVALID', currentValue: 'x'.repeat(320) });
    const hidden = decide('safe\u202Egpj.exe');
    expect(hidden.guestEmail).toBe('safe\uFFFDgpj.exe');
    expect(hidden.blockers[0]).toMatchObject({ currentValue: 'safe\uFFFDgpj.exe', subject: 'safe\uFFFDgpj.exe' });
  });

  test('in a request, the same refused text typed twice (other case, spaces) is answered once', () => {
    const ds = evaluateRequest(ctxOf(), {
      groupId: G.team,
      requesterId: U.owner,
      guestEmails: [' not an address ', 'NOT AN ADDRESS', 'not an address', 'Jan@Fabrikam.com', 'jan@fabrikam.com'],
    });
    expect(ds.map((d) => [d.guestEmail, d.verdict])).toEqual([
      ['not an address', 'blocked'],
      ['jan@fabrikam.com', 'addNow'],
    ]);
  });
});

describe('more of what the answer shows', () => {
  test('a refused address: the fix names the field and the form it needs; no invitation', () => {
    const d = decide('not an address');
    expect(d.invitation).toBe('notNeeded');
    expect(d.blockers).toEqual([
      {
        code: 'ADDRESS_INVALID',
        layer: 'input',
        setting: 'guestEmail',
        currentValue: 'not an address',
        allowingValue: 'name@domain',
        fixRoles: ['requester'],
        where: { portalKey: 'none' },
        propagation24h: false,
        subject: 'not an address',
      },
    ]);
  });

  test('a colleague’s address with an underscore is no guest UPN', () => {
    const d = decide('jan_fabrikam.co.uk.team@contoso.com');
    expect(d).toMatchObject({ verdict: 'nothingToDo', notes: ['INTERNAL_ADDRESS'], invitation: 'notNeeded' });
    expect(d.guestEmail).toBe('jan_fabrikam.co.uk.team@contoso.com');
  });

  test('a guest found by the UPN typed is shown by that UPN; already a member needs no invitation', () => {
    const d = decide('Already_partner.org#EXT#@contoso.onmicrosoft.com');
    expect(d).toMatchObject({ verdict: 'nothingToDo', invitation: 'notNeeded', existingUserId: U.guestMember });
    expect(d.guestEmail).toBe('already_partner.org#ext#@contoso.onmicrosoft.com');
  });
});

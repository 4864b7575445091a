import { cardAction } from '../support/activities.js';
import { chat } from '../support/chat.js';
import { cardProblems, cardText, cardVerbs } from '../support/cards.js';
import { demoGroup, demoUser } from '../support/demoTenant.js';
import { startTestApp, type TestApp } from '../support/testApp.js';

const daan = demoUser('Daan de Vries'); // Global Administrator, Dutch
const megan = demoUser('Megan Bowen'); // User Administrator
const lidia = demoUser('Lidia Holloway'); // Guest Inviter
const alex = demoUser('Alex Wilber'); // owns Marketing
const adele = demoUser('Adele Vance'); // owns Sales, sponsor of Kari
const patti = demoUser('Patti Fernandez'); // owns Contoso Partners, sponsor of Ray and Bram
const nestor = demoUser('Nestor Wilke'); // member of Marketing
const sanne = demoUser('Sanne Jansen'); // Dutch member of Sales, owns Leesclub
const emma = demoUser('Emma de Boer'); // Dutch member, owns nothing
const kari = demoUser('Kari Hansen (Fabrikam)'); // accepted guest in Sales
const ray = demoUser('Ray Tanaka (Woodgrove Bank)'); // pending guest in Contoso Partners
const sam = demoUser('Sam Jones'); // disabled guest
const outsider = { id: 'f0000000-0000-4000-8000-0000000000ee', displayName: 'Eve Outsider' };
const sales = demoGroup('Sales');
const NL = { locale: 'nl-NL' };

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(() => t.close());

/** Sends a chat message; returns the reply texts and cards, each card checked: valid, and no `${` left. */
const ask = (user: { id: string; displayName: string }, text: string, options: { locale?: string } = {}) =>
  chat(t, user, text, options);

async function tap(
  user: { id: string; displayName: string },
  verb: string,
  data: Record<string, unknown>,
  options: { locale?: string } = {},
) {
  const { body } = await t.post(cardAction(user, verb, data, { serviceUrl: t.connector.url, ...options }));
  if (body.type === 'application/vnd.microsoft.card.adaptive') {
    expect(cardProblems(body.value)).toEqual([]);
    expect(JSON.stringify(body.value)).not.toContain('${');
  }
  return body;
}

const auditOf = async (action: string) => (await t.app.deps.audit.tail(200)).filter((e) => e.action === action);

/** The rows of a guest list card: "heading\ndetails" per guest. */
function rows(card: { body: { type: string; items?: { text: string }[] }[] }): string[] {
  return card.body.filter((b) => b.type === 'Container').map((c) => (c.items ?? []).map((i) => i.text).join('\n'));
}

describe('when an admin lists the organisation’s guests', () => {
  it('then every guest shows state, invited when and by whom, groups, last sign-in, and stale or disabled accounts', async () => {
    const { cards } = await ask(megan, 'guests');
    expect(cards).toHaveLength(1);
    const text = cardText(cards[0]);
    expect(text).toContain('Guests of Contoso');
    expect(text).toContain('1–5 of 5, by name.');
    const list = rows(cards[0]);
    expect(list.map((r) => r.split(' · ')[0])).toEqual([
      'Bram Visser \\(Fabrikam\\)',
      'Kari Hansen \\(Fabrikam\\)',
      'Olivia Chen \\(Litware\\)',
      'Ray Tanaka \\(Woodgrove Bank\\)',
      'Sam Jones',
    ]);
    expect(list[1]).toBe(
      'Kari Hansen \\(Fabrikam\\) · kari.hansen@fabrikam.com\nInvitation accepted · invited 10 Mar 2026 by Adele Vance · groups: Sales · last sign-in 28 Oct 2026',
    );
    expect(list[0]).toContain('groups: Contoso Partners · last sign-in 12 May 2026 · ⚠️ stale');
    expect(list[2]).toContain('in no group · never signed in · ⚠️ stale');
    expect(list[3]).toContain('Invited, not accepted yet · invited 20 Oct 2026 by Patti Fernandez');
    expect(list[3]).not.toContain('stale');
    expect(list[4]).toMatch(/^Sam Jones · sam.jones@outlook.com\nAccount disabled · invited 1 Jun 2025 · in no group/);
    expect(cardVerbs(cards[0])).toEqual([]); // one page: no More
  });

  it('then the filters pick pending, stale and one domain’s guests, and a Dutch admin reads it in Dutch', async () => {
    const pending = (await ask(megan, 'guests pending')).cards[0];
    expect(cardText(pending)).toContain('Guests who haven’t accepted their invitation');
    expect(rows(pending).map((r) => r.split(' · ')[0])).toEqual(['Ray Tanaka \\(Woodgrove Bank\\)']);
    const stale = (await ask(megan, 'guests stale')).cards[0];
    expect(cardText(stale)).toContain('Stale guests (no sign-in for over 90 days)');
    expect(rows(stale).map((r) => r.split(' · ')[0])).toEqual([
      'Bram Visser \\(Fabrikam\\)',
      'Olivia Chen \\(Litware\\)',
      'Sam Jones',
    ]);
    const domain = (await ask(megan, 'guests domain FABRIKAM.com')).cards[0];
    expect(cardText(domain)).toContain('Guests from fabrikam.com');
    expect(rows(domain).map((r) => r.split(' · ')[0])).toEqual([
      'Bram Visser \\(Fabrikam\\)',
      'Kari Hansen \\(Fabrikam\\)',
    ]);
    expect((await ask(megan, 'guests domain nowhere')).text).toBe(
      '**nowhere** is not a domain. For example: `guests domain fabrikam.com`.',
    );
    expect(cardText((await ask(megan, 'guests domain contoso.com')).cards[0])).toContain('No guests match.');

    const dutch = (await ask(daan, 'gasten inactief', NL)).cards[0];
    const dutchText = cardText(dutch);
    expect(dutchText).toContain('Inactieve gasten (langer dan 90 dagen niet aangemeld)');
    expect(dutchText).toContain(
      'Account uitgeschakeld · uitgenodigd 1 jun 2025 · in geen enkele groep · laatst aangemeld 15 sep 2025 · ⚠️ inactief',
    );
    expect(dutchText).toContain('nooit aangemeld');
  });

  it('then a guest the bot invited shows who invited them, and more than 20 guests come in pages with More and Previous', async () => {
    await ask(alex, 'invite bo@fabrikam.com to Marketing');
    await t.app.deps.worker.idle();
    const bo = (await ask(megan, 'guests pending')).cards[0];
    expect(cardText(bo)).toContain('invited 2 Nov 2026 by Alex Wilber · groups: Marketing · never signed in');

    for (let i = 0; i < 20; i++)
      await t.app.deps.directory.inviteGuest({
        email: `g${String(i).padStart(2, '0')}@litware.com`,
        invitedBy: megan.id,
      });
    const first = (await ask(megan, 'guests')).cards[0];
    expect(rows(first)).toHaveLength(20);
    expect(cardText(first)).toContain('1–20 of 26, by name.');
    expect(first.actions.map((a: { title: string }) => a.title)).toEqual(['More']);
    expect(first.actions[0].data).toEqual({ filter: 'all', domain: '', offset: 20 });

    const second = await tap(megan, 'guestsPage', first.actions[0].data);
    expect(second.statusCode).toBe(200);
    expect(rows(second.value)).toHaveLength(6);
    expect(cardText(second.value)).toContain('21–26 of 26, by name.');
    expect(second.value.actions.map((a: { title: string }) => a.title)).toEqual(['Previous']);
    const back = await tap(megan, 'guestsPage', second.value.actions[0].data);
    expect(cardText(back.value)).toContain('1–20 of 26');

    // The page tap is authorised again: a member forging it learns nothing; nonsense gets 400.
    expect((await tap(nestor, 'guestsPage', first.actions[0].data)).statusCode).toBe(403);
    expect((await tap(megan, 'guestsPage', { filter: 'everything', offset: 0 })).statusCode).toBe(400);
    expect((await tap(megan, 'guestsPage', { filter: 'all', offset: -5 })).statusCode).toBe(400);
  });

  it.each([
    [
      'a member',
      nestor,
      'guests',
      'en-US',
      /^Only administrators \(Global Administrator or User Administrator\) can see all of the organisation’s guests/,
    ],
    ['a guest inviter', lidia, 'guests pending', 'en-US', /^Only administrators/],
    [
      'a Dutch member',
      emma,
      'gasten domein fabrikam.com',
      'nl-NL',
      /^Alleen beheerders .* kunnen alle gasten van de organisatie zien/,
    ],
    ['a Dutch owner', sanne, 'gasten', 'nl-NL', /^Bijna goed\. Typ het zo: \*\*gasten\*\* Groep/],
    [
      'an owner (who gets the syntax for their own group)',
      alex,
      'guests',
      'en-US',
      /^Almost there\. Type it like this: \*\*guests\*\* Group/,
    ],
    ['an owner asking for a filter', adele, 'guests stale', 'en-US', /^Almost there/],
  ])('then %s gets no list', async (_who, user, text, locale, answer) => {
    const reply = await ask(user, text, { locale });
    expect(reply.cards).toEqual([]);
    expect(reply.text).toMatch(answer);
  });
});

describe('when someone resends an invitation', () => {
  it('then an admin sends a pending guest a new invitation, audited', async () => {
    expect((await ask(megan, 'resend invitation ray.tanaka@woodgrovebank.com')).text).toBe(
      'A new invitation went to **Ray Tanaka \\(Woodgrove Bank\\)** (ray.tanaka@woodgrovebank.com). Recorded in the audit log.',
    );
    expect(await t.app.deps.directory.getUser(ray.id)).toMatchObject({
      externalUserState: 'PendingAcceptance',
      externalUserStateChangeDateTime: '2026-11-02T09:00:00.000Z',
    });
    expect(await auditOf('guest.invitationResent')).toEqual([
      {
        at: '2026-11-02T09:00:00.000Z',
        actorId: megan.id,
        action: 'guest.invitationResent',
        subjectId: ray.id,
        details: { guestUserId: ray.id, resetRedemption: false },
      },
    ]);
    expect((await ask(megan, 'audit 1')).text).toContain(
      'Megan Bowen · sent the invitation of Ray Tanaka \\(Woodgrove Bank\\) (ray.tanaka@woodgrovebank.com) again',
    );
  });

  it('then the owner who invited (approved) the guest may resend too, in Dutch as well; other owners may not', async () => {
    expect((await ask(patti, 'resend invitation ray.tanaka@woodgrovebank.com')).text).toMatch(
      /^A new invitation went to/,
    );
    await ask(alex, 'invite bo@fabrikam.com to Marketing');
    await t.app.deps.worker.idle();
    expect((await ask(alex, 'resend bo@fabrikam.com')).text).toMatch(/^A new invitation went to \*\*bo\*\*/);
    expect((await ask(daan, 'uitnodiging opnieuw versturen ray.tanaka@woodgrovebank.com', NL)).text).toMatch(
      /^Er is een nieuwe uitnodiging naar \*\*Ray Tanaka/,
    );
    expect((await ask(adele, 'resend invitation ray.tanaka@woodgrovebank.com')).text).toBe(
      'Only administrators and the person who invited (approved) a guest can send their invitation again.',
    );
    expect(await auditOf('guest.invitationResent')).toHaveLength(3);
  });

  it.each([
    [
      'a member',
      nestor,
      'resend invitation ray.tanaka@woodgrovebank.com',
      'en-US',
      /^Only administrators and the person who invited/,
    ],
    [
      'a guest inviter',
      lidia,
      'resend invitation ray.tanaka@woodgrovebank.com',
      'en-US',
      /^Only administrators and the person who invited/,
    ],
    [
      'a Dutch member',
      sanne,
      'uitnodiging opnieuw ray.tanaka@woodgrovebank.com',
      'nl-NL',
      /^Alleen beheerders en degene die een gast heeft uitgenodigd/,
    ],
    [
      'a member asking about a colleague',
      nestor,
      'resend invitation AlexW@contoso.com',
      'en-US',
      /^Only administrators and the person who invited/,
    ],
  ])('then %s is refused and nothing is sent', async (_who, user, text, locale, refusal) => {
    expect((await ask(user, text, { locale })).text).toMatch(refusal);
    expect(await auditOf('guest.invitationResent')).toEqual([]);
  });

  it('then an accepted guest needs reset (admins only), and disabled, colleague, unknown, blocked and malformed get clear answers', async () => {
    expect((await ask(megan, 'resend invitation kari.hansen@fabrikam.com')).text).toBe(
      '**Kari Hansen \\(Fabrikam\\)** has accepted the invitation already. If they accepted it with the wrong account, an administrator can type **resend invitation** kari.hansen@fabrikam.com **reset**.',
    );
    expect((await ask(adele, 'resend invitation kari.hansen@fabrikam.com reset')).text).toBe(
      'Only administrators (Global Administrator or User Administrator) can reset a guest’s redemption.',
    );
    expect((await ask(megan, 'resend invitation kari.hansen@fabrikam.com reset')).text).toMatch(
      /^The redemption of \*\*Kari Hansen \\\(Fabrikam\\\)\*\* was reset/,
    );
    expect((await t.app.deps.directory.getUser(kari.id))?.externalUserState).toBe('PendingAcceptance');
    expect((await auditOf('guest.invitationResent'))[0].details).toEqual({
      guestUserId: kari.id,
      resetRedemption: true,
    });

    expect((await ask(megan, 'resend invitation sam.jones@outlook.com')).text).toMatch(
      /^The account of \*\*Sam Jones\*\* is disabled/,
    );
    expect((await ask(megan, 'resend invitation AlexW@contoso.com')).text).toBe(
      'Alex Wilber is a colleague, not a guest: there is no invitation to send.',
    );
    expect((await ask(megan, 'resend invitation nobody@fabrikam.com')).text).toMatch(
      /^nobody@fabrikam.com is not a guest of this organisation/,
    );
    expect((await ask(megan, 'resend invitation ray@')).text).toMatch(/^\*\*ray@\*\* is not a valid e-mail address/);
    expect((await ask(megan, 'resend invitation')).text).toMatch(
      /^Almost there\. Type it like this: \*\*resend invitation\*\*/,
    );
    // A pending guest whose domain has since been blocked: Entra would refuse the invitation.
    await t.app.deps.directory.inviteGuest({ email: 'pat@mailinator.com', invitedBy: megan.id });
    expect((await ask(megan, 'resend invitation pat@mailinator.com')).text).toMatch(
      /^Invitations to mailinator.com are blocked now \(by: .+\), so no new invitation can be sent\.$/,
    );
    expect(await auditOf('guest.invitationResent')).toHaveLength(1);
  });
});

describe('when an admin deletes a guest', () => {
  it('then a card lists what the guest loses and says 30 days; confirming deletes once, audited', async () => {
    const reply = await ask(megan, 'delete guest kari.hansen@fabrikam.com');
    expect(reply.cards).toHaveLength(1);
    const card = reply.cards[0];
    const text = cardText(card);
    expect(text).toContain('Delete the guest account of **Kari Hansen \\(Fabrikam\\)** from the directory?');
    expect(text).toContain('restored from **Deleted users** in the Microsoft 365 admin center for 30 days');
    expect(text).toMatch(/Groups\nSales\nTeams\nSales\nSharePoint sites\nSales/);
    expect(cardVerbs(card)).toEqual(['confirmDeleteGuest', 'cancelDeleteGuest']);
    expect(card.actions[0].data).toEqual({ guestUserId: kari.id });
    expect(await t.app.deps.directory.getUser(kari.id)).toBeDefined(); // nothing before the confirmation

    const done = await tap(megan, 'confirmDeleteGuest', card.actions[0].data);
    expect(done.statusCode).toBe(200);
    expect(cardText(done.value)).toContain(
      'Megan Bowen deleted the guest account of Kari Hansen \\(Fabrikam\\). It can be restored from Deleted users for 30 days.',
    );
    expect(cardVerbs(done.value)).toEqual([]);
    expect(await t.app.deps.directory.getUser(kari.id)).toBeUndefined();
    expect((await t.app.deps.directory.getGroup(sales.id))!.members).not.toContain(kari.id);
    expect(await auditOf('guest.deleted')).toEqual([
      {
        at: '2026-11-02T09:00:00.000Z',
        actorId: megan.id,
        action: 'guest.deleted',
        subjectId: kari.id,
        details: { guestUserId: kari.id, groups: 1 },
      },
    ]);

    const again = await tap(megan, 'confirmDeleteGuest', card.actions[0].data);
    expect(cardText(again.value)).toContain('This guest account no longer exists: nothing to do.');
    expect(await auditOf('guest.deleted')).toHaveLength(1);
    expect((await ask(megan, 'audit 1')).text).toContain('Megan Bowen · deleted the guest account of a guest');
  });

  it('then a double tap arriving at once deletes and audits once', async () => {
    const card = (await ask(megan, 'delete guest ray.tanaka@woodgrovebank.com')).cards[0];
    await Promise.all([
      tap(megan, 'confirmDeleteGuest', card.actions[0].data),
      tap(megan, 'confirmDeleteGuest', card.actions[0].data),
    ]);
    expect(await auditOf('guest.deleted')).toHaveLength(1);
  });

  it('then a Dutch admin reads the card in Dutch and can cancel', async () => {
    const card = (await ask(daan, 'gast wissen sam.jones@outlook.com', NL)).cards[0];
    const text = cardText(card);
    expect(text).toContain('Het gastaccount van **Sam Jones** uit de adreslijst verwijderen?');
    expect(text).toContain('Verwijderde gebruikers');
    expect(text).toMatch(/Groepen\ngeen/);
    expect(card.actions.map((a: { title: string }) => a.title)).toEqual(['Wissen', 'Annuleren']);
    const cancelled = await tap(daan, 'cancelDeleteGuest', card.actions[1].data, NL);
    expect(cardText(cancelled.value)).toContain('Geannuleerd: er is niets gewist.');
    expect(await t.app.deps.directory.getUser(sam.id)).toBeDefined();
    expect((await tap(nestor, 'cancelDeleteGuest', card.actions[1].data)).statusCode).toBe(403);
  });

  it.each([
    [
      'a member',
      nestor,
      'delete guest kari.hansen@fabrikam.com',
      'en-US',
      'Only administrators (Global Administrator or User Administrator) can delete guests.',
    ],
    [
      'the owner of the guest’s group',
      adele,
      'delete guest kari.hansen@fabrikam.com',
      'en-US',
      'Only administrators (Global Administrator or User Administrator) can delete guests.',
    ],
    [
      'a guest inviter',
      lidia,
      'delete guest kari.hansen@fabrikam.com',
      'en-US',
      'Only administrators (Global Administrator or User Administrator) can delete guests.',
    ],
    [
      'a Dutch member',
      sanne,
      'gast wissen kari.hansen@fabrikam.com',
      'nl-NL',
      'Alleen beheerders (Globale beheerder of Gebruikersbeheerder) kunnen gasten wissen.',
    ],
    [
      'a member asking for the syntax',
      nestor,
      'delete guest',
      'en-US',
      'Only administrators (Global Administrator or User Administrator) can delete guests.',
    ],
  ])('then %s is refused', async (_who, user, text, locale, refusal) => {
    const reply = await ask(user, text, { locale });
    expect(reply.cards).toEqual([]);
    expect(reply.text).toBe(refusal);
  });

  it('then a forged tap from a non-admin, or for a colleague, deletes nobody', async () => {
    for (const forger of [adele, nestor, lidia]) {
      const body = await tap(forger, 'confirmDeleteGuest', { guestUserId: kari.id });
      expect(body.statusCode).toBe(403);
      expect(body.value.code).toBe('FORBIDDEN');
    }
    expect((await tap(outsider, 'confirmDeleteGuest', { guestUserId: kari.id })).statusCode).toBe(403);
    expect((await tap(megan, 'confirmDeleteGuest', { guestUserId: '../../x' })).statusCode).toBe(400);
    const colleague = await tap(megan, 'confirmDeleteGuest', { guestUserId: alex.id });
    expect(cardText(colleague.value)).toContain(
      'Alex Wilber is a colleague, not a guest: this command deletes guest accounts only.',
    );
    expect(await t.app.deps.directory.getUser(alex.id)).toBeDefined();
    expect(await t.app.deps.directory.getUser(kari.id)).toBeDefined();
    expect(await auditOf('guest.deleted')).toEqual([]);
  });

  it('then colleagues, unknown and malformed addresses get clear answers', async () => {
    expect((await ask(megan, 'delete guest AlexW@contoso.com')).text).toBe(
      'Alex Wilber is a colleague, not a guest: this command deletes guest accounts only.',
    );
    expect((await ask(megan, 'delete guest nobody@fabrikam.com')).text).toBe(
      'nobody@fabrikam.com is not in this organisation’s directory: nothing to delete.',
    );
    expect((await ask(megan, 'delete guest kari@')).text).toMatch(/^\*\*kari@\*\* is not a valid e-mail address/);
    expect((await ask(megan, 'delete guest')).text).toMatch(/^Almost there\. Type it like this: \*\*delete guest\*\*/);
  });
});

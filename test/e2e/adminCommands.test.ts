import { cardAction } from '../support/activities.js';
import { chat } from '../support/chat.js';
import { cardProblems, cardText, cardVerbs } from '../support/cards.js';
import { demoGroup, demoUser } from '../support/demoTenant.js';
import { startTestApp, type TestApp } from '../support/testApp.js';

const daan = demoUser('Daan de Vries'); // Global Administrator, Dutch
const megan = demoUser('Megan Bowen'); // User Administrator
const lidia = demoUser('Lidia Holloway'); // Guest Inviter
const alex = demoUser('Alex Wilber'); // owns Marketing, member of Sales and Project Falcon
const adele = demoUser('Adele Vance'); // owns Sales
const pieter = demoUser('Pieter Bakker'); // owns Project Falcon, Dutch
const patti = demoUser('Patti Fernandez'); // owns Contoso Partners
const nestor = demoUser('Nestor Wilke'); // member of Marketing
const sanne = demoUser('Sanne Jansen'); // Dutch member of Sales
const kari = demoUser('Kari Hansen (Fabrikam)'); // guest, member of Sales
const ray = demoUser('Ray Tanaka (Woodgrove Bank)'); // guest, pending acceptance, in Contoso Partners
const outsider = { id: 'f0000000-0000-4000-8000-0000000000ee', displayName: 'Eve Outsider' }; // not in the directory
const OTHER_TENANT = '99999999-9999-4999-8999-999999999999';
const sales = demoGroup('Sales');
const marketing = demoGroup('Marketing');
const partners = demoGroup('Contoso Partners');

const NL = { locale: 'nl-NL' };

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(() => t.close());

/** Sends a chat message; returns the reply texts and cards, each card checked: valid, and no `${` left. */
const ask = (
  user: { id: string; displayName: string },
  text: string,
  options: { locale?: string; tenantId?: string } = {},
) => chat(t, user, text, options);

/** The one card of a reply, as text. */
async function askCard(
  user: { id: string; displayName: string },
  text: string,
  options: { locale?: string } = {},
): Promise<string> {
  const reply = await ask(user, text, options);
  expect(reply.cards).toHaveLength(1);
  return cardText(reply.cards[0]);
}

async function tap(
  user: { id: string; displayName: string },
  verb: string,
  data: Record<string, unknown>,
  options: { locale?: string; tenantId?: string } = {},
) {
  const { body } = await t.post(cardAction(user, verb, data, { serviceUrl: t.connector.url, ...options }));
  if (body.type === 'application/vnd.microsoft.card.adaptive') {
    expect(cardProblems(body.value)).toEqual([]);
    expect(JSON.stringify(body.value)).not.toContain('${');
  }
  return body;
}

const auditOf = async (action: string) => (await t.app.deps.audit.tail(100)).filter((e) => e.action === action);

describe('when someone asks for the tenant settings', () => {
  it('then an admin gets one card with every layer, its value, its meaning and the ✓/⛔ chain from Entra ID to Teams', async () => {
    const text = await askCard(megan, 'settings');
    expect(text).toContain('Guest access settings of Contoso');
    expect(text).toMatch(
      /Entra ID external collaboration → ⚠️ Cross-tenant access → ✓ Microsoft 365 Groups \(organisation\) → .*SharePoint → ✓ Teams/,
    );
    expect(text).toContain('authorizationPolicy.allowInvitesFrom = adminsGuestInvitersAndAllMembers');
    expect(text).toContain('Members, administrators and guest inviters may invite guests.');
    expect(text).toContain('tailspintoys.com, mailinator.com');
    // Northwind's partner entry blocks, with the fix: who, where, how.
    expect(text).toContain('B2B collaboration with Northwind Traders is blocked.');
    expect(text).toContain('Cross-tenant access settings > Organizational settings');
    expect(text).not.toMatch(/^Layer$/m); // rows are grouped by layer already
    expect(text).toContain('Groups labelled Confidential can’t have guests.');
    expect(text).toContain('CsTeamsClientConfiguration.AllowGuestUser = true');
  });

  it('then a Dutch admin gets it in Dutch with Microsoft’s Dutch terms', async () => {
    const text = await askCard(daan, 'instellingen', NL);
    expect(text).toContain('Instellingen voor gasttoegang van Contoso');
    expect(text).toContain('Toegang tussen tenants');
    expect(text).toContain('Instellingen voor toegang tussen tenants > Organisatie-instellingen');
    expect(text).toContain('Gasten kunnen Teams gebruiken.');
  });

  it.each([
    [
      'a member',
      nestor,
      'settings',
      'en-US',
      /^Only administrators \(Global Administrator or User Administrator\) can use \*\*settings\*\*/,
    ],
    ['an owner', alex, 'settings Marketing', 'en-US', /^Only administrators/],
    ['a guest inviter', lidia, 'settings', 'en-US', /^Only administrators/],
    [
      'a Dutch member',
      sanne,
      'instellingen',
      'nl-NL',
      /^Alleen beheerders \(Globale beheerder of Gebruikersbeheerder\) kunnen \*\*instellingen\*\*/,
    ],
  ])('then %s is refused in their language', async (_who, user, text, locale, refusal) => {
    const reply = await ask(user, text, { locale });
    expect(reply.cards).toEqual([]);
    expect(reply.text).toMatch(refusal);
  });

  it('then someone outside the directory, or from another tenant, learns nothing', async () => {
    expect((await ask(outsider, 'settings')).text).toBe(
      "I can't find you in this organisation's directory, so I can't act for you.",
    );
    const other = await ask(daan, 'settings', { tenantId: OTHER_TENANT });
    expect(other.text).toBe('This bot serves one organisation only.');
    expect(other.cards).toEqual([]);
  });
});

describe('when an admin asks for one group’s settings', () => {
  it('then the card shows kind, label, group setting, site, team, people and the verdict for a new guest', async () => {
    const text = await askCard(megan, 'settings Project Falcon');
    expect(text).toContain('No new guest can join Project Falcon now: one thing stands in the way.');
    expect(text).toContain('Microsoft 365 group');
    expect(text).toContain('Confidential (doesn’t allow guests; it decides, not the group setting)');
    expect(text).toContain('not set: follows the organisation');
    expect(text).toContain(
      'site: New and existing guests · organisation: New and existing guests → effective: New and existing guests',
    );
    expect(text).toContain('1 (Pieter Bakker)');
    expect(text).toContain('Set-Label -Identity');
  });

  it('then the other kinds of group say what they are and why they take no guests', async () => {
    expect(await askCard(megan, 'settings HR')).toContain('false: no new guests');
    expect(await askCard(megan, 'settings All Staff')).toContain('dynamic membership');
    expect(await askCard(megan, 'settings Newsletter')).toContain('Distribution list');
    expect(await askCard(megan, 'settings Contoso Community')).toContain('connected to Viva Engage');
    const sales = await askCard(megan, 'settings Sales');
    expect(sales).toContain('The owners of Sales can add a new guest right away.');
    expect(sales).toMatch(/Guests\n1/);
  });

  it('then a Dutch admin gets the group in Dutch, and a typo gets a suggestion', async () => {
    const text = await askCard(daan, 'instellingen Facilities', NL);
    expect(text).toContain('Groepsinstellingen');
    expect(text).toContain('Een nieuwe gast kan lid worden van Facilities na goedkeuring door');
    const typo = await ask(megan, 'settings Marketting');
    expect(typo.text).toBe("I can't find a group called **Marketting**. Did you mean: **Marketing**?");
  });
});

describe('when someone checks an address', () => {
  it('then an admin sees where a blocked domain stops, with the fix', async () => {
    const text = await askCard(megan, 'check tailspintoys.com');
    expect(text).toContain('Can tailspintoys.com be invited?');
    expect(text).toMatch(/⛔ Entra ID external collaboration → ✓ Cross-tenant access/);
    expect(text).toContain('Invitations to tailspintoys.com are blocked by the Entra ID block list.');
    expect(text).toContain('Collaboration restrictions');
  });

  it('then a guest inviter may check too, and sees a partner blocked by cross-tenant access', async () => {
    const text = await askCard(lidia, 'check anna@northwindtraders.com');
    expect(text).toMatch(/✓ Entra ID external collaboration → ⛔ Cross-tenant access/);
    expect(text).toContain(
      'Cross-tenant access blocks B2B collaboration with Northwind Traders: new guests can’t be invited',
    );
  });

  it('then an allowed domain is ✓ all the way, and an existing guest needs no invitation', async () => {
    const fabrikam = await askCard(megan, 'check fabrikam.com');
    expect(fabrikam).toMatch(/✓ Entra ID external collaboration → ✓ Cross-tenant access → ✓ SharePoint/);
    expect(fabrikam).toContain('An organisational setting allows B2B collaboration with Fabrikam.');
    const existing = await askCard(megan, 'check kari.hansen@fabrikam.com');
    expect(existing).toContain('Already a guest: Kari Hansen \\(Fabrikam\\)');
    expect(existing).toContain('No new invitation needed');
    expect(await askCard(megan, 'check DaanV@contoso.com')).toContain('that is a colleague, not a guest');
  });

  it('then with a group, a Dutch admin gets the full decision in Dutch', async () => {
    const text = await askCard(daan, 'controleer anna@fabrikam.com in Project Falcon', NL);
    expect(text).toContain('anna@fabrikam.com kan nog geen lid worden van Project Falcon');
    expect(text).toContain('gevoeligheidslabel “Confidential”');
    expect(text).toContain('PowerShell');
  });

  it('then malformed input gets an example, and a domain with a group asks for an address', async () => {
    expect((await ask(megan, 'check not-an-address')).text).toMatch(
      /^\*\*not-an-address\*\* is neither an e-mail address nor a domain\. For example/,
    );
    expect((await ask(megan, 'check anna@fabrikam in Sales')).text).toMatch(
      /is neither an e-mail address nor a domain/,
    );
    expect((await ask(megan, 'check fabrikam.com in Sales')).text).toContain(
      '`check someone@fabrikam.com in Marketing`',
    );
    expect((await ask(megan, 'check anna@fabrikam.com in Sails')).text).toContain('Did you mean: **Sales**?');
    expect((await ask(megan, 'check')).text).toMatch(/^Almost there\. Type it like this: \*\*check\*\*/);
  });

  it.each([
    [
      'a member',
      nestor,
      'check fabrikam.com',
      'en-US',
      /^Only administrators and guest inviters \(Global Administrator, User Administrator or Guest Inviter\)/,
    ],
    ['an owner', alex, 'check anna@fabrikam.com in Marketing', 'en-US', /^Only administrators and guest inviters/],
    ['a Dutch member', sanne, 'controleer fabrikam.com', 'nl-NL', /^Alleen beheerders en gastuitnodigers/],
    ['a member asking for the syntax', nestor, 'check', 'en-US', /^Only administrators and guest inviters/],
  ])('then %s is refused', async (_who, user, text, locale, refusal) => {
    const reply = await ask(user, text, { locale });
    expect(reply.cards).toEqual([]);
    expect(reply.text).toMatch(refusal);
  });
});

describe('when someone asks why a guest can or cannot join', () => {
  it('then a member learns whom to ask, by name, and no PowerShell', async () => {
    const text = await askCard(alex, 'why anna@fabrikam.com Project Falcon');
    expect(text).toContain('anna@fabrikam.com can’t join Project Falcon yet');
    expect(text).toContain('has the sensitivity label “Confidential”');
    expect(text).toContain('Ask Daan de Vries (Global Administrator).');
    expect(text).not.toContain('PowerShell');
    expect(text).toContain('After joining, anna@fabrikam.com can use');
  });

  it('then an admin learns how to fix it', async () => {
    const text = await askCard(megan, "why can't anna@fabrikam.com join Project Falcon?");
    expect(text).toContain('Set-Label -Identity c0000000-0000-4000-8000-000000000002');
    expect(text).toContain('Microsoft Purview portal');
  });

  it('then an owner asking in Dutch also learns where it is set', async () => {
    const text = await askCard(pieter, 'waarom anna@fabrikam.com Project Falcon', NL);
    expect(text).toContain('kan nog geen lid worden van Project Falcon');
    expect(text).toContain('Microsoft Purview-portal');
    expect(text).not.toContain('Set-Label');
  });

  it('then an open group says who approves, and an existing guest needs no invitation', async () => {
    const text = await askCard(nestor, 'why anna@fabrikam.com Marketing');
    expect(text).toContain('anna@fabrikam.com can join Marketing after approval by Alex Wilber.');
    expect(await askCard(megan, 'why kari.hansen@fabrikam.com Sales')).toContain('is already a member of Sales');
  });

  it('then someone outside the group hears about the guest, not about themselves', async () => {
    // Adele is not in Marketing: the answer is the one a member would get, with a line saying she can't ask there.
    const reply = await ask(adele, 'why anna@fabrikam.com Marketing');
    expect(reply.text).toContain('You aren’t a member of **Marketing**, so you can’t ask for guests there yourself.');
    const text = cardText(reply.cards[0]);
    expect(text).toContain('anna@fabrikam.com can join Marketing after approval by Alex Wilber.');
    expect(text).not.toContain('Adele Vance is not a member');
    // A guest who is already a member is "already a member", whoever asks.
    expect(cardText((await ask(nestor, 'why kari.hansen@fabrikam.com Sales')).cards[0])).toContain(
      'is already a member of Sales',
    );
    const dutch = await ask(sanne, 'waarom kan anna@fabrikam.com geen lid worden van Marketing?', NL);
    expect(dutch.text).toContain('Je bent geen lid van **Marketing**');
  });

  it('then a malformed address or unknown group gets a clear answer with a suggestion', async () => {
    expect((await ask(nestor, 'why anna@fabrikam Marketing')).text).toBe(
      '**anna@fabrikam** is not a valid e-mail address. For example: `why anna@fabrikam.com Marketing`.',
    );
    expect((await ask(sanne, 'waarom anna@fabrikam.com Verkoop', NL)).text).toContain('Ik kan geen groep vinden');
    expect((await ask(nestor, 'why anna@fabrikam.com Marketting')).text).toContain('Did you mean: **Marketing**?');
    expect((await ask(nestor, 'why')).text).toMatch(/^Almost there\. Type it like this: \*\*why\*\*/);
  });

  it('then an outsider and another tenant get nothing', async () => {
    expect((await ask(outsider, 'why anna@fabrikam.com Marketing')).cards).toEqual([]);
    expect((await ask(nestor, 'why anna@fabrikam.com Marketing', { tenantId: OTHER_TENANT })).text).toBe(
      'This bot serves one organisation only.',
    );
  });
});

describe('when an admin asks what if a setting changed', () => {
  it('then every group whose answer would change is listed, and nothing changes', async () => {
    const version = t.app.deps.directory.version();
    const before = JSON.stringify(await t.app.deps.directory.snapshot());
    const { text } = await ask(megan, 'whatif AllowToAddGuests false');
    expect(text).toContain('**What if** `Group.Unified.AllowToAddGuests` were `false`? (now `true`)');
    expect(text).toContain('A simulation: nothing was changed.');
    expect(text).toContain(
      '- **Marketing**: a new guest: Can be added now → Blocked (stopped by: Microsoft 365 Groups (organisation))',
    );
    expect(text).not.toContain('**HR**');
    expect(t.app.deps.directory.version()).toBe(version);
    expect(JSON.stringify(await t.app.deps.directory.snapshot())).toBe(before);
    expect(await t.app.deps.audit.tail(10)).toEqual([]);
  });

  it('then pending requests that would be blocked are listed, in Dutch, and stay pending', async () => {
    const asked = await ask(nestor, 'invite anna@fabrikam.com to Marketing because she designs our campaign');
    expect(asked.text).toContain('waiting for approval');
    const [request] = await t.app.deps.requests.list({});
    const { text } = await ask(daan, 'watals blockedDomains +fabrikam.com', NL);
    expect(text).toContain('**Wat als**');
    expect(text).toContain(
      `**${request.id}** anna@fabrikam.com → **Marketing**: Goedkeuring nodig → Geblokkeerd (tegengehouden door: Externe samenwerking in Entra ID)`,
    );
    expect((await t.app.deps.requests.get(request.id))!.state).toBe('pending');
    const policy = (await t.app.deps.directory.snapshot()).b2bManagementPolicy
      .InvitationsAllowedAndBlockedDomainsPolicy;
    expect(policy?.BlockedDomains).toEqual(['tailspintoys.com', 'mailinator.com']);
  });

  it('then a per-group, label, Teams or SharePoint change is simulated too', async () => {
    expect((await ask(megan, 'whatif group HR AllowToAddGuests inherit')).text).toContain(
      '- **HR**: a new guest: Blocked → Can be added now',
    );
    expect((await ask(megan, 'whatif label Confidential allowGuests true')).text).toContain(
      '- **Project Falcon**: a new guest: Blocked → Can be added now',
    );
    expect((await ask(megan, 'whatif teams allowGuestUser false')).text).toContain('- **Marketing**: team: yes → no');
    expect((await ask(megan, 'whatif sharingCapability disabled')).text).toContain('- **Sales**: site: yes → no');
    expect((await ask(megan, 'whatif blockedDomains -example.net')).text).toContain(
      'is already `[tailspintoys.com, mailinator.com]`: nothing would change.',
    );
    const woodgrove = (await ask(megan, 'whatif crossTenant Woodgrove Bank allowed')).text;
    expect(woodgrove).toContain('of **Woodgrove Bank** were `allowed`? (now `allowed (default)`)');
    expect(woodgrove).toContain('Nothing would change for the 14 groups; no guest is waiting for approval.');
  });

  it('then unknown settings, bad values and unknown groups get usage and suggestions', async () => {
    const usage = (await ask(megan, 'whatif GuestsEverywhere true')).text;
    expect(usage).toContain('What should I simulate?');
    // No angle brackets in code spans (Teams shows them as &lt; &gt;); spaced alternatives wrap in a narrow bubble.
    expect(usage).toContain('`group ‹group› AllowToAddGuests true | false | inherit`');
    expect((await ask(daan, 'watals', NL)).text).toContain('Wat moet ik simuleren?');
    expect((await ask(megan, 'whatif AllowToAddGuests maybe')).text).toBe(
      '**maybe** is not a value for **AllowToAddGuests**. Use: `true | false`',
    );
    expect((await ask(megan, 'whatif group Marketting AllowToAddGuests true')).text).toContain(
      'Groups with a similar name: **Marketing**',
    );
  });

  it.each([
    ['a member', nestor, 'whatif AllowToAddGuests false', 'en-US', /^Only administrators .* \*\*whatif\*\*/],
    ['an owner', alex, 'whatif group Marketing AllowToAddGuests false', 'en-US', /^Only administrators/],
    ['a Dutch member', sanne, 'watals AllowToAddGuests false', 'nl-NL', /^Alleen beheerders .* \*\*watals\*\*/],
    ['a guest inviter', lidia, 'whatif', 'en-US', /^Only administrators/],
  ])('then %s is refused', async (_who, user, text, locale, refusal) => {
    expect((await ask(user, text, { locale })).text).toMatch(refusal);
  });
});

describe('when an owner or admin lists a group’s guests', () => {
  it('then the owner sees each guest and their invitation state', async () => {
    const { text } = await ask(adele, 'guests Sales');
    expect(text).toContain('**Guests of Sales** (1)');
    expect(text).toContain('- Kari Hansen \\(Fabrikam\\) · kari.hansen@fabrikam.com · Invitation accepted');
    expect((await ask(patti, 'guests Contoso Partners')).text).toContain(
      'ray.tanaka@woodgrovebank.com · Invited, not accepted yet',
    );
  });

  it('then guests waiting for approval are listed too, and an admin can ask in Dutch', async () => {
    await ask(nestor, 'invite anna@fabrikam.com to Marketing because she designs our campaign');
    const [request] = await t.app.deps.requests.list({});
    const owner = await ask(alex, 'guests Marketing');
    expect(owner.text).toContain('**Marketing** has no guests.');
    expect(owner.text).toContain(`anna@fabrikam.com (request **${request.id}**)`);
    const dutch = await ask(daan, 'gasten van Sales', NL);
    expect(dutch.text).toContain('**Gasten van Sales** (1)');
    expect(dutch.text).toContain('Uitnodiging geaccepteerd');
  });

  it.each([
    [
      'a member',
      nestor,
      'guests Marketing',
      'en-US',
      'Only the owners of **Marketing** and administrators can see or remove its guests.',
    ],
    [
      'an owner of another group',
      alex,
      'guests Sales',
      'en-US',
      'Only the owners of **Sales** and administrators can see or remove its guests.',
    ],
    [
      'a Dutch member',
      sanne,
      'gasten Sales',
      'nl-NL',
      'Alleen de eigenaren van **Sales** en beheerders kunnen de gasten ervan bekijken of verwijderen.',
    ],
    [
      'a guest inviter',
      lidia,
      'guests Sales',
      'en-US',
      'Only the owners of **Sales** and administrators can see or remove its guests.',
    ],
  ])('then %s is refused', async (_who, user, text, locale, refusal) => {
    expect((await ask(user, text, { locale })).text).toBe(refusal);
  });

  it('then an unknown group gets a suggestion, a missing group the syntax, and an outsider nothing', async () => {
    expect((await ask(adele, 'guests Sails')).text).toContain('Did you mean: **Sales**?');
    expect((await ask(adele, 'guests')).text).toMatch(/^Almost there\. Type it like this: \*\*guests\*\* Group/);
    expect((await ask(outsider, 'guests Sales')).text).toContain("I can't find you");
  });
});

describe('when an owner removes a guest', () => {
  async function confirmCard(
    user = adele,
    text = 'remove guest kari.hansen@fabrikam.com from Sales',
    options: { locale?: string } = {},
  ) {
    const reply = await ask(user, text, options);
    expect(reply.cards).toHaveLength(1);
    return reply.cards[0];
  }

  it('then a confirmation card carrying only ids, then removal through the directory, audited, and an updated card', async () => {
    const card = await confirmCard();
    expect(cardText(card)).toContain('Remove **Kari Hansen \\(Fabrikam\\)** from **Sales**?');
    expect(cardVerbs(card)).toEqual(['confirmRemoveGuest', 'cancelRemoveGuest']);
    expect(card.actions[0].data).toEqual({ groupId: sales.id, guestUserId: kari.id });
    // Nothing happens before the confirmation.
    expect((await t.app.deps.directory.getGroup(sales.id))!.members).toContain(kari.id);

    const body = await tap(adele, 'confirmRemoveGuest', card.actions[0].data);
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(body.value)).toContain('Adele Vance removed Kari Hansen \\(Fabrikam\\) from Sales.');
    expect(cardVerbs(body.value)).toEqual([]);
    expect((await t.app.deps.directory.getGroup(sales.id))!.members).not.toContain(kari.id);
    expect(await auditOf('guest.removed')).toEqual([
      {
        id: expect.any(String),
        at: expect.any(String),
        actorId: adele.id,
        action: 'guest.removed',
        subjectId: sales.id,
        details: { guestUserId: kari.id },
      },
    ]);

    // The same card confirmed again: already removed, nothing audited twice.
    const again = await tap(adele, 'confirmRemoveGuest', card.actions[0].data);
    expect(cardText(again.value)).toContain(
      'Kari Hansen \\(Fabrikam\\) is no longer a member of Sales: nothing to do.',
    );
    expect(await auditOf('guest.removed')).toHaveLength(1);

    // The audit trail shows it to admins.
    // With the address, which is what an admin looks for.
    expect((await ask(megan, 'audit 5')).text).toMatch(
      /Adele Vance · removed Kari Hansen \\\(Fabrikam\\\) \(kari\.hansen@fabrikam\.com\) from Sales/,
    );
  });

  it('then a double tap arriving at once removes and audits once', async () => {
    const card = await confirmCard();
    const [a, b] = await Promise.all([
      tap(adele, 'confirmRemoveGuest', card.actions[0].data),
      tap(adele, 'confirmRemoveGuest', card.actions[0].data),
    ]);
    expect([cardText(a.value), cardText(b.value)].filter((x) => /no longer a member/.test(x))).toHaveLength(1);
    expect(await auditOf('guest.removed')).toHaveLength(1);
  });

  it('then someone who is not an owner of that group, forging the tap, gets an error and nothing changes', async () => {
    const data = { groupId: sales.id, guestUserId: kari.id };
    for (const forger of [alex, nestor, sanne]) {
      const body = await tap(forger, 'confirmRemoveGuest', { ...data, actorId: adele.id });
      expect(body.statusCode).toBe(403);
      expect(body.type).toBe('application/vnd.microsoft.error');
      expect(body.value.code).toBe('FORBIDDEN');
    }
    const outsiderBody = await tap(outsider, 'confirmRemoveGuest', data);
    expect(outsiderBody.statusCode).toBe(403);
    const otherTenant = await tap(adele, 'confirmRemoveGuest', data, { tenantId: OTHER_TENANT });
    expect(otherTenant.statusCode).toBe(403);
    for (const bad of [{}, { groupId: '../../x', guestUserId: kari.id }, { groupId: sales.id, guestUserId: 42 }]) {
      expect((await tap(adele, 'confirmRemoveGuest', bad)).statusCode).toBe(400);
    }
    expect((await t.app.deps.directory.getGroup(sales.id))!.members).toContain(kari.id);
    expect(await auditOf('guest.removed')).toEqual([]);
  });

  it('then an owner forging the tap for a colleague in their own group removes nobody: only guests can be removed', async () => {
    const body = await tap(alex, 'confirmRemoveGuest', { groupId: marketing.id, guestUserId: nestor.id });
    expect(body.statusCode).toBe(200);
    expect(cardText(body.value)).toContain('Nestor Wilke is a colleague, not a guest');
    expect((await t.app.deps.directory.getGroup(marketing.id))!.members).toContain(nestor.id);
    expect((await ask(alex, 'remove guest NestorW@contoso.com from Marketing')).text).toContain(
      'Nestor Wilke is a colleague, not a guest',
    );
  });

  it('then a Dutch admin can remove a pending guest, or cancel and keep them', async () => {
    const card = await confirmCard(daan, 'gast verwijderen ray.tanaka@woodgrovebank.com uit Contoso Partners', NL);
    const text = cardText(card);
    expect(text).toContain('verwijderen uit **Contoso Partners**?');
    expect(text).toContain('Uitgenodigd, nog niet geaccepteerd');
    expect(card.actions.map((a: { title: string }) => a.title)).toEqual(['Verwijderen', 'Annuleren']);
    const cancelled = await tap(daan, 'cancelRemoveGuest', card.actions[1].data, NL);
    expect(cardText(cancelled.value)).toContain('Geannuleerd: er is niemand verwijderd.');
    expect((await t.app.deps.directory.getGroup(partners.id))!.members).toContain(ray.id);
    expect((await tap(nestor, 'cancelRemoveGuest', card.actions[1].data)).statusCode).toBe(403);

    const removed = await tap(daan, 'confirmRemoveGuest', card.actions[0].data, NL);
    expect(cardText(removed.value)).toContain(
      'Daan de Vries heeft Ray Tanaka \\(Woodgrove Bank\\) verwijderd uit Contoso Partners.',
    );
    expect((await t.app.deps.directory.getGroup(partners.id))!.members).not.toContain(ray.id);
  });

  it('then wrong addresses, non-members and other people’s groups get clear answers', async () => {
    expect((await ask(adele, 'remove guest kari@ from Sales')).text).toBe('**kari@** is not a valid e-mail address.');
    expect((await ask(alex, 'remove guest kari.hansen@fabrikam.com from Marketing')).text).toBe(
      'kari.hansen@fabrikam.com is not a guest of **Marketing**. Type **guests Marketing** to see its guests.',
    );
    expect((await ask(alex, 'remove guest kari.hansen@fabrikam.com from Sales')).text).toBe(
      'Only the owners of **Sales** and administrators can see or remove its guests.',
    );
    expect((await ask(sanne, 'gast verwijderen kari.hansen@fabrikam.com uit Sales', NL)).text).toMatch(
      /^Alleen de eigenaren van \*\*Sales\*\*/,
    );
    expect((await ask(adele, 'remove guest kari.hansen@fabrikam.com from Sails')).text).toContain(
      'Did you mean: **Sales**?',
    );
    expect((await ask(adele, 'remove guest')).text).toMatch(/^Almost there\. Type it like this: \*\*remove guest\*\*/);
    expect((await ask(outsider, 'remove guest kari.hansen@fabrikam.com from Sales')).cards).toEqual([]);
    expect((await t.app.deps.directory.getGroup(sales.id))!.members).toContain(kari.id);
  });
});

describe('when someone types markdown or template syntax', () => {
  it('then it comes back literally, never as a link or an expanded binding', async () => {
    const hostile = '[click](https://evil.example) ${title}';
    const why = await ask(nestor, `why anna@fabrikam.com ${hostile}`);
    expect(why.text).toContain('\\[click\\]\\(https://evil.example\\) ${title}');
    expect(why.text).not.toContain('[click](');
    const whatif = await ask(megan, `whatif label ${hostile} allowGuests true`);
    expect(whatif.text).toContain('**\\[click\\]\\(https://evil.example\\) ${title}**');
    const remove = await ask(adele, `remove guest **x**@fabrikam.com from Sales`);
    expect(remove.text).toBe(
      '\\*\\*x\\*\\*@fabrikam.com is not a guest of **Sales**. Type **guests Sales** to see its guests.',
    );
  });
});

describe('when an admin reads the audit trail', () => {
  it('then the last n transitions show time, who, what, subject and from → to, newest first', async () => {
    await ask(nestor, 'invite anna@fabrikam.com to Marketing because she designs our campaign');
    await ask(alex, 'invite bo@fabrikam.com to Marketing');
    const [request] = await t.app.deps.requests.list({});
    const { text } = await ask(megan, 'audit');
    const lines = text.split('\n').filter((l) => l.startsWith('- '));
    expect(text).toMatch(/^\*\*The last 2 changes\*\* \(newest first\)/);
    expect(lines[0]).toBe('- 2 Nov 2026, 10:00 CET · Alex Wilber · added bo@fabrikam.com to Marketing');
    expect(lines[1]).toBe(`- 2 Nov 2026, 10:00 CET · Nestor Wilke · request ${request.id}: new → waiting`);
    expect((await ask(megan, 'audit 1')).text.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(1);
  });

  it('then a Dutch admin reads it in Dutch, n is capped at 100, and an empty log says so', async () => {
    expect((await ask(daan, 'audit', NL)).text).toBe('Het auditlogboek is leeg.');
    await ask(nestor, 'invite anna@fabrikam.com to Marketing because she designs our campaign');
    const dutch = await ask(daan, 'audit 500', NL);
    expect(dutch.text).toContain('**De laatste wijziging**');
    expect(dutch.text).toContain('Ik laat er maximaal 100 tegelijk zien.');
    expect(dutch.text).toMatch(/2 nov 2026.* · Nestor Wilke · aanvraag R-[0-9A-Z]{6}: nieuw → wacht/);
  });

  it.each([
    ['a member', nestor, 'audit', 'en-US', /^Only administrators .* \*\*audit\*\*/],
    ['an owner', adele, 'audit 5', 'en-US', /^Only administrators/],
    ['a guest inviter', lidia, 'audit', 'en-US', /^Only administrators/],
    ['a Dutch member', sanne, 'audit', 'nl-NL', /^Alleen beheerders/],
  ])('then %s is refused', async (_who, user, text, locale, refusal) => {
    expect((await ask(user, text, { locale })).text).toMatch(refusal);
  });

  it('then an outsider gets nothing', async () => {
    expect((await ask(outsider, 'audit')).text).toContain("I can't find you");
    expect((await ask(outsider, 'check fabrikam.com')).text).toContain("I can't find you");
    expect((await ask(outsider, 'controleer fabrikam.com', NL)).text).toContain('Ik kan je niet vinden');
    const version = t.app.deps.directory.version();
    const reply = await ask(outsider, 'whatif AllowToAddGuests false');
    expect(reply.text).toContain("I can't find you");
    expect(reply.text).not.toContain('What if');
    expect(t.app.deps.directory.version()).toBe(version);
  });
});

import { decisionView, explainDecision, type Audience } from '../../src/app/explanation/explainDecision.js';
import { buildDecisionExplanationCard } from '../../src/cards/decisionExplanationCard.js';
import { escapeMarkdown } from '../../src/cards/cardTemplate.js';
import type { Language } from '../../src/i18n/i18n.js';
import { evaluateGuest, type PolicyContext } from '../../src/policy/index.js';
import { ROLE_TEMPLATE_IDS } from '../../src/policy/tenantModel.js';
import {
  ADDR,
  blockedDomains,
  crossTenantDefault,
  ctxOf,
  externalTenant,
  G,
  groupUnified,
  invitesFrom,
  partner,
  roles,
  siteUnknown,
  teamsUnknown,
  U,
  type Patch,
} from '../support/policyFixtures.js';

/** What users and admins read for the rules of issue 8, in both languages. */
function explain(patches: Patch[], input: { requester?: string; email?: string }, lang: Language, audience: Audience) {
  const ctx: PolicyContext = ctxOf(...patches);
  const d = evaluateGuest(ctx, {
    groupId: G.team,
    requesterId: input.requester ?? U.member,
    guestEmail: input.email ?? ADDR.newGuest,
  });
  return { d, text: explainDecision(d, ctx, lang, audience), view: decisionView(d, ctx, lang, audience) };
}

describe('answers for the documented rules, in English and Dutch', () => {
  test.each([
    {
      rule: 'a lookalike of a blocked domain is named by its real spelling',
      patches: [blockedDomains(['fabrikam.com'])],
      email: 'joe@\uFF46abrikam.com',
      en: 'Invitations to fabrikam.com are blocked by the Entra ID block list.',
      nl: 'Uitnodigingen naar fabrikam.com worden geblokkeerd door de blokkeerlijst van Entra ID.',
    },
    {
      rule: 'an address that does not survive normalisation is refused, with the hidden character shown',
      email: 'joe@tail\u200Cspin.com',
      en: '“joe@tail�spin.com” is not a valid e-mail address: it needs the form name@domain, with a domain such as fabrikam.com and no hidden or look-alike characters.',
      nl: '“joe@tail�spin.com” is geen geldig e-mailadres: het moet de vorm naam@domein hebben, met een domein zoals fabrikam.com en zonder verborgen of nagemaakte tekens.',
    },
    {
      rule: 'organisation-wide AllowToAddGuests=false: says existing guests can still be added',
      patches: [groupUnified({ AllowToAddGuests: 'false' })],
      en: 'A guest already in the directory can still be added.',
      nl: 'Een gast die al in de adreslijst staat, kan nog wel worden toegevoegd.',
    },
    {
      rule: 'owners can’t invite: why the admins decide',
      patches: [invitesFrom('adminsAndGuestInviters')],
      en: 'A new guest needs an invitation, and no owner of Marketing may send one in this organisation (owners must be administrators to approve). So an administrator who may invite and manage the group decides: Ada Admin or Uri Useradmin.',
      nl: 'Een nieuwe gast heeft een uitnodiging nodig, en geen eigenaar van Marketing mag die in deze organisatie versturen (eigenaren moeten beheerder zijn om goed te keuren). Daarom beslist een beheerder die mag uitnodigen en de groep mag beheren: Ada Admin of Uri Useradmin.',
    },
    {
      rule: 'a Groups Administrator adds an existing guest',
      patches: [roles(U.member, [ROLE_TEMPLATE_IDS.groupsAdmin])],
      email: ADDR.existingGuest,
      en: 'You are a Groups Administrator and may manage the members of any group, so you can add this guest directly.',
      nl: 'Je bent groepsbeheerder en mag de leden van elke groep beheren, dus je kunt deze gast direct toevoegen.',
    },
    {
      rule: 'an accepted guest of a blocked tenant: can’t sign in, no access',
      patches: [externalTenant('t-partner', 'Partner Org', ['partner.org']), partner('t-partner', 'blocked')],
      email: ADDR.existingGuest,
      en: 'Cross-tenant access blocks B2B collaboration with Partner Org: new guests can’t be invited, and guests from there can’t sign in.',
      nl: 'Toegang tussen tenants blokkeert B2B-samenwerking met Partner Org: nieuwe gasten kunnen niet worden uitgenodigd, en gasten van daar kunnen zich niet aanmelden.',
    },
    {
      rule: 'Teams guest access unknown: not verified, where to look',
      patches: [teamsUnknown()],
      en: 'Whether guests can use Teams is not known here (Microsoft Graph has no API for it), so it is not counted either way.',
      nl: 'Of gasten Teams kunnen gebruiken, is hier niet bekend (Microsoft Graph heeft er geen API voor), dus het telt niet mee.',
    },
    {
      rule: 'the site level unknown: not verified',
      patches: [siteUnknown(G.team)],
      en: 'The SharePoint site: not verified (the site’s own sharing setting is not known here)',
      nl: 'De SharePoint-site: niet gecontroleerd (de eigen deelinstelling van de site is hier niet bekend)',
    },
  ] as { rule: string; patches?: Patch[]; email?: string; en: string; nl: string }[])(
    '$rule',
    ({ patches, email, en, nl }) => {
      expect(explain(patches ?? [], { email }, 'en', 'owner').text).toContain(en);
      expect(explain(patches ?? [], { email }, 'nl', 'owner').text).toContain(nl);
    },
  );

  test('an accepted guest of a blocked tenant is told "no" for content, team and site', () => {
    const { text } = explain(
      [externalTenant('t-partner', 'Partner Org', ['partner.org']), crossTenantDefault('blocked')],
      { email: ADDR.existingGuest },
      'en',
      'member',
    );
    expect(text).toContain('- Group conversations and files: no');
    expect(text).toContain('- The team: no');
    expect(text).toMatch(/- The SharePoint site: no/);
  });

  test('an unverified layer names who can look and where; admins also get the command', () => {
    const admin = explain([teamsUnknown()], { requester: U.admin }, 'en', 'admin');
    expect(admin.text).toContain('**Not verified: the directory can’t tell**');
    expect(admin.text).toContain('Where: Teams admin center > Users > Guest access > Allow guest access in Teams');
    expect(admin.text).toContain('PowerShell: `Get-CsTeamsClientConfiguration -Identity Global`');
    expect(admin.view.unverified[0].facts.map((f) => f.title)).toEqual([
      'Layer',
      'Who',
      'Where',
      'Lets guests through',
      'Look up',
    ]);
    const member = explain([teamsUnknown()], {}, 'nl', 'member');
    expect(member.text).toContain('**Niet gecontroleerd: de adreslijst kan het niet zien**');
    expect(member.text).not.toContain('PowerShell');
    expect(member.view.unverified[0].facts).toEqual([{ title: 'Laag', value: 'Teams' }]);
  });

  test('the card shows the unverified section only when there is one', () => {
    const with_ = JSON.stringify(buildDecisionExplanationCard(explain([teamsUnknown()], {}, 'en', 'owner').view));
    expect(with_).toContain('Not verified: the directory can’t tell');
    const without = JSON.stringify(buildDecisionExplanationCard(explain([], {}, 'en', 'owner').view));
    expect(without).not.toContain('Not verified');
  });
});

describe('text that lies about itself never reaches a card or message', () => {
  test('bidi controls and zero-width characters are removed from user text', () => {
    expect(escapeMarkdown('safe\u202Egpj.exe')).toBe('safegpj.exe');
    expect(escapeMarkdown('An\u200Bna \u2066Jansen\u2069')).toBe('Anna Jansen');
  });
  test('a guest display name with a right-to-left override shows as written', () => {
    const { text, view } = explain(
      [(t) => (t.users.find((u) => u.id === U.owner)!.displayName = 'Olga\u202E reppilf')],
      {},
      'en',
      'member',
    );
    expect(text).toContain('Olga reppilf');
    expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B-\u200F]/);
    expect(JSON.stringify(buildDecisionExplanationCard(view))).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B-\u200F]/);
  });
});

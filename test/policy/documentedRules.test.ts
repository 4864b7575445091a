import fc from 'fast-check';
import {
  CONSUMER_MAIL_DOMAINS,
  compilePolicy,
  evaluateGuest,
  evaluateRequest,
  groupProfile,
  isGroupsAdmin,
  managesAnyGroup,
  revealInvisible,
  stripInvisible,
  tenantLayers,
  type GuestDecision,
} from '../../src/policy/index.js';
import { ROLE_TEMPLATE_IDS } from '../../src/policy/tenantModel.js';
import {
  ADDR,
  addGuestUser,
  assignLabel,
  blockedDomains,
  allowedDomains,
  crossTenantDefault,
  ctxOf,
  disable,
  externalTenant,
  FABRIKAM_TENANT_ID,
  G,
  groupGuestSetting,
  groupUnified,
  invitesFrom,
  label,
  members,
  noTenant,
  orgSharing,
  owners,
  partner,
  roles,
  siteSharing,
  siteUnknown,
  teamsGuests,
  teamsUnknown,
  tenant,
  U,
  type Patch,
} from '../support/policyFixtures.js';

/**
 * The rules of issue 8, each from Microsoft's documentation (the seeds and DOMAIN.md): lookalike domains, the
 * organisation-wide AllowToAddGuests, who approves, roles by template id, cross-tenant access and domains without
 * an Entra tenant, existing guests and blocks, guests named by UPN, unverified layers.
 */

function decide(patches: Patch[], email: string, requester: string = U.owner, group: string = G.team): GuestDecision {
  return evaluateGuest(ctxOf(...patches), { groupId: group, requesterId: requester, guestEmail: email });
}
const codes = (d: GuestDecision) => d.blockers.map((b) => b.code);
const issues = (d: GuestDecision) => d.accessIssues.map((b) => b.code);
const unverified = (d: GuestDecision) => d.unverified.map((u) => u.code);

const FULL_WIDTH_FABRIKAM = '\uFF46\uFF41\uFF42\uFF52\uFF49\uFF4B\uFF41\uFF4D.com';

describe('1. lookalike addresses are normalised (UTS #46) before any list, tenant or verified-domain comparison', () => {
  test.each([
    ['full-width letters', `joe@${FULL_WIDTH_FABRIKAM}`],
    ['a soft hyphen', 'joe@fabri\u00ADkam.com'],
    ['a zero-width space', 'joe@fabrikam\u200B.com'],
    ['a word joiner', 'joe@fab\u2060rikam.com'],
    ['a zero-width no-break space', 'joe@\uFEFFfabrikam.com'],
    ['upper case and an ideographic full stop', 'Joe@FABRIKAM\u3002COM'],
  ])('a block list entry stops the address with %s, and the answer shows the normalised address', (_what, email) => {
    const d = decide([blockedDomains(['fabrikam.com'])], email);
    expect(d.verdict).toBe('blocked');
    expect(codes(d)).toEqual(['DOMAIN_BLOCKED']);
    expect(d.guestEmail).toBe('joe@fabrikam.com');
    expect(d.domain).toBe('fabrikam.com');
    expect(d.blockers[0].subject).toBe('fabrikam.com');
  });

  test.each([
    ['an allow list', [allowedDomains(['fabrikam.com'])], 'addNow'],
    ['a partner entry', [partner(FABRIKAM_TENANT_ID, 'blocked')], 'blocked'],
    ['the tenant of the domain', [crossTenantDefault('blocked'), partner(FABRIKAM_TENANT_ID, 'allowed')], 'addNow'],
  ] as const)('the lookalike meets %s exactly as the plain spelling does', (_what, patches, verdict) => {
    const plain = decide([...patches], 'joe@fabrikam.com');
    const look = decide([...patches], `joe@${FULL_WIDTH_FABRIKAM}`);
    expect(plain.verdict).toBe(verdict);
    expect(look.verdict).toBe(verdict);
    expect(codes(look)).toEqual(codes(plain));
  });

  test('a lookalike of a verified domain is internal, not a guest', () => {
    const d = decide([], 'someone@contoso\u00AD.com');
    expect(d.verdict).toBe('nothingToDo');
    expect(d.notes).toEqual(['INTERNAL_ADDRESS']);
    expect(d.guestEmail).toBe('someone@contoso.com');
  });

  test('a lookalike of an existing guest finds that guest', () => {
    const d = decide([blockedDomains(['partner.org'])], 'existing@\uFF50artner.org');
    expect(d.existingUserId).toBe(U.existingGuest);
    expect(d.invitation).toBe('notNeeded');
  });

  test.each([
    ['a zero-width non-joiner', 'joe@tail\u200Cspin.com'],
    ['a right-to-left override', 'joe@fabrikam\u202E.com'],
    ['a broken Punycode label', 'joe@xn--zz.com'],
    ['a percent escape', 'joe@fabrik%61m.com'],
  ])(
    'an address whose domain does not survive normalisation (%s) is refused as invalid, hidden characters shown',
    (_what, email) => {
      const d = decide([blockedDomains(['fabrikam.com', 'tailspin.com'])], email);
      expect(d.verdict).toBe('blocked');
      expect(codes(d)).toEqual(['ADDRESS_INVALID']);
      expect(d.domain).toBe('');
      expect(d.guestEmail).toBe(revealInvisible(email));
      expect(d.blockers[0].subject).toBe(revealInvisible(email));
      expect(d.guestEmail).not.toMatch(/[\u200C\u202E]/);
    },
  );

  test('a request collapses lookalike spellings of one guest into one decision', () => {
    const ds = evaluateRequest(ctxOf(), {
      groupId: G.team,
      requesterId: U.owner,
      guestEmails: ['joe@fabrikam.com', `JOE@${FULL_WIDTH_FABRIKAM}`, 'joe@fabri\u00ADkam.com'],
    });
    expect(ds.map((d) => d.guestEmail)).toEqual(['joe@fabrikam.com']);
  });

  test('SharePoint domain lists compare normalised domains too', () => {
    const d = decide(
      [
        (t) => (
          (t.sharePoint.sharingDomainRestrictionMode = 'blockList'),
          (t.sharePoint.sharingBlockedDomainList = ['fabrikam.com'])
        ),
      ],
      `joe@${FULL_WIDTH_FABRIKAM}`,
    );
    expect(issues(d)).toEqual(['SITE_DOMAIN_BLOCKED']);
    expect(d.access.site).toBe('no');
  });
});

describe('2. organisation-wide AllowToAddGuests=false stops new guests (invitations) only', () => {
  const off = groupUnified({ AllowToAddGuests: 'false' });
  test.each([
    {
      case: 'new guest, owner asks',
      email: ADDR.newGuest,
      requester: U.owner,
      verdict: 'blocked',
      blockers: ['GUESTS_DISABLED_ORG'],
    },
    {
      case: 'new guest, admin asks',
      email: ADDR.newGuest,
      requester: U.admin,
      verdict: 'blocked',
      blockers: ['GUESTS_DISABLED_ORG'],
    },
    {
      case: 'accepted guest, owner adds',
      email: ADDR.existingGuest,
      requester: U.owner,
      verdict: 'addNow',
      blockers: [],
    },
    {
      case: 'accepted guest, member asks the owners',
      email: ADDR.existingGuest,
      requester: U.member,
      verdict: 'needsApproval',
      blockers: [],
    },
    {
      case: 'pending guest is in the directory: no invitation',
      email: ADDR.pendingGuest,
      requester: U.owner,
      verdict: 'addNow',
      blockers: [],
    },
  ] as const)('$case', ({ email, requester, verdict, blockers }) => {
    const d = decide([off], email, requester);
    expect(d.verdict).toBe(verdict);
    expect(codes(d)).toEqual(blockers);
  });

  test('an existing guest still meets the group setting and the label', () => {
    expect(codes(decide([off, groupGuestSetting(G.team, 'false')], ADDR.existingGuest))).toEqual([
      'GUESTS_DISABLED_GROUP',
    ]);
    const labelled = [
      off,
      groupUnified({ EnableMIPLabels: 'true' }),
      label('l1', 'Secret', false),
      assignLabel(G.team, 'l1'),
    ];
    expect(codes(decide(labelled, ADDR.existingGuest))).toEqual(['LABEL_BLOCKS_GUESTS']);
    expect(codes(decide(labelled, ADDR.newGuest))).toEqual(['GUESTS_DISABLED_ORG', 'LABEL_BLOCKS_GUESTS']);
  });

  test('the group profile says a new guest is blocked there', () => {
    expect(groupProfile(ctxOf(off), G.team)?.newGuest.blockers.map((b) => b.code)).toEqual(['GUESTS_DISABLED_ORG']);
  });
});

describe('3. who approves: owners who can complete the whole addition, else admins who can invite and manage', () => {
  const strict = invitesFrom('adminsAndGuestInviters');
  test.each([
    {
      case: 'a Guest Inviter member asks for a new guest: the admins decide, not the inviter',
      patches: [strict, members(G.team, [U.member, U.inviter])],
      requester: U.inviter,
      email: ADDR.newGuest,
      approvers: [U.admin, U.userAdmin],
      reason: 'OWNERS_MAY_NOT_INVITE',
    },
    {
      case: 'a Guest Inviter outside the group never approves',
      patches: [strict],
      requester: U.member,
      email: ADDR.newGuest,
      approvers: [U.admin, U.userAdmin],
      reason: 'OWNERS_MAY_NOT_INVITE',
    },
    {
      case: 'existing guest under strict invitations: the owners decide membership',
      patches: [strict],
      requester: U.member,
      email: ADDR.existingGuest,
      approvers: [U.owner],
      reason: 'OWNERS_APPROVE',
    },
    {
      case: 'an owner who is a Guest Inviter completes it: only that owner approves',
      patches: [strict, owners(G.team, [U.owner, U.coOwner]), roles(U.coOwner, [ROLE_TEMPLATE_IDS.guestInviter])],
      requester: U.member,
      email: ADDR.newGuest,
      approvers: [U.coOwner],
      reason: 'OWNERS_APPROVE',
    },
    {
      case: 'no enabled owner: the admins',
      patches: [disable(U.owner)],
      requester: U.member,
      email: ADDR.existingGuest,
      approvers: [U.admin, U.userAdmin],
      reason: 'NO_OWNERS',
    },
    {
      case: 'no enabled owner, new guest, strict: the admins',
      patches: [strict, owners(G.team, [])],
      requester: U.member,
      email: ADDR.newGuest,
      approvers: [U.admin, U.userAdmin],
      reason: 'NO_OWNERS',
    },
    {
      case: 'a disabled admin never approves',
      patches: [strict, disable(U.userAdmin)],
      requester: U.member,
      email: ADDR.newGuest,
      approvers: [U.admin],
      reason: 'OWNERS_MAY_NOT_INVITE',
    },
    {
      case: 'a Groups Administrator does not approve (the role does not invite)',
      patches: [strict, roles(U.spAdmin, [ROLE_TEMPLATE_IDS.groupsAdmin])],
      requester: U.member,
      email: ADDR.newGuest,
      approvers: [U.admin, U.userAdmin],
      reason: 'OWNERS_MAY_NOT_INVITE',
    },
  ])('$case', ({ patches, requester, email, approvers, reason }) => {
    const d = decide(patches, email, requester);
    expect(d.verdict).toBe('needsApproval');
    expect(d.approval.approverIds).toEqual(approvers);
    expect(d.approval.reasonCode).toBe(reason);
  });

  test('the owners are asked only when they can complete the addition; nobody else is, while they can', () => {
    const d = decide([invitesFrom('adminsGuestInvitersAndAllMembers')], ADDR.newGuest, U.member);
    expect(d.approval).toMatchObject({ basis: 'owners', approverIds: [U.owner], reasonCode: 'OWNERS_APPROVE' });
  });

  test('nobody may complete it: blocked on the setting that lets someone (the invitation setting)', () => {
    const d = decide([strict, disable(U.admin), disable(U.userAdmin)], ADDR.newGuest, U.member);
    expect(d.verdict).toBe('blocked');
    expect(codes(d)).toEqual(['NO_INVITER']);
    expect(d.blockers[0]).toMatchObject({
      currentValue: 'adminsAndGuestInviters',
      allowingValue: 'adminsGuestInvitersAndAllMembers',
    });
  });
});

describe('4. roles by template id; the Groups Administrator manages any group, but does not invite', () => {
  test.each([
    ['template id', [ROLE_TEMPLATE_IDS.globalAdmin], true],
    ['template id in upper case', [ROLE_TEMPLATE_IDS.globalAdmin.toUpperCase()], true],
    ['built-in display name', ['Global Administrator'], true],
    ['display name, other case', ['global administrator'], true],
    ['another role’s template id', [ROLE_TEMPLATE_IDS.sharePointAdmin], false],
    ['a custom role merely named like it', ['Global Admin (custom)'], false],
    ['Guest Inviter', [ROLE_TEMPLATE_IDS.guestInviter], false],
  ])('%s → admin: %s', (_what, list, admin) => {
    const d = decide([roles(U.outsider, list)], ADDR.existingGuest, U.outsider);
    expect(d.approval.reasonCode === 'REQUESTER_IS_ADMIN').toBe(admin);
  });

  const ga = [roles(U.outsider, [ROLE_TEMPLATE_IDS.groupsAdmin])];
  test('adds a guest already in the directory to any group directly', () => {
    const d = decide(ga, ADDR.existingGuest, U.outsider);
    expect(d.verdict).toBe('addNow');
    expect(d.approval).toMatchObject({ basis: 'self', reasonCode: 'REQUESTER_IS_GROUPS_ADMIN' });
  });
  test('may invite only as any member may: under "everyone" adds a new guest directly', () => {
    expect(decide(ga, ADDR.newGuest, U.outsider).approval.reasonCode).toBe('REQUESTER_IS_GROUPS_ADMIN');
  });
  test('where only admins and Guest Inviters invite, a new guest needs approval by those who can complete it', () => {
    const d = decide([...ga, invitesFrom('adminsAndGuestInviters')], ADDR.newGuest, U.outsider);
    expect(d.verdict).toBe('needsApproval');
    expect(d.approval.approverIds).toEqual([U.admin, U.userAdmin]);
  });
  test('is no admin: not Global/User Administrator, but manages any group', () => {
    const ctx = ctxOf(...ga);
    expect(isGroupsAdmin(ctx, U.outsider)).toBe(true);
    expect(managesAnyGroup(ctx, U.outsider)).toBe(true);
    expect(managesAnyGroup(ctx, U.member)).toBe(false);
    expect(managesAnyGroup(ctx, U.admin)).toBe(true);
    const disabled = ctxOf(...ga, disable(U.outsider));
    expect(isGroupsAdmin(disabled, U.outsider)).toBe(false);
  });
  test('the Groups Administrator is named as who fixes group-level settings', () => {
    const ctx = ctxOf(...ga);
    expect(ctx.roleHolders.get('groupsAdmin')).toEqual([U.outsider]);
  });
});

describe('5. cross-tenant access governs Entra organisations only', () => {
  const blockedDefault = crossTenantDefault('blocked');
  test.each(CONSUMER_MAIL_DOMAINS.map((d) => [d]))(
    '%s has no Entra tenant: the blocked default does not apply',
    (domain) => {
      const d = decide([blockedDefault], `someone@${domain}`);
      expect(codes(d)).toEqual([]);
      expect(d.verdict).toBe('addNow');
    },
  );
  test('a domain the snapshot says has no tenant: not governed; partners do not apply either', () => {
    expect(codes(decide([blockedDefault, noTenant(['mail.example'])], 'a@mail.example'))).toEqual([]);
    expect(codes(decide([blockedDefault, noTenant(['MAIL.example'])], 'a@mail.example'))).toEqual([]);
  });
  test('unknown is not "no tenant": the default applies, naming the domain', () => {
    const d = decide([blockedDefault], 'a@unknown.example');
    expect(codes(d)).toEqual(['CROSS_TENANT_DEFAULT_BLOCKED']);
    expect(d.blockers[0].subject).toBe('unknown.example');
  });
  test('a known tenant gets the default, naming the tenant; its partner entry overrides it', () => {
    expect(decide([blockedDefault], ADDR.newGuest).blockers[0]).toMatchObject({
      code: 'CROSS_TENANT_DEFAULT_BLOCKED',
      subject: 'Fabrikam',
    });
    expect(codes(decide([blockedDefault, partner(FABRIKAM_TENANT_ID, 'allowed')], ADDR.newGuest))).toEqual([]);
  });
  test('a snapshot that lists a consumer domain under a tenant wins over the built-in list', () => {
    expect(codes(decide([blockedDefault, externalTenant('t-x', 'X', ['outlook.com'])], 'a@outlook.com'))).toEqual([
      'CROSS_TENANT_DEFAULT_BLOCKED',
    ]);
  });
  test('Entra domain lists still govern a domain without a tenant', () => {
    expect(codes(decide([blockedDefault, blockedDomains(['gmail.com'])], ADDR.consumer))).toEqual(['DOMAIN_BLOCKED']);
  });
});

describe('6. existing guests and blocks', () => {
  const partnerOrg = externalTenant('tenant-partner', 'Partner Org', ['partner.org']);
  test('an accepted guest from an inbound-blocked tenant can’t sign in: an access issue, "no" everywhere, not a blocker', () => {
    const d = decide([partnerOrg, partner('tenant-partner', 'blocked')], ADDR.existingGuest);
    expect(d.verdict).toBe('addNow');
    expect(codes(d)).toEqual([]);
    expect(issues(d)).toEqual(['CROSS_TENANT_PARTNER_BLOCKED']);
    expect(d.access).toEqual({ groupContent: 'no', team: 'no', site: 'no', siteEffective: 'externalUserSharingOnly' });
    expect(d.notes).toContain('SETTINGS_PROPAGATION');
  });
  test('the same for a blocked default, and for a guest already a member', () => {
    const d = decide([partnerOrg, crossTenantDefault('blocked')], ADDR.guestMember);
    expect(d.verdict).toBe('nothingToDo');
    expect(issues(d)).toEqual(['CROSS_TENANT_DEFAULT_BLOCKED']);
    expect(d.access).toMatchObject({ groupContent: 'no', team: 'no', site: 'no' });
  });
  test('an accepted guest from a consumer domain is not affected by cross-tenant blocking', () => {
    const d = decide([crossTenantDefault('blocked'), addGuestUser('u-gmail', 'pat@gmail.com')], 'pat@gmail.com');
    expect(issues(d)).toEqual([]);
    expect(d.access).toMatchObject({ groupContent: 'yes', team: 'yes', site: 'yes' });
  });
  test('an accepted guest from a domain blocked since is unaffected by the domain list', () => {
    const d = decide([blockedDomains(['partner.org'])], ADDR.existingGuest);
    expect(issues(d)).toEqual([]);
    expect(d.access.groupContent).toBe('yes');
  });
  test.each([
    ['domain blocked since', [blockedDomains(['partner.org'])], ['DOMAIN_BLOCKED']],
    ['domain no longer on the allow list', [allowedDomains(['fabrikam.com'])], ['DOMAIN_NOT_ALLOWED']],
    ['tenant blocked', [partnerOrg, partner('tenant-partner', 'blocked')], ['CROSS_TENANT_PARTNER_BLOCKED']],
  ] as const)('a pending guest whose redemption will fail (%s) is told "no" access', (_what, patches, expected) => {
    const d = decide([...patches], ADDR.pendingGuest);
    expect(d.verdict).toBe('addNow');
    expect(issues(d)).toEqual(expected);
    expect(d.access).toMatchObject({ groupContent: 'no', team: 'no', site: 'no' });
  });
  test('allowInvitesFrom=none does not stop a pending invitation from being redeemed', () => {
    const d = decide([invitesFrom('none')], ADDR.pendingGuest);
    expect(d.verdict).toBe('addNow');
    expect(issues(d)).toEqual([]);
    expect(d.access).toMatchObject({ groupContent: 'yes', team: 'yes', site: 'yes' });
  });
  test('a group without team or site: locked out means no group content, and no team or site to speak of', () => {
    const d = decide([partnerOrg, partner('tenant-partner', 'blocked')], ADDR.existingGuest, U.owner, G.plain);
    expect(d.access).toEqual({ groupContent: 'no', team: 'noTeam', site: 'noSite' });
  });
});

describe('7. a guest named by UPN is that guest', () => {
  const upn = 'existing_partner.org#EXT#@contoso.onmicrosoft.com';
  test('found before any internal-address judgement, even when the tenant domain is verified', () => {
    const d = decide([(t) => t.tenant.verifiedDomains.push('contoso.onmicrosoft.com')], upn);
    expect(d.verdict).toBe('addNow');
    expect(d.existingUserId).toBe(U.existingGuest);
    expect(d.notes).not.toContain('INTERNAL_ADDRESS');
    expect(d.invitation).toBe('notNeeded');
  });
  test('a member by UPN is already a member', () => {
    expect(decide([], 'already_partner.org#EXT#@contoso.onmicrosoft.com').verdict).toBe('nothingToDo');
  });
  test('a UPN of nobody in the directory stands for the address it encodes, judged as that new guest', () => {
    const d = decide(
      [(t) => t.tenant.verifiedDomains.push('contoso.onmicrosoft.com'), blockedDomains(['fabrikam.com'])],
      'new.guest_fabrikam.com#EXT#@contoso.onmicrosoft.com',
    );
    expect(d.guestEmail).toBe('new.guest@fabrikam.com');
    expect(codes(d)).toEqual(['DOMAIN_BLOCKED']);
  });
  test('only the tenant’s own domains carry guest UPNs', () => {
    const d = decide([], 'a_b.com#EXT#@fabrikam.com');
    expect(d.guestEmail).toBe('a_b.com#ext#@fabrikam.com');
    expect(d.invitation).toBe('required');
  });
  test('a colleague is still internal', () => {
    expect(decide([], ADDR.internal).notes).toEqual(['INTERNAL_ADDRESS']);
  });
});

describe('8. layers the directory can’t know are unverified, never allowing or blocking', () => {
  test('Teams guest access unknown: the team is "unverified", the layer named with where to look', () => {
    const d = decide([teamsUnknown()], ADDR.newGuest);
    expect(d.verdict).toBe('addNow');
    expect(d.access.team).toBe('unverified');
    expect(unverified(d)).toEqual(['TEAMS_GUEST_ACCESS_UNVERIFIED']);
    expect(d.unverified[0]).toMatchObject({
      layer: 'teams',
      where: { portalKey: 'teamsGuestAccess', powershell: 'Get-CsTeamsClientConfiguration -Identity Global' },
    });
    expect(issues(d)).toEqual([]);
  });
  test('Teams unknown matters only to a group with a team', () => {
    const d = decide([teamsUnknown()], ADDR.newGuest, U.owner, G.plain);
    expect(d.access.team).toBe('noTeam');
    expect(unverified(d)).toEqual([]);
  });
  test('a site whose own level is unknown: "unverified", unless the organisation level already says no', () => {
    const d = decide([siteUnknown(G.team)], ADDR.newGuest);
    expect(d.access.site).toBe('unverified');
    expect(d.access.siteEffective).toBeUndefined();
    expect(unverified(d)).toEqual(['SITE_SHARING_UNVERIFIED']);
    expect(d.unverified[0].where.powershell).toContain(
      'Get-SPOSite -Identity https://contoso.sharepoint.com/sites/marketing',
    );
    const org = decide([siteUnknown(G.team), orgSharing('disabled')], ADDR.newGuest);
    expect(org.access.site).toBe('no');
    expect(issues(org)).toEqual(['SITE_SHARING_ORG_RESTRICTED']);
  });
  test('a label whose guest setting is unknown: neither blocks nor allows, it still overrides the group setting', () => {
    const unknownLabel: Patch = (t) => t.sensitivityLabels.push({ id: 'l-q', displayName: 'Internal' });
    const on = [groupUnified({ EnableMIPLabels: 'true' }), unknownLabel, assignLabel(G.team, 'l-q')];
    const d = decide(on, ADDR.newGuest);
    expect(d.verdict).toBe('addNow');
    expect(unverified(d)).toEqual(['LABEL_GUESTS_UNVERIFIED']);
    expect(d.unverified[0].subject).toBe('Internal');
    expect(codes(decide([...on, groupGuestSetting(G.team, 'false')], ADDR.newGuest))).toEqual([]);
    expect(
      unverified(
        decide([groupUnified({ EnableMIPLabels: 'false' }), unknownLabel, assignLabel(G.team, 'l-q')], ADDR.newGuest),
      ),
    ).toEqual([]);
  });
  test('known layers are never unverified', () => {
    expect(
      decide([teamsGuests(true), siteSharing(G.team, 'externalUserSharingOnly')], ADDR.newGuest).unverified,
    ).toEqual([]);
  });
  test('the admin overview says Teams guest access is unknown', () => {
    const teams = tenantLayers(ctxOf(teamsUnknown())).find((l) => l.layer === 'teams');
    expect(teams).toMatchObject({ currentValue: 'unknown', effect: 'TEAMS_GUESTS_UNVERIFIED' });
  });
});

describe('9. text that lies about itself', () => {
  test.each([
    ['safe\u202Egpj.exe', 'safegpj.exe'],
    ['a\u2066b\u2069c', 'abc'],
    ['zero\u200Bwidth\u200C\u200D\uFEFF', 'zerowidth'],
    ['plain text', 'plain text'],
  ])('stripInvisible(%j) → %j', (raw, clean) => {
    expect(stripInvisible(raw)).toBe(clean);
  });
  test('nothing of the bidi and zero-width ranges survives', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(stripInvisible(s)).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B-\u200F\uFEFF]/);
        expect(revealInvisible(s)).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B-\u200F\uFEFF]/);
      }),
    );
  });
});

describe('normalising never turns a blocked verdict into an allowed one', () => {
  const LOOKALIKE: ((domain: string) => string)[] = [
    (d) => d.toUpperCase(),
    (d) => [...d].map((c) => (c >= 'a' && c <= 'z' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join(''),
    (d) => d.replace('.', '\u00AD.'),
    (d) => `${d.slice(0, 2)}\u200B${d.slice(2)}`,
    (d) => d.replace(/\./g, '\u3002'),
    (d) => `\u2060${d}`,
  ];
  const DOMAINS = ['fabrikam.com', 'gmail.com', 'northwind.example', 'contoso.com', 'partner.org', 'unknown.example'];
  test('for lists, tenants, partners and verified domains', () => {
    fc.assert(
      fc.property(
        fc.subarray(DOMAINS),
        fc.constantFrom('allowed', 'blocked' as const),
        fc.constantFrom(undefined, 'allowed', 'blocked' as const),
        fc.boolean(),
        fc.constantFrom(...DOMAINS),
        fc.constantFrom(...LOOKALIKE),
        fc.constantFrom(U.owner, U.member, U.admin),
        (list, def, fab, allow, domain, look, requester) => {
          const patches: Patch[] = [crossTenantDefault(def), allow ? allowedDomains(list) : blockedDomains(list)];
          if (fab) patches.push(partner(FABRIKAM_TENANT_ID, fab));
          const ctx = compilePolicy(tenant(...patches));
          const plain = evaluateGuest(ctx, { groupId: G.team, requesterId: requester, guestEmail: `x@${domain}` });
          const lookalike = evaluateGuest(ctx, {
            groupId: G.team,
            requesterId: requester,
            guestEmail: `x@${look(domain)}`,
          });
          if (plain.verdict === 'blocked') expect(lookalike.verdict).toBe('blocked');
          if (lookalike.verdict !== 'blocked' || lookalike.blockers[0].code !== 'ADDRESS_INVALID') {
            expect(lookalike.verdict).toBe(plain.verdict);
            expect(codes(lookalike)).toEqual(codes(plain));
            expect(lookalike.guestEmail).toBe(plain.guestEmail);
          }
        },
      ),
    );
  });
});

describe('approvers are always owners or admins able to invite and manage the group', () => {
  test('whatever the settings, owners, roles and requester', () => {
    const people = [
      U.owner,
      U.coOwner,
      U.member,
      U.admin,
      U.userAdmin,
      U.inviter,
      U.outsider,
      U.guestMember,
      U.spAdmin,
    ];
    fc.assert(
      fc.property(
        fc.constantFrom('none', 'adminsAndGuestInviters', 'adminsGuestInvitersAndAllMembers', 'everyone' as const),
        fc.subarray([U.owner, U.coOwner, U.guestMember, U.inviter]),
        fc.subarray([U.owner, U.coOwner, U.admin, U.userAdmin, U.inviter]),
        fc.subarray([U.owner, U.coOwner, U.member, U.spAdmin]),
        fc.constantFrom(...people),
        fc.constantFrom(ADDR.newGuest, ADDR.existingGuest, ADDR.pendingGuest, ADDR.consumer),
        fc.constantFrom(G.team, G.plain),
        (invites, ownerIds, disabled, inviters, requester, email, group) => {
          const patches: Patch[] = [invitesFrom(invites), owners(G.team, ownerIds), owners(G.plain, ownerIds)];
          for (const id of inviters) patches.push(roles(id, [ROLE_TEMPLATE_IDS.guestInviter]));
          for (const id of disabled) patches.push(disable(id));
          const ctx = ctxOf(...patches);
          const d = evaluateGuest(ctx, { groupId: group, requesterId: requester, guestEmail: email });
          const cg = ctx.groups.get(group)!;
          for (const id of d.approval.approverIds) {
            const user = ctx.usersById.get(id)!;
            expect(user.accountEnabled).toBe(true);
            expect(id).not.toBe(requester);
            const owner = cg.ownerIds.has(id);
            expect(owner || ctx.adminIds.has(id)).toBe(true);
            if (d.invitation === 'required') expect(ctx.inviterIds.has(id)).toBe(true);
            if (!owner) expect(['OWNERS_MAY_NOT_INVITE', 'NO_OWNERS']).toContain(d.approval.reasonCode);
          }
          if (d.approval.basis === 'owners')
            for (const id of d.approval.approverIds) expect(cg.ownerIds.has(id)).toBe(true);
        },
      ),
      { numRuns: fc.readConfigureGlobal().numRuns ?? 300 },
    );
  });
});

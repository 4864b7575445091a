import { evaluateGuest, layerOf, REASON_CODES, type GuestDecision, type ReasonCode } from '../../src/policy/index.js';
import {
  ADDR,
  allowedDomains,
  assignLabel,
  blockedDomains,
  crossTenantDefault,
  ctxOf,
  disable,
  externalTenant,
  FABRIKAM_TENANT_ID,
  G,
  groupGuestSetting,
  groupKind,
  groupUnified,
  invitesFrom,
  label,
  licensed,
  noTenant,
  orgSharing,
  partner,
  siteSharing,
  spDomains,
  teamsGuests,
  U,
  type Patch,
} from '../support/policyFixtures.js';

interface Row {
  rule: string;
  patches?: Patch[];
  group?: string;
  requester?: string;
  email?: string;
  verdict: GuestDecision['verdict'];
  blockers?: ReasonCode[];
  accessIssues?: ReasonCode[];
  notes?: string[];
  access?: Partial<GuestDecision['access']>;
}

function decide(row: Row): GuestDecision {
  return evaluateGuest(ctxOf(...(row.patches ?? [])), {
    groupId: row.group ?? G.team,
    requesterId: row.requester ?? U.owner,
    guestEmail: row.email ?? ADDR.newGuest,
  });
}

// Each row changes one fact of the open tenant; requester is an owner of the team group unless stated.
const rows: Row[] = [
  {
    rule: 'open tenant, new guest, owner asks',
    verdict: 'addNow',
    blockers: [],
    notes: ['GUEST_DIRECTORY_VISIBILITY_LIMITED'],
  },
  // the request itself
  { rule: 'malformed address', email: 'not-an-address', verdict: 'blocked', blockers: ['ADDRESS_INVALID'] },
  { rule: 'address with two @', email: 'a@b@fabrikam.com', verdict: 'blocked', blockers: ['ADDRESS_INVALID'] },
  { rule: 'unknown group', group: 'g-missing', verdict: 'blocked', blockers: ['GROUP_NOT_FOUND'] },
  { rule: 'requester not in the group', requester: U.outsider, verdict: 'blocked', blockers: ['REQUESTER_NOT_MEMBER'] },
  {
    rule: 'requester not in the directory',
    requester: 'u-nobody',
    verdict: 'blocked',
    blockers: ['REQUESTER_NOT_MEMBER'],
  },
  {
    rule: 'requester account disabled',
    patches: [disable(U.owner)],
    verdict: 'blocked',
    blockers: ['REQUESTER_NOT_MEMBER'],
  },
  {
    rule: 'malformed address, unknown group, unknown requester: all three',
    email: 'x',
    group: 'g-missing',
    requester: 'u-nobody',
    verdict: 'blocked',
    blockers: ['ADDRESS_INVALID', 'REQUESTER_NOT_MEMBER', 'GROUP_NOT_FOUND'],
  },
  // allowInvitesFrom
  {
    rule: 'invitations off: new guest',
    patches: [invitesFrom('none')],
    verdict: 'blocked',
    blockers: ['INVITES_DISABLED'],
  },
  {
    rule: 'invitations off: existing guest still added',
    patches: [invitesFrom('none')],
    email: ADDR.existingGuest,
    verdict: 'addNow',
    blockers: [],
  },
  // Entra domain lists
  {
    rule: 'allow list without the domain',
    patches: [allowedDomains(['northwind.example'])],
    verdict: 'blocked',
    blockers: ['DOMAIN_NOT_ALLOWED'],
  },
  { rule: 'allow list with the domain', patches: [allowedDomains(['fabrikam.com'])], verdict: 'addNow', blockers: [] },
  {
    rule: 'empty allow list allows nothing',
    patches: [allowedDomains([])],
    verdict: 'blocked',
    blockers: ['DOMAIN_NOT_ALLOWED'],
  },
  {
    rule: 'block list with the domain',
    patches: [blockedDomains(['fabrikam.com'])],
    verdict: 'blocked',
    blockers: ['DOMAIN_BLOCKED'],
  },
  { rule: 'empty block list blocks nothing', patches: [blockedDomains([])], verdict: 'addNow', blockers: [] },
  {
    rule: 'both lists: configuration error',
    patches: [allowedDomains(['fabrikam.com']), blockedDomains(['gmail.com'])],
    verdict: 'blocked',
    blockers: ['DOMAIN_POLICY_CONFLICT'],
  },
  {
    rule: 'domain lists ignore existing guests',
    patches: [blockedDomains(['partner.org'])],
    email: ADDR.existingGuest,
    verdict: 'addNow',
    blockers: [],
  },
  // cross-tenant access
  // Cross-tenant access settings govern Entra organisations only (changed: a consumer domain used to be blocked).
  {
    rule: 'default blocked, consumer domain without an Entra tenant: not governed',
    patches: [crossTenantDefault('blocked')],
    email: ADDR.consumer,
    verdict: 'addNow',
    blockers: [],
  },
  {
    rule: 'default blocked, domain the snapshot says has no Entra tenant: not governed',
    patches: [crossTenantDefault('blocked'), noTenant(['partner.org'])],
    email: 'new@partner.org',
    verdict: 'addNow',
    blockers: [],
  },
  {
    rule: 'default blocked, domain of an Entra tenant',
    patches: [crossTenantDefault('blocked')],
    verdict: 'blocked',
    blockers: ['CROSS_TENANT_DEFAULT_BLOCKED'],
  },
  {
    rule: 'default blocked, unknown domain: may be an Entra organisation, so the default applies',
    patches: [crossTenantDefault('blocked')],
    email: 'new@unknown.example',
    verdict: 'blocked',
    blockers: ['CROSS_TENANT_DEFAULT_BLOCKED'],
  },
  {
    rule: 'default blocked, consumer domain listed as an Entra tenant by the snapshot: governed',
    patches: [crossTenantDefault('blocked'), externalTenant('tenant-gmail', 'Gmail Corp', ['gmail.com'])],
    email: ADDR.consumer,
    verdict: 'blocked',
    blockers: ['CROSS_TENANT_DEFAULT_BLOCKED'],
  },
  {
    rule: 'partner blocked',
    patches: [partner(FABRIKAM_TENANT_ID, 'blocked')],
    verdict: 'blocked',
    blockers: ['CROSS_TENANT_PARTNER_BLOCKED'],
  },
  {
    rule: 'partner blocked, other tenant unaffected',
    patches: [partner(FABRIKAM_TENANT_ID, 'blocked')],
    email: ADDR.northwind,
    verdict: 'addNow',
    blockers: [],
  },
  {
    rule: 'cross-tenant ignores existing guests',
    patches: [crossTenantDefault('blocked')],
    email: ADDR.existingGuest,
    verdict: 'addNow',
    blockers: [],
  },
  // Group.Unified
  { rule: 'no Group.Unified object: defaults allow', patches: [], verdict: 'addNow', blockers: [] },
  {
    rule: 'AllowToAddGuests false',
    patches: [groupUnified({ AllowToAddGuests: 'false' })],
    verdict: 'blocked',
    blockers: ['GUESTS_DISABLED_ORG'],
  },
  {
    rule: 'AllowToAddGuests "FALSE" (case-insensitive)',
    patches: [groupUnified({ AllowToAddGuests: ' FALSE ' })],
    verdict: 'blocked',
    blockers: ['GUESTS_DISABLED_ORG'],
  },
  // Changed: the organisation-wide setting stops NEW guests (invitations) only.
  {
    rule: 'AllowToAddGuests false: a guest already in the directory can still be added',
    patches: [groupUnified({ AllowToAddGuests: 'false' })],
    email: ADDR.existingGuest,
    verdict: 'addNow',
    blockers: [],
  },
  {
    rule: 'AllowToAddGuests false: a pending guest is in the directory too',
    patches: [groupUnified({ AllowToAddGuests: 'false' })],
    email: ADDR.pendingGuest,
    verdict: 'addNow',
    blockers: [],
  },
  {
    rule: 'AllowToAddGuests false, existing guest, but the group says no',
    patches: [groupUnified({ AllowToAddGuests: 'false' }), groupGuestSetting(G.team, 'false')],
    email: ADDR.existingGuest,
    verdict: 'blocked',
    blockers: ['GUESTS_DISABLED_GROUP'],
  },
  {
    rule: 'AllowToAddGuests garbage: default',
    patches: [groupUnified({ AllowToAddGuests: 'nope' })],
    verdict: 'addNow',
    blockers: [],
  },
  {
    rule: 'AllowGuestsToAccessGroups false: member without access, not blocked',
    patches: [groupUnified({ AllowGuestsToAccessGroups: 'false' })],
    verdict: 'addNow',
    blockers: [],
    accessIssues: ['GROUP_CONTENT_ACCESS_OFF'],
    notes: ['GUESTS_CANNOT_ACCESS_CONTENT'],
    access: { groupContent: 'no', team: 'no', site: 'no' },
  },
  // labels and the per-group setting
  {
    rule: 'label without guests, labels on',
    patches: [groupUnified({ EnableMIPLabels: 'true' }), label('l1', 'Confidential', false), assignLabel(G.team, 'l1')],
    verdict: 'blocked',
    blockers: ['LABEL_BLOCKS_GUESTS'],
  },
  {
    rule: 'per-group setting false',
    patches: [groupGuestSetting(G.team, 'false')],
    verdict: 'blocked',
    blockers: ['GUESTS_DISABLED_GROUP'],
  },
  {
    rule: 'per-group setting false stops existing guests',
    patches: [groupGuestSetting(G.team, 'false')],
    email: ADDR.existingGuest,
    verdict: 'blocked',
    blockers: ['GUESTS_DISABLED_GROUP'],
  },
  {
    rule: 'per-group setting on another group',
    patches: [groupGuestSetting(G.plain, 'false')],
    verdict: 'addNow',
    blockers: [],
  },
  // group kinds
  {
    rule: 'dynamic membership',
    patches: [groupKind(G.team, 'dynamic')],
    verdict: 'blocked',
    blockers: ['GROUP_DYNAMIC'],
  },
  {
    rule: 'synchronised from AD DS',
    patches: [groupKind(G.team, 'onPremises')],
    verdict: 'blocked',
    blockers: ['GROUP_ON_PREMISES'],
  },
  {
    rule: 'distribution list',
    patches: [groupKind(G.team, 'distributionList')],
    verdict: 'blocked',
    blockers: ['GROUP_DISTRIBUTION_LIST'],
  },
  {
    rule: 'mail-enabled security group',
    patches: [groupKind(G.team, 'mailEnabledSecurity')],
    verdict: 'blocked',
    blockers: ['GROUP_MAIL_ENABLED_SECURITY'],
  },
  {
    rule: 'security group',
    patches: [groupKind(G.team, 'security')],
    verdict: 'blocked',
    blockers: ['GROUP_NOT_M365'],
  },
  {
    rule: 'Viva Engage connected',
    patches: [groupKind(G.team, 'vivaEngage')],
    verdict: 'blocked',
    blockers: ['GROUP_VIVA_ENGAGE'],
  },
  {
    rule: 'on-premises distribution list: both reported',
    patches: [groupKind(G.team, 'distributionList'), groupKind(G.team, 'onPremises')],
    verdict: 'blocked',
    blockers: ['GROUP_ON_PREMISES', 'GROUP_DISTRIBUTION_LIST'],
  },
  {
    rule: 'Group.Unified does not govern a distribution list',
    patches: [groupKind(G.team, 'distributionList'), groupUnified({ AllowToAddGuests: 'false' })],
    verdict: 'blocked',
    blockers: ['GROUP_DISTRIBUTION_LIST'],
  },
  // Teams
  {
    rule: 'Teams guest access off, team group',
    patches: [teamsGuests(false)],
    verdict: 'addNow',
    blockers: [],
    accessIssues: ['TEAMS_GUEST_ACCESS_OFF'],
    access: { team: 'no', groupContent: 'yes' },
  },
  {
    rule: 'Teams guest access off, group without team',
    patches: [teamsGuests(false)],
    group: G.plain,
    verdict: 'addNow',
    blockers: [],
    accessIssues: [],
    access: { team: 'noTeam' },
  },
  // SharePoint
  {
    rule: 'org sharing off',
    patches: [orgSharing('disabled')],
    verdict: 'addNow',
    accessIssues: ['SITE_SHARING_ORG_RESTRICTED'],
    access: { site: 'no', siteEffective: 'disabled' },
  },
  {
    rule: 'site: existing guests only, new guest',
    patches: [siteSharing(G.team, 'existingExternalUserSharingOnly')],
    verdict: 'addNow',
    accessIssues: ['SITE_SHARING_SITE_RESTRICTED'],
    access: { site: 'no' },
  },
  {
    rule: 'site: existing guests only, existing guest',
    patches: [siteSharing(G.team, 'existingExternalUserSharingOnly')],
    email: ADDR.existingGuest,
    verdict: 'addNow',
    accessIssues: [],
    access: { site: 'yes' },
  },
  {
    rule: 'SharePoint allow list without the domain',
    patches: [spDomains('allowList', ['northwind.example'])],
    verdict: 'addNow',
    accessIssues: ['SITE_DOMAIN_NOT_ALLOWED'],
    access: { site: 'no' },
  },
  {
    rule: 'SharePoint block list, existing guest too',
    patches: [spDomains('blockList', ['partner.org'])],
    email: ADDR.existingGuest,
    verdict: 'addNow',
    accessIssues: ['SITE_DOMAIN_BLOCKED'],
    access: { site: 'no' },
  },
  {
    rule: 'SharePoint settings, group without site',
    patches: [orgSharing('disabled'), spDomains('blockList', ['fabrikam.com'])],
    group: G.plain,
    verdict: 'addNow',
    accessIssues: [],
    access: { site: 'noSite' },
  },
  // licensing, existing and disabled guests
  {
    rule: 'group-based licensing: a note',
    patches: [licensed(G.team)],
    verdict: 'addNow',
    blockers: [],
    notes: ['GROUP_BASED_LICENSING'],
  },
  {
    rule: 'existing guest: no invitation',
    email: ADDR.existingGuest,
    verdict: 'addNow',
    notes: ['GUEST_EXISTS_IN_DIRECTORY'],
  },
  {
    rule: 'pending invitation',
    email: ADDR.pendingGuest,
    verdict: 'addNow',
    notes: ['GUEST_EXISTS_IN_DIRECTORY', 'GUEST_INVITATION_PENDING'],
  },
  {
    rule: 'pending invitation from a domain blocked since: may join, but the block stops the redemption (an access issue)',
    email: ADDR.pendingGuest,
    patches: [blockedDomains(['partner.org'])],
    verdict: 'addNow',
    blockers: [],
    accessIssues: ['DOMAIN_BLOCKED'],
  },
  {
    rule: 'accepted guest from a blocked domain: unaffected',
    email: ADDR.existingGuest,
    patches: [blockedDomains([ADDR.existingGuest.split('@')[1]])],
    verdict: 'addNow',
    blockers: [],
    accessIssues: [],
  },
  {
    rule: 'disabled guest account',
    email: ADDR.disabledGuest,
    verdict: 'blocked',
    blockers: ['GUEST_ACCOUNT_DISABLED'],
  },
  // not a guest, already a member
  { rule: 'internal address', email: ADDR.internal, verdict: 'nothingToDo', blockers: [], notes: ['INTERNAL_ADDRESS'] },
  {
    rule: 'internal address, second verified domain, upper case',
    email: 'Someone@CONTOSO.NL',
    verdict: 'nothingToDo',
    notes: ['INTERNAL_ADDRESS'],
  },
  {
    rule: 'internal address asked by a non-member: a colleague is never a guest, whoever asks',
    email: ADDR.internal,
    requester: U.outsider,
    verdict: 'nothingToDo',
    blockers: [],
    notes: ['INTERNAL_ADDRESS'],
  },
  {
    rule: 'guest already a member, asked by a non-member: still nothing to do',
    email: ADDR.guestMember,
    requester: U.outsider,
    verdict: 'nothingToDo',
    blockers: [],
    notes: ['ALREADY_MEMBER'],
  },
  {
    rule: 'owners may not invite a new guest and nobody else may: the invitation setting is the fix',
    patches: [invitesFrom('adminsAndGuestInviters'), disable(U.admin), disable(U.userAdmin), disable(U.inviter)],
    requester: U.member,
    verdict: 'blocked',
    blockers: ['NO_INVITER'],
  },
  {
    rule: 'subdomain of a verified domain is not internal',
    email: 'x@sales.contoso.com',
    verdict: 'addNow',
    notes: ['GUEST_DIRECTORY_VISIBILITY_LIMITED'],
  },
  {
    rule: 'already a member',
    email: ADDR.guestMember,
    verdict: 'nothingToDo',
    blockers: [],
    notes: ['ALREADY_MEMBER'],
  },
  {
    rule: 'already a member, even when guests are now off',
    email: ADDR.guestMember,
    patches: [groupUnified({ AllowToAddGuests: 'false' })],
    verdict: 'nothingToDo',
    blockers: [],
  },
];

describe('one rule per layer', () => {
  test.each(rows)('$rule', (row) => {
    const d = decide(row);
    expect(d.verdict).toBe(row.verdict);
    if (row.blockers) expect(d.blockers.map((b) => b.code)).toEqual(row.blockers);
    if (row.accessIssues) expect(d.accessIssues.map((b) => b.code)).toEqual(row.accessIssues);
    for (const note of row.notes ?? []) expect(d.notes).toContain(note);
    if (row.access) expect(d.access).toMatchObject(row.access);
    expect(d.verdict === 'blocked').toBe(d.blockers.length > 0);
  });

  test('every reason code is produced by some row, and carries its fix', () => {
    const seen = new Map<ReasonCode, GuestDecision['blockers'][number]>();
    for (const row of rows) {
      const d = decide(row);
      for (const b of [...d.blockers, ...d.accessIssues]) seen.set(b.code, b);
    }
    seen.set(
      'NO_APPROVER',
      decide({
        rule: '',
        patches: [disable(U.owner), disable(U.admin), disable(U.userAdmin)],
        requester: U.member,
        verdict: 'blocked',
      }).blockers[0],
    );
    expect([...seen.keys()].sort()).toEqual([...REASON_CODES].sort());
    for (const [code, b] of seen) {
      expect(b.layer).toBe(layerOf(code));
      expect(b.setting).not.toBe('');
      expect(b.currentValue).not.toBe(b.allowingValue);
      expect(b.where.portalKey).toBeDefined();
      // Only a Viva Engage group has no fix at all.
      expect(b.fixRoles.length === 0).toBe(code === 'GROUP_VIVA_ENGAGE');
      expect(Object.isFrozen(b)).toBe(true);
    }
  });

  test('every blocker is reported, not the first: Entra, cross-tenant, group settings at once, top layer first', () => {
    const d = decide({
      rule: '',
      patches: [
        blockedDomains(['fabrikam.com']),
        partner(FABRIKAM_TENANT_ID, 'blocked'),
        groupUnified({ AllowToAddGuests: 'false', EnableMIPLabels: 'true' }),
        label('l1', 'Secret', false),
        assignLabel(G.team, 'l1'),
        groupKind(G.team, 'dynamic'),
        teamsGuests(false),
      ],
      requester: U.outsider,
      verdict: 'blocked',
    });
    expect(d.blockers.map((b) => b.code)).toEqual([
      'REQUESTER_NOT_MEMBER',
      'DOMAIN_BLOCKED',
      'CROSS_TENANT_PARTNER_BLOCKED',
      'GROUP_DYNAMIC',
      'GUESTS_DISABLED_ORG',
      'LABEL_BLOCKS_GUESTS',
    ]);
    expect(d.accessIssues.map((b) => b.code)).toEqual(['TEAMS_GUEST_ACCESS_OFF']);
    expect(d.notes).toContain('SETTINGS_PROPAGATION');
  });

  test('a decision carries the normalised address, its domain and the existing user', () => {
    const d = evaluateGuest(ctxOf(), { groupId: G.team, requesterId: U.owner, guestEmail: '  Existing@PARTNER.org ' });
    expect(d).toMatchObject({
      guestEmail: ADDR.existingGuest,
      domain: 'partner.org',
      existingUserId: U.existingGuest,
      invitation: 'notNeeded',
    });
    const n = evaluateGuest(ctxOf(), { groupId: G.team, requesterId: U.owner, guestEmail: 'Jan@Bücher.Example' });
    expect(n).toMatchObject({
      guestEmail: 'jan@xn--bcher-kva.example',
      domain: 'xn--bcher-kva.example',
      invitation: 'required',
    });
    expect(n.existingUserId).toBeUndefined();
  });

  test('blocker details name the exact setting, values and the fix location', () => {
    const org = decide({ rule: '', patches: [groupUnified({ AllowToAddGuests: 'false' })], verdict: 'blocked' })
      .blockers[0];
    expect(org).toMatchObject({
      code: 'GUESTS_DISABLED_ORG',
      layer: 'groups',
      setting: 'Group.Unified.AllowToAddGuests',
      currentValue: 'false',
      allowingValue: 'true',
      fixRoles: ['globalAdmin'],
      where: { portalKey: 'm365GroupsOrgSettings' },
      propagation24h: true,
    });
    expect(org.where.graph).toContain('PATCH /groupSettings/setting-group-unified');
    const blocked = decide({
      rule: '',
      patches: [blockedDomains(['tailspintoys.com', 'fabrikam.com'])],
      verdict: 'blocked',
    }).blockers[0];
    expect(blocked).toMatchObject({
      currentValue: '[tailspintoys.com, fabrikam.com]',
      allowingValue: '[tailspintoys.com]',
      subject: 'fabrikam.com',
    });
    const site = decide({ rule: '', patches: [siteSharing(G.team, 'disabled')], verdict: 'addNow' }).accessIssues[0];
    expect(site).toMatchObject({
      code: 'SITE_SHARING_SITE_RESTRICTED',
      currentValue: 'disabled',
      allowingValue: 'externalUserSharingOnly',
      fixRoles: ['sharePointAdmin', 'globalAdmin'],
    });
    expect(site.where.powershell).toBe(
      'Set-SPOSite -Identity https://contoso.sharepoint.com/sites/marketing -SharingCapability ExternalUserSharingOnly',
    );
    const disabled = decide({ rule: '', email: ADDR.disabledGuest, verdict: 'blocked' }).blockers[0];
    expect(disabled.propagation24h).toBe(false);
  });
});

import { blocker, frozenList, joinBlockers, NO_BLOCKERS } from '../../src/policy/blocker.js';
import { DomainVerdictCache } from '../../src/policy/domainVerdict.js';
import { revealInvisible, stripInvisible } from '../../src/policy/index.js';
import { holdersOf, isAdminUser, isGroupsAdminUser, isGuestInviter, roleTemplateIdOf } from '../../src/policy/roles.js';
import { ROLE_TEMPLATE_IDS } from '../../src/policy/tenantModel.js';
import {
  compilePolicy,
  domainTenant,
  evaluateGuest,
  tenantLayers,
  type GuestDecision,
} from '../../src/policy/index.js';
import {
  compileCrossTenant,
  crossTenantBlockers,
  defaultBlocker,
  inboundAccess,
  partnerBlocker,
} from '../../src/policy/layers/crossTenant.js';
import { guestAccountBlockers } from '../../src/policy/layers/guestAccount.js';
import type { TenantSnapshot } from '../../src/policy/tenantModel.js';
import {
  ADDR,
  crossTenantDefault,
  ctxOf,
  externalTenant,
  FABRIKAM_TENANT_ID,
  G,
  noTenant,
  partner,
  tenant,
  U,
  type Patch,
} from '../support/policyFixtures.js';

/**
 * The fix data an admin acts on (setting, values, command, call) and the edges of each layer's input: a snapshot
 * built by hand, or exported from a tenant that lacks a policy object, still gets Microsoft's defaults.
 */

function decide(patches: Patch[], email: string = ADDR.newGuest): GuestDecision {
  return evaluateGuest(ctxOf(...patches), { groupId: G.team, requesterId: U.owner, guestEmail: email });
}

describe('cross-tenant access: fix data', () => {
  test('a partner entry: the exact setting, values, PowerShell and Graph call, named after the tenant', () => {
    const b = decide([partner(FABRIKAM_TENANT_ID, 'blocked')]).blockers[0];
    expect(b).toEqual({
      code: 'CROSS_TENANT_PARTNER_BLOCKED',
      layer: 'crossTenant',
      setting: `crossTenantAccessPolicy.partners[${FABRIKAM_TENANT_ID}].b2bCollaborationInbound.usersAndGroups.accessType`,
      currentValue: 'blocked',
      allowingValue: 'allowed',
      fixRoles: ['securityAdmin', 'globalAdmin'],
      where: {
        portalKey: 'entraCrossTenantPartners',
        powershell: `Update-MgPolicyCrossTenantAccessPolicyPartner -CrossTenantAccessPolicyConfigurationPartnerTenantId ${FABRIKAM_TENANT_ID}`,
        graph: `PATCH /policies/crossTenantAccessPolicy/partners/${FABRIKAM_TENANT_ID}`,
      },
      propagation24h: true,
      subject: 'Fabrikam',
    });
    expect(partnerBlocker(FABRIKAM_TENANT_ID, 'Fabrikam')).toEqual(b);
  });

  test('the default: the exact setting and fix; the overview row carries no subject', () => {
    const b = decide([crossTenantDefault('blocked')]).blockers[0];
    expect(b).toEqual({
      code: 'CROSS_TENANT_DEFAULT_BLOCKED',
      layer: 'crossTenant',
      setting: 'crossTenantAccessPolicy.default.b2bCollaborationInbound.usersAndGroups.accessType',
      currentValue: 'blocked',
      allowingValue: 'allowed',
      fixRoles: ['securityAdmin', 'globalAdmin'],
      where: {
        portalKey: 'entraCrossTenantDefault',
        powershell: 'Update-MgPolicyCrossTenantAccessPolicyDefault',
        graph: 'PATCH /policies/crossTenantAccessPolicy/default',
      },
      propagation24h: true,
      subject: 'Fabrikam',
    });
    expect(Object.keys(defaultBlocker())).not.toContain('subject');
    const row = tenantLayers(ctxOf(crossTenantDefault('blocked'))).find((l) =>
      l.setting.startsWith('crossTenantAccessPolicy.default'),
    );
    expect(row?.fix).toEqual(defaultBlocker());
  });
});

describe('cross-tenant access: input edges', () => {
  const without = (edit: (t: TenantSnapshot) => void): TenantSnapshot => {
    const t = tenant();
    edit(t);
    return t;
  };
  test.each([
    [
      'no crossTenantAccessPolicy at all',
      (t: TenantSnapshot) => delete (t as Partial<TenantSnapshot>).crossTenantAccessPolicy,
    ],
    ['no default', (t: TenantSnapshot) => delete (t.crossTenantAccessPolicy as { default?: unknown }).default],
    [
      'a default without b2bCollaborationInbound',
      (t: TenantSnapshot) => ((t.crossTenantAccessPolicy as { default: unknown }).default = {}),
    ],
    [
      'a default without usersAndGroups',
      (t: TenantSnapshot) =>
        ((t.crossTenantAccessPolicy as { default: unknown }).default = { b2bCollaborationInbound: {} }),
    ],
    [
      'a default without accessType',
      (t: TenantSnapshot) =>
        ((t.crossTenantAccessPolicy as { default: unknown }).default = {
          b2bCollaborationInbound: { usersAndGroups: {} },
        }),
    ],
    [
      'a default accessType that is no value',
      (t: TenantSnapshot) =>
        ((
          t.crossTenantAccessPolicy.default.b2bCollaborationInbound.usersAndGroups as { accessType: string }
        ).accessType = 'sometimes'),
    ],
    ['no partners list', (t: TenantSnapshot) => delete (t.crossTenantAccessPolicy as { partners?: unknown }).partners],
    ['no externalTenants list', (t: TenantSnapshot) => delete (t as Partial<TenantSnapshot>).externalTenants],
  ])('%s: Microsoft’s default, allowed', (_what, edit) => {
    const policy = compileCrossTenant(without(edit));
    expect(policy.defaultAccess).toBe('allowed');
    expect(crossTenantBlockers(policy, 'fabrikam.com')).toEqual([]);
  });

  test.each([
    ['no b2bCollaborationInbound', {}],
    ['no usersAndGroups', { b2bCollaborationInbound: {} }],
    ['no accessType', { b2bCollaborationInbound: { usersAndGroups: {} } }],
    ['an accessType that is no value', { b2bCollaborationInbound: { usersAndGroups: { accessType: 'maybe' } } }],
  ])('a partner entry with %s is ignored: the default decides', (_what, entry) => {
    const t = tenant(crossTenantDefault('blocked'));
    t.crossTenantAccessPolicy.partners.push({ tenantId: FABRIKAM_TENANT_ID, ...entry } as never);
    const policy = compileCrossTenant(t);
    expect(policy.partners.has(FABRIKAM_TENANT_ID)).toBe(false);
    expect(crossTenantBlockers(policy, 'fabrikam.com').map((b) => b.code)).toEqual(['CROSS_TENANT_DEFAULT_BLOCKED']);
  });

  test('accessType compares case-insensitively, tenant ids too', () => {
    const t = tenant(crossTenantDefault('allowed'));
    t.crossTenantAccessPolicy.partners.push({
      tenantId: FABRIKAM_TENANT_ID.toUpperCase(),
      b2bCollaborationInbound: { usersAndGroups: { accessType: 'Blocked' as never } },
    });
    expect(crossTenantBlockers(compileCrossTenant(t), 'fabrikam.com').map((b) => b.code)).toEqual([
      'CROSS_TENANT_PARTNER_BLOCKED',
    ]);
  });

  test('the first tenant to claim a domain keeps it', () => {
    const t = tenant(externalTenant('t-second', 'Second', ['fabrikam.com']), partner('t-second', 'blocked'));
    expect(inboundAccess(compileCrossTenant(t), 'fabrikam.com')).toMatchObject({
      tenant: { displayName: 'Fabrikam' },
      access: 'allowed',
    });
  });

  test('a tenant’s domain entries are normalised; one that is no domain is skipped', () => {
    const t = tenant(
      externalTenant('t-idn', 'Bücher', ['BÜCHER.example', 'not a domain']),
      partner('t-idn', 'blocked'),
    );
    const policy = compileCrossTenant(t);
    expect(inboundAccess(policy, 'xn--bcher-kva.example')).toMatchObject({ partner: 'blocked', access: 'blocked' });
    expect([...policy.tenantsByDomain.keys()]).not.toContain('not a domain');
  });

  test('domainTenant tells an Entra tenant, no tenant and unknown apart', () => {
    const ctx = ctxOf(noTenant(['mail.example', 'not a domain']));
    expect(domainTenant(ctx.crossTenant, 'fabrikam.com')).toMatchObject({
      kind: 'entra',
      tenant: { tenantId: FABRIKAM_TENANT_ID },
    });
    expect(domainTenant(ctx.crossTenant, 'mail.example')).toEqual({ kind: 'none' });
    expect(domainTenant(ctx.crossTenant, 'gmail.com')).toEqual({ kind: 'none' });
    expect(domainTenant(ctx.crossTenant, 'unknown.example')).toEqual({ kind: 'unknown' });
    expect(inboundAccess(ctx.crossTenant, 'gmail.com')).toEqual({ access: 'allowed' });
  });
});

describe('the guest’s own account: fix data', () => {
  test('a disabled account: the exact setting, values, PowerShell and Graph call for that user', () => {
    const b = decide([], ADDR.disabledGuest).blockers[0];
    expect(b).toEqual({
      code: 'GUEST_ACCOUNT_DISABLED',
      layer: 'directory',
      setting: 'accountEnabled',
      currentValue: 'false',
      allowingValue: 'true',
      fixRoles: ['userAdmin', 'globalAdmin'],
      where: {
        portalKey: 'entraUsers',
        powershell: `Update-MgUser -UserId ${U.disabledGuest} -AccountEnabled:$true`,
        graph: `PATCH /users/${U.disabledGuest} {"accountEnabled":true}`,
      },
      propagation24h: false,
    });
  });
  test('an enabled account has nothing to fix', () => {
    const ctx = compilePolicy(tenant());
    expect(guestAccountBlockers(ctx.usersById.get(U.existingGuest)!)).toBe(NO_BLOCKERS);
  });
});

describe('blockers: shared, frozen, and only what is known', () => {
  const make = () => ({
    a: blocker('DOMAIN_BLOCKED', { setting: 's', currentValue: 'c', allowingValue: 'a' }),
    b: blocker('GROUP_DYNAMIC', {
      setting: 's',
      currentValue: 'c',
      allowingValue: 'a',
      powershell: 'p',
      graph: 'g',
      subject: 'x',
    }),
  });
  test('no empty PowerShell, Graph or subject fields when there is none', () => {
    const { a, b } = make();
    expect(Object.keys(a)).not.toContain('subject');
    expect(Object.keys(a.where)).toEqual(['portalKey']);
    expect(Object.keys(b.where)).toEqual(['portalKey', 'powershell', 'graph']);
    expect(b.subject).toBe('x');
    expect(Object.isFrozen(a.where)).toBe(true);
  });
  test('joining reuses the one non-empty list, or the shared empty one', () => {
    const { a, b } = make();
    const one = [a];
    expect(joinBlockers(NO_BLOCKERS, one, NO_BLOCKERS)).toBe(one);
    expect(joinBlockers(NO_BLOCKERS, NO_BLOCKERS)).toBe(NO_BLOCKERS);
    expect(joinBlockers()).toBe(NO_BLOCKERS);
    expect(joinBlockers([a], NO_BLOCKERS, [b])).toEqual([a, b]);
  });
  test('a compiled empty list is the shared empty list; a non-empty one is frozen', () => {
    const { a } = make();
    expect(frozenList([])).toBe(NO_BLOCKERS);
    const list = frozenList([a]);
    expect(list).toEqual([a]);
    expect(Object.isFrozen(list)).toBe(true);
  });
});

describe('a snapshot built by hand, with only what Graph always returns', () => {
  test('gets Microsoft’s defaults for every missing part and is not changed', () => {
    const minimal = {
      tenant: { id: 't', displayName: 'Contoso', verifiedDomains: ['contoso.com'] },
      users: [
        { id: 'o', displayName: 'Owner', mail: 'o@contoso.com', userPrincipalName: 'o@contoso.com' },
        {
          id: 'a',
          displayName: 'Admin',
          mail: 'a@contoso.com',
          userPrincipalName: 'a@contoso.com',
          roles: ['Global Administrator'],
        },
      ],
      groups: [
        { id: 'g', displayName: 'Team', groupTypes: ['Unified'], mailEnabled: true, owners: ['o'], members: [] },
      ],
    } as unknown as TenantSnapshot;
    const frozen = JSON.stringify(minimal);
    const ctx = compilePolicy(minimal);
    const d = evaluateGuest(ctx, { groupId: 'g', requesterId: 'o', guestEmail: 'x@fabrikam.com' });
    expect(d.verdict).toBe('addNow');
    expect(d.access).toEqual({ groupContent: 'yes', team: 'noTeam', site: 'noSite' });
    expect(
      evaluateGuest(ctx, { groupId: 'g', requesterId: 'a', guestEmail: 'x@fabrikam.com' }).approval.reasonCode,
    ).toBe('REQUESTER_IS_ADMIN');
    expect(tenantLayers(ctx).find((l) => l.setting === 'sharePoint.sharingCapability')?.currentValue).toBe(
      'externalUserAndGuestSharing',
    );
    expect(JSON.stringify(minimal)).toBe(frozen);
  });
});

describe('roles by template id', () => {
  const GA = ROLE_TEMPLATE_IDS.globalAdmin;
  test.each([
    [GA, GA],
    [GA.toUpperCase(), GA],
    [` ${GA} `, GA],
    ['Guest Inviter', ROLE_TEMPLATE_IDS.guestInviter],
    ['  groups administrator ', ROLE_TEMPLATE_IDS.groupsAdmin],
    ['a1b2c3d4-0000-4000-8000-000000000001', 'a1b2c3d4-0000-4000-8000-000000000001'],
    [`x${GA}`, undefined],
    [`${GA}x`, undefined],
    ['62e9039-69f5-4237-9190-012177145e10', undefined],
    ['62e90394-69f-4237-9190-012177145e10', undefined],
    ['62e90394-69f5-423-9190-012177145e10', undefined],
    ['62e90394-69f5-4237-919-012177145e10', undefined],
    ['62e90394-69f5-4237-9190-012177145e1', undefined],
    ['zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz', undefined],
    ['Global Admin', undefined],
  ])('%j → %s', (entry, id) => {
    expect(roleTemplateIdOf(entry)).toBe(id);
  });
  test('Graph-shaped role objects in a snapshot read without the schema', () => {
    expect(roleTemplateIdOf({ roleTemplateId: GA.toUpperCase(), displayName: 'Global Administrator' } as never)).toBe(
      GA,
    );
    expect(roleTemplateIdOf({ roleTemplateId: 5 } as never)).toBeUndefined();
    expect(roleTemplateIdOf(null as never)).toBeUndefined();
  });
  test('roles count for enabled accounts only, and nobody is anybody without a user', () => {
    const user = {
      id: 'u',
      displayName: 'U',
      mail: null,
      userPrincipalName: 'u@contoso.com',
      userType: 'Member' as const,
      accountEnabled: false,
      roles: [ROLE_TEMPLATE_IDS.guestInviter, GA, ROLE_TEMPLATE_IDS.groupsAdmin],
    };
    expect([isGuestInviter(user), isAdminUser(user), isGroupsAdminUser(user)]).toEqual([false, false, false]);
    expect([isGuestInviter(undefined), isAdminUser(undefined), isGroupsAdminUser(undefined)]).toEqual([
      false,
      false,
      false,
    ]);
    const enabled = { ...user, accountEnabled: true };
    expect([isGuestInviter(enabled), isAdminUser(enabled), isGroupsAdminUser(enabled)]).toEqual([true, true, true]);
  });
  test('the "people" role keys have no holders, whatever roles users carry', () => {
    const users = [
      {
        id: 'u',
        displayName: 'U',
        mail: null,
        userPrincipalName: 'u@contoso.com',
        userType: 'Member' as const,
        accountEnabled: true,
        roles: ['Custom role'],
      },
    ];
    expect(holdersOf(users, 'groupOwner')).toEqual([]);
    expect(holdersOf(users, 'requester')).toEqual([]);
    expect(holdersOf([{ ...users[0], roles: [GA] }], 'globalAdmin')).toEqual(['u']);
  });
});

describe('hidden characters', () => {
  test('revealed as U+FFFD where refused input is echoed, removed elsewhere', () => {
    expect(revealInvisible('a\u200Bb\u202Ec')).toBe('a\uFFFDb\uFFFDc');
    expect(stripInvisible('a\u200Bb\u202Ec')).toBe('abc');
    expect(revealInvisible('plain')).toBe('plain');
  });
});

describe('the per-domain memo', () => {
  const facts = compilePolicy(tenant());
  test('answers a domain twice with the same verdict object, and forgets all when full', () => {
    const cache = new DomainVerdictCache(
      {
        verifiedDomains: facts.verifiedDomains,
        invitationBlockers: NO_BLOCKERS,
        entraDomains: facts.entraDomains,
        crossTenant: facts.crossTenant,
        sharePointDomains: facts.sharePointDomains,
      },
      2,
    );
    const a = cache.get('a.example');
    const b = cache.get('b.example');
    expect(cache.get('a.example')).toBe(a);
    expect(cache.get('b.example')).toBe(b);
    const c = cache.get('c.example');
    expect(cache.get('c.example')).toBe(c);
    const again = cache.get('a.example');
    expect(again).not.toBe(a);
    expect(again).toEqual(a);
  });
});

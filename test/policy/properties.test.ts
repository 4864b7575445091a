import fc from 'fast-check';
import {
  compilePolicy,
  evaluateGuest,
  evaluateRequest,
  normaliseEmail,
  type GuestDecision,
} from '../../src/policy/index.js';
import type {
  AccessType,
  AllowInvitesFrom,
  SharingCapability,
  SharingDomainRestrictionMode,
} from '../../src/policy/tenantModel.js';
import {
  ADDR,
  allowedDomains,
  assignLabel,
  blockedDomains,
  crossTenantDefault,
  disable,
  FABRIKAM_TENANT_ID,
  G,
  groupGuestSetting,
  groupKind,
  groupUnified,
  invitesFrom,
  label,
  NORTHWIND_TENANT_ID,
  orgSharing,
  owners,
  partner,
  roles,
  siteSharing,
  spDomains,
  teamsGuests,
  tenant,
  U,
  type GroupKindFixture,
  type Patch,
} from '../support/policyFixtures.js';

// The mutation run lowers fast-check's global numRuns (test/support/mutationSetup.ts) to keep each mutant quick.
const RUNS = { numRuns: fc.readConfigureGlobal().numRuns ?? 200 };

const INVITES: readonly AllowInvitesFrom[] = [
  'none',
  'adminsAndGuestInviters',
  'adminsGuestInvitersAndAllMembers',
  'everyone',
];
const SHARING: readonly SharingCapability[] = [
  'disabled',
  'existingExternalUserSharingOnly',
  'externalUserSharingOnly',
  'externalUserAndGuestSharing',
];
const DOMAINS = ['fabrikam.com', 'eu.fabrikam.com', 'northwind.example', 'gmail.com', 'partner.org', '*.fabrikam.com'];
const EMAILS = [
  ADDR.newGuest,
  ADDR.consumer,
  ADDR.northwind,
  'x@eu.fabrikam.com',
  ADDR.existingGuest,
  ADDR.pendingGuest,
  ADDR.disabledGuest,
  ADDR.guestMember,
  ADDR.internal,
  'bad@@x',
];
const REQUESTERS = [
  U.owner,
  U.coOwner,
  U.member,
  U.admin,
  U.userAdmin,
  U.inviter,
  U.outsider,
  U.guestMember,
  'u-nobody',
];

/** Every setting the policy reads, as independent facts (undefined = not set). */
interface Facts {
  invites: number;
  allow?: string[];
  block?: string[];
  ctDefault: AccessType;
  fabrikam?: AccessType;
  northwind?: AccessType;
  addGuests?: boolean;
  content?: boolean;
  mip: boolean;
  label: 'none' | 'open' | 'closed';
  groupSetting?: boolean;
  kind?: GroupKindFixture;
  teams: boolean;
  spOrg: number;
  spSite: number;
  spMode: SharingDomainRestrictionMode;
  spList: string[];
  owners: string[];
  ownerIsInviter: boolean;
  adminsEnabled: boolean;
}

/** Mostly the permissive value, so most generated tenants let guests through and a tightening has something to break. */
const usually = <T>(permissive: T, arb: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(permissive), weight: 3 }, { arbitrary: arb, weight: 1 });
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const access = fc.constantFrom<AccessType>('allowed', 'blocked');
const domains = fc.subarray(DOMAINS);

const factsArb: fc.Arbitrary<Facts> = fc.record({
  invites: usually(3, fc.integer({ min: 0, max: 3 })),
  allow: usually(undefined, opt(domains)),
  block: usually(undefined, opt(domains)),
  ctDefault: usually<AccessType>('allowed', access),
  fabrikam: usually(undefined, opt(access)),
  northwind: usually(undefined, opt(access)),
  addGuests: usually(undefined, opt(fc.boolean())),
  content: usually(undefined, opt(fc.boolean())),
  mip: fc.boolean(),
  label: fc.constantFrom('none', 'open', 'closed'),
  groupSetting: usually(undefined, opt(fc.boolean())),
  kind: usually(
    undefined,
    opt(
      fc.constantFrom<GroupKindFixture>(
        'dynamic',
        'onPremises',
        'distributionList',
        'mailEnabledSecurity',
        'security',
        'vivaEngage',
      ),
    ),
  ),
  teams: usually(true, fc.boolean()),
  spOrg: usually(3, fc.integer({ min: 0, max: 3 })),
  spSite: usually(2, fc.integer({ min: 0, max: 3 })),
  spMode: usually<SharingDomainRestrictionMode>(
    'none',
    fc.constantFrom<SharingDomainRestrictionMode>('none', 'allowList', 'blockList'),
  ),
  spList: domains,
  owners: usually([U.owner], fc.subarray([U.owner, U.coOwner, U.guestMember])),
  ownerIsInviter: fc.boolean(),
  adminsEnabled: usually(true, fc.boolean()),
});

const requestArb = fc.record({
  email: usually<string>(ADDR.newGuest, fc.constantFrom(...EMAILS)),
  requester: usually<string>(U.member, fc.constantFrom(...REQUESTERS)),
  group: usually<string>(G.team, fc.constantFrom(G.team, G.plain, 'g-missing')),
});

function patches(f: Facts): Patch[] {
  const out: Patch[] = [
    invitesFrom(INVITES[f.invites]),
    crossTenantDefault(f.ctDefault),
    teamsGuests(f.teams),
    orgSharing(SHARING[f.spOrg]),
  ];
  out.push(siteSharing(G.team, SHARING[f.spSite]), owners(G.team, f.owners), spDomains(f.spMode, f.spList));
  if (f.allow) out.push(allowedDomains(f.allow));
  if (f.block) out.push(blockedDomains(f.block));
  if (f.fabrikam) out.push(partner(FABRIKAM_TENANT_ID, f.fabrikam));
  if (f.northwind) out.push(partner(NORTHWIND_TENANT_ID, f.northwind));
  const unified: Record<string, string> = { EnableMIPLabels: String(f.mip) };
  if (f.addGuests !== undefined) unified.AllowToAddGuests = String(f.addGuests);
  if (f.content !== undefined) unified.AllowGuestsToAccessGroups = String(f.content);
  out.push(groupUnified(unified));
  out.push(label('l-open', 'General', true), label('l-closed', 'Confidential', false));
  if (f.label !== 'none') out.push(assignLabel(G.team, f.label === 'open' ? 'l-open' : 'l-closed'));
  if (f.groupSetting !== undefined) out.push(groupGuestSetting(G.team, String(f.groupSetting)));
  if (f.kind) out.push(groupKind(G.team, f.kind));
  if (f.ownerIsInviter) out.push(roles(U.owner, ['Guest Inviter']));
  if (!f.adminsEnabled) out.push(disable(U.admin), disable(U.userAdmin));
  return out;
}

type Tightening = { name: string; apply: (f: Facts, pick: number) => Facts | undefined };

/** Each makes exactly one setting stricter. EnableMIPLabels is not among them: a label may allow what the group forbids. */
const TIGHTENINGS: Tightening[] = [
  {
    name: 'allowInvitesFrom one step stricter',
    apply: (f) => (f.invites > 0 ? { ...f, invites: f.invites - 1 } : undefined),
  },
  {
    name: 'a domain added to the block list',
    apply: (f, p) => ({ ...f, block: [...(f.block ?? []), DOMAINS[p % DOMAINS.length]] }),
  },
  {
    name: 'the allow list narrowed (or introduced)',
    apply: (f, p) =>
      f.allow
        ? { ...f, allow: f.allow.filter((_, i) => i !== p % Math.max(1, f.allow!.length)) }
        : { ...f, allow: DOMAINS.filter((_, i) => i !== p % DOMAINS.length) },
  },
  { name: 'cross-tenant default blocked', apply: (f) => ({ ...f, ctDefault: 'blocked' }) },
  {
    name: 'Fabrikam partner blocked',
    apply: (f) => (f.fabrikam === 'allowed' || f.ctDefault === 'allowed' ? { ...f, fabrikam: 'blocked' } : undefined),
  },
  { name: 'AllowToAddGuests false', apply: (f) => ({ ...f, addGuests: false }) },
  { name: 'AllowGuestsToAccessGroups false', apply: (f) => ({ ...f, content: false }) },
  { name: 'label stops allowing guests', apply: (f) => (f.label === 'open' ? { ...f, label: 'closed' } : undefined) },
  { name: 'per-group setting false', apply: (f) => ({ ...f, groupSetting: false }) },
  { name: 'Teams guest access off', apply: (f) => ({ ...f, teams: false }) },
  {
    name: 'SharePoint organisation one step stricter',
    apply: (f) => (f.spOrg > 0 ? { ...f, spOrg: f.spOrg - 1 } : undefined),
  },
  { name: 'site one step stricter', apply: (f) => (f.spSite > 0 ? { ...f, spSite: f.spSite - 1 } : undefined) },
  {
    name: 'SharePoint domain list stricter',
    apply: (f, p) =>
      f.spMode === 'allowList'
        ? { ...f, spList: f.spList.filter((_, i) => i !== p % Math.max(1, f.spList.length)) }
        : f.spMode === 'blockList'
          ? { ...f, spList: [...f.spList, DOMAINS[p % DOMAINS.length]] }
          : { ...f, spMode: 'blockList', spList: [DOMAINS[p % DOMAINS.length]] },
  },
];

function decide(f: Facts, r: { email: string; requester: string; group: string }): GuestDecision {
  return evaluateGuest(compilePolicy(tenant(...patches(f))), {
    groupId: r.group,
    requesterId: r.requester,
    guestEmail: r.email,
  });
}

const ACCESS_KEYS = ['groupContent', 'team', 'site'] as const;

describe('policy properties', () => {
  test('tightening any single setting never turns a blocked guest into an allowed one, nor takes away a "no"', () => {
    let allowedBefore = 0;
    fc.assert(
      fc.property(factsArb, requestArb, fc.nat(), (facts, request, pick) => {
        const before = decide(facts, request);
        if (before.verdict !== 'blocked') allowedBefore += 1;
        for (const tightening of TIGHTENINGS) {
          const tighter = tightening.apply(facts, pick);
          if (!tighter) continue;
          const after = decide(tighter, request);
          const why = `${tightening.name}: ${before.verdict} → ${after.verdict}`;
          if (before.verdict === 'blocked') expect(`${why} ${after.verdict}`).toBe(`${why} blocked`);
          if (after.verdict === 'addNow') expect(before.verdict).toBe('addNow');
          if (before.verdict === 'nothingToDo') expect(after.verdict).toBe('nothingToDo');
          for (const key of ACCESS_KEYS)
            if (before.access[key] === 'no') expect(`${why} ${key} ${after.access[key]}`).toBe(`${why} ${key} no`);
        }
      }),
      RUNS,
    );
    // The property means little unless many starting points let the guest through. About 30% do (55–70 of 200,
    // σ ≈ 6.5); the floor sits ~5σ below that, so it catches a generator gone restrictive without ever flaking.
    expect(allowedBefore).toBeGreaterThan(RUNS.numRuns / 8);
  });

  test('blocked ⇔ at least one blocker; approvals never include the requester', () => {
    fc.assert(
      fc.property(factsArb, requestArb, (facts, request) => {
        const d = decide(facts, request);
        expect(d.verdict === 'blocked').toBe(d.blockers.length > 0);
        expect(d.approval.approverIds).not.toContain(request.requester);
        if (d.verdict === 'addNow') expect(d.approval.basis).toBe('self');
        if (d.verdict === 'needsApproval') {
          expect(['owners', 'admins']).toContain(d.approval.basis);
          expect(d.approval.approverIds.length).toBeGreaterThan(0);
        }
        if (d.invitation === 'required') expect(d.existingUserId).toBeUndefined();
      }),
      RUNS,
    );
  });

  test('same input, same decision: repeated, after other evaluations, on a freshly compiled context', () => {
    fc.assert(
      fc.property(factsArb, requestArb, fc.array(requestArb, { maxLength: 8 }), (facts, request, others) => {
        const snapshot = tenant(...patches(facts));
        const frozen = JSON.stringify(snapshot);
        const ctx = compilePolicy(snapshot);
        const input = { groupId: request.group, requesterId: request.requester, guestEmail: request.email };
        const first = evaluateGuest(ctx, input);
        for (const o of others) evaluateGuest(ctx, { groupId: o.group, requesterId: o.requester, guestEmail: o.email });
        expect(evaluateGuest(ctx, input)).toEqual(first);
        expect(evaluateGuest(compilePolicy(snapshot), input)).toEqual(first);
        expect(JSON.stringify(snapshot)).toBe(frozen); // the policy never writes to the snapshot
      }),
      RUNS,
    );
  });

  test('a request is one decision per distinct guest, each as if asked alone', () => {
    fc.assert(
      fc.property(
        factsArb,
        fc.array(fc.constantFrom(...EMAILS, ' NEW.guest@Fabrikam.com', 'Existing@partner.org'), { maxLength: 8 }),
        fc.constantFrom(...REQUESTERS),
        (facts, emails, requester) => {
          const ctx = compilePolicy(tenant(...patches(facts)));
          const decisions = evaluateRequest(ctx, { groupId: G.team, requesterId: requester, guestEmails: emails });
          const keys = emails.map((e) => {
            const n = normaliseEmail(e);
            return n.ok ? n.email : e.trim().toLowerCase();
          });
          const unique = [...new Set(keys)];
          expect(
            decisions.map((d) => (normaliseEmail(d.guestEmail).ok ? d.guestEmail : d.guestEmail.toLowerCase())),
          ).toEqual(unique);
          decisions.forEach((d, i) => {
            expect(d).toEqual(
              evaluateGuest(ctx, {
                groupId: G.team,
                requesterId: requester,
                guestEmail: emails[keys.indexOf(unique[i])],
              }),
            );
          });
        },
      ),
      RUNS,
    );
  });
});

import { escapeMarkdown, type AdaptiveCardJson } from '../../cards/cardTemplate.js';
import { settleCard } from '../../cards/settledCard.js';
import {
  buildLayerChainCard,
  worstIcon,
  type ChainIcon,
  type LayerChainRow,
  type LayerChainSection,
  type LayerChainView,
} from '../../cards/layerChainCard.js';
import { listOf, translator, type Language } from '../../i18n/i18n.js';
import {
  domainTenant,
  evaluateGuest,
  groupProfile,
  normaliseDomain,
  normaliseEmail,
  type Blocker,
  type GuestDecision,
  type PolicyContext,
} from '../../policy/index.js';
import type { DirectoryUser } from '../../policy/tenantModel.js';
import type { Directory } from '../../ports/directory.js';
import { blockerItems } from '../explanation/blockerItems.js';
import type { UserProfile } from '../shared/identifyUser.js';
import { guestState } from '../guests/listGuests.js';
import { decisionForAsker } from '../explanation/explainAccess.js';
import { lookupGroup, type GroupMiss } from '../shared/lookupGroup.js';
import type { PolicyCache } from '../shared/policyCache.js';

export type CheckOutcome =
  | { kind: 'forbidden' }
  | GroupMiss
  /** Neither an address nor a domain. */
  | { kind: 'invalid'; input: string }
  /** A domain with `in <group>`: a group answer needs one address. */
  | { kind: 'needAddress'; domain: string }
  | { kind: 'decision'; decision: GuestDecision; ctx: PolicyContext; askerMayRequest: boolean }
  /** `card` is built once per settings version, language and address (a few hundred remembered). */
  | { kind: 'address'; view: LayerChainView; card: AdaptiveCardJson };

/** How many address answers are kept per settings version (admins tend to check the same few domains). */
const CHECK_CACHE_SIZE = 500;

/** Administrators and Guest Inviters: the people who answer invitation questions. */
export function mayCheck(actor: UserProfile): boolean {
  return actor.isAdmin || actor.isGuestInviter;
}

/**
 * "check <domain|email> [in <group>]": can this address be invited and added, and where would it stop?
 * With a group, the full decision for that group (as the asker would make the request); without, the invitation
 * layers for the address, SharePoint's domain rules and the groups that take new guests.
 */
export async function checkAddress(
  deps: { directory: Directory; policy: PolicyCache },
  actor: UserProfile,
  input: { target: string; group?: string },
  lang: Language,
): Promise<CheckOutcome> {
  if (!mayCheck(actor)) return { kind: 'forbidden' };
  const target = input.target
    .trim()
    .replace(/^mailto:/i, '')
    .replace(/^<|>$/g, '');
  const email = target.includes('@') ? normaliseEmail(target) : undefined;
  const domain = email ? (email.ok ? email.domain : undefined) : normaliseDomain(target.replace(/^@/, ''));
  if (!domain || (email && !email.ok)) return { kind: 'invalid', input: target };

  const ctx = await deps.policy.current(domain ? [`x@${domain}`] : []);
  if (input.group !== undefined) {
    if (!email?.ok) return { kind: 'needAddress', domain };
    const found = await lookupGroup(deps.directory, input.group);
    if (found.kind !== 'found') return found;
    const key = `${actor.user.id}|${found.group.id}|${email.email}`;
    const answer = deps.policy.remember(ctx, 'decisions', key, () =>
      decisionForAsker(ctx, actor, found.group.id, email.email),
    );
    return { kind: 'decision', ctx, ...answer };
  }
  // The policy's own lookup: by mail or UPN (a guest UPN stands for the address it encodes), normalised.
  const d = email?.ok
    ? evaluateGuest(ctx, { groupId: '', requesterId: '', guestEmail: email.email, perspective: 'anyMember' })
    : undefined;
  const existing = d?.existingUserId !== undefined ? ctx.usersById.get(d.existingUserId) : undefined;
  const shown = d ? d.guestEmail : domain;
  const shownDomain = d ? d.domain : domain;
  // The answer depends only on the settings, the language and the address: kept per settings version.
  const answers = deps.policy.derive(
    ctx,
    'checkAnswers',
    () => new Map<string, Extract<CheckOutcome, { kind: 'address' }>>(),
  );
  const key = `${lang}|${shown}`;
  const known = answers.get(key);
  if (known) return known;
  // Which groups take a new guest depends on the settings only.
  const open = deps.policy.derive(ctx, 'groupsTakingNewGuests', () =>
    ctx.snapshot.groups
      .filter((g) => groupProfile(ctx, g.id)?.newGuest.verdict !== 'blocked')
      .map((g) => escapeMarkdown(g.displayName)),
  );
  const view = addressView(ctx, lang, { shown, domain: shownDomain, existing, open });
  const answer = { kind: 'address' as const, view, card: settleCard(buildLayerChainCard(view)) };
  if (answers.size >= CHECK_CACHE_SIZE) answers.clear();
  answers.set(key, answer);
  return answer;
}

function rowFor(
  ctx: PolicyContext,
  lang: Language,
  domain: string,
  ok: Omit<LayerChainRow, 'fix' | 'icon'>,
  blocked?: Blocker,
): LayerChainRow {
  if (!blocked) return { ...ok, icon: '✓', fix: [] };
  const item = blockerItems(ctx, lang, [blocked], { guestLabel: domain, domain })[0];
  return { ...ok, icon: '⛔', meaning: item.what, fix: item.facts };
}

function addressView(
  ctx: PolicyContext,
  lang: Language,
  a: { shown: string; domain: string; existing?: DirectoryUser; open: readonly string[] },
): LayerChainView {
  const tr = translator(lang);
  const shown = escapeMarkdown(a.shown);
  const domain = escapeMarkdown(a.domain);
  const verdict = ctx.domainVerdict(a.domain);
  const sections: LayerChainSection[] = [];
  const section = (name: string, rows: LayerChainRow[]) =>
    sections.push({ icon: worstIcon(rows.map((r) => r.icon)), name, rows });

  if (a.existing ? a.existing.userType === 'Member' : verdict.internal) {
    section(tr('policy.layer.directory'), [
      {
        icon: 'ℹ️',
        setting: tr('admin.check.internal'),
        value: '',
        meaning: tr('admin.check.internalMeaning', { address: shown }),
        fix: [],
      },
    ]);
    return {
      title: tr('admin.check.title', { address: shown }),
      subtitle: '',
      chain: tr('admin.check.internalChain'),
      sections,
      footer: '',
    };
  }

  if (a.existing) {
    const state = guestState(a.existing);
    const disabled = ctx.disabledAccounts.get(a.existing.id)?.[0];
    const row: LayerChainRow = {
      icon: state === 'disabled' ? '⛔' : 'ℹ️',
      setting: tr('admin.check.existingGuest', { name: escapeMarkdown(a.existing.displayName) }),
      value: '',
      meaning: tr(`admin.guestState.${state}`),
      fix: disabled ? blockerItems(ctx, lang, [disabled], { guestLabel: shown, domain: a.domain })[0].facts : [],
    };
    section(tr('policy.layer.directory'), [
      row,
      {
        icon: 'ℹ️',
        setting: tr('admin.check.noInvitation'),
        value: '',
        meaning: tr('admin.check.noInvitationMeaning'),
        fix: [],
      },
    ]);
  } else {
    const invites = verdict.inviteBlockers;
    const find = (codes: readonly string[]) => invites.find((b) => codes.includes(b.code));
    section(tr('policy.layer.entra'), [
      rowFor(
        ctx,
        lang,
        a.domain,
        {
          setting: tr('admin.setting.allowInvitesFrom'),
          value: escapeMarkdown(
            tr('admin.settings.value', { setting: 'allowInvitesFrom', value: ctx.allowInvitesFrom }),
          ),
          meaning: tr(`policy.value.invites.${ctx.allowInvitesFrom}`),
        },
        find(['INVITES_DISABLED']),
      ),
      rowFor(
        ctx,
        lang,
        a.domain,
        {
          setting: tr('admin.setting.domains'),
          value: '',
          meaning: tr('admin.check.domainAllowed', { domain }),
        },
        find(['DOMAIN_POLICY_CONFLICT', 'DOMAIN_NOT_ALLOWED', 'DOMAIN_BLOCKED']),
      ),
    ]);
    const owner = domainTenant(ctx.crossTenant, a.domain);
    const tenant = owner.kind === 'entra' ? owner.tenant : undefined;
    const partner = tenant ? ctx.crossTenant.partners.get(tenant.tenantId.toLowerCase()) : undefined;
    const tenantName = escapeMarkdown(tenant?.displayName ?? a.domain);
    const access = partner ?? ctx.crossTenant.defaultAccess;
    // A domain without an Entra tenant is outside cross-tenant access settings altogether.
    const crossTenantRow: LayerChainRow =
      owner.kind === 'none'
        ? {
            icon: '✓',
            setting: tr('admin.check.withoutTenant', { domain }),
            value: '',
            meaning: tr('admin.check.notGoverned', { domain }),
            fix: [],
          }
        : rowFor(
            ctx,
            lang,
            a.domain,
            {
              setting: tenant
                ? tr('admin.check.tenant', { tenant: tenantName })
                : tr('admin.check.noTenant', { domain }),
              value: escapeMarkdown(
                tr('admin.settings.value', { setting: partner ? 'partner' : 'default', value: access }),
              ),
              meaning: tr(partner ? 'admin.check.partnerAllowed' : 'admin.check.defaultAllowed', {
                tenant: tenantName,
              }),
            },
            find(['CROSS_TENANT_DEFAULT_BLOCKED', 'CROSS_TENANT_PARTNER_BLOCKED']),
          );
    section(tr('policy.layer.crossTenant'), [crossTenantRow]);
  }

  const spIssue = verdict.siteDomainIssue;
  const spRow: LayerChainRow = spIssue
    ? {
        ...rowFor(
          ctx,
          lang,
          a.domain,
          { setting: tr('admin.setting.sharingDomains'), value: '', meaning: '' },
          spIssue,
        ),
        icon: '⚠️',
      }
    : {
        icon: '✓',
        setting: tr('admin.setting.sharingDomains'),
        value: '',
        meaning: tr('admin.check.siteDomainAllowed', { domain }),
        fix: [],
      };
  section(tr('policy.layer.sharePoint'), [spRow]);

  const open = a.open;
  const stoppedAt = sections.filter((s) => s.icon === '⛔').map((s) => s.name);
  const blockedHere = stoppedAt.length > 0;
  // The row's words and its icon say the same thing: when the invitation is stopped, no group takes this guest now.
  const groupsIcon: ChainIcon =
    open.length === 0 || blockedHere ? '⛔' : open.length < ctx.snapshot.groups.length ? '⚠️' : '✓';
  section(tr('admin.check.groupsLayer'), [
    {
      icon: groupsIcon,
      setting:
        blockedHere || open.length === 0
          ? tr('admin.check.groupsNone')
          : tr('admin.check.groupsOpen', { count: open.length, total: ctx.snapshot.groups.length }),
      value: '',
      meaning: blockedHere
        ? tr('admin.check.groupsAfterFix', { names: open.join(', ') || '—' })
        : open.join(', ') || '—',
      fix: [],
    },
  ]);
  const subtitle = blockedHere
    ? tr('admin.check.subtitleBlocked', { layers: listOf(tr.lang, stoppedAt) })
    : a.existing
      ? tr('admin.check.subtitleExisting')
      : tr('admin.check.subtitle');
  return {
    title: tr('admin.check.title', { address: shown }),
    subtitle,
    chain: sections.map((s) => `${s.icon} ${s.name}`).join(' → '),
    sections,
    footer: tr('admin.check.footer'),
  };
}

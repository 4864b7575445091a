import {
  buildDecisionExplanationCard,
  type DecisionExplanationFact,
  type DecisionExplanationView,
} from '../../cards/decisionExplanationCard.js';
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
import { translator, type Language, type MessageKey, type Translate } from '../../i18n/i18n.js';
import {
  groupProfile,
  tenantLayers,
  type GroupProfile,
  type LayerStatus,
  type NoteCode,
  type PolicyContext,
} from '../../policy/index.js';
import type { TenantLayer } from '../../policy/index.js';
import type { Directory } from '../../ports/directory.js';
import { blockerItems, overviewDecision } from '../explanation/blockerItems.js';
import { decisionView } from '../explanation/explainDecision.js';
import type { UserProfile } from '../shared/identifyUser.js';
import { lookupGroup, type GroupMiss } from '../shared/lookupGroup.js';
import type { PolicyCache } from '../shared/policyCache.js';

export type SettingsOutcome =
  | { kind: 'forbidden' }
  | GroupMiss
  /** `card` is built once per settings version and language. */
  | { kind: 'tenant'; view: LayerChainView; card: AdaptiveCardJson }
  /** `card` is built once per settings version, language and group. */
  | { kind: 'group'; view: DecisionExplanationView; card: AdaptiveCardJson };

/**
 * "settings": every tenant-wide layer with its value, what it means and ✓/⛔, Entra ID down to Teams and SharePoint.
 * "settings <group>": the group's kind, label, own setting, site, team, people, and the verdict for a new guest.
 * Admins only.
 */
export async function describeSettings(
  deps: { directory: Directory; policy: PolicyCache },
  actor: UserProfile,
  groupQuery: string | undefined,
  lang: Language,
): Promise<SettingsOutcome> {
  if (!actor.isAdmin) return { kind: 'forbidden' };
  const ctx = await deps.policy.current();
  if (!groupQuery) {
    return deps.policy.derive(ctx, `settings:${lang}`, () => {
      const view = tenantSettingsView(ctx, lang);
      return { kind: 'tenant' as const, view, card: settleCard(buildLayerChainCard(view)) };
    });
  }
  const found = await lookupGroup(deps.directory, groupQuery);
  if (found.kind !== 'found') return found;
  // One group's answer depends on the settings and the language only; the group count bounds the keys.
  const answer = deps.policy.derive(ctx, `settings:${lang}:${found.group.id}`, () => {
    const profile = groupProfile(ctx, found.group.id);
    if (!profile) return undefined;
    const view = groupSettingsView(profile, ctx, lang);
    return { kind: 'group' as const, view, card: settleCard(buildDecisionExplanationCard(view)) };
  });
  return answer ?? { kind: 'noGroup', query: groupQuery, match: { kind: 'notFound', suggestions: [] } };
}

const LAYER_ORDER: readonly TenantLayer[] = ['entra', 'crossTenant', 'groups', 'label', 'sharePoint', 'teams'];

/** The friendly name of a tenant-wide setting (Graph's name is shown beside it). */
function settingName(tr: Translate, status: LayerStatus): string {
  const s = status.setting;
  const subject = escapeMarkdown(status.subject ?? '');
  if (s === 'authorizationPolicy.allowInvitesFrom') return tr('admin.setting.allowInvitesFrom');
  if (s === 'authorizationPolicy.guestUserRoleId') return tr('admin.setting.guestUserRoleId');
  if (s.startsWith('B2BManagementPolicy')) return tr('admin.setting.domains');
  if (s.startsWith('crossTenantAccessPolicy.default')) return tr('admin.setting.crossTenantDefault');
  if (s.startsWith('crossTenantAccessPolicy.partners')) return tr('admin.setting.crossTenantPartner', { subject });
  if (s === 'Group.Unified.AllowToAddGuests') return tr('admin.setting.allowToAddGuests');
  if (s === 'Group.Unified.AllowGuestsToAccessGroups') return tr('admin.setting.allowGuestsToAccessGroups');
  if (s === 'Group.Unified.EnableMIPLabels') return tr('admin.setting.enableMIPLabels');
  if (s === 'sharePoint.sharingCapability') return tr('admin.setting.sharingCapability');
  if (s === 'sharePoint.sharingDomainRestrictionMode') return tr('admin.setting.sharingDomains');
  if (s === 'CsTeamsClientConfiguration.AllowGuestUser') return tr('admin.setting.teamsGuests');
  return escapeMarkdown(s);
}

// Off, these leave guests in the group but keep them out of a workload (content, team, site): they limit, not stop.
const LIMITS_ONLY: readonly string[] = [
  'GROUP_CONTENT_ACCESS_OFF',
  'TEAMS_GUEST_ACCESS_OFF',
  'SITE_SHARING_ORG_RESTRICTED',
  'SITE_SHARING_SITE_RESTRICTED',
];

/**
 * Settings that stop only some guests (listed domains, one partner) or only limit what guests can use are ⚠️;
 * information-only ones ℹ️; ⛔ is kept for what stops every new guest.
 */
function iconOf(status: LayerStatus): ChainIcon {
  if (status.setting === 'authorizationPolicy.guestUserRoleId' || status.setting === 'Group.Unified.EnableMIPLabels')
    return 'ℹ️';
  // Unknown to the directory (no Graph API): neither ✓ nor ⛔.
  if (status.effect === 'TEAMS_GUESTS_UNVERIFIED') return 'ℹ️';
  if (!status.ok)
    return status.subject !== undefined || (status.fix && LIMITS_ONLY.includes(status.fix.code)) ? '⚠️' : '⛔';
  const partial: readonly string[] = [
    'DOMAINS_ALLOW_LIST',
    'DOMAINS_BLOCK_LIST',
    'SP_DOMAINS_ALLOW_LIST',
    'SP_DOMAINS_BLOCK_LIST',
  ];
  return partial.includes(status.effect) ? '⚠️' : '✓';
}

function valueText(tr: Translate, setting: string, current: string, defaultValue: string): string {
  const value = tr('admin.settings.value', { setting, value: current });
  return escapeMarkdown(
    current === defaultValue ? value : `${value} ${tr('admin.settings.default', { value: defaultValue })}`,
  );
}

export function tenantSettingsView(ctx: PolicyContext, lang: Language): LayerChainView {
  const tr = translator(lang);
  const rows = new Map<TenantLayer, LayerChainRow[]>(LAYER_ORDER.map((l) => [l, []]));
  for (const status of tenantLayers(ctx)) {
    const fix = status.fix ? blockerItems(ctx, lang, [status.fix], { guestLabel: tr('admin.aNewGuest') })[0].facts : [];
    rows.get(status.layer)!.push({
      icon: iconOf(status),
      setting: settingName(tr, status),
      value: valueText(tr, status.setting, status.currentValue, status.defaultValue),
      meaning: tr(`policy.effect.${status.effect}`, { subject: escapeMarkdown(status.subject ?? '') }),
      fix,
    });
  }
  // Each label's own guest setting: it decides for its groups when labels are on.
  const labelsOn = ctx.groupsOrg.enableMIPLabels;
  for (const label of ctx.snapshot.sensitivityLabels ?? []) {
    const name = escapeMarkdown(label.displayName);
    const known = label.allowGuests !== undefined;
    const meaning: MessageKey = !labelsOn
      ? 'admin.settings.labelIgnored'
      : !known
        ? 'admin.settings.labelUnverified'
        : label.allowGuests
          ? 'admin.settings.labelAllows'
          : 'admin.settings.labelBlocks';
    rows.get('label')!.push({
      icon: !labelsOn || !known ? 'ℹ️' : label.allowGuests ? '✓' : '⚠️',
      setting: tr('admin.setting.label', { label: name }),
      value: escapeMarkdown(
        tr('admin.settings.value', {
          setting: 'SiteAndGroupProtectionAllowAccessToGuestUsers',
          value: known ? String(label.allowGuests) : tr('policy.value.sharing.unknown'),
        }),
      ),
      meaning: tr(meaning, { label: name }),
      fix: [],
    });
  }
  const sections: LayerChainSection[] = LAYER_ORDER.filter((l) => rows.get(l)!.length > 0).map((layer) => {
    const layerRows = rows.get(layer)!;
    return { icon: worstIcon(layerRows.map((r) => r.icon)), name: tr(`policy.layer.${layer}`), rows: layerRows };
  });
  return {
    title: tr('admin.settings.title', { tenant: escapeMarkdown(ctx.snapshot.tenant.displayName) }),
    subtitle: tr('admin.settings.subtitle'),
    chain: sections.map((s) => `${s.icon} ${s.name}`).join(' → '),
    sections,
    footer: tr('admin.settings.footer'),
  };
}

function kindText(tr: Translate, p: GroupProfile): string {
  const parts = [tr(`admin.group.kind.${p.kind}`)];
  if (p.dynamic) parts.push(tr('admin.group.dynamic'));
  if (p.onPremises) parts.push(tr('admin.group.onPremises'));
  if (p.vivaEngage) parts.push(tr('admin.group.vivaEngage'));
  return parts.join(' · ');
}

function labelText(tr: Translate, p: GroupProfile): string {
  if (!p.label) return tr('admin.group.noLabel');
  const name = escapeMarkdown(p.label.displayName);
  const key: MessageKey = !p.label.applies
    ? 'admin.group.labelIgnored'
    : p.label.allowGuests === undefined
      ? 'admin.group.labelUnverified'
      : p.label.allowGuests
        ? 'admin.group.labelAllows'
        : 'admin.group.labelBlocks';
  return tr(key, { label: name });
}

function sharingText(tr: Translate, p: GroupProfile): string {
  if (!p.site) return tr('admin.group.noSite');
  return tr('admin.group.site', {
    site: tr(`policy.value.sharing.${p.site.site ?? 'unknown'}`),
    org: tr(`policy.value.sharing.${p.site.org}`),
    effective: tr(`policy.value.sharing.${p.site.effective ?? 'unknown'}`),
  });
}

function names(ctx: PolicyContext, ids: readonly string[]): string {
  const shown = ids.slice(0, 3).map((id) => escapeMarkdown(ctx.usersById.get(id)?.displayName ?? id));
  return ids.length > 3 ? `${shown.join(', ')}, …` : shown.join(', ');
}

/** The group's facts and the verdict for a new guest, in the same card as a single guest's explanation. */
export function groupSettingsView(p: GroupProfile, ctx: PolicyContext, lang: Language): DecisionExplanationView {
  const tr = translator(lang);
  const cg = ctx.groups.get(p.groupId)!;
  const group = escapeMarkdown(p.displayName);
  const notes: NoteCode[] = [];
  if (p.label?.applies && p.groupSetting !== 'inherit') notes.push('LABEL_OVERRIDES_GROUP_SETTING');
  if (p.groupBasedLicensing) notes.push('GROUP_BASED_LICENSING');
  if ([...p.newGuest.blockers, ...p.newGuest.accessIssues].some((b) => b.propagation24h))
    notes.push('SETTINGS_PROPAGATION');
  const decision = overviewDecision({
    guestLabel: tr('admin.aNewGuest'),
    groupId: p.groupId,
    verdict: p.newGuest.verdict,
    blockers: p.newGuest.blockers,
    accessIssues: p.newGuest.accessIssues,
    unverified: p.newGuest.unverified,
    access: p.newGuest.access,
    approval: cg.approversNew,
    notes,
  });
  const view = decisionView(decision, ctx, lang, 'admin');
  const owners = cg.group.owners;
  const facts: DecisionExplanationFact[] = [
    { title: tr('admin.group.fact.kind'), value: kindText(tr, p) },
    { title: tr('admin.group.fact.team'), value: tr(p.hasTeam ? 'admin.yes' : 'admin.no') },
    { title: tr('admin.group.fact.label'), value: labelText(tr, p) },
    { title: tr('admin.group.fact.groupSetting'), value: tr(`admin.group.setting.${p.groupSetting}`) },
    { title: tr('admin.group.fact.site'), value: sharingText(tr, p) },
    {
      title: tr('admin.group.fact.owners'),
      value: owners.length > 0 ? `${owners.length} (${names(ctx, owners)})` : '0',
    },
    { title: tr('admin.group.fact.members'), value: String(p.memberCount) },
    { title: tr('admin.group.fact.guests'), value: String(p.guestCount) },
    { title: tr('admin.group.fact.newGuest'), value: tr(`policy.verdict.${p.newGuest.verdict}`) },
  ];
  const approvers = names(ctx, cg.approversNew.approverIds);
  return {
    ...view,
    title: tr('admin.group.title'),
    headline: tr(`admin.group.headline.${p.newGuest.verdict}`, {
      group,
      names: approvers,
      count: p.newGuest.blockers.length,
    }),
    facts,
  };
}

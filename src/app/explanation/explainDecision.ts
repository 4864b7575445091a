import { escapeMarkdown, inlineCode } from '../../cards/cardTemplate.js';
import type {
  DecisionExplanationFact,
  DecisionExplanationItem,
  DecisionExplanationView,
} from '../../cards/decisionExplanationCard.js';
import { listOf, translator, type Language, type MessageParams, type Translate } from '../../i18n/i18n.js';
import type { Blocker, GuestDecision, NoteCode, PolicyContext, RoleKey, UnverifiedLayer } from '../../policy/index.js';
import type { SharingCapability } from '../../policy/tenantModel.js';

/**
 * Who reads the explanation. Members learn whom to ask (their admins by name); owners also where it is set;
 * admins get how to fix it: the setting and its values, the admin-centre path, PowerShell and Graph.
 */
export type Audience = 'member' | 'owner' | 'admin';

const MAX_NAMES = 3;

/**
 * User and directory text made safe for markdown and cards: markdown escaped, and `${` broken with a markdown
 * escape (`$\{` still shows as `${`) so typed text can never pass for an unexpanded template binding.
 */
function userText(text: string): string {
  return escapeMarkdown(text).replace(/\$\{/g, '$\\{');
}

/** Notes the headline or an access issue already says. */
const SAID_ELSEWHERE: ReadonlySet<NoteCode> = new Set(['ALREADY_MEMBER', 'GUESTS_CANNOT_ACCESS_CONTENT']);
/** Directory visibility is an admin's and owner's concern, not a requester's. */
const NOT_FOR_MEMBERS: ReadonlySet<NoteCode> = new Set([
  'GUEST_DIRECTORY_VISIBILITY_SAME_AS_MEMBERS',
  'GUEST_DIRECTORY_VISIBILITY_LIMITED',
  'GUEST_DIRECTORY_VISIBILITY_RESTRICTED',
  'GROUP_BASED_LICENSING',
]);

/** A decision's shared rendering inputs: translator, escaped names. */
interface Scope {
  tr: Translate;
  ctx: PolicyContext;
  decision: GuestDecision;
  audience: Audience;
  params: MessageParams;
}

/**
 * People as one phrase: "A, B or C" where any one of them is enough (approvers, whom to ask), "A, B and C" where
 * they are listed together; more than MAX_NAMES end in "and 2 others".
 */
function names(scope: Scope, ids: readonly string[], type: 'and' | 'or' = 'or'): string {
  const shown = ids.slice(0, MAX_NAMES).map((id) => userText(scope.ctx.usersById.get(id)?.displayName ?? id));
  if (shown.length === 0) return scope.tr('policy.explain.nobody');
  if (ids.length > MAX_NAMES) shown.push(scope.tr('policy.explain.others', { count: ids.length - MAX_NAMES }));
  return listOf(scope.tr.lang, shown, type);
}

/** Any one of these roles can make the change. */
function roleNames(tr: Translate, roles: readonly RoleKey[]): string {
  return listOf(
    tr.lang,
    roles.map((r) => tr(`policy.role.${r}`)),
    'or',
  );
}

/** Holders of the most specific role that has any; Global Administrators can change everything as a last resort. */
function fixers(ctx: PolicyContext, roles: readonly RoleKey[]): { role: RoleKey; ids: readonly string[] } | undefined {
  for (const role of roles) {
    const ids = ctx.roleHolders.get(role) ?? [];
    if (ids.length > 0) return { role, ids };
  }
  const globals = ctx.roleHolders.get('globalAdmin') ?? [];
  return globals.length > 0 ? { role: 'globalAdmin', ids: globals } : undefined;
}

function ownersOf(scope: Scope): readonly string[] {
  return scope.ctx.groups.get(scope.decision.groupId)?.enabledOwners ?? [];
}

/** "Ask …" for members and owners: people by name. */
function askLine(scope: Scope, b: Blocker): string {
  const { tr } = scope;
  if (b.fixRoles.length === 0) return tr('policy.explain.noFix');
  if (b.fixRoles[0] === 'requester') return tr('policy.explain.checkAddress');
  if (b.fixRoles[0] === 'groupOwner')
    return tr('policy.explain.askOwners', { ...scope.params, names: names(scope, ownersOf(scope)) });
  const who = fixers(scope.ctx, b.fixRoles);
  if (!who) return tr('policy.explain.askRole', { roles: roleNames(tr, b.fixRoles) });
  return tr('policy.explain.ask', { names: names(scope, who.ids), roles: roleNames(tr, [who.role]) });
}

/** "Who: roles (names)" for admins. */
function whoValue(scope: Scope, b: Blocker): string {
  const { tr } = scope;
  if (b.fixRoles.length === 0) return tr('policy.explain.noFix');
  if (b.fixRoles[0] === 'requester') return tr('policy.explain.checkAddress');
  const ids =
    b.fixRoles[0] === 'groupOwner'
      ? ownersOf(scope)
      : [...new Set(b.fixRoles.flatMap((r) => scope.ctx.roleHolders.get(r) ?? []))];
  const roles = roleNames(tr, b.fixRoles);
  return ids.length > 0 ? `${roles} (${names(scope, ids)})` : roles;
}

/** Code spans can't be escaped; the values inside them are ids, URLs and Graph names, so only backticks matter. */
function code(text: string): string {
  return inlineCode(text);
}

function what(scope: Scope, b: Blocker): string {
  const subject = b.subject !== undefined ? userText(b.subject) : '';
  return scope.tr(`policy.reason.${b.code}`, { ...scope.params, subject });
}

function item(scope: Scope, b: Blocker): DecisionExplanationItem {
  const { tr, audience } = scope;
  const facts: DecisionExplanationFact[] = [{ title: tr('policy.card.layer'), value: tr(`policy.layer.${b.layer}`) }];
  if (audience === 'admin') {
    facts.push({ title: tr('policy.card.who'), value: whoValue(scope, b) });
  } else {
    facts.push({ title: tr('policy.card.who'), value: askLine(scope, b) });
  }
  if (audience !== 'member' && b.where.portalKey !== 'none') {
    facts.push({ title: tr('policy.card.where'), value: tr(`policy.portal.${b.where.portalKey}`) });
  }
  if (audience === 'admin') {
    facts.push({
      title: tr('policy.card.change'),
      value: userText(`${b.setting}: ${b.currentValue} → ${b.allowingValue}`),
    });
    if (b.where.powershell) facts.push({ title: tr('policy.card.powershell'), value: userText(b.where.powershell) });
    if (b.where.graph) facts.push({ title: tr('policy.card.graph'), value: userText(b.where.graph) });
  }
  if (audience !== 'member' && b.propagation24h)
    facts.push({ title: tr('policy.card.takesEffect'), value: tr('policy.card.upTo24h') });
  return { what: what(scope, b), facts };
}

function unverifiedWhat(scope: Scope, u: UnverifiedLayer): string {
  const subject = u.subject !== undefined ? userText(u.subject) : '';
  return scope.tr(`policy.unverified.${u.code}`, { ...scope.params, subject });
}

/** An unverified layer: what is unknown, who can look and where; admins also get the setting and the command. */
function unverifiedItem(scope: Scope, u: UnverifiedLayer): DecisionExplanationItem {
  const { tr, audience } = scope;
  const facts: DecisionExplanationFact[] = [{ title: tr('policy.card.layer'), value: tr(`policy.layer.${u.layer}`) }];
  if (audience === 'member') return { what: unverifiedWhat(scope, u), facts };
  facts.push({ title: tr('policy.card.who'), value: roleNames(tr, u.fixRoles) });
  facts.push({ title: tr('policy.card.where'), value: tr(`policy.portal.${u.where.portalKey}`) });
  if (audience === 'admin') {
    facts.push({ title: tr('policy.card.allowingValue'), value: userText(`${u.setting}: ${u.allowingValue}`) });
    if (u.where.powershell) facts.push({ title: tr('policy.card.lookUp'), value: userText(u.where.powershell) });
  }
  return { what: unverifiedWhat(scope, u), facts };
}

function unverifiedLines(scope: Scope, u: UnverifiedLayer): string[] {
  const { tr, audience } = scope;
  const lines = [`- **${tr(`policy.layer.${u.layer}`)}:** ${unverifiedWhat(scope, u)}`];
  if (audience === 'member') return lines;
  lines.push(`  ${tr('policy.explain.who', { roles: roleNames(tr, u.fixRoles) })}`);
  lines.push(`  ${tr('policy.explain.where', { portal: tr(`policy.portal.${u.where.portalKey}`) })}`);
  if (audience === 'admin' && u.where.powershell) {
    lines.push(`  ${tr('policy.explain.powershell', { command: code(u.where.powershell) })}`);
  }
  return lines;
}

/** The markdown lines for one blocker or access issue. */
function blockerLines(scope: Scope, b: Blocker): string[] {
  const { tr, audience } = scope;
  const lines = [`- **${tr(`policy.layer.${b.layer}`)}:** ${what(scope, b)}`];
  if (audience !== 'admin') {
    lines.push(`  ${askLine(scope, b)}`);
    if (audience === 'owner' && b.where.portalKey !== 'none')
      lines.push(`  ${tr('policy.explain.where', { portal: tr(`policy.portal.${b.where.portalKey}`) })}`);
    return lines;
  }
  lines.push(`  ${tr('policy.explain.who', { roles: whoValue(scope, b) })}`);
  if (b.where.portalKey !== 'none')
    lines.push(`  ${tr('policy.explain.where', { portal: tr(`policy.portal.${b.where.portalKey}`) })}`);
  lines.push(
    `  ${tr('policy.explain.change', { setting: code(b.setting), current: code(b.currentValue), allowing: code(b.allowingValue) })}`,
  );
  if (b.where.powershell) lines.push(`  ${tr('policy.explain.powershell', { command: code(b.where.powershell) })}`);
  if (b.where.graph) lines.push(`  ${tr('policy.explain.graph', { call: code(b.where.graph) })}`);
  if (b.propagation24h) lines.push(`  ${tr('policy.explain.propagation')}`);
  return lines;
}

function sharingLabel(tr: Translate, level: SharingCapability | undefined): string {
  return level ? tr(`policy.value.sharing.${level}`) : '';
}

function headline(scope: Scope): string {
  const { tr, decision: d, params } = scope;
  switch (d.verdict) {
    case 'addNow':
      return tr(d.invitation === 'required' ? 'policy.headline.addNowInvite' : 'policy.headline.addNow', params);
    case 'needsApproval':
      return tr('policy.headline.needsApproval', { ...params, names: names(scope, d.approval.approverIds) });
    case 'nothingToDo':
      return tr(
        d.notes.includes('INTERNAL_ADDRESS') ? 'policy.headline.internal' : 'policy.headline.alreadyMember',
        params,
      );
    case 'blocked':
      if (d.blockers[0]?.code === 'ADDRESS_INVALID') return tr('policy.headline.invalid', params);
      if (d.blockers.some((b) => b.code === 'GROUP_NOT_FOUND')) return tr('policy.headline.groupNotFound', params);
      return d.blockers.length === 1
        ? tr('policy.headline.blockedOne', params)
        : tr('policy.headline.blockedMany', { ...params, count: d.blockers.length });
  }
}

function approvalText(scope: Scope): string {
  const { decision: d, tr } = scope;
  const reason = d.approval.reasonCode;
  if (d.verdict !== 'addNow' && d.verdict !== 'needsApproval') return '';
  if (!reason || reason === 'OWNERS_APPROVE') return '';
  return tr(`policy.approval.${reason}`, { ...scope.params, names: names(scope, d.approval.approverIds) });
}

function accessLines(scope: Scope): string[] {
  const { decision: d, tr } = scope;
  if (d.verdict === 'nothingToDo' && d.notes.includes('INTERNAL_ADDRESS')) return [];
  if (d.blockers.some((b) => b.code === 'ADDRESS_INVALID' || b.code === 'GROUP_NOT_FOUND')) return [];
  const level = sharingLabel(tr, d.access.siteEffective);
  return [
    tr(`policy.access.groupContent.${d.access.groupContent}`),
    tr(`policy.access.team.${d.access.team}`),
    tr(`policy.access.site.${d.access.site}`, { level }),
  ];
}

function noteLines(scope: Scope): string[] {
  const { decision: d, tr, audience } = scope;
  return d.notes
    .filter((n) => !SAID_ELSEWHERE.has(n) && (audience !== 'member' || !NOT_FOR_MEMBERS.has(n)))
    .map((n) => tr(`policy.note.${n}`, scope.params));
}

function scopeOf(decision: GuestDecision, ctx: PolicyContext, lang: Language, audience: Audience): Scope {
  const group = ctx.groups.get(decision.groupId)?.group.displayName ?? decision.groupId;
  const requester = ctx.usersById.get(decision.requesterId)?.displayName ?? decision.requesterId;
  return {
    tr: translator(lang),
    ctx,
    decision,
    audience,
    params: {
      guest: userText(decision.guestEmail),
      domain: userText(decision.domain),
      group: userText(group),
      requester: userText(requester),
    },
  };
}

/** A decision as a card view model: translated, user text escaped. */
export function decisionView(
  decision: GuestDecision,
  ctx: PolicyContext,
  lang: Language,
  audience: Audience,
): DecisionExplanationView {
  const scope = scopeOf(decision, ctx, lang, audience);
  const { tr, params } = scope;
  const facts: DecisionExplanationFact[] = [
    { title: tr('policy.card.guest'), value: String(params.guest) },
    { title: tr('policy.card.group'), value: String(params.group) },
    { title: tr('policy.card.verdict'), value: tr(`policy.verdict.${decision.verdict}`) },
  ];
  if (decision.verdict === 'needsApproval')
    facts.push({ title: tr('policy.card.approvers'), value: names(scope, decision.approval.approverIds) });
  if (decision.verdict === 'addNow' || decision.verdict === 'needsApproval') {
    facts.push({
      title: tr('policy.card.invitation'),
      value: tr(
        decision.invitation === 'required' ? 'policy.card.invitationRequired' : 'policy.card.invitationNotNeeded',
      ),
    });
  }
  return {
    verdict: decision.verdict,
    headlineColor:
      decision.verdict === 'addNow'
        ? 'Good'
        : decision.verdict === 'blocked'
          ? 'Attention'
          : decision.verdict === 'needsApproval'
            ? 'Warning'
            : 'Default',
    title: tr('policy.card.title'),
    headline: headline(scope),
    approvalText: approvalText(scope),
    facts,
    blockersTitle: tr('policy.explain.blockers'),
    blockers: decision.blockers.map((b) => item(scope, b)),
    accessTitle: tr('policy.explain.access', params),
    access: accessLines(scope).map((text) => ({ text })),
    accessIssuesTitle: tr('policy.explain.accessIssues', params),
    accessIssues: decision.accessIssues.map((b) => item(scope, b)),
    unverifiedTitle: tr('policy.explain.unverified'),
    unverified: (decision.unverified ?? []).map((u) => unverifiedItem(scope, u)),
    notesTitle: tr('policy.explain.notes'),
    notes: noteLines(scope).map((text) => ({ text })),
  };
}

/**
 * What a guest who was just added can use, as chat markdown: access per workload, what limits it, and the notes.
 * No headline: the caller has already said "added" (a decision's headline speaks of what could be done).
 */
export function explainAfterAdding(
  decision: GuestDecision,
  ctx: PolicyContext,
  lang: Language,
  audience: Audience,
): string {
  const scope = scopeOf(decision, ctx, lang, audience);
  return sectionLines(scope).join('\n').trim();
}

/** The access, access issues and notes sections shared by the explanations. */
function sectionLines(scope: Scope): string[] {
  const { tr, params, decision } = scope;
  const lines: string[] = [];
  const access = accessLines(scope);
  if (access.length > 0) {
    lines.push('', `**${tr('policy.explain.access', params)}**`);
    for (const a of access) lines.push(`- ${a}`);
  }
  if (decision.accessIssues.length > 0) {
    lines.push('', `**${tr('policy.explain.accessIssues', params)}**`);
    for (const b of decision.accessIssues) lines.push(...blockerLines(scope, b));
  }
  const unverified = decision.unverified ?? [];
  if (unverified.length > 0) {
    lines.push('', `**${tr('policy.explain.unverified')}**`);
    for (const u of unverified) lines.push(...unverifiedLines(scope, u));
  }
  const notes = noteLines(scope);
  if (notes.length > 0) {
    lines.push('', `**${tr('policy.explain.notes')}**`);
    for (const n of notes) lines.push(`- ${n}`);
  }
  return lines;
}

/**
 * A decision as chat markdown: the headline on the first line (callers may show only that), then why these
 * approvers, the blockers with what/who/where, the access after joining with what limits it, and the notes.
 */
export function explainDecision(
  decision: GuestDecision,
  ctx: PolicyContext,
  lang: Language,
  audience: Audience,
): string {
  const scope = scopeOf(decision, ctx, lang, audience);
  const { tr, params } = scope;
  const lines = [headline(scope)];
  const approval = approvalText(scope);
  if (approval) lines.push(approval);
  if (decision.verdict !== 'blocked' && decision.invitation === 'required')
    lines.push(tr('policy.explain.invitation', params));
  if (decision.blockers.length > 0) {
    lines.push('', `**${tr('policy.explain.blockers')}**`);
    for (const b of decision.blockers) lines.push(...blockerLines(scope, b));
  }
  lines.push(...sectionLines(scope));
  return lines.join('\n');
}

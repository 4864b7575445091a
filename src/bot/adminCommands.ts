import { CardFactory, MessageFactory } from 'botbuilder';
import { auditTrail, AUDIT_MAX_COUNT, type AuditLine } from '../app/audit/auditTrail.js';
import { checkAddress, mayCheck } from '../app/admin/checkAddress.js';
import { describeSettings } from '../app/admin/describeSettings.js';
import { explainAccess } from '../app/explanation/explainAccess.js';
import { decisionView, type Audience } from '../app/explanation/explainDecision.js';
import { listGuests } from '../app/guests/listGuests.js';
import type { GroupMiss } from '../app/shared/lookupGroup.js';
import { formatDate, safe } from '../app/requests/presentRequest.js';
import { prepareGuestRemoval } from '../app/guests/removeGuest.js';
import { whatIf, WHATIF_SYNTAX, type ChangeSummary, type WhatIfDifferences } from '../app/admin/whatIf.js';
import { inlineCode, type AdaptiveCardJson } from '../cards/cardTemplate.js';
import { settleCard } from '../cards/settledCard.js';
import { buildDecisionExplanationCard, type DecisionExplanationView } from '../cards/decisionExplanationCard.js';
import { listOf, type Language, type MessageKey, type Translate } from '../i18n/i18n.js';
import type { RoleKey } from '../policy/index.js';
import { layerOf, type GuestDecision, type PolicyContext, type ReasonCode } from '../policy/index.js';
import { removeGuestCard } from './adminCardActions.js';
import { audienceOf } from './audience.js';
import type { BotDeps } from './botDeps.js';
import type { Command, UsageTopic } from './commands/parseCommand.js';
import type { CommandHandlers, Turn } from './turn.js';

/** Who may use the admin commands, and `check`: role names from the one role table, "A or B". */
const ADMIN_ROLES: readonly RoleKey[] = ['globalAdmin', 'userAdmin'];
const CHECK_ROLES: readonly RoleKey[] = ['globalAdmin', 'userAdmin', 'guestInviter'];
const roleList = (tr: Translate, roles: readonly RoleKey[]) =>
  listOf(
    tr.lang,
    roles.map((r) => tr(`policy.role.${r}`)),
    'or',
  );

type Of<K extends Command['kind']> = Extract<Command, { kind: K }>;

const MAX_LINES = 30;
const REQUEST_STATES = new Set([
  'pending',
  'approved',
  'provisioning',
  'completed',
  'failed',
  'rejected',
  'cancelled',
  'expired',
]);

/** The display name of the group a decision is about. */
function groupName(outcome: { decision: { groupId: string }; ctx: PolicyContext }): string {
  return outcome.ctx.groups.get(outcome.decision.groupId)?.group.displayName ?? outcome.decision.groupId;
}

/**
 * A decision's explanation card, built once per settings version, decision (requester, group, guest), language and
 * audience: the same question answers from the cache until the directory changes.
 */
function explanationCard(
  deps: BotDeps,
  outcome: { decision: GuestDecision; ctx: PolicyContext },
  lang: Language,
  audience: Audience,
): { view: DecisionExplanationView; card: AdaptiveCardJson } {
  const { decision, ctx } = outcome;
  const key = `${lang}|${audience}|${decision.requesterId}|${decision.groupId}|${decision.guestEmail}`;
  return deps.policy.remember(ctx, 'explanationCards', key, () => {
    const view = decisionView(decision, ctx, lang, audience);
    return { view, card: settleCard(buildDecisionExplanationCard(view)) };
  });
}

async function sendCard(turn: Turn, card: AdaptiveCardJson, summary: string): Promise<void> {
  const message = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  message.summary = summary;
  await turn.context.sendActivity(message);
}

/** "I can't find …, did you mean …" or "… matches several groups". */
function groupMissText(tr: Translate, miss: GroupMiss): string {
  const query = safe(miss.query);
  // Which one did they mean: "A, B or C".
  const names = (groups: { displayName: string }[]) =>
    listOf(
      tr.lang,
      groups.map((g) => `**${safe(g.displayName)}**`),
      'or',
    );
  if (miss.match.kind === 'ambiguous')
    return tr('request.groupAmbiguous', { query, names: names(miss.match.candidates) });
  const lines = [tr('request.groupNotFound', { query })];
  if (miss.match.suggestions.length > 0)
    lines.push(tr('request.groupSuggestions', { names: names(miss.match.suggestions) }));
  return lines.join(' ');
}

function refuseAdmins(turn: Turn, command: 'settings' | 'whatif' | 'audit'): Promise<unknown> {
  const { tr } = turn.user;
  return turn.context.sendActivity(
    tr('admin.refuse.admins', { command: tr(`admin.command.${command}`), roles: roleList(tr, ADMIN_ROLES) }),
  );
}

const USAGE: Record<Exclude<UsageTopic, 'whatif'>, MessageKey> = {
  why: 'common.help.why',
  guests: 'common.help.guests',
  removeGuest: 'common.help.remove',
  check: 'common.help.check',
  cancelRequest: 'common.help.cancel',
  resendInvitation: 'guests.help.resend',
  deleteGuest: 'guests.help.delete',
};

function whatIfUsage(tr: Translate): string {
  return tr('admin.whatif.usage', { settings: WHATIF_SYNTAX.map((s) => `- \`${inlineCode(s)}\``).join('\n') });
}

function verdictWord(tr: Translate, verdict: string): string {
  return tr(`policy.verdict.${verdict}` as MessageKey);
}

function blockedBy(tr: Translate, codes: readonly ReasonCode[]): string {
  const layers = [...new Set(codes.map((c) => tr(`policy.layer.${layerOf(c)}`)))];
  return tr('admin.whatif.blockedBy', { layers: layers.join(', ') });
}

function capped(lines: string[], tr: Translate): string[] {
  return lines.length <= MAX_LINES
    ? lines
    : [...lines.slice(0, MAX_LINES), `- ${tr('admin.whatif.more', { count: lines.length - MAX_LINES })}`];
}

/** The whatif answer as chat text: the change, then every group and waiting guest whose answer would change. */
function whatIfText(tr: Translate, summary: ChangeSummary, diff: WhatIfDifferences): string {
  const code = inlineCode;
  const params = { setting: code(summary.setting), from: code(summary.from), to: code(summary.to) };
  const lines = [
    summary.subject
      ? tr('admin.whatif.titleFor', { ...params, subject: safe(summary.subject) })
      : tr('admin.whatif.title', params),
  ];
  lines.push(tr('admin.whatif.simulation'));
  if (summary.replacesOtherList) lines.push(tr('admin.whatif.replaces'));
  if (diff.groups.length === 0 && diff.requests.length === 0) {
    lines.push(
      '',
      summary.from === summary.to
        ? tr('admin.whatif.unchanged', { setting: params.setting, value: params.to })
        : tr('admin.whatif.nothing', { groups: diff.groupsCompared, guests: diff.guestsCompared }),
    );
    return lines.join('\n');
  }
  if (diff.groups.length > 0) {
    lines.push('', `**${tr('admin.whatif.groupsTitle', { count: diff.groups.length, total: diff.groupsCompared })}**`);
    const groupLines = diff.groups.map((g) => {
      const changes: string[] = [];
      if (g.before !== g.after) {
        const verdict = tr('admin.whatif.verdict', {
          before: verdictWord(tr, g.before),
          after: verdictWord(tr, g.after),
        });
        changes.push(g.after === 'blocked' ? `${verdict} (${blockedBy(tr, g.blockersAfter)})` : verdict);
      }
      for (const a of g.access) {
        changes.push(
          tr('admin.whatif.workload', {
            workload: tr(`admin.whatif.workload.${a.workload}`),
            before: tr(`admin.whatif.access.${a.before}`),
            after: tr(`admin.whatif.access.${a.after}`),
          }),
        );
      }
      return `- ${tr('admin.whatif.group', { group: safe(g.displayName), changes: changes.join('; ') })}`;
    });
    lines.push(...capped(groupLines, tr));
  }
  if (diff.requests.length > 0) {
    lines.push(
      '',
      `**${tr('admin.whatif.requestsTitle', { count: diff.requests.length, total: diff.guestsCompared })}**`,
    );
    const requestLines = diff.requests.map((r) => {
      const line = tr('admin.whatif.request', {
        id: r.requestId,
        guest: safe(r.guestEmail, 320),
        group: safe(r.displayName),
        before: verdictWord(tr, r.before),
        after: verdictWord(tr, r.after),
      });
      return `- ${r.after === 'blocked' ? `${line} (${blockedBy(tr, r.blockersAfter)})` : line}`;
    });
    lines.push(...capped(requestLines, tr));
  }
  return lines.join('\n');
}

function stateWord(tr: Translate, state: string | undefined): string {
  if (state === undefined) return '';
  if (state === 'none') return tr('admin.audit.state.none');
  return REQUEST_STATES.has(state) ? tr(`request.word.${state}` as MessageKey) : safe(state);
}

function auditLineText(tr: Translate, lang: Turn['user']['lang'], line: AuditLine, timeZone: string): string {
  const actor =
    line.actorId === 'system' ? tr('admin.audit.system') : safe(line.actorName ?? tr('request.unknownUser'));
  const group = safe(line.subjectName ?? line.subjectId);
  // The address is what an admin looks for; the name beside it when it says more.
  const mail = line.guestMail ? safe(line.guestMail, 320) : undefined;
  const address = (line.guestMail ?? '').toLowerCase();
  // A name that only repeats the address (or its local part, as for new guests) adds nothing.
  const repeats =
    !!line.guestName && !!address && [address, address.split('@')[0]].includes(line.guestName.toLowerCase());
  const name = line.guestName && !repeats ? safe(line.guestName) : undefined;
  const guest = mail && name ? `${name} (${mail})` : (mail ?? name ?? tr('admin.audit.aGuest'));
  let what: string;
  switch (line.action) {
    case 'request.transition':
      what = tr('admin.audit.transition', {
        subject: safe(line.subjectId),
        from: stateWord(tr, line.from),
        to: stateWord(tr, line.to),
      });
      break;
    case 'guest.added':
      what = tr('admin.audit.guestAdded', { guest, group });
      break;
    case 'guest.removed':
      what = tr('admin.audit.guestRemoved', { guest, group });
      break;
    case 'request.reminder':
      what = tr('admin.audit.reminder', { subject: safe(line.subjectId) });
      break;
    case 'guest.deleted':
      what = tr('guests.audit.deleted', { guest });
      break;
    case 'guest.invitationResent':
      what = tr('guests.audit.resent', { guest });
      break;
    case 'review.kept':
      what = tr('guests.audit.reviewKept', { guest, group });
      break;
    case 'review.removed':
      what = tr('guests.audit.reviewRemoved', { guest, group });
      break;
    case 'review.closed':
      what = tr('guests.audit.reviewClosed', { group });
      break;
    case 'review.cycleStarted':
      what = tr('guests.audit.cycleStarted');
      break;
    default:
      what = tr('admin.audit.other', { action: safe(line.action), subject: group });
  }
  return tr('admin.audit.line', { at: formatDate(lang, line.at, timeZone), actor, what });
}

/** settings, check, why, whatif, guests, remove guest, audit (and the Dutch forms, via the parser). */
export function adminCommands(deps: BotDeps): CommandHandlers {
  return {
    settings: async (turn: Turn, command: Of<'settings'>) => {
      const { tr, lang, profile } = turn.user;
      const outcome = await describeSettings(deps, profile, command.group, lang);
      switch (outcome.kind) {
        case 'forbidden':
          await refuseAdmins(turn, 'settings');
          return;
        case 'noGroup':
          await turn.context.sendActivity(groupMissText(tr, outcome));
          return;
        case 'tenant':
          await sendCard(turn, outcome.card, outcome.view.chain);
          return;
        case 'group':
          await sendCard(turn, outcome.card, outcome.view.headline);
      }
    },

    check: async (turn: Turn, command: Of<'check'>) => {
      const { tr, lang, profile } = turn.user;
      const outcome = await checkAddress(deps, profile, { target: command.target, group: command.group }, lang);
      switch (outcome.kind) {
        case 'forbidden':
          await turn.context.sendActivity(tr('admin.refuse.check', { roles: roleList(tr, CHECK_ROLES) }));
          return;
        case 'noGroup':
          await turn.context.sendActivity(groupMissText(tr, outcome));
          return;
        case 'invalid':
          await turn.context.sendActivity(tr('admin.check.invalid', { input: safe(outcome.input) }));
          return;
        case 'needAddress':
          await turn.context.sendActivity(tr('admin.check.needAddress', { domain: safe(outcome.domain) }));
          return;
        case 'decision': {
          if (!outcome.askerMayRequest)
            await turn.context.sendActivity(tr('admin.why.notYours', { group: safe(groupName(outcome)) }));
          const { view, card } = explanationCard(deps, outcome, lang, profile.isAdmin ? 'admin' : 'owner');
          await sendCard(turn, card, view.headline);
          return;
        }
        case 'address':
          await sendCard(turn, outcome.card, outcome.view.chain);
      }
    },

    why: async (turn: Turn, command: Of<'why'>) => {
      const { tr, lang, profile } = turn.user;
      const outcome = await explainAccess(deps, profile, { guest: command.guest, group: command.group });
      switch (outcome.kind) {
        case 'noGroup':
          await turn.context.sendActivity(groupMissText(tr, outcome));
          return;
        case 'invalidAddress':
          await turn.context.sendActivity(tr('admin.why.invalid', { address: safe(outcome.address) }));
          return;
        case 'decision': {
          if (!outcome.askerMayRequest)
            await turn.context.sendActivity(tr('admin.why.notYours', { group: safe(groupName(outcome)) }));
          const audience = audienceOf(profile, outcome.decision.groupId);
          const { view, card } = explanationCard(deps, outcome, lang, audience);
          await sendCard(turn, card, view.headline);
        }
      }
    },

    whatif: async (turn: Turn, command: Of<'whatif'>) => {
      const { tr, profile } = turn.user;
      const outcome = await whatIf(deps, profile, command.args);
      switch (outcome.kind) {
        case 'forbidden':
          await refuseAdmins(turn, 'whatif');
          return;
        case 'usage':
          await turn.context.sendActivity(
            outcome.setting
              ? tr('admin.whatif.badValue', {
                  setting: safe(outcome.setting),
                  value: safe(outcome.value ?? ''),
                  expected: inlineCode(outcome.expected ?? ''),
                })
              : whatIfUsage(tr),
          );
          return;
        case 'notFound':
          await turn.context.sendActivity(
            tr(`admin.whatif.notFound.${outcome.what}`, {
              query: safe(outcome.query),
              names: outcome.suggestions.map((n) => `**${safe(n)}**`).join(', ') || '—',
            }),
          );
          return;
        case 'compared':
          await turn.context.sendActivity(whatIfText(tr, outcome.summary, outcome.differences));
      }
    },

    guests: async (turn: Turn, command: Of<'guests'>) => {
      const { tr, profile } = turn.user;
      const outcome = await listGuests(deps, profile, command.group);
      if (outcome.kind === 'noGroup') {
        await turn.context.sendActivity(groupMissText(tr, outcome));
        return;
      }
      const group = safe(outcome.group.displayName);
      if (outcome.kind === 'forbidden') {
        await turn.context.sendActivity(tr('admin.refuse.owners', { group }));
        return;
      }
      const lines: string[] = [];
      if (outcome.guests.length === 0) lines.push(tr('admin.guests.none', { group }));
      else {
        lines.push(tr('admin.guests.title', { group, count: outcome.guests.length }), '');
        for (const g of outcome.guests) {
          lines.push(
            `- ${tr('admin.guests.item', { name: safe(g.displayName), mail: safe(g.mail, 320), state: tr(`admin.guestState.${g.state}`) })}`,
          );
        }
      }
      if (outcome.waiting.length > 0) {
        lines.push('', tr('admin.guests.waitingTitle'), '');
        for (const w of outcome.waiting)
          lines.push(`- ${tr('admin.guests.waiting', { email: safe(w.email, 320), id: w.requestId })}`);
      }
      if (outcome.guests.length > 0) lines.push('', tr('admin.guests.removeHint', { group }));
      await turn.context.sendActivity(lines.join('\n'));
    },

    removeGuest: async (turn: Turn, command: Of<'removeGuest'>) => {
      const { tr, profile } = turn.user;
      const outcome = await prepareGuestRemoval(deps, profile, { guest: command.guest, group: command.group });
      if (outcome.kind === 'noGroup') {
        await turn.context.sendActivity(groupMissText(tr, outcome));
        return;
      }
      const group = safe(outcome.group.displayName);
      switch (outcome.kind) {
        case 'forbidden':
          await turn.context.sendActivity(tr('admin.refuse.owners', { group }));
          return;
        case 'invalidAddress':
          await turn.context.sendActivity(tr('request.invalidAddress', { address: safe(outcome.address) }));
          return;
        case 'notMember':
          await turn.context.sendActivity(tr('admin.remove.notMember', { address: safe(outcome.address, 320), group }));
          return;
        case 'notGuest':
          await turn.context.sendActivity(tr('admin.remove.notGuest', { name: safe(outcome.user.displayName) }));
          return;
        case 'unmanaged':
          await turn.context.sendActivity(tr(`policy.reason.${outcome.reason}`, { group }));
          return;
        case 'confirm':
          await sendCard(turn, removeGuestCard(tr, 'confirm', outcome.group, outcome.guest), tr('admin.remove.title'));
      }
    },

    audit: async (turn: Turn, command: Of<'audit'>) => {
      const { tr, lang, profile } = turn.user;
      const outcome = await auditTrail(deps, profile, command.count);
      if (outcome.kind === 'forbidden') {
        await refuseAdmins(turn, 'audit');
        return;
      }
      if (outcome.lines.length === 0) {
        await turn.context.sendActivity(tr('admin.audit.none'));
        return;
      }
      const lines = [
        outcome.lines.length === 1
          ? tr('admin.audit.titleOne')
          : tr('admin.audit.title', { count: outcome.lines.length }),
      ];
      if ((command.count ?? 0) > AUDIT_MAX_COUNT) lines.push(tr('admin.audit.capped', { max: AUDIT_MAX_COUNT }));
      lines.push('', ...outcome.lines.map((l) => `- ${auditLineText(tr, lang, l, turn.user.timeZone)}`));
      await turn.context.sendActivity(lines.join('\n'));
    },

    usage: async (turn: Turn, command: Of<'usage'>) => {
      const { tr, profile } = turn.user;
      if (command.command === 'whatif') {
        if (!profile.isAdmin) await refuseAdmins(turn, 'whatif');
        else await turn.context.sendActivity(whatIfUsage(tr));
        return;
      }
      if (command.command === 'deleteGuest' && !profile.isAdmin) {
        await turn.context.sendActivity(tr('delete.refuse'));
        return;
      }
      if (command.command === 'check' && !mayCheck(profile)) {
        await turn.context.sendActivity(tr('admin.refuse.check', { roles: roleList(tr, CHECK_ROLES) }));
        return;
      }
      await turn.context.sendActivity(tr('admin.usage', { syntax: tr(USAGE[command.command]) }));
    },
  };
}

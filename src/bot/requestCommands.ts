import { decideRequest } from '../app/requests/decideRequest.js';
import { displayName, formatDate, guestList, safe, stateWord } from '../app/requests/presentRequest.js';
import { requestGuests } from '../app/requests/requestGuests.js';
import { normaliseRequestId } from '../app/requests/requestId.js';
import type { Command } from './commands/parseCommand.js';
import { useCaseDeps, type BotDeps } from './botDeps.js';
import { INVITE_DIALOG, type InviteDialogOptions } from './dialogs/inviteDialog.js';
import { sendRequestOutcome } from './requestResponses.js';
import type { CommandHandlers, Turn } from './turn.js';
import { listOf } from '../i18n/i18n.js';

type Invite = Extract<Command, { kind: 'invite' }>;

/** For admins: open requests with approvers Teams refused (app not installed), so someone can install it or step in. */
async function sendUnreachable(turn: Turn, deps: BotDeps): Promise<void> {
  const { tr } = turn.user;
  const stuck = (await deps.requests.list({ states: ['pending'] })).filter((r) => (r.unreachable ?? []).length > 0);
  if (stuck.length === 0) return;
  const lines = [`**${tr('teams.unreachable.pendingTitle')}**`, ''];
  for (const r of stuck.slice(0, 20)) {
    const group = await deps.directory.getGroup(r.groupId);
    const names = await Promise.all(
      (r.unreachable ?? []).map(async (u) => safe(await displayName(deps.directory, tr, u.userId))),
    );
    const params = { id: r.id, group: safe(group?.displayName ?? r.groupId), names: names.join(', ') };
    lines.push(`- ${tr('teams.unreachable.pendingItem', params)}`);
  }
  lines.push('', tr('teams.unreachable.pendingHint'));
  await turn.context.sendActivity(lines.join('\n'));
}

/** invite, my requests, cancel <id>, pending (and their Dutch forms, via the parser). */
export function requestCommands(deps: BotDeps): CommandHandlers {
  return {
    invite: async (turn: Turn, command: Invite) => {
      const { profile } = turn.user;
      const options: InviteDialogOptions = {
        group: command.group,
        guests: command.guests,
        justification: command.justification,
      };
      if (!command.group || command.guests.length === 0) {
        await (await turn.dialogs()).beginDialog(INVITE_DIALOG, options);
        return;
      }
      const outcome = await requestGuests(useCaseDeps(deps), {
        requester: profile,
        groupQuery: command.group,
        guests: command.guests,
        justification: command.justification,
        requesterCardInReply: true,
      });
      if (outcome.kind === 'justificationRequired') {
        // Nothing was stored: ask for the reason, then the dialog submits the whole request.
        await (await turn.dialogs()).beginDialog(INVITE_DIALOG, options);
        return;
      }
      await sendRequestOutcome(turn.context, turn.user, outcome, deps);
    },

    myRequests: async (turn: Turn) => {
      const { tr, lang } = turn.user;
      const mine = (await deps.requests.list({ requesterId: turn.user.profile.user.id })).slice(0, 20);
      if (mine.length === 0) {
        await turn.context.sendActivity(tr('request.list.none'));
        return;
      }
      const lines = [`**${tr('request.list.mineTitle')}**`, ''];
      for (const r of mine) {
        const group = await deps.directory.getGroup(r.groupId);
        lines.push(
          `- ${tr('request.list.item', { id: r.id, group: safe(group?.displayName ?? r.groupId), guests: safe(guestList(r, lang), 300), state: stateWord(tr, r.state), date: formatDate(lang, r.createdAt, turn.user.timeZone) })}`,
        );
      }
      await turn.context.sendActivity(lines.join('\n'));
    },

    pending: async (turn: Turn) => {
      const { tr } = turn.user;
      const userId = turn.user.profile.user.id;
      const waiting = (await deps.requests.list({ approverId: userId, states: ['pending'] })).filter(
        (r) => r.requesterId !== userId,
      );
      if (waiting.length === 0) {
        await turn.context.sendActivity(tr('request.list.nonePending'));
      } else {
        await turn.context.sendActivity(`**${tr('request.list.pendingTitle')}**`);
      }
      // The cards themselves, so the approver can decide right here.
      for (const r of waiting.slice(0, 10)) {
        const message = await deps.worker.cardFor(r, userId);
        const sent = await turn.context.sendActivity({
          attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: message.card }],
          summary: message.text,
        });
        // This copy is updated with the others after the decision, so it never offers Approve on a decided request.
        if (sent?.id) {
          const copy = {
            userId,
            conversationId: turn.context.activity.conversation.id,
            activityId: sent.id,
            role: 'approver' as const,
          };
          await deps.requests.update(r.id, (current) => ({ ...current, cards: [...current.cards, copy] }));
        }
      }
      if (waiting.length > 10) {
        await turn.context.sendActivity(
          tr('request.list.more', {
            count: waiting.length - 10,
            ids: listOf(
              tr.lang,
              waiting.slice(10).map((r) => r.id),
            ),
          }),
        );
      }
      if (turn.user.profile.isAdmin) await sendUnreachable(turn, deps);
    },

    cancelRequest: async (turn: Turn, command: Extract<Command, { kind: 'cancelRequest' }>) => {
      const { tr } = turn.user;
      const id = normaliseRequestId(command.requestId);
      const outcome = await decideRequest(useCaseDeps(deps), {
        actorId: turn.user.profile.user.id,
        requestId: id,
        action: 'cancel',
      });
      switch (outcome.kind) {
        case 'done':
          await turn.context.sendActivity(tr('request.cancelled', { id }));
          return;
        case 'notFound':
          await turn.context.sendActivity(tr('request.action.notFound'));
          return;
        case 'forbidden':
          // Someone else's request: say no more than that it isn't theirs to cancel.
          await turn.context.sendActivity(tr('request.action.forbiddenCancel'));
          return;
        case 'alreadyDecided':
        case 'blockedNow':
          await turn.context.sendActivity(tr('request.action.alreadyState', { state: outcome.request.state }));
      }
    },
  };
}

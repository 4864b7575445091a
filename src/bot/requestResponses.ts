import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { explainAfterAdding, decisionView } from '../app/explanation/explainDecision.js';
import type { RequestGuestsOutcome } from '../app/requests/requestGuests.js';
import { escapeMarkdown } from '../cards/cardTemplate.js';
import { buildDecisionExplanationCard } from '../cards/decisionExplanationCard.js';
import type { GuestRequest } from '../domain/guestRequest.js';
import type { BotDeps } from './botDeps.js';
import { displayName } from '../app/requests/presentRequest.js';
import { failureText } from '../app/shared/failure.js';
import { audienceOf } from './audience.js';
import type { TurnUser } from './turn.js';
import { listOf } from '../i18n/i18n.js';

/** Groups the user may have meant: "A, B or C". */
const names = (tr: TurnUser['tr'], groups: { displayName: string }[]) =>
  listOf(
    tr.lang,
    groups.map((g) => `**${escapeMarkdown(g.displayName)}**`),
    'or',
  );

/** Tells the user what happened to each guest they asked for: added, waiting, blocked (with the why), or nothing to do. */
export async function sendRequestOutcome(
  context: TurnContext,
  user: TurnUser,
  outcome: RequestGuestsOutcome,
  deps: BotDeps,
): Promise<void> {
  const { tr, lang } = user;
  const { directory } = deps;
  const ctx = await deps.policy.current();
  switch (outcome.kind) {
    case 'noAddresses':
      await context.sendActivity(tr('request.noAddresses'));
      return;
    case 'tooManyGuests':
      await context.sendActivity(tr('request.tooManyGuests', { max: outcome.max }));
      return;
    case 'justificationRequired':
      await context.sendActivity(tr('request.justificationRequired'));
      return;
    case 'groupNotFound': {
      const lines = [tr('request.groupNotFound', { query: escapeMarkdown(outcome.query) })];
      if (outcome.suggestions.length > 0)
        lines.push(tr('request.groupSuggestions', { names: names(tr, outcome.suggestions) }));
      await context.sendActivity(lines.join(' '));
      return;
    }
    case 'groupAmbiguous':
      await context.sendActivity(
        tr('request.groupAmbiguous', { query: escapeMarkdown(outcome.query), names: names(tr, outcome.candidates) }),
      );
      return;
    case 'processed':
      break;
  }
  const group = escapeMarkdown(outcome.group.displayName);
  const audience = audienceOf(user.profile, outcome.group.id);
  const lines: string[] = [];
  // Said after the fact: "invited and added", then what each guest can use now (never "you can … will get …").
  for (const invited of [true, false]) {
    const added = outcome.added.filter((a) => (a.decision.invitation === 'required') === invited);
    if (added.length === 0) continue;
    const guests = listOf(
      lang,
      added.map((a) => escapeMarkdown(a.decision.guestEmail)),
    );
    lines.push(tr(invited ? 'request.addedInvited' : 'request.addedDirectly', { guests, count: added.length, group }));
  }
  for (const a of outcome.added) {
    const after = explainAfterAdding(a.decision, ctx, lang, audience);
    if (after) lines.push(after);
  }
  for (const f of outcome.failed)
    lines.push(
      tr('request.addFailed', { email: escapeMarkdown(f.decision.guestEmail), group, error: failureText(tr, f.error) }),
    );
  for (const r of outcome.requests) {
    const approverNames = await Promise.all(
      r.approverIds.map(async (id) => escapeMarkdown(await displayName(directory, tr, id))),
    );
    // One approval decides, so the approvers are joined with "or".
    const guests = listOf(
      lang,
      r.guests.map((g) => escapeMarkdown(g.email)),
    );
    lines.push(tr('request.created', { id: r.id, guests, group, approvers: listOf(lang, approverNames, 'or') }));
  }
  for (const d of outcome.duplicates)
    lines.push(tr('request.duplicate', { email: escapeMarkdown(d.decision.guestEmail), id: d.requestId }));
  for (const d of outcome.nothingToDo) {
    const internal = d.notes.includes('INTERNAL_ADDRESS');
    lines.push(
      tr(internal ? 'request.internal' : 'request.alreadyMember', { email: escapeMarkdown(d.guestEmail), group }),
    );
  }
  if (lines.length > 0) await context.sendActivity(lines.join('\n\n'));
  for (const r of outcome.requests) await sendRequesterCard(context, user, r, deps);
  if (outcome.blocked.length > 0) {
    const cards = outcome.blocked.map((d) =>
      CardFactory.adaptiveCard(buildDecisionExplanationCard(decisionView(d, ctx, lang, audience))),
    );
    const message = MessageFactory.list(cards, tr('request.blockedIntro', { group, count: outcome.blocked.length }));
    message.attachmentLayout = 'list';
    await context.sendActivity(message);
  }
}

/**
 * The requester's status card, in the same reply as the text (it used to come later from the background sender,
 * below whatever was said meanwhile). The copy is kept for later updates when Teams gives it an id; if the send
 * fails, the background sender delivers it instead.
 */
async function sendRequesterCard(
  context: TurnContext,
  user: TurnUser,
  request: GuestRequest,
  deps: BotDeps,
): Promise<void> {
  const userId = user.profile.user.id;
  const message = await deps.worker.cardFor(request, userId);
  try {
    const attachments = [CardFactory.adaptiveCard(message.card)];
    const sent = await context.sendActivity({ attachments, summary: message.text });
    if (sent?.id) {
      const conversationId = context.activity.conversation.id;
      const copy = { userId, conversationId, activityId: sent.id, role: 'requester' as const };
      await deps.requests.update(request.id, (current) => ({ ...current, cards: [...current.cards, copy] }));
    }
  } catch (error) {
    const log = { err: error, requestId: request.id, code: 'STATUS_CARD_DEFERRED' };
    deps.logger.warn(log, 'status card not sent with the reply; queued');
    await deps.requests.update(request.id, (current) => ({
      ...current,
      outbox: [...current.outbox, { kind: 'requesterCard', userId }],
    }));
    deps.worker.kick(request.id);
  }
}

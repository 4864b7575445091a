import { CardFactory, MessageFactory } from 'botbuilder';
import { prepareGuestDeletion } from '../app/guests/deleteGuest.js';
import { formatDay } from '../app/reviews/presentReview.js';
import { safe } from '../app/requests/presentRequest.js';
import { resendInvitation } from '../app/guests/resendInvitation.js';
import { reviewProgress } from '../app/reviews/reviewProgress.js';
import { listTenantGuests } from '../app/guests/tenantGuests.js';
import type { AdaptiveCardJson } from '../cards/cardTemplate.js';
import { failureText } from '../app/shared/failure.js';
import type { Translate } from '../i18n/i18n.js';
import type { BotDeps } from './botDeps.js';
import type { Command } from './commands/parseCommand.js';
import { deleteGuestCard, tenantGuestsCard } from './guestCards.js';
import type { CommandHandlers, Turn } from './turn.js';

type Of<K extends Command['kind']> = Extract<Command, { kind: K }>;

async function sendCard(turn: Turn, card: AdaptiveCardJson, summary: string): Promise<void> {
  const message = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  message.summary = summary;
  await turn.context.sendActivity(message);
}

function layerNames(tr: Translate, layers: readonly string[]): string {
  return layers.map((l) => tr(`policy.layer.${l}` as Parameters<Translate>[0])).join(', ');
}

/** The tenant's guests: guests [filter], resend invitation, delete guest, reviews (and their Dutch forms). */
export function guestCommands(deps: BotDeps): CommandHandlers {
  const listDeps = { ...deps, staleDays: deps.guests.settings.staleDays };
  return {
    tenantGuests: async (turn: Turn, command: Of<'tenantGuests'>) => {
      const { tr, lang, profile } = turn.user;
      const outcome = await listTenantGuests(listDeps, profile, command.filter);
      if (outcome.kind === 'forbidden') {
        // An owner typing "guests" alone most likely wants their own group's guests.
        const text =
          profile.ownedGroupIds.length > 0
            ? tr('admin.usage', { syntax: tr('common.help.guests') })
            : tr('guests.refuse');
        await turn.context.sendActivity(text);
        return;
      }
      if (outcome.kind === 'invalidDomain') {
        await turn.context.sendActivity(tr('guests.invalidDomain', { domain: safe(outcome.domain) }));
        return;
      }
      const tenant = (await deps.directory.snapshot()).tenant.displayName;
      const card = tenantGuestsCard(tr, lang, outcome, tenant, deps.guests.settings.staleDays);
      await sendCard(turn, card, tr('guests.title.all', { tenant: safe(tenant) }));
    },

    resendInvitation: async (turn: Turn, command: Of<'resendInvitation'>) => {
      const { tr, profile } = turn.user;
      const outcome = await resendInvitation(deps, profile, { address: command.address, reset: command.reset });
      const guest =
        'guest' in outcome
          ? {
              guest: safe(outcome.guest.displayName),
              mail: safe(outcome.guest.mail ?? outcome.guest.userPrincipalName, 320),
            }
          : { guest: '', mail: '' };
      let text: string;
      switch (outcome.kind) {
        case 'invalidAddress':
          text = tr('resend.invalid', { address: safe(outcome.address) });
          break;
        case 'forbidden':
          text = tr(outcome.reset ? 'resend.forbiddenReset' : 'resend.forbidden');
          break;
        case 'notFound':
          text = tr('resend.notFound', { address: safe(outcome.address, 320) });
          break;
        case 'notGuest':
          text = tr('resend.notGuest', { name: safe(outcome.user.displayName) });
          break;
        case 'disabled':
          text = tr('resend.disabled', guest);
          break;
        case 'alreadyAccepted':
          text = tr('resend.alreadyAccepted', guest);
          break;
        case 'blocked': {
          const mail = outcome.guest.mail ?? outcome.guest.userPrincipalName;
          text = tr('resend.blocked', {
            domain: safe(mail.slice(mail.lastIndexOf('@') + 1)),
            layers: layerNames(tr, outcome.layers),
          });
          break;
        }
        case 'failed':
          text = tr('resend.failed', { error: failureText(tr, outcome.error) });
          break;
        case 'sent':
          text = tr(outcome.reset ? 'resend.sentReset' : 'resend.sent', guest);
      }
      await turn.context.sendActivity(text);
    },

    deleteGuest: async (turn: Turn, command: Of<'deleteGuest'>) => {
      const { tr, profile } = turn.user;
      const outcome = await prepareGuestDeletion(deps, profile, command.address);
      switch (outcome.kind) {
        case 'forbidden':
          await turn.context.sendActivity(tr('delete.refuse'));
          return;
        case 'invalidAddress':
          await turn.context.sendActivity(tr('delete.invalid', { address: safe(outcome.address) }));
          return;
        case 'notFound':
          await turn.context.sendActivity(tr('delete.notFound', { address: safe(outcome.address, 320) }));
          return;
        case 'notGuest':
          await turn.context.sendActivity(tr('delete.notGuest', { name: safe(outcome.user.displayName) }));
          return;
        case 'confirm':
          await sendCard(turn, deleteGuestCard(tr, 'confirm', outcome.guest, outcome.losses), tr('delete.title'));
      }
    },

    reviews: async (turn: Turn) => {
      const { tr, lang, profile } = turn.user;
      const outcome = await reviewProgress(
        { ...deps, reviews: deps.guests.store, settings: deps.guests.settings },
        profile,
      );
      switch (outcome.kind) {
        case 'forbidden':
          await turn.context.sendActivity(tr('reviews.refuse'));
          return;
        case 'off':
          await turn.context.sendActivity(tr('reviews.off'));
          return;
        case 'none':
          await turn.context.sendActivity(tr('reviews.none', { days: outcome.reviewDays }));
          return;
        case 'progress': {
          const { cycle, groups } = outcome;
          const sum = (f: (g: (typeof groups)[number]) => number) => groups.reduce((n, g) => n + f(g), 0);
          const lines = [
            tr('reviews.title', { date: formatDay(lang, cycle.startedAt), due: formatDay(lang, cycle.dueAt) }),
            tr('reviews.summary', {
              groups: groups.length,
              decided: sum((g) => g.decided),
              guests: sum((g) => g.total),
              kept: sum((g) => g.kept),
              removed: sum((g) => g.removed),
            }),
            '',
          ];
          if (groups.length === 0) lines.push(tr('reviews.noGroups'));
          for (const g of groups) {
            const reviewers = g.ownerless ? tr('reviews.ownerless') : g.reviewerNames.map((n) => safe(n)).join(', ');
            const params = {
              group: safe(g.groupName),
              reviewers,
              decided: g.decided,
              total: g.total,
              kept: g.kept,
              removed: g.removed,
            };
            lines.push(`- ${tr('reviews.group', { ...params, state: tr(`reviews.state.${g.state}`) })}`);
          }
          if (outcome.nextAt) lines.push('', tr('reviews.next', { date: formatDay(lang, outcome.nextAt) }));
          await turn.context.sendActivity(lines.join('\n'));
        }
      }
    },
  };
}

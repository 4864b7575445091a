import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import { guestDeleter } from '../app/guests/deleteGuest.js';
import { failureText } from '../app/shared/failure.js';
import type { ReviewAction } from '../app/reviews/guestReviews.js';
import { reviewCardData } from '../app/reviews/presentReview.js';
import { safe } from '../app/requests/presentRequest.js';
import { listTenantGuests, type TenantGuestFilter } from '../app/guests/tenantGuests.js';
import type { AdaptiveCardJson } from '../cards/cardTemplate.js';
import { buildGuestReviewCard } from '../cards/guestReviewCard.js';
import type { Translate } from '../i18n/i18n.js';
import type { BotDeps } from './botDeps.js';
import { deleteGuestCard, tenantGuestsCard } from './guestCards.js';
import type { CardActionHandler, CardActionHandlers } from './turn.js';

const CARD = 'application/vnd.microsoft.card.adaptive';
const ERROR = 'application/vnd.microsoft.error';
const MAX_OFFSET = 1_000_000;

const card = (value: AdaptiveCardJson): AdaptiveCardInvokeResponse => ({ statusCode: 200, type: CARD, value });
const error = (statusCode: number, code: string, message: string): AdaptiveCardInvokeResponse => ({
  statusCode,
  type: ERROR,
  value: { code, message },
});
const badRequest = (tr: Translate) => error(400, 'BAD_REQUEST', tr('common.unknownAction'));

/** The page a "More"/"Previous" tap asks for; the card's data is checked like anything a client sends. */
function pageRequest(data: Record<string, unknown>): { filter: TenantGuestFilter; offset: number } | undefined {
  const offset =
    typeof data.offset === 'number'
      ? data.offset
      : typeof data.offset === 'string' && /^\d{1,7}$/.test(data.offset)
        ? Number(data.offset)
        : NaN;
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET) return undefined;
  switch (data.filter) {
    case 'all':
    case 'pending':
    case 'stale':
      return { filter: { kind: data.filter }, offset };
    case 'domain':
      return typeof data.domain === 'string' && data.domain.length <= 253
        ? { filter: { kind: 'domain', domain: data.domain }, offset }
        : undefined;
    default:
      return undefined;
  }
}

/**
 * Action.Execute verbs of the guest list, delete-guest and review cards. The card's data is trusted for ids (and
 * the page asked for) only: who taps is the invoke's authenticated user, and what they may do is decided again now.
 */
export function guestCardActions(deps: BotDeps): CardActionHandlers {
  const confirmDelete = guestDeleter(deps);
  const presentDeps = { ...deps, settings: deps.guests.settings };

  const review =
    (action: ReviewAction): CardActionHandler =>
    async ({ user }, data) => {
      const { tr } = user;
      const outcome = await deps.guests.reviews.decide(user.profile, data, action);
      switch (outcome.kind) {
        case 'badRequest':
          return badRequest(tr);
        case 'notFound':
          return error(404, 'NOT_FOUND', tr('review.action.notFound'));
        case 'forbidden': {
          const group = await deps.directory.getGroup(outcome.review.groupId);
          return error(
            403,
            'FORBIDDEN',
            tr('review.action.forbidden', { group: safe(group?.displayName ?? outcome.review.groupId) }),
          );
        }
        case 'alreadyDecided':
        case 'done':
          return card(
            buildGuestReviewCard(await reviewCardData(presentDeps, outcome.review, user.profile.user.id, user.lang)),
          );
      }
    };

  return {
    guestsPage: async ({ user }, data) => {
      const { tr, lang, profile } = user;
      const page = pageRequest(data);
      if (!page) return badRequest(tr);
      const outcome = await listTenantGuests(
        { ...deps, staleDays: deps.guests.settings.staleDays },
        profile,
        page.filter,
        page.offset,
      );
      if (outcome.kind === 'forbidden') return error(403, 'FORBIDDEN', tr('guests.refuse'));
      if (outcome.kind === 'invalidDomain') return badRequest(tr);
      const tenant = (await deps.directory.snapshot()).tenant.displayName;
      return card(tenantGuestsCard(tr, lang, outcome, tenant, deps.guests.settings.staleDays));
    },

    confirmDeleteGuest: async ({ user }, data) => {
      const { tr, profile } = user;
      const outcome = await confirmDelete(profile, data);
      switch (outcome.kind) {
        case 'badRequest':
          return badRequest(tr);
        case 'forbidden':
          return error(403, 'FORBIDDEN', tr('delete.refuse'));
        case 'notGuest':
          return card(
            deleteGuestCard(tr, 'refused', outcome.user, undefined, {
              text: tr('delete.notGuest', { name: safe(outcome.user.displayName) }),
            }),
          );
        case 'alreadyDeleted':
          return card(deleteGuestCard(tr, 'already', { id: String(data.guestUserId) }, undefined));
        case 'deleted':
          return card(
            deleteGuestCard(tr, 'deleted', outcome.guest, outcome.losses, { actorName: profile.user.displayName }),
          );
        case 'failed':
          return card(
            deleteGuestCard(tr, 'failed', outcome.guest, outcome.losses, { text: failureText(tr, outcome.error) }),
          );
      }
    },

    cancelDeleteGuest: async ({ user }, data) => {
      const { tr, profile } = user;
      const id = data.guestUserId;
      if (typeof id !== 'string' || !/^[0-9a-z][0-9a-z-]{0,63}$/i.test(id)) return badRequest(tr);
      if (!profile.isAdmin) return error(403, 'FORBIDDEN', tr('delete.refuse'));
      const guest = await deps.directory.getUser(id);
      return card(deleteGuestCard(tr, 'cancelled', guest?.userType === 'Guest' ? guest : { id }, undefined));
    },

    reviewKeep: review('keep'),
    reviewRemove: review('remove'),
    reviewKeepAll: review('keepAll'),
  };
}

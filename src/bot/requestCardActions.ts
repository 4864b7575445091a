import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import type { GuestRequest } from '../domain/guestRequest.js';
import { currentApprovers, decideRequest, type DecisionAction } from '../app/requests/decideRequest.js';
import { explainDecision } from '../app/explanation/explainDecision.js';
import { displayName, requestCardView, safe } from '../app/requests/presentRequest.js';
import { buildApprovalRequestCard } from '../cards/approvalRequestCard.js';
import { forOutlook } from '../cards/outlookCard.js';
import { isAdmin } from '../policy/index.js';
import { translator, type MessageKey } from '../i18n/i18n.js';
import { useCaseDeps, type BotDeps } from './botDeps.js';
import type { CardActionHandler, CardActionHandlers, Turn } from './turn.js';

const CARD = 'application/vnd.microsoft.card.adaptive';
const ERROR = 'application/vnd.microsoft.error';
const REQUEST_ID = /^R-[0-9A-Z]{6}$/;

/**
 * Action.Execute verbs of the approval card. The card's data is trusted for nothing but the request id: who acts
 * comes from the invoke activity, and whether they may is decided from the directory now.
 */
export function requestCardActions(deps: BotDeps): CardActionHandlers {
  // The same card answers in Teams and in Outlook; Outlook's copy also carries the organisation's originator.
  const respondWithCard = async (
    turn: Pick<Turn, 'context'>,
    requestOrId: string | GuestRequest,
    viewerId: string,
    lang: Parameters<typeof requestCardView>[2],
    timeZone: string,
    notice = '',
  ): Promise<AdaptiveCardInvokeResponse> => {
    // A refresh (or a tap on a decided request) has just read the request: the card needs no second read.
    const request = typeof requestOrId === 'string' ? await deps.requests.get(requestOrId) : requestOrId;
    if (!request)
      return {
        statusCode: 404,
        type: ERROR,
        value: { code: 'NOT_FOUND', message: translator(lang)('request.action.notFound') },
      };
    const view = await requestCardView(
      request,
      { id: viewerId, isAdmin: isAdmin(await deps.policy.current(), viewerId) },
      lang,
      deps.directory,
      deps.conversations,
      timeZone,
    );
    const card = buildApprovalRequestCard({ ...view, noticeText: notice });
    const inOutlook = turn.context.activity.channelId === 'outlook';
    const value = inOutlook ? forOutlook(card, { originatorId: deps.outlook?.originatorId }) : card;
    return { statusCode: 200, type: CARD, value };
  };

  const decide =
    (action: DecisionAction): CardActionHandler =>
    async (turn, data) => {
      const { user } = turn;
      const { tr, lang } = user;
      const requestId = typeof data.requestId === 'string' ? data.requestId : '';
      if (!REQUEST_ID.test(requestId))
        return { statusCode: 400, type: ERROR, value: { code: 'BAD_REQUEST', message: tr('request.action.notFound') } };
      const actorId = user.profile.user.id;
      const comment = typeof data.comment === 'string' ? data.comment : undefined;
      const via = turn.context.activity.channelId === 'outlook' ? 'outlook' : undefined;
      const outcome = await decideRequest(useCaseDeps(deps), { actorId, requestId, action, comment, via });
      switch (outcome.kind) {
        case 'notFound':
          return { statusCode: 404, type: ERROR, value: { code: 'NOT_FOUND', message: tr('request.action.notFound') } };
        case 'forbidden': {
          const key: MessageKey =
            outcome.reason === 'notRequester'
              ? 'request.action.forbiddenCancel'
              : outcome.reason === 'ownRequest'
                ? 'request.action.ownRequest'
                : 'request.action.forbidden';
          return { statusCode: 403, type: ERROR, value: { code: 'FORBIDDEN', message: tr(key) } };
        }
        case 'alreadyDecided': {
          const r = outcome.request;
          const notice =
            r.decision && r.decision.by !== 'system'
              ? tr('request.action.already', {
                  state: r.decision.outcome,
                  name: safe(await displayName(deps.directory, tr, r.decision.by)),
                })
              : tr('request.action.alreadyState', { state: r.state });
          return respondWithCard(turn, r, actorId, lang, user.timeZone, notice);
        }
        case 'blockedNow': {
          const ctx = await deps.policy.current();
          const why = outcome.decisions.map(
            (d) => explainDecision(d, ctx, lang, user.profile.isAdmin ? 'admin' : 'owner').split('\n')[0],
          );
          return respondWithCard(
            turn,
            requestId,
            actorId,
            lang,
            user.timeZone,
            [tr('request.action.blockedNow'), ...why].join('\n\n'),
          );
        }
        case 'done':
          return respondWithCard(turn, requestId, actorId, lang, user.timeZone);
      }
    };

  return {
    approveRequest: decide('approve'),
    rejectRequest: decide('reject'),
    cancelRequest: decide('cancel'),
    retryRequest: decide('retry'),
    // Teams and Outlook ask for the viewer's version of the card when they open it: answer with the card only, change
    // nothing (Outlook waits about 2 s for it, then shows the card it has).
    // The request's details are for its requester, its approvers (then or now) and admins: not for anyone with the id.
    refreshRequest: async (turn, data) => {
      const { user } = turn;
      const requestId = typeof data.requestId === 'string' ? data.requestId : '';
      const request = REQUEST_ID.test(requestId) ? await deps.requests.get(requestId) : undefined;
      if (!request)
        return {
          statusCode: 404,
          type: ERROR,
          value: { code: 'NOT_FOUND', message: user.tr('request.action.notFound') },
        };
      const viewerId = user.profile.user.id;
      const involved =
        viewerId === request.requesterId ||
        request.approverIds.includes(viewerId) ||
        user.profile.isAdmin ||
        (await currentApprovers(deps, request)).has(viewerId);
      if (!involved)
        return {
          statusCode: 403,
          type: ERROR,
          value: { code: 'FORBIDDEN', message: user.tr('request.action.notInvolved') },
        };
      return respondWithCard(turn, request, viewerId, user.lang, user.timeZone);
    },
  };
}

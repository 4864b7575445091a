import type { ApprovalRequestCardData } from '../../cards/approvalRequestCard.js';
import { clip, escapeMarkdown } from '../../cards/cardTemplate.js';
import { listOf, translator, type Language, type MessageKey, type Translate } from '../../i18n/i18n.js';
import type { ConversationStore } from '../../ports/conversationStore.js';
import type { Directory } from '../../ports/directory.js';
import { failureText } from '../shared/failure.js';
import { formatDateTime } from '../../i18n/dates.js';
import type { GuestRequest, RequestState } from '../../domain/guestRequest.js';

const STYLE: Record<RequestState, ApprovalRequestCardData['stateStyle']> = {
  pending: 'warning',
  approved: 'accent',
  provisioning: 'accent',
  completed: 'good',
  failed: 'attention',
  rejected: 'attention',
  cancelled: 'default',
  expired: 'default',
};

/**
 * Who gets the card re-rendered for them when they open it: the approvers and the requester, by the Teams user id
 * (MRI, `29:…`) that Universal Actions expect. That id is known once the user has talked to the bot; until then the
 * Entra object id stands in (Teams then shows that user the card as it was sent, which is their own view anyway).
 */
async function refreshUserIds(request: GuestRequest, conversations?: ConversationStore): Promise<string[]> {
  const ids = [...new Set([...request.approverIds, request.requesterId])];
  if (!conversations) return ids;
  return Promise.all(ids.map(async (id) => (await conversations.get(id))?.user?.id ?? id));
}

/** User text on a card: literal (no markdown, no template syntax effect) and of bounded size. */
export const safe = (text: string, max = 200) => escapeMarkdown(clip(text, max));

export function stateWord(tr: Translate, state: RequestState): string {
  return tr(`request.word.${state}` as MessageKey);
}

/** Display names for ids, falling back to a neutral phrase for users who left the directory. */
export async function displayName(directory: Directory, tr: Translate, userId: string): Promise<string> {
  if (userId === 'system') return 'system';
  const user = await directory.getUser(userId);
  return user ? user.displayName : tr('request.unknownUser');
}

/** A date and time for a reader: the bot's one format (see formatDateTime), in their language and time zone. */
export function formatDate(lang: Language, iso: string, timeZone?: string): string {
  return formatDateTime(lang, iso, timeZone);
}

/** The guests of a request as one phrase in `lang`: "a@x.com, b@y.com and c@z.com". */
export function guestList(request: GuestRequest, lang: Language): string {
  return listOf(
    lang,
    request.guests.map((g) => g.email),
  );
}

/**
 * The card for one viewer: approvers see Approve/Reject while it is pending, the requester sees Cancel, approvers
 * and admins see Retry after a failure; everyone else sees the state only.
 */
export async function requestCardView(
  request: GuestRequest,
  viewer: { id: string; isAdmin: boolean } | undefined,
  lang: Language,
  directory: Directory,
  conversations?: ConversationStore,
  timeZone?: string,
): Promise<ApprovalRequestCardData> {
  const tr = translator(lang);
  const group = await directory.getGroup(request.groupId);
  const groupName = group?.displayName ?? request.groupId;
  const approverNames = await Promise.all(request.approverIds.map((id) => displayName(directory, tr, id)));
  const isApprover = !!viewer && request.approverIds.includes(viewer.id) && viewer.id !== request.requesterId;
  const isRequester = !!viewer && viewer.id === request.requesterId;

  let decisionText = '';
  let commentText = '';
  if (request.decision) {
    const name = await displayName(directory, tr, request.decision.by);
    decisionText = tr(`request.decision.${request.decision.outcome}` as MessageKey, {
      name: safe(name),
      date: formatDate(lang, request.decision.at, timeZone),
    });
    if (request.decision.comment)
      commentText = tr('request.decision.comment', { comment: safe(request.decision.comment, 500) });
  }
  const guestLines = request.guests.map((g) => {
    const email = safe(g.email, 320);
    if (g.added) return tr(g.invited ? 'request.guestInvited' : 'request.guestAdded', { email });
    if (g.error) return tr('request.guestFailed', { email, error: failureText(tr, g.error) });
    return email;
  });
  const basisKey = (
    {
      OWNERS_APPROVE: 'request.basis.owners',
      OWNERS_MAY_NOT_INVITE: 'request.basis.inviters',
      NO_OWNERS: 'request.basis.admins',
    } as Record<string, MessageKey>
  )[request.approverBasis];

  return {
    requestId: request.id,
    refreshUserIds: await refreshUserIds(request, conversations),
    title: tr('request.card.title', { group: safe(groupName) }),
    stateText: tr(`request.state.${request.state}` as MessageKey, { count: request.guests.length }),
    noticeText: '',
    stateStyle: STYLE[request.state],
    requester: safe(await displayName(directory, tr, request.requesterId)),
    group: safe(groupName),
    guests: guestLines.join('\n'),
    // Formatted here, not with the card's DATE()/TIME(): one format in cards and texts, in the reader's zone.
    createdAt: formatDate(lang, request.createdAt, timeZone),
    // An end date only while it still matters (or is why the request ended): not on decided or done requests.
    expiresAt:
      request.state === 'pending' || request.state === 'expired' ? formatDate(lang, request.expiresAt, timeZone) : '',
    // One approval decides: "A or B".
    approvers: safe(listOf(lang, approverNames, 'or'), 400),
    justification: request.justification ? safe(request.justification, 1000) : tr('request.noJustification'),
    basisNote: basisKey ? tr(basisKey) : '',
    notes: [],
    decisionText,
    commentText,
    errorText:
      request.state === 'failed' && request.provisioning?.lastError
        ? tr('request.error.failed', { error: failureText(tr, request.provisioning.lastError) })
        : '',
    showDecide: request.state === 'pending' && isApprover,
    showCancel: request.state === 'pending' && isRequester,
    showRetry: request.state === 'failed' && (isApprover || !!viewer?.isAdmin),
    labels: {
      refresh: tr('request.label.refresh'),
      requester: tr('request.label.requester'),
      group: tr('request.label.group'),
      guests: tr('request.label.guests'),
      requestId: tr('request.label.requestId'),
      created: tr('request.label.created'),
      expires: tr('request.label.expires'),
      approvers: tr('request.label.approvers'),
      justification: tr('request.label.justification'),
      comment: tr('request.label.comment'),
      commentPlaceholder: tr('request.label.commentPlaceholder'),
      approve: tr('request.label.approve'),
      reject: tr('request.label.reject'),
      cancel: tr('request.label.cancel'),
      retry: tr('request.label.retry'),
    },
  };
}

import { isAdmin } from '../../policy/index.js';
import { buildApprovalMail } from '../../cards/approvalMail.js';
import { buildApprovalRequestCard } from '../../cards/approvalRequestCard.js';
import { forOutlook } from '../../cards/outlookCard.js';
import { translator, type MessageKey } from '../../i18n/i18n.js';
import type { ConversationStore } from '../../ports/conversationStore.js';
import type { Directory } from '../../ports/directory.js';
import type { LanguagePreferenceStore } from '../../ports/languagePreferenceStore.js';
import type { OutboundMail } from '../../ports/mailer.js';
import type { GuestRequest, MailReason } from '../../domain/guestRequest.js';
import type { PolicyCache } from '../shared/policyCache.js';
import { displayName, formatDate, requestCardView } from './presentRequest.js';
import { languageOfUser } from '../shared/userLanguage.js';

/** What every approval mail needs to know about the bot's registration. */
export interface ApprovalMailSettings {
  /** The actionable-message provider id (OUTLOOK_ORIGINATOR_ID). */
  originatorId?: string;
  /** The bot's Microsoft app id, for the link that opens its chat in Teams. */
  botAppId?: string;
}

/**
 * Teams' deep link to a chat with a bot: `users=28:<bot app id>`. Opens the 1:1 chat with the bot (a new one if
 * none exists) in the Teams client or Teams on the web.
 */
export function teamsChatLink(botAppId: string): string {
  return `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(`28:${botAppId}`)}`;
}

/**
 * The approval card for one approver as a mail, in their language: the card as they would see it in Teams (with
 * Outlook's originator), and a readable HTML body for clients that show no card. Undefined when the directory has
 * no mail address for them.
 */
export async function composeApprovalMail(
  deps: {
    directory: Directory;
    conversations: ConversationStore;
    policy: PolicyCache;
    languages?: LanguagePreferenceStore;
  },
  request: GuestRequest,
  userId: string,
  why: MailReason,
  settings: ApprovalMailSettings,
): Promise<OutboundMail | undefined> {
  const { directory, conversations, policy, languages } = deps;
  const approver = await directory.getUser(userId);
  if (!approver?.mail) return undefined;
  const lang = await languageOfUser(userId, conversations, directory, languages);
  const tr = translator(lang);
  const viewer = { id: userId, isAdmin: isAdmin(await policy.current(), userId) };
  const view = await requestCardView(request, viewer, lang, directory, conversations);
  const card = forOutlook(buildApprovalRequestCard(view), settings);

  const group = (await directory.getGroup(request.groupId))?.displayName ?? request.groupId;
  const requester = await displayName(directory, tr, request.requesterId);
  const approvers = await Promise.all(request.approverIds.map((id) => displayName(directory, tr, id)));
  const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
  const subjectKey: MessageKey = why === 'reminder' ? 'mail.approval.reminderSubject' : 'mail.approval.subject';
  const { subject, html, text } = buildApprovalMail({
    lang,
    subject: oneLine(tr(subjectKey, { group, id: request.id })),
    heading: tr('mail.approval.heading', { group }),
    intro: tr(why === 'reminder' ? 'mail.approval.reminderIntro' : 'mail.approval.intro', { requester, group }),
    guestsLabel: tr('request.label.guests'),
    guests: request.guests.map((g) => g.email),
    facts: [
      { label: tr('request.label.requester'), value: requester },
      { label: tr('request.label.group'), value: group },
      { label: tr('request.label.requestId'), value: request.id },
      { label: tr('request.label.created'), value: formatDate(lang, request.createdAt) },
      { label: tr('request.label.approvers'), value: approvers.join(', ') },
    ],
    reasonLabel: tr('request.label.justification'),
    reason: request.justification || tr('request.noJustification'),
    basisNote: view.basisNote,
    howOutlook: tr('mail.approval.howOutlook'),
    howTeams: tr('mail.approval.howTeams'),
    ...(settings.botAppId
      ? { teamsLink: { url: teamsChatLink(settings.botAppId), text: tr('mail.approval.teamsLink') } }
      : {}),
    expires: tr('mail.approval.expires', { date: formatDate(lang, request.expiresAt) }),
    why: tr(why === 'always' ? 'mail.approval.whyAlways' : 'mail.approval.whyUnreachable', { group }),
    card,
  });
  return {
    key: `${request.id}-${userId}-${why}`,
    to: { address: approver.mail, name: approver.displayName },
    subject,
    html,
    text,
  };
}

import { formatDay as formatDayOf } from '../../i18n/dates.js';
import { buildGuestReviewCard, type GuestReviewCardData } from '../../cards/guestReviewCard.js';
import { translator, type Language, type Translate } from '../../i18n/i18n.js';
import type { DirectoryUser } from '../../policy/tenantModel.js';
import type { AuditLog } from '../../ports/auditLog.js';
import type { ConversationStore } from '../../ports/conversationStore.js';
import type { Directory } from '../../ports/directory.js';
import type { LanguagePreferenceStore } from '../../ports/languagePreferenceStore.js';
import type { OutboundMessage } from '../../ports/notifier.js';
import type { GuestReview, ReviewedGuest } from '../../domain/guestReview.js';
import { guestState } from '../guests/listGuests.js';
import { displayName, safe } from '../requests/presentRequest.js';
import { isStale } from '../guests/tenantGuests.js';
import { languageOfUser } from '../shared/userLanguage.js';

/** Rows on one card: Teams refuses cards over ~28 KB. Undecided guests come first; the rest show as they're decided. */
export const REVIEW_CARD_ROWS = 25;

/** A date without time, in the bot's one date style (see formatDay in src/i18n/dates.ts). */
export function formatDay(lang: Language, iso: string): string {
  return formatDayOf(lang, iso);
}

/** "last sign-in 28 Oct 2026", "never signed in", or "last sign-in unknown". */
export function signInText(tr: Translate, lang: Language, lastSignIn: string | null | undefined): string {
  if (lastSignIn === undefined) return tr('guests.signInUnknown');
  if (lastSignIn === null) return tr('guests.neverSignedIn');
  return tr('guests.lastSignIn', { date: formatDay(lang, lastSignIn) });
}

/** Per group id, per guest id: who added the guest to the group and when (the latest addition wins). */
export type Additions = Map<string, Map<string, { by: string; at: string }>>;

/**
 * Who added which guest to which group, from one pass over the audit log: build it once for a batch of cards (a
 * review cycle sends thousands), not once per card.
 */
export async function additionsFromAudit(audit: AuditLog): Promise<Additions> {
  const out: Additions = new Map();
  for await (const e of audit.all()) {
    const guestId = e.details?.guestUserId;
    if (e.action !== 'guest.added' || typeof guestId !== 'string') continue;
    const group = out.get(e.subjectId) ?? new Map<string, { by: string; at: string }>();
    group.set(guestId, { by: e.actorId, at: e.at });
    out.set(e.subjectId, group);
  }
  return out;
}

interface PresentDeps {
  directory: Directory;
  conversations: ConversationStore;
  languages?: LanguagePreferenceStore;
  audit: AuditLog;
  clock: { now(): Date };
  settings: { staleDays: number; reviewDays: number };
}

/** The review card as `viewerId` should see it, in their language: buttons only while it is open and undecided. */
export async function reviewCardData(
  deps: PresentDeps,
  review: GuestReview,
  viewerId: string,
  lang: Language,
  known?: Additions,
): Promise<GuestReviewCardData> {
  const tr = translator(lang);
  const group = await deps.directory.getGroup(review.groupId);
  const groupName = safe(group?.displayName ?? review.groupId);
  const added =
    (known ?? (await additionsFromAudit(deps.audit))).get(review.groupId) ??
    new Map<string, { by: string; at: string }>();
  const open = review.state === 'open';
  const reviewer = review.reviewerIds.includes(viewerId);
  const now = deps.clock.now();
  const guests: GuestReviewCardData['guests'] = [];
  const undecided = review.guests.filter((g) => !g.decision);
  const shown = [...undecided, ...review.guests.filter((g) => g.decision)].slice(0, REVIEW_CARD_ROWS);
  const hidden = review.guests.length - shown.length;
  for (const g of review.guests.filter((x) => shown.includes(x))) {
    const user = await deps.directory.getUser(g.userId);
    guests.push({
      id: g.userId,
      heading: user
        ? tr('guests.heading', { name: safe(user.displayName), mail: safe(user.mail ?? user.userPrincipalName, 320) })
        : tr('request.unknownUser'),
      details: user ? await guestDetails(deps, tr, lang, user, added.get(g.userId), now) : '',
      ...(await decisionStatus(deps.directory, tr, g)),
      showActions: open && reviewer && !g.decision,
    });
  }
  const due = formatDay(lang, review.dueAt);
  return {
    reviewId: review.id,
    style: open ? 'warning' : 'default',
    title: open ? tr('review.title', { group: groupName }) : tr('review.closedTitle', { group: groupName }),
    text: open
      ? tr(review.ownerless ? 'review.textOwnerless' : 'review.text', { group: groupName, due })
      : tr('review.closedText'),
    guests,
    footer: [
      ...(hidden > 0 ? [tr('review.more', { count: hidden })] : []),
      tr('review.footer', { days: deps.settings.reviewDays }),
    ].join(' '),
    showKeepAll: open && reviewer && undecided.length > 0,
    labels: {
      keep: tr('review.keep'),
      remove: tr('review.remove'),
      keepAll: tr('review.keepAll', { count: undecided.length }),
    },
  };
}

async function guestDetails(
  deps: PresentDeps,
  tr: Translate,
  lang: Language,
  user: DirectoryUser,
  addition: { by: string; at: string } | undefined,
  now: Date,
): Promise<string> {
  const parts: string[] = [];
  if (addition) {
    parts.push(
      tr('review.added', {
        date: formatDay(lang, addition.at),
        name: safe(await displayName(deps.directory, tr, addition.by)),
      }),
    );
  } else parts.push(tr('review.addedUnknown'));
  const state = guestState(user);
  if (state !== 'accepted') parts.push(tr(`admin.guestState.${state}`));
  const lastSignIn =
    user.signInActivity === undefined || user.signInActivity === null
      ? undefined
      : user.signInActivity.lastSignInDateTime;
  parts.push(signInText(tr, lang, lastSignIn));
  if (isStale(user, now, deps.settings.staleDays)) parts.push(tr('guests.stale'));
  return parts.join(' · ');
}

async function decisionStatus(
  directory: Directory,
  tr: Translate,
  g: ReviewedGuest,
): Promise<Pick<GuestReviewCardData['guests'][number], 'status' | 'statusColor'>> {
  if (!g.decision) return { status: '', statusColor: 'default' };
  const name = g.decision.by === 'system' ? '' : safe(await displayName(directory, tr, g.decision.by));
  if (g.decision.outcome === 'keep') return { status: tr('review.kept', { name }), statusColor: 'good' };
  if (g.decision.by === 'system') return { status: tr('review.removedAuto'), statusColor: 'attention' };
  return { status: tr(g.removed ? 'review.removed' : 'review.removing', { name }), statusColor: 'attention' };
}

export async function reviewMessage(
  deps: PresentDeps,
  review: GuestReview,
  userId: string,
  known?: Additions,
): Promise<OutboundMessage> {
  const lang = await languageOfUser(userId, deps.conversations, deps.directory, deps.languages);
  const data = await reviewCardData(deps, review, userId, lang, known);
  return { card: buildGuestReviewCard(data), text: data.title };
}

/** What the reviewers are told when the grace period ends. */
export async function reviewClosedText(deps: PresentDeps, review: GuestReview, userId: string): Promise<string> {
  const tr = translator(await languageOfUser(userId, deps.conversations, deps.directory, deps.languages));
  const group = await deps.directory.getGroup(review.groupId);
  const kept = review.guests.filter((g) => g.decision?.outcome === 'keep').length;
  const removed = review.guests.filter((g) => g.decision?.outcome === 'remove').length;
  const lines = [tr('review.tell.closed', { group: safe(group?.displayName ?? review.groupId), kept, removed })];
  const unconfirmed = review.guests.filter((g) => g.decision?.by === 'system');
  if (unconfirmed.length > 0) {
    const names = await Promise.all(
      unconfirmed.map(async (g) => `**${safe(await displayName(deps.directory, tr, g.userId))}**`),
    );
    lines.push(tr('review.tell.unconfirmed', { names: names.join(', ') }));
  }
  return lines.join(' ');
}

import { isAdmin } from '../../policy/index.js';
import { buildApprovalRequestCard } from '../../cards/approvalRequestCard.js';
import { listOf, translator, type MessageKey } from '../../i18n/i18n.js';
import type { Mailer } from '../../ports/mailer.js';
import type { Delivery, Notifier, OutboundMessage } from '../../ports/notifier.js';
import type { RequestStore } from '../../ports/requestStore.js';
import type { SweepLease } from '../../ports/sweepLease.js';
import type { AppServices } from '../shared/appServices.js';
import { composeApprovalMail, type ApprovalMailSettings } from './approvalMail.js';
import type {
  CardCopy,
  GuestRequest,
  MailCopy,
  MailReason,
  OutboxDelivery,
  OutboxItem,
  RequestEvent,
  UnreachableApprover,
  WorkClaim,
} from '../../domain/guestRequest.js';
import type { PolicyCache } from '../shared/policyCache.js';
import { displayName, guestList, requestCardView, safe } from './presentRequest.js';
import { failureCode, failureText } from '../shared/failure.js';
import { provisionGuest } from './provisionGuest.js';
import {
  defaultRetry,
  NoServiceUrlYetError,
  RetryAbortedError,
  RetryLaterError,
  type RetryPolicy,
} from '../shared/retry.js';
import { languageOfUser } from '../shared/userLanguage.js';
import { relayAudit, withAudit } from '../audit/auditRelay.js';
import { keyedQueue } from '../shared/keyedQueue.js';

export interface WorkerDeps extends AppServices {
  requests: RequestStore;
  policy: PolicyCache;
  notifier: Notifier;
  /** `timeZone`: the tenant's, for dates on cards of readers whose own zone is unknown (proactive messages). */
  settings: { expiryDays: number; reminderDays: number; timeZone?: string };
  /** Approval cards by mail for approvers Teams can't reach (and for all, when configured). */
  mail?: { mailer: Mailer; settings: ApprovalMailSettings };
  retry?: RetryPolicy;
  /**
   * Set when several instances share the store: sweeps run only on the lease holder, and each outbox item and
   * provisioning is claimed (for `claimMs`) before it is acted on, so no message is sent twice by two instances.
   */
  shared?: { instanceId: string; lease: SweepLease; claimMs: number };
}

const DAY = 86_400_000;
/** Approval cards of one request sent at the same time (to different approvers). */
const FANOUT = 8;

/**
 * Does what requests still owe, in the background and after restarts: delivers their outbox (cards, updates,
 * messages), provisions approved guests, expires requests nobody decided on and reminds approvers.
 * Work for one request runs one job at a time; a kick while it runs schedules one more pass.
 */
export class RequestWorker {
  private readonly jobs = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  /** Sends to one person, one at a time (see {@link RequestWorker.deliverOne}). */
  private readonly perRecipient = keyedQueue();
  private timer?: NodeJS.Timeout;
  private stopping = false;

  constructor(private readonly deps: WorkerDeps) {}

  /** Process one request soon (returns at once). */
  kick(requestId: string): void {
    if (this.stopping) return; // the next start picks it up from the store
    if (this.jobs.has(requestId)) {
      this.again.add(requestId);
      return;
    }
    const job = (async () => {
      do {
        this.again.delete(requestId);
        try {
          await this.process(requestId);
        } catch (error) {
          this.deps.logger.error(
            { err: error, requestId },
            'request background work failed; will retry on the next tick',
          );
        }
      } while (this.again.has(requestId));
    })().finally(() => this.jobs.delete(requestId));
    this.jobs.set(requestId, job);
  }

  /**
   * One sweep: audit entries not yet logged, expiry, reminders, and every request with work left (also what a
   * restart left unfinished).
   */
  async tick(): Promise<void> {
    if (this.deps.shared && !(await this.deps.shared.lease.holds())) return;
    // Audit entries a crash (or a failed append) left inside request records: usually none.
    for (const request of await this.deps.requests.listUnlogged()) await relayAudit(this.deps, request.id);
    const now = this.deps.clock.now();
    const remindBefore = new Date(now.getTime() - this.deps.settings.reminderDays * DAY).toISOString();
    // ISO 8601 UTC strings compare like the times they stand for.
    for (const request of await this.deps.requests.listPendingDue(now.toISOString(), remindBefore)) {
      if (Date.parse(request.expiresAt) <= now.getTime()) await this.expire(request.id);
      else await this.remind(request.id);
    }
    for (const request of await this.deps.requests.listWithWork()) this.kick(request.id);
  }

  /** Resolves when no background job is running (tests and graceful shutdown). */
  async idle(): Promise<void> {
    while (this.jobs.size > 0) await Promise.allSettled([...this.jobs.values()]);
  }

  start(intervalMs = 60_000): void {
    const tick = () => void this.tick().catch((err) => this.deps.logger.error({ err }, 'worker tick failed'));
    if (this.deps.shared) this.deps.shared.lease.start(tick);
    else tick();
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
  }

  /** Starts no new work (running jobs finish the item at hand, the rest stays in the outbox); hands on the lease. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    await this.deps.shared?.lease.stop();
  }

  private async process(requestId: string): Promise<void> {
    await this.deliver(requestId);
    const request = await this.deps.requests.get(requestId);
    if (request && (request.state === 'approved' || request.state === 'provisioning')) {
      await this.provision(requestId);
      await this.deliver(requestId);
    }
  }

  private async expire(requestId: string): Promise<void> {
    const at = this.deps.clock.now().toISOString();
    const result = await this.deps.requests.update(requestId, (r) =>
      r.state !== 'pending'
        ? undefined
        : withAudit(
            {
              ...r,
              state: 'expired',
              decision: { outcome: 'expired', by: 'system', at },
              outbox: [
                ...r.outbox,
                { kind: 'refreshCards' },
                { kind: 'tell', userId: r.requesterId, event: 'expired' },
              ],
              updatedAt: at,
            },
            {
              at,
              actorId: 'system',
              action: 'request.transition',
              subjectId: requestId,
              from: 'pending',
              to: 'expired',
            },
          ),
    );
    if (result?.changed) {
      await relayAudit(this.deps, requestId);
      this.kick(requestId);
    }
  }

  private async remind(requestId: string): Promise<void> {
    const at = this.deps.clock.now().toISOString();
    const result = await this.deps.requests.update(requestId, (r) =>
      r.state !== 'pending' || r.reminderSentAt
        ? undefined
        : withAudit(
            {
              ...r,
              reminderSentAt: at,
              outbox: [
                ...r.outbox,
                ...r.approverIds
                  .filter((userId) => !isUnreachable(r, userId))
                  .map((userId) => ({ kind: 'tell' as const, userId, event: 'reminder' as const })),
              ],
              updatedAt: at,
            },
            {
              at,
              actorId: 'system',
              action: 'request.reminder',
              subjectId: requestId,
              details: { approvers: r.approverIds.length },
            },
          ),
    );
    // Approvers Teams can't reach, who got the card by mail, are reminded by mail.
    if (result?.changed && this.deps.mail) {
      await this.deps.requests.update(requestId, (r) => {
        const next = (r.unreachable ?? []).reduce((acc, u) => queueMail(acc, u.userId, 'reminder'), r);
        return next === r ? undefined : next;
      });
    }
    if (result?.changed) {
      await relayAudit(this.deps, requestId);
      this.kick(requestId);
    }
  }

  private async provision(requestId: string): Promise<void> {
    const { requests, directory, clock, logger } = this.deps;
    const started = await requests.update(requestId, (r) => {
      if (r.state !== 'approved' && r.state !== 'provisioning') return undefined;
      if (this.claimedByOther(r.provisioning?.claim)) return undefined;
      const at = clock.now().toISOString();
      const claim = this.newClaim();
      const next: GuestRequest = {
        ...r,
        state: 'provisioning',
        provisioning: { ...r.provisioning, attempts: (r.provisioning?.attempts ?? 0) + 1, ...(claim ? { claim } : {}) },
        updatedAt: at,
      };
      // approved → provisioning is a transition; picking up an interrupted provisioning after a restart is not.
      return r.state === 'approved'
        ? withAudit(next, {
            at,
            actorId: 'system',
            action: 'request.transition',
            subjectId: requestId,
            from: 'approved',
            to: 'provisioning',
          })
        : next;
    });
    if (!started?.changed) return;
    await relayAudit(this.deps, requestId);
    const before = started.request;
    const invitedBy = before.decision?.by ?? before.requesterId;
    const language = (await directory.getUser(before.requesterId))?.preferredLanguage ?? null;
    const errors: string[] = [];
    for (const guest of before.guests) {
      if (guest.added) continue;
      try {
        const result = await provisionGuest(
          directory,
          {
            groupId: before.groupId,
            email: guest.email,
            userId: guest.userId,
            invitedBy,
            language,
            message: before.justification,
          },
          {
            retry: this.deps.retry ?? defaultRetry,
            onInvited: async (userId) => {
              await requests.update(requestId, (r) => ({
                ...this.renewed(r),
                guests: r.guests.map((g) => (g.email === guest.email ? { ...g, userId, invited: true } : g)),
              }));
            },
          },
        );
        // The guest.added entry travels with the record that marks the guest added; if the process dies before this
        // write, the next start provisions again (idempotent in the directory) and writes it then.
        const marked = await requests.update(requestId, (r) => {
          const current = r.guests.find((g) => g.email === guest.email);
          if (!current || current.added) return undefined;
          const invited = current.invited || result.invited;
          return withAudit(
            {
              ...this.renewed(r),
              guests: r.guests.map((g) =>
                g === current ? { ...g, userId: result.userId, added: true, invited, error: undefined } : g,
              ),
            },
            {
              at: clock.now().toISOString(),
              actorId: invitedBy,
              action: 'guest.added',
              subjectId: before.groupId,
              details: { requestId, guestUserId: result.userId, invited },
            },
          );
        });
        if (marked?.changed) await relayAudit(this.deps, requestId);
      } catch (error) {
        const message = failureCode(error);
        errors.push(message);
        logger.warn(
          { requestId, code: (error as { code?: string }).code ?? 'PROVISIONING_FAILED' },
          'provisioning a guest failed',
        );
        await requests.update(requestId, (r) => ({
          ...r,
          guests: r.guests.map((g) => (g.email === guest.email ? { ...g, error: message } : g)),
        }));
      }
    }
    const at = clock.now().toISOString();
    const to = errors.length === 0 ? 'completed' : 'failed';
    const done = await requests.update(requestId, (r) =>
      r.state !== 'provisioning'
        ? undefined
        : withAudit(
            {
              ...r,
              state: to,
              provisioning: {
                attempts: r.provisioning?.attempts ?? 1,
                finishedAt: at,
                ...(errors.length ? { lastError: errors[0] } : {}),
              },
              outbox: [...r.outbox, { kind: 'refreshCards' }, { kind: 'tell', userId: r.requesterId, event: to }],
              updatedAt: at,
            },
            {
              at,
              actorId: 'system',
              action: 'request.transition',
              subjectId: requestId,
              from: 'provisioning',
              to,
              ...(errors.length ? { details: { errors: errors.length } } : {}),
            },
          ),
    );
    if (done?.changed) await relayAudit(this.deps, requestId);
  }

  /**
   * Sends what the request owes, in order. An item that cannot be delivered now stays for the next sweep without
   * holding up the others (one approver's unreachable chat must not keep the rest waiting); one the Bot Connector
   * asked to hold back for long gets a due time. Each item is marked in flight before it is sent, so a restart knows
   * which messages may already have arrived. An item whose recipient Teams refuses for good is dropped; a refused
   * approver is recorded on the request and the requester told once.
   */
  private async deliver(requestId: string): Promise<void> {
    const { requests, clock } = this.deps;
    const skipped: OutboxItem[] = [];
    for (;;) {
      if (this.stopping) break;
      const request = await requests.get(requestId);
      const nowIso = clock.now().toISOString();
      const ready = (i: OutboxItem) =>
        !skipped.some((f) => sameItem(f, i)) && !(i.notBefore && i.notBefore > nowIso) && !this.claimedByOther(i.claim);
      const item = request?.outbox.find(ready);
      if (!request || !item) break;
      // Approval cards go to different people: a fan-out to many approvers sends several at once (the notifier
      // paces them under Teams' limits). Everything else goes one at a time, in order.
      const batch =
        item.kind === 'approvalCard'
          ? request.outbox.filter((i) => i.kind === 'approvalCard' && ready(i)).slice(0, FANOUT)
          : [item];
      const outcomes = await Promise.all(batch.map((i) => this.deliverOne(request, i, skipped)));
      if (outcomes.includes('stop')) break;
    }
  }

  /**
   * Sends one item; on failure it is skipped for this pass, parked, or left for the sweep. Messages to one person go
   * one at a time, from the moment one may leave until its activity id is recorded: a crash can then leave at most
   * one message per person sent but not recorded (the only kind that may arrive twice after a restart).
   */
  private deliverOne(request: GuestRequest, item: OutboxItem, skipped: OutboxItem[]): Promise<'next' | 'stop'> {
    const recipient = item.kind === 'approvalCard' || item.kind === 'requesterCard' || item.kind === 'tell';
    if (!recipient) return this.deliverNow(request.id, item, skipped);
    return this.perRecipient(item.userId, () => this.deliverNow(request.id, item, skipped));
  }

  private async deliverNow(requestId: string, queued: OutboxItem, skipped: OutboxItem[]): Promise<'next' | 'stop'> {
    const { requests, clock, logger } = this.deps;
    if (this.stopping) return 'stop';
    // Read again: while it waited for its turn, the request may have been decided or the item sent.
    const request = await requests.get(requestId);
    const item = request?.outbox.find((i) => sameItem(i, queued));
    if (!request || !item) return 'next';
    const resumed = item.sendingSince !== undefined;
    if (this.deps.shared) {
      // Claim the item: of two instances delivering this request, only one sends it.
      const claimed = await requests.update(requestId, (r) => {
        const current = r.outbox.find((i) => sameItem(i, item));
        if (!current || this.claimedByOther(current.claim)) return undefined;
        return markItem(r, item, { ...inFlight(current), claim: this.newClaim() });
      });
      if (!claimed?.changed) {
        skipped.push(item); // delivered or claimed by another instance meanwhile
        return 'next';
      }
    }
    // The in-flight mark is written when the message is about to leave (after pacing waits), not before: an item
    // still marked after a restart is one that may really have reached its recipient.
    const beforeSend = resumed
      ? undefined
      : async () => {
          const sendingSince = clock.now().toISOString();
          await requests.update(requestId, (r) => {
            const current = r.outbox.find((i) => sameItem(i, item));
            return current && markItem(r, item, { ...(current.claim ? { claim: current.claim } : {}), sendingSince });
          });
        };
    let result: Delivered;
    try {
      result = await this.deliverItem(request, item, resumed, beforeSend);
    } catch (error) {
      skipped.push(item);
      if (error instanceof RetryAbortedError) return 'stop'; // stopping: the item stays in flight for the next start
      if (error instanceof RetryLaterError) {
        const notBefore = new Date(clock.now().getTime() + error.retryAfterMs).toISOString();
        await requests.update(requestId, (r) => markItem(r, item, { notBefore }));
        logger.warn(
          { requestId, item: item.kind, retryAfterMs: error.retryAfterMs, code: 'DELIVERY_PARKED' },
          'Bot Connector asked for a long wait; message parked',
        );
        return 'next';
      }
      // The Bot Connector refused it: not delivered, so the next attempt is not a possible duplicate.
      await requests.update(requestId, (r) => markItem(r, item, {}));
      if (error instanceof NoServiceUrlYetError) {
        // Expected until someone talks to the bot (the notifier says so once): no stack for every sweep.
        logger.debug(
          { requestId, item: item.kind, code: 'DELIVERY_WAITING' },
          'message waits for a Bot Connector address',
        );
      } else {
        logger.warn(
          { err: error, requestId, item: item.kind, code: 'DELIVERY_DEFERRED' },
          'message not delivered; will retry on the next sweep',
        );
      }
      return 'next';
    }
    const at = clock.now().toISOString();
    // Teams refused the approver for good: the card goes by mail instead (once), if they have an address.
    const refusedId = result.unreachable?.userId;
    const mailable = !!refusedId && !!this.deps.mail && !!(await this.deps.directory.getUser(refusedId))?.mail;
    await requests.update(requestId, (r) => {
      const index = r.outbox.findIndex((i) => sameItem(i, item));
      const outbox = index < 0 ? r.outbox : [...r.outbox.slice(0, index), ...r.outbox.slice(index + 1)];
      let next: GuestRequest = { ...r, outbox, cards: [...r.cards, ...result.copies] };
      if (result.mailed) {
        next = { ...next, mails: [...(next.mails ?? []), result.mailed] };
        const details = { userId: result.mailed.userId, why: result.mailed.why };
        next = withAudit(next, { at, actorId: 'system', action: 'request.mailed', subjectId: requestId, details });
      }
      if (item.kind === 'tell' && item.event === 'unreachable' && !result.unreachable) {
        next = { ...next, unreachable: (next.unreachable ?? []).map((u) => (u.toldAt ? u : { ...u, toldAt: at })) };
      }
      if (result.unreachable && item.kind === 'approvalCard') {
        next = markUnreachable(mailable ? queueMail(next, item.userId, 'unreachable') : next, result.unreachable, at);
      }
      if (mailable && item.kind === 'tell' && item.event === 'reminder')
        next = queueMail(next, item.userId, 'reminder');
      return next;
    });
    if (result.mailed) await relayAudit(this.deps, requestId);
    if (result.unreachable) {
      logger.warn(
        { requestId, item: item.kind, reason: result.unreachable.reason, code: 'RECIPIENT_UNREACHABLE' },
        'recipient unreachable; message dropped',
      );
    }
    return 'next';
  }

  /** A claim for this instance from now on (shared stores only). */
  private newClaim(): WorkClaim | undefined {
    const shared = this.deps.shared;
    if (!shared) return undefined;
    return { by: shared.instanceId, until: new Date(this.deps.clock.now().getTime() + shared.claimMs).toISOString() };
  }

  /** Whether another live instance holds the claim. */
  private claimedByOther(claim: WorkClaim | undefined): boolean {
    const shared = this.deps.shared;
    return !!shared && !!claim && claim.by !== shared.instanceId && claim.until > this.deps.clock.now().toISOString();
  }

  /** The request with this instance's provisioning claim extended (work on each guest shows we are alive). */
  private renewed(r: GuestRequest): GuestRequest {
    const claim = this.newClaim();
    return claim && r.provisioning ? { ...r, provisioning: { ...r.provisioning, claim } } : r;
  }

  private async deliverItem(
    request: GuestRequest,
    item: OutboxItem,
    resumed: boolean,
    beforeSend: (() => Promise<void>) | undefined,
  ): Promise<Delivered> {
    const { notifier, logger } = this.deps;
    if (isStale(request, item)) return { copies: [] };
    if (resumed)
      logger.info(
        { requestId: request.id, item: item.kind, code: 'RESUMED_IN_FLIGHT' },
        'message was in flight when the bot stopped',
      );
    switch (item.kind) {
      case 'approvalCard':
      case 'requesterCard': {
        const role = item.kind === 'approvalCard' ? 'approver' : 'requester';
        const known = request.cards.find((c) => c.userId === item.userId && c.role === role);
        if (known) {
          // Already sent and its id recorded (a resend after a crash, or the card owed twice): bring that card up to
          // date instead of sending a second one.
          await notifier.update(known, await this.cardFor(request, item.userId));
          return { copies: [] };
        }
        if (resumed)
          logger.warn(
            { requestId: request.id, item: item.kind, code: 'POSSIBLE_DUPLICATE' },
            'card may have been sent before the stop; sending it again',
          );
        const card = await this.cardFor(request, item.userId);
        const delivery = await notifier.sendToUser(item.userId, card, { beforeSend });
        if (delivery.kind === 'unreachable') return { copies: [], unreachable: delivery };
        if (delivery.kind === 'deliveredElsewhere') return { copies: [] };
        return { copies: [{ ...delivery.sent, role }] };
      }
      case 'refreshCards':
        await beforeSend?.();
        // Teams copies are replaced here; mailed copies refresh themselves when opened in Outlook.
        for (const copy of request.cards) await notifier.update(copy, await this.cardFor(request, copy.userId));
        return { copies: [] };
      case 'tell': {
        const text = await this.tellText(request, item.userId, item.event);
        const delivery = await notifier.sendToUser(item.userId, { text }, { beforeSend });
        return delivery.kind === 'unreachable' ? { copies: [], unreachable: delivery } : { copies: [] };
      }
      case 'approvalMail': {
        const mail = this.deps.mail;
        const composed = mail && (await composeApprovalMail(this.deps, request, item.userId, item.why, mail.settings));
        if (!mail || !composed) {
          const log = { requestId: request.id, userId: item.userId, code: 'MAIL_NOT_POSSIBLE' };
          this.deps.logger.warn(log, 'approval mail dropped: no mailer or no mail address');
          return { copies: [] };
        }
        await beforeSend?.();
        await mail.mailer.send(composed);
        // The audit entry travels with the request's write that records the mail (see deliverOne).
        return { copies: [], mailed: { userId: item.userId, why: item.why, at: this.deps.clock.now().toISOString() } };
      }
    }
  }

  /** The card as `userId` should see it, in their language. */
  async cardFor(request: GuestRequest, userId: string): Promise<OutboundMessage> {
    const { directory, conversations, policy } = this.deps;
    const lang = await languageOfUser(userId, conversations, directory, this.deps.languages);
    const viewer = { id: userId, isAdmin: isAdmin(await policy.current(), userId) };
    const view = await requestCardView(request, viewer, lang, directory, conversations, this.deps.settings.timeZone);
    return { card: buildApprovalRequestCard(view), text: view.title };
  }

  private async tellText(request: GuestRequest, userId: string, event: RequestEvent): Promise<string> {
    const { directory, conversations } = this.deps;
    const tr = translator(await languageOfUser(userId, conversations, directory, this.deps.languages));
    const group = await directory.getGroup(request.groupId);
    const params = {
      id: request.id,
      group: safe(group?.displayName ?? request.groupId),
      guests: safe(guestList(request, tr.lang), 1000),
      count: request.guests.length,
      requester: safe(await displayName(directory, tr, request.requesterId)),
      name: safe(request.decision ? await displayName(directory, tr, request.decision.by) : ''),
      comment: safe(request.decision?.comment ?? '', 500),
      error: request.provisioning?.lastError ? failureText(tr, request.provisioning.lastError) : '',
      days: this.deps.settings.expiryDays,
    };
    if (event === 'unreachable') {
      const untold = (request.unreachable ?? []).filter((u) => !u.toldAt);
      const names = await Promise.all(untold.map(async (u) => safe(await displayName(directory, tr, u.userId))));
      const reached = request.approverIds.some((id) => !isUnreachable(request, id));
      // Those who got the card by mail have seen it: the requester hears that instead.
      const mailed = untold.every((u) => isMailed(request, u.userId));
      const key = mailed
        ? 'mail.unreachable.tellMailed'
        : reached
          ? 'teams.unreachable.tellSome'
          : 'teams.unreachable.tellAll';
      return tr(key, { ...params, names: listOf(tr.lang, names) });
    }
    const key: MessageKey =
      event === 'rejected' && request.decision?.comment
        ? 'request.tell.rejectedComment'
        : (`request.tell.${event}` as MessageKey);
    return tr(key, params);
  }
}

/** What delivering an outbox item produced: card copies to remember (Teams), or a mail sent. */
interface Delivered {
  copies: CardCopy[];
  mailed?: MailCopy;
  unreachable?: Extract<Delivery, { kind: 'unreachable' }>;
}

/**
 * Owes `userId` the approval card by mail, unless it is owed already or was sent for the same reason (and, for a
 * reminder, only to someone who was mailed the card). Nothing for a request that is no longer pending.
 */
function queueMail(request: GuestRequest, userId: string, why: MailReason): GuestRequest {
  if (request.state !== 'pending' || isMailOwed(request, userId)) return request;
  const mails = (request.mails ?? []).filter((m) => m.userId === userId);
  const done = why === 'reminder' ? mails.length === 0 || mails.some((m) => m.why === 'reminder') : mails.length > 0;
  if (done) return request;
  return { ...request, outbox: [...request.outbox, { kind: 'approvalMail', userId, why }] };
}

/** Whether the approval card went, or is going, to this user by mail. */
function isMailed(request: GuestRequest, userId: string): boolean {
  return (request.mails ?? []).some((m) => m.userId === userId) || isMailOwed(request, userId);
}

function isMailOwed(request: GuestRequest, userId: string): boolean {
  return request.outbox.some((i) => i.kind === 'approvalMail' && i.userId === userId);
}

/**
 * Messages that lost their point while waiting to be delivered: an approval card for a request already decided,
 * or news of a cancellation for an approver who never received the card.
 */
function isStale(request: GuestRequest, item: OutboxItem): boolean {
  if (item.kind === 'approvalCard' || item.kind === 'approvalMail') return request.state !== 'pending';
  if (item.kind === 'tell' && item.event === 'cancelled') return !request.cards.some((c) => c.userId === item.userId);
  if (item.kind === 'tell' && item.event === 'unreachable') {
    return request.state !== 'pending' || !(request.unreachable ?? []).some((u) => !u.toldAt);
  }
  return false;
}

/** What an item is, without its delivery bookkeeping (marks and claims). */
function itemKey(item: OutboxItem): string {
  const { sendingSince: _s, notBefore: _n, claim: _c, ...what } = item;
  return JSON.stringify(what);
}

function sameItem(a: OutboxItem | undefined, b: OutboxItem): boolean {
  return !!a && itemKey(a) === itemKey(b);
}

/** An item's in-flight mark, if it has one (kept when an instance claims it). */
function inFlight(item: OutboxItem): OutboxDelivery {
  return item.sendingSince ? { sendingSince: item.sendingSince } : {};
}

/** The request with the first item like `item` given this delivery bookkeeping (replacing what it had). */
function markItem(request: GuestRequest, item: OutboxItem, delivery: OutboxDelivery): GuestRequest | undefined {
  const index = request.outbox.findIndex((i) => sameItem(i, item));
  if (index < 0) return undefined;
  const { sendingSince: _s, notBefore: _n, claim: _c, ...what } = request.outbox[index];
  const outbox = [...request.outbox];
  outbox[index] = { ...what, ...delivery };
  return { ...request, outbox };
}

/** Whether Teams refused this approver for good on this request. */
export function isUnreachable(request: Pick<GuestRequest, 'unreachable'>, userId: string): boolean {
  return (request.unreachable ?? []).some((u) => u.userId === userId);
}

/**
 * Records a refused approver; the first new one also queues one message to the requester (who is told about every
 * refused approver not yet reported when that message goes out).
 */
function markUnreachable(
  request: GuestRequest,
  refused: { userId: string; reason: UnreachableApprover['reason'] },
  at: string,
): GuestRequest {
  if (isUnreachable(request, refused.userId)) return request;
  const unreachable = [...(request.unreachable ?? []), { userId: refused.userId, reason: refused.reason, at }];
  const tell: OutboxItem = { kind: 'tell', userId: request.requesterId, event: 'unreachable' };
  const queued = request.outbox.some((i) => sameItem(i, tell));
  const outbox = queued || request.state !== 'pending' ? request.outbox : [...request.outbox, tell];
  return { ...request, unreachable, outbox };
}

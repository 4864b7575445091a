import {
  type CloudAdapter,
  type ConversationReference,
  type Activity,
  CardFactory,
  MessageFactory,
  type ConversationParameters,
  Channels,
  type TurnContext,
} from 'botbuilder';
import { defaultRetry, NoServiceUrlYetError, withRetry, type RetryPolicy } from '../app/shared/retry.js';
import type { ConversationStore, StoredConversationReference } from '../ports/conversationStore.js';
import type {
  Delivery,
  Notifier,
  OutboundMessage,
  SendOptions,
  SentMessage,
  UnreachableReason,
} from '../ports/notifier.js';
import type { Logger } from '../logger.js';
import { Pacer } from './pacer.js';

export interface TeamsNotifierDeps {
  adapter: CloudAdapter;
  appId: string;
  tenantId: string;
  conversations: ConversationStore;
  logger: Logger;
  /** The Bot Connector URL used to open a chat with someone the bot has never talked to (else the latest one seen). */
  defaultServiceUrl?: string;
  retry?: RetryPolicy;
  /**
   * Called once when Teams refuses a user for good (HTTP 403), before the notifier answers `unreachable`: a chance to
   * make them reachable, e.g. by installing the app for them through Microsoft Graph. Resolve `true` when it may work
   * now: the message is then tried once more. Without it, or on `false`, the user is reported unreachable.
   */
  makeReachable?: (userId: string, reason: UnreachableReason) => Promise<boolean>;
  /** Paces calls under Teams' rate limits (default: Teams' published limits). */
  pacer?: Pacer;
  /** Aborted when the process stops: waits between retries end at once, the message stays in its outbox. */
  signal?: AbortSignal;
}

function toActivity(message: OutboundMessage): Partial<Activity> {
  if (message.card) {
    const activity = MessageFactory.attachment(CardFactory.adaptiveCard(message.card));
    if (message.text) activity.summary = message.text;
    return activity;
  }
  return MessageFactory.text(message.text ?? '');
}

/** Throttling (429) and server errors are worth retrying; the Retry-After header is honoured. */
function classify(error: unknown): { transient: boolean; retryAfterMs?: number } {
  const e = error as {
    statusCode?: number;
    response?: { headers?: { get?: (n: string) => string | undefined } };
    code?: string;
  };
  const status = e?.statusCode;
  const retryAfter = Number(e?.response?.headers?.get?.('retry-after'));
  const retryAfterMs = Number.isFinite(retryAfter) ? retryAfter * 1000 : undefined;
  if (
    status === 429 ||
    (status !== undefined && status >= 500) ||
    e?.code === 'ECONNRESET' ||
    e?.code === 'ECONNREFUSED'
  ) {
    return { transient: true, retryAfterMs };
  }
  return { transient: false };
}

/**
 * Runs proactive work so that its failure reaches the caller. The adapter runs the callback through its middleware,
 * which hands errors to onTurnError and returns normally: a failed send would look delivered and never be retried.
 */
async function surfaceErrors(
  run: (logic: (context: TurnContext) => Promise<void>) => Promise<void>,
  work: (context: TurnContext) => Promise<void>,
): Promise<void> {
  let failure: { error: unknown } | undefined;
  await run(async (context) => {
    try {
      await work(context);
    } catch (error) {
      failure = { error };
    }
  });
  if (failure) throw failure.error;
}

/** Teams' permanent refusal of a user: 403 when opening a 1:1 chat or sending into one. */
function isRefusal(error: unknown): boolean {
  return (error as { statusCode?: number } | undefined)?.statusCode === 403;
}

/** The id the Bot Connector gave a sent activity; without one the message cannot be updated later. */
function sentId(response: { id?: string } | undefined): string {
  if (!response?.id) throw Object.assign(new Error('the Bot Connector returned no activity id'), { statusCode: 502 });
  return response.id;
}

/**
 * Proactive messages through the Bot Connector, paced under Teams' limits, with exponential backoff and jitter on
 * 429 and 5xx. A Retry-After longer than the policy's cap rejects with RetryLaterError (the caller parks the
 * message). Each user's 1:1 chat is opened once, however many messages for them are sent at the same time.
 */
export class TeamsNotifier implements Notifier {
  private readonly pacer: Pacer;
  /** Chats being opened, by user: concurrent sends to a new user share one creation. */
  private readonly opening = new Map<string, Promise<StoredConversationReference>>();
  private saidNoServiceUrl = false;

  constructor(private readonly deps: TeamsNotifierDeps) {
    this.pacer = deps.pacer ?? new Pacer();
  }

  private retry<T>(operation: () => Promise<T>): Promise<T> {
    return withRetry(operation, classify, this.deps.retry ?? defaultRetry, undefined, this.deps.signal);
  }

  private async serviceUrl(): Promise<string | undefined> {
    return this.deps.defaultServiceUrl ?? (await this.deps.conversations.latestServiceUrl());
  }

  /** Said once a process, the first time a message has to wait for someone to talk to the bot; thrown every time. */
  private noServiceUrlYet(): NoServiceUrlYetError {
    if (!this.saidNoServiceUrl) {
      this.saidNoServiceUrl = true;
      this.deps.logger.warn(
        { code: 'NO_SERVICE_URL_YET' },
        'Teams messages wait in their outbox until someone talks to the bot (its Bot Connector address is not known yet)',
      );
    }
    return new NoServiceUrlYetError();
  }

  async sendToUser(userId: string, message: OutboundMessage, options: SendOptions = {}): Promise<Delivery> {
    const first = await this.trySend(userId, message, options);
    if (first.kind !== 'unreachable' || !this.deps.makeReachable) return first;
    if (!(await this.deps.makeReachable(userId, first.reason))) return first;
    return this.trySend(userId, message, options);
  }

  private async trySend(userId: string, message: OutboundMessage, options: SendOptions): Promise<Delivery> {
    const stored = await this.deps.conversations.get(userId);
    try {
      if (stored) {
        const activityId = await this.send(toReference(stored), message, options);
        return { kind: 'delivered', sent: { userId, conversationId: stored.conversation.id, activityId } };
      }
      const opened = await this.openChat(userId);
      const activityId = await this.send(toReference(opened), message, options);
      return { kind: 'delivered', sent: { userId, conversationId: opened.conversation.id, activityId } };
    } catch (error) {
      if (!isRefusal(error)) throw error;
      const reason: UnreachableReason = stored ? 'blocked' : 'appNotInstalled';
      this.deps.logger.warn({ userId, reason, code: 'RECIPIENT_UNREACHABLE' }, 'Teams refused the recipient (403)');
      return { kind: 'unreachable', userId, reason };
    }
  }

  async update(sent: SentMessage, message: OutboundMessage): Promise<void> {
    const stored = await this.deps.conversations.get(sent.userId);
    const reference = stored ? toReference(stored) : this.referenceFor(sent.conversationId, await this.serviceUrl());
    if (!reference.serviceUrl) throw this.noServiceUrlYet();
    const target = {
      ...reference,
      conversation: { ...reference.conversation!, id: sent.conversationId },
    } as ConversationReference;
    await this.retry(async () => {
      await this.pacer.take(sent.conversationId);
      await surfaceErrors(
        (logic) => this.deps.adapter.continueConversationAsync(this.deps.appId, target, logic),
        async (context) => {
          await context.updateActivity({ ...toActivity(message), id: sent.activityId });
        },
      );
    });
  }

  private referenceFor(conversationId: string, serviceUrl: string | undefined): Partial<ConversationReference> {
    return {
      channelId: Channels.Msteams,
      serviceUrl: serviceUrl ?? '',
      conversation: {
        id: conversationId,
        tenantId: this.deps.tenantId,
        isGroup: false,
        conversationType: 'personal',
        name: '',
      },
      bot: { id: this.deps.appId || 'bot', name: '' },
    };
  }

  private async send(
    reference: Partial<ConversationReference>,
    message: OutboundMessage,
    options: SendOptions = {},
  ): Promise<string> {
    let activityId = '';
    let announced = false;
    await this.retry(async () => {
      await this.pacer.take(reference.conversation?.id ?? '');
      if (!announced) {
        // Only now may it reach the user: the caller's in-flight mark goes here, not before the pacing wait.
        announced = true;
        await options.beforeSend?.();
      }
      await surfaceErrors(
        (logic) => this.deps.adapter.continueConversationAsync(this.deps.appId, reference, logic),
        async (context) => {
          activityId = sentId(await context.sendActivity(toActivity(message)));
        },
      );
    });
    return activityId;
  }

  /**
   * Runs `work` as a turn of the user's 1:1 chat with the bot, opening that chat first when the bot has none with
   * them: answers asked for in a group chat or channel that must stay private go there. Opening the chat is retried
   * on throttling; `work` itself runs once (its sends are ordinary replies of that turn). `unreachable` when Teams
   * refuses (403: the app is not installed for the user); other failures reject.
   */
  async inPersonalChat(
    user: { id: string; name?: string },
    work: (context: TurnContext) => Promise<void>,
    hint: { serviceUrl?: string; locale?: string } = {},
  ): Promise<'done' | 'unreachable'> {
    let stored = await this.deps.conversations.get(user.id);
    if (!stored) {
      try {
        // As for approval cards: opened once however many answers are on their way, and paced.
        stored = await this.openChat(user.id, { ...hint, name: user.name, purpose: 'a private answer' });
      } catch (error) {
        if (!isRefusal(error)) throw error;
        const log = { userId: user.id, code: 'PERSONAL_CHAT_REFUSED' };
        this.deps.logger.warn(log, 'Teams refused to open a 1:1 chat (403)');
        return 'unreachable';
      }
    }
    const reference = toReference(stored) as ConversationReference;
    const conversationId = stored.conversation.id;
    try {
      const run = (logic: (context: TurnContext) => Promise<void>) =>
        this.deps.adapter.continueConversationAsync(this.deps.appId, reference, logic);
      await surfaceErrors(run, async (context) => {
        // The answer's messages are proactive sends into the 1:1 chat: paced like every other.
        context.onSendActivities(async (_context, activities, next) => {
          for (let i = 0; i < activities.length; i++) await this.pacer.take(conversationId);
          return next();
        });
        context.onUpdateActivity(async (_context, _activity, next) => {
          await this.pacer.take(conversationId);
          return next();
        });
        await work(context);
      });
    } catch (error) {
      if (!isRefusal(error)) throw error;
      const log = { userId: user.id, code: 'PERSONAL_CHAT_REFUSED' };
      this.deps.logger.warn(log, 'Teams refused a message into the 1:1 chat (403)');
      return 'unreachable';
    }
    return 'done';
  }

  /** The user's 1:1 chat, opened once: a second caller while it is being opened waits for the same creation. */
  private openChat(userId: string, details: ChatDetails = {}): Promise<StoredConversationReference> {
    let opening = this.opening.get(userId);
    if (!opening) {
      opening = this.createChat(userId, details).finally(() => this.opening.delete(userId));
      this.opening.set(userId, opening);
    }
    return opening;
  }

  /** Opens a 1:1 chat with a user the bot has not met (Teams accepts the Entra object id) and remembers it. */
  private async createChat(userId: string, details: ChatDetails): Promise<StoredConversationReference> {
    const serviceUrl = details.serviceUrl || (await this.serviceUrl());
    if (!serviceUrl) throw this.noServiceUrlYet();
    const parameters: ConversationParameters = {
      isGroup: false,
      bot: { id: this.deps.appId || 'bot', name: '' },
      members: [{ id: userId, name: details.name ?? '' }],
      tenantId: this.deps.tenantId,
      channelData: { tenant: { id: this.deps.tenantId } },
      activity: undefined,
    };
    let conversationId = '';
    await this.retry(async () => {
      await this.pacer.take();
      await surfaceErrors(
        (logic) =>
          this.deps.adapter.createConversationAsync(
            this.deps.appId,
            Channels.Msteams,
            serviceUrl,
            '',
            parameters,
            logic,
          ),
        async (context) => {
          conversationId = context.activity.conversation.id;
        },
      );
    });
    const stored: StoredConversationReference = {
      channelId: Channels.Msteams,
      serviceUrl,
      conversation: { id: conversationId, tenantId: this.deps.tenantId, conversationType: 'personal' },
      user: { id: userId, aadObjectId: userId, ...(details.name ? { name: details.name } : {}) },
      bot: { id: this.deps.appId || 'bot' },
      ...(details.locale ? { locale: details.locale } : {}),
    };
    await this.deps.conversations.save(userId, stored);
    const purpose = details.purpose ?? 'a proactive message';
    this.deps.logger.info({ userId, code: 'CONVERSATION_CREATED' }, `opened a 1:1 chat for ${purpose}`);
    return stored;
  }
}

/** What is known of a person whose 1:1 chat is opened: where they talked to us, their name and language. */
interface ChatDetails {
  serviceUrl?: string;
  name?: string;
  locale?: string;
  /** For the log line: why the chat was opened. */
  purpose?: string;
}

function toReference(stored: StoredConversationReference): Partial<ConversationReference> {
  return {
    channelId: stored.channelId,
    serviceUrl: stored.serviceUrl,
    conversation: {
      id: stored.conversation.id,
      tenantId: stored.conversation.tenantId,
      conversationType: stored.conversation.conversationType ?? 'personal',
      isGroup: false,
      name: '',
    },
    user: stored.user
      ? { id: stored.user.id, aadObjectId: stored.user.aadObjectId, name: stored.user.name ?? '' }
      : undefined,
    bot: { id: stored.bot.id, name: stored.bot.name ?? '' },
    locale: stored.locale,
  };
}

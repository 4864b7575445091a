import {
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type ConversationState,
  type StatePropertyAccessor,
  type ChannelAccount,
  type InvokeResponse,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogState } from 'botbuilder-dialogs';
import { identifyUser } from '../app/identifyUser.js';
import type { AppServices } from '../app/appServices.js';
import { languageOf, translator } from '../i18n/i18n.js';
import { checkOrigin } from './activityOrigin.js';
import { RecentActivities } from './recentActivities.js';
import { activityTenantId } from './activityTenant.js';
import { parseCommand } from './commands/parseCommand.js';
import { suggestCommand } from './commands/suggestCommand.js';
import { clip, escapeMarkdown } from '../cards/cardTemplate.js';
import { helpMessage } from './helpMessage.js';
import { TURN_USER, type CardActionHandlers, type CommandHandlers, type Turn, type TurnUser } from './turn.js';

export interface GuestAccessBotDeps {
  services: AppServices;
  /** The only tenant this bot serves (the directory's). */
  tenantId: string;
  /** No authentication: non-Teams test clients are admitted, and users may be matched by channel id. */
  localMode: boolean;
  conversationState: ConversationState;
  commands: CommandHandlers;
  cardActions: CardActionHandlers;
  /** Registers the bot's dialogs on the set. */
  registerDialogs?: (dialogs: DialogSet) => void;
}

export class GuestAccessBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly recent = new RecentActivities();
  private readonly dialogs: DialogSet;

  constructor(private readonly deps: GuestAccessBotDeps) {
    super();
    this.dialogState = deps.conversationState.createProperty<DialogState>('dialogState');
    this.dialogs = new DialogSet(this.dialogState);
    deps.registerDialogs?.(this.dialogs);

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await this.welcome(context, context.activity.membersAdded ?? []);
      await next();
    });
  }

  /** Refuses activities from other tenants (or other channels) before any handler, store or dialog state is touched. */
  override async run(context: TurnContext): Promise<void> {
    const origin = checkOrigin(context.activity, { tenantId: this.deps.tenantId, localMode: this.deps.localMode });
    if (origin !== 'ok') {
      const tenant = activityTenantId(context.activity);
      const code = origin === 'wrongTenant' ? 'WRONG_TENANT' : 'WRONG_CHANNEL';
      this.deps.services.logger.warn(
        { activityId: context.activity.id, type: context.activity.type, tenant: tenant ?? null, channel: context.activity.channelId, code },
        'activity refused',
      );
      const tr = translator(languageOf(context.activity.locale));
      const key = origin === 'wrongTenant' ? 'common.wrongTenant' : 'common.wrongChannel';
      if (context.activity.type === 'message') await context.sendActivity(tr(key));
      if (context.activity.type === 'invoke') {
        await context.sendActivity({
          type: 'invokeResponse',
          value: {
            status: 200,
            body: {
              statusCode: 403,
              type: 'application/vnd.microsoft.error',
              value: { code, message: tr(key) },
            },
          } satisfies InvokeResponse,
        });
      }
      return;
    }
    await super.run(context);
    await this.deps.conversationState.saveChanges(context, false);
  }

  private async turnUser(context: TurnContext): Promise<TurnUser | undefined> {
    const profile = await identifyUser(this.deps.services.directory, context.activity.from, { byChannelId: this.deps.localMode });
    if (!profile) return undefined;
    const lang = languageOf(context.activity.locale ?? profile.user.preferredLanguage);
    return { profile, lang, tr: translator(lang) };
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const { id, conversation } = context.activity;
    if (id && !this.recent.firstTime(`${conversation?.id}|${id}`)) {
      this.deps.services.logger.info({ activityId: id, code: 'REDELIVERY_IGNORED' }, 'message delivered again; handled once');
      return;
    }
    const user = await this.turnUser(context);
    if (!user) {
      await context.sendActivity(translator(languageOf(context.activity.locale))('common.notInDirectory'));
      return;
    }
    await this.rememberConversation(context, user);
    context.turnState.set(TURN_USER, user);
    const dialogs = await this.dialogs.createContext(context);
    const turn: Turn = { context, user, dialogs };
    const command = parseCommand(context.activity.text);

    if (dialogs.activeDialog) {
      if (command.kind === 'cancelDialog') {
        await dialogs.cancelAllDialogs();
        await context.sendActivity(user.tr('common.dialogCancelled'));
        return;
      }
      const result = await dialogs.continueDialog();
      if (result.status !== DialogTurnStatus.empty) return;
    }

    if (command.kind === 'help') {
      await context.sendActivity(helpMessage(user.tr, user.profile));
      return;
    }
    const handler = this.deps.commands[command.kind] as ((t: Turn, c: typeof command) => Promise<void>) | undefined;
    if (handler) {
      await handler(turn, command);
      return;
    }
    if (command.kind === 'cancelDialog') {
      await context.sendActivity(user.tr('common.nothingToCancel'));
      return;
    }
    const suggestion = command.kind === 'unknown' ? suggestCommand(command.text) : undefined;
    if (suggestion && command.kind === 'unknown') {
      const typed = command.text.split(/\s+/).slice(0, suggestion.command.split(' ').length).join(' ');
      await context.sendActivity(
        user.tr('common.didYouMean', {
          typed: escapeMarkdown(clip(typed, 40)),
          suggestion: escapeMarkdown(clip([suggestion.command, suggestion.rest].filter(Boolean).join(' '), 200)),
        }),
      );
      return;
    }
    await context.sendActivity(user.tr('common.unknownCommand'));
  }

  private async welcome(context: TurnContext, added: ChannelAccount[]): Promise<void> {
    const botId = context.activity.recipient?.id;
    const isPersonal = context.activity.conversation?.conversationType === 'personal';
    // Greet once: when the bot itself is installed (team/group chat), or the user joins a 1:1 chat with it.
    const greet = added.some((m) => m.id === botId) || (isPersonal && added.some((m) => m.id !== botId));
    if (!greet) return;
    const user = await this.turnUser(context);
    if (user) await this.rememberConversation(context, user);
    const lang = user?.lang ?? languageOf(context.activity.locale);
    const name = user?.profile.user.displayName ?? context.activity.from?.name ?? '';
    await context.sendActivity(translator(lang)('common.welcome', { name }));
  }

  /** Keeps the 1:1 conversation reference of everyone who talks to the bot, for proactive cards later. */
  private async rememberConversation(context: TurnContext, user: TurnUser): Promise<void> {
    if (context.activity.conversation?.conversationType && context.activity.conversation.conversationType !== 'personal') return;
    const ref = TurnContext.getConversationReference(context.activity);
    await this.deps.services.conversations.save(user.profile.user.id, {
      channelId: ref.channelId ?? 'msteams',
      serviceUrl: ref.serviceUrl ?? '',
      conversation: {
        id: ref.conversation?.id ?? '',
        tenantId: activityTenantId(context.activity),
        conversationType: ref.conversation?.conversationType,
      },
      user: ref.user ? { id: ref.user.id, aadObjectId: ref.user.aadObjectId, name: ref.user.name } : undefined,
      bot: { id: ref.bot?.id ?? '', name: ref.bot?.name },
      locale: context.activity.locale,
    });
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const verb = invokeValue.action?.verb ?? '';
    const user = await this.turnUser(context);
    const lang = user?.lang ?? languageOf(context.activity.locale);
    const fail = (statusCode: number, code: string, key: Parameters<ReturnType<typeof translator>>[0]) => ({
      statusCode,
      type: 'application/vnd.microsoft.error',
      value: { code, message: translator(lang)(key) },
    });
    if (!user) return fail(403, 'NOT_IN_DIRECTORY', 'common.notInDirectory');
    const handler = this.deps.cardActions[verb];
    if (!handler) return fail(400, 'UNKNOWN_ACTION', 'common.unknownAction');
    const data = invokeValue.action?.data;
    const trigger = (invokeValue as { trigger?: string }).trigger === 'automatic' ? 'automatic' : 'manual';
    return handler({ context, user }, data && typeof data === 'object' ? (data as Record<string, unknown>) : {}, { trigger });
  }
}

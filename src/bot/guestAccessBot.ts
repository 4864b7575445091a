import {
  TeamsActivityHandler,
  TeamsInfo,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type StatePropertyAccessor,
  type ChannelAccount,
  type InvokeResponse,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogContext, type DialogState } from 'botbuilder-dialogs';
import { identifyUser } from '../app/shared/identifyUser.js';
import type { AppServices } from '../app/shared/appServices.js';
import { DEFAULT_TIME_ZONE, readerTimeZone } from '../i18n/dates.js';
import { languageOf, translator } from '../i18n/i18n.js';
import { leaveDialogQuestion, yesOrNo } from './dialogs/leaveDialog.js';
import { checkOrigin } from './activityOrigin.js';
import type { SeenActivities } from '../ports/seenActivities.js';
import { checkInvoke, validMembersAdded } from './invokeDoor.js';
import { RecentActivities } from './recentActivities.js';
import { activityTenantId } from './activityTenant.js';
import { commandLanguage } from './commands/commandLanguage.js';
import { parseCommand, type Command } from './commands/parseCommand.js';
import { suggestCommand } from './commands/suggestCommand.js';
import { clip, escapeMarkdown } from '../cards/cardTemplate.js';
import { answerPlace } from './answerPlace.js';
import { scopeOf, teamOf } from './conversationScope.js';
import { helpMessage } from './helpMessage.js';
import { removeBotMention } from './mentions.js';
import type { DialogConversationState } from './dialogState.js';
import { TURN_USER, type CardActionHandlers, type CommandHandlers, type Turn, type TurnUser } from './turn.js';

export interface GuestAccessBotDeps {
  services: AppServices;
  /** The tenant's time zone (TENANT_TIME_ZONE), for readers whose Teams client sends none. */
  timeZone?: string;
  /** The only tenant this bot serves (the directory's). */
  tenantId: string;
  /** No authentication: non-Teams test clients are admitted, and users may be matched by channel id. */
  localMode: boolean;
  /** Dialog stacks: per conversation, and per person in group chats and channels. */
  conversationState: DialogConversationState;
  commands: CommandHandlers;
  cardActions: CardActionHandlers;
  /** Registers the bot's dialogs on the set. */
  registerDialogs?: (dialogs: DialogSet) => void;
  /** Where handled activity ids are remembered; this process's memory unless instances share a store. */
  seenActivities?: SeenActivities;
  /** Runs a turn in the asker's 1:1 chat, for answers that must not show in a group chat or channel. */
  personalChat?: PersonalChat;
}

/** Opens (or finds) a user's 1:1 chat with the bot and runs work as a turn there; `unreachable` on Teams' 403. */
export interface PersonalChat {
  inPersonalChat(
    user: { id: string; name?: string },
    work: (context: TurnContext) => Promise<void>,
    hint?: { serviceUrl?: string; locale?: string },
  ): Promise<'done' | 'unreachable'>;
}

export class GuestAccessBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  /** The command typed while a dialog waited for an answer, until the user says whether to leave the dialog. */
  private readonly leaveFor: StatePropertyAccessor<string | undefined>;
  private readonly recent: SeenActivities;
  private readonly dialogs: DialogSet;
  /** Help texts per profile (a new one with every directory change) and language. */
  private readonly helpTexts = new WeakMap<TurnUser['profile'], Map<TurnUser['lang'], string>>();
  /** Team id → its Microsoft 365 group id, as Teams told (a cache: Teams can always be asked again). */
  private readonly teamGroups = new Map<string, string>();

  constructor(private readonly deps: GuestAccessBotDeps) {
    super();
    this.recent = deps.seenActivities ?? new RecentActivities();
    this.dialogState = deps.conversationState.createProperty<DialogState>('dialogState');
    this.leaveFor = deps.conversationState.createProperty<string | undefined>('leaveDialogFor');
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
        {
          activityId: context.activity.id,
          type: context.activity.type,
          tenant: tenant ?? null,
          channel: context.activity.channelId,
          code,
        },
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
    if (context.activity.type === 'conversationUpdate') {
      const members = [
        validMembersAdded(context.activity),
        validMembersAdded({
          type: 'conversationUpdate',
          membersAdded: (context.activity as { membersRemoved?: [] }).membersRemoved,
        }),
      ];
      if (members.includes('malformed')) {
        this.deps.services.logger.warn(
          { activityId: context.activity.id, code: 'MALFORMED_MEMBERS' },
          'conversation update with malformed members ignored',
        );
        return;
      }
    }
    await super.run(context);
    await this.deps.conversationState.saveChanges(context, false);
  }

  /** Every invoke passes the door first: malformed values and unknown names get 4xx, never a failed turn. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const verdict = checkInvoke(context.activity);
    if (verdict.kind === 'empty') return { status: 200 };
    if (verdict.kind === 'refused') {
      this.deps.services.logger.warn({ activityId: context.activity.id, code: verdict.code }, 'invoke refused');
      const body = {
        statusCode: verdict.status,
        type: 'application/vnd.microsoft.error',
        value: { code: verdict.code, message: translator(languageOf(context.activity.locale))('common.unknownAction') },
      };
      return { status: verdict.status, body };
    }
    const response = await this.onAdaptiveCardInvoke(context, verdict.value);
    return { status: response.statusCode, body: response };
  }

  /**
   * Who is asking, and in which language to answer: the language they pinned (`language nl`), else the one of this
   * message's command word when it is clearly Dutch or English (remembered for later turns and proactive messages),
   * else the one of their last such command, else the client's locale, else the directory's preferredLanguage.
   */
  private async turnUser(context: TurnContext, text?: string): Promise<TurnUser | undefined> {
    const profile = await identifyUser(this.deps.services.directory, context.activity.from, {
      byChannelId: this.deps.localMode,
    });
    if (!profile) return undefined;
    const languages = this.deps.services.languages;
    const preference = await languages?.get(profile.user.id);
    const spoken = commandLanguage(text);
    if (spoken && spoken !== preference?.spoken) await languages?.noteSpoken(profile.user.id, spoken);
    const fromClient = languageOf(context.activity.locale ?? profile.user.preferredLanguage);
    const lang = preference?.pinned ?? spoken ?? preference?.spoken ?? fromClient;
    const timeZone = readerTimeZone(context.activity, this.deps.timeZone ?? DEFAULT_TIME_ZONE);
    return { profile, lang, tr: translator(lang), timeZone };
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const { id, conversation } = context.activity;
    if (id && !(await this.recent.firstTime(`${conversation?.id}|${id}`))) {
      this.deps.services.logger.info(
        { activityId: id, code: 'REDELIVERY_IGNORED' },
        'message delivered again; handled once',
      );
      return;
    }
    // Before anything reads the text (parser, dialog prompts): in group chats and channels it starts with our mention.
    removeBotMention(context.activity);
    const user = await this.turnUser(context, context.activity.text);
    if (!user) {
      await context.sendActivity(translator(languageOf(context.activity.locale))('common.notInDirectory'));
      return;
    }
    await this.rememberConversation(context, user);
    context.turnState.set(TURN_USER, user);
    // Most turns are commands outside any dialog: a DialogContext (and its memory scopes) is built only when a dialog
    // is under way or a command starts one.
    let dialogs = (await this.deps.conversationState.dialogUnderWay(context))
      ? await this.dialogs.createContext(context)
      : undefined;
    const turn: Turn = { context, user, dialogs: async () => (dialogs ??= await this.dialogs.createContext(context)) };
    let command = parseCommand(context.activity.text);

    if (dialogs?.activeDialog) {
      if (command.kind === 'cancelDialog') {
        await dialogs.cancelAllDialogs();
        await context.sendActivity(user.tr('common.dialogCancelled'));
        return;
      }
      const asked = await this.leaveFor.get(context);
      if (asked !== undefined) {
        await this.leaveFor.delete(context);
        const answer = yesOrNo(context.activity.text);
        if (answer === 'no') {
          await dialogs.repromptDialog();
          return;
        }
        if (answer === 'yes') {
          await dialogs.cancelAllDialogs();
          await context.sendActivity(user.tr('dialog.left'));
          command = parseCommand(asked);
        }
      }
    }
    if (dialogs?.activeDialog) {
      // A command typed where the dialog waits for an answer is not an answer: ask before leaving the dialog.
      if (command.kind !== 'unknown') {
        await this.leaveFor.set(context, context.activity.text ?? '');
        await context.sendActivity(leaveDialogQuestion(user.tr, context.activity.text ?? ''));
        return;
      }
      const result = await dialogs.continueDialog();
      if (result.status !== DialogTurnStatus.empty) return;
    }

    const scope = scopeOf(context.activity);
    if (command.kind === 'invite' && !command.group && scope === 'channel') {
      // Typed in a team's channel: that team's group, unless the message names another.
      const groupId = await this.teamGroupId(context);
      if (groupId) command = { ...command, group: groupId };
    }
    if (answerPlace(command.kind, scope) === 'personalChat') {
      await this.answerInPersonalChat(turn, command);
      return;
    }
    await this.runCommand(turn, command);
  }

  private async runCommand(turn: Turn, command: Command): Promise<void> {
    const { context, user } = turn;
    if (command.kind === 'help') {
      const help = this.helpFor(user);
      // In a group chat or channel, say which answers come here and which privately.
      const scope = scopeOf(context.activity);
      const note = scope === 'channel' ? 'teams.help.inChannel' : 'teams.help.inGroupChat';
      await context.sendActivity(scope === 'personal' ? help : `${help}\n\n${user.tr(note)}`);
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

  private helpFor(user: TurnUser): string {
    let texts = this.helpTexts.get(user.profile);
    if (!texts) this.helpTexts.set(user.profile, (texts = new Map<TurnUser['lang'], string>()));
    let text = texts.get(user.lang);
    if (text === undefined) texts.set(user.lang, (text = helpMessage(user.tr, user.profile)));
    return text;
  }

  /**
   * Runs the command as a turn of the asker's 1:1 chat (its own dialog state there) and leaves a short note where
   * they asked; when Teams will not open that chat, says to ask in a personal chat instead.
   */
  private async answerInPersonalChat(turn: Turn, command: Command): Promise<void> {
    const { context, user } = turn;
    let outcome: 'done' | 'unreachable' = 'unreachable';
    try {
      outcome = this.deps.personalChat
        ? await this.deps.personalChat.inPersonalChat(
            { id: user.profile.user.id, name: user.profile.user.displayName },
            async (privateContext) => {
              privateContext.turnState.set(TURN_USER, user);
              let dialogs: DialogContext | undefined;
              const dialogContext = async () => (dialogs ??= await this.dialogs.createContext(privateContext));
              // A new invite replaces one left unfinished in the personal chat.
              if (command.kind === 'invite') {
                const started = await dialogContext();
                if (started.activeDialog) await started.cancelAllDialogs();
              }
              await this.runCommand({ context: privateContext, user, dialogs: dialogContext }, command);
              await this.deps.conversationState.saveChanges(privateContext, false);
            },
            { serviceUrl: context.activity.serviceUrl, locale: context.activity.locale },
          )
        : 'unreachable';
    } catch (error) {
      // Teams kept failing (not a refusal): nothing private was shown here; the person can ask again or privately.
      const log = { err: error, activityId: context.activity.id, code: 'PERSONAL_CHAT_FAILED' };
      this.deps.services.logger.error(log, 'private answer failed');
    }
    if (outcome === 'unreachable') {
      await context.sendActivity(user.tr('teams.private.askPersonal'));
      return;
    }
    await context.sendActivity(user.tr(command.kind === 'invite' ? 'teams.private.inviteMoved' : 'teams.private.sent'));
  }

  /**
   * The Microsoft 365 group of the team a channel message comes from: `channelData.team.aadGroupId` when Teams sends
   * it, else what the bot learnt for that team (installation events carry it), else the Bot Connector's team details.
   */
  private async teamGroupId(context: TurnContext): Promise<string | undefined> {
    const team = teamOf(context.activity);
    if (!team) return undefined;
    let groupId = team.aadGroupId ?? this.teamGroups.get(team.teamId);
    if (!groupId) {
      try {
        groupId = (await TeamsInfo.getTeamDetails(context, team.teamId)).aadGroupId;
      } catch (error) {
        const log = { err: error, activityId: context.activity.id, code: 'TEAM_DETAILS_UNAVAILABLE' };
        this.deps.services.logger.info(log, 'team details unavailable');
      }
    }
    if (!groupId || !(await this.deps.services.directory.getGroup(groupId))) return undefined;
    this.teamGroups.set(team.teamId, groupId);
    return groupId;
  }

  private async welcome(context: TurnContext, added: ChannelAccount[]): Promise<void> {
    const botId = context.activity.recipient?.id;
    const isPersonal = context.activity.conversation?.conversationType === 'personal';
    // Greet once: when the bot itself is installed (team/group chat), or the user joins a 1:1 chat with it.
    const greet = added.some((m) => m.id === botId) || (isPersonal && added.some((m) => m.id !== botId));
    const team = teamOf(context.activity);
    if (team?.aadGroupId) this.teamGroups.set(team.teamId, team.aadGroupId);
    if (!greet) return;
    const user = await this.turnUser(context);
    if (user) await this.rememberConversation(context, user);
    const lang = user?.lang ?? languageOf(context.activity.locale);
    const name = user?.profile.user.displayName ?? context.activity.from?.name ?? '';
    const tr = translator(lang);
    await context.sendActivity(`${tr('common.welcome', { name })}\n\n${tr('teams.language.hint')}`);
  }

  /** Keeps the 1:1 conversation reference of everyone who talks to the bot, for proactive cards later. */
  private async rememberConversation(context: TurnContext, user: TurnUser): Promise<void> {
    if (
      context.activity.conversation?.conversationType &&
      context.activity.conversation.conversationType !== 'personal'
    )
      return;
    // The conversation reference (TurnContext.getConversationReference) as plain data, read from the activity.
    const { channelId, serviceUrl, conversation, from, recipient, locale } = context.activity;
    await this.deps.services.conversations.save(user.profile.user.id, {
      channelId: channelId ?? 'msteams',
      serviceUrl: serviceUrl ?? '',
      conversation: {
        id: conversation?.id ?? '',
        tenantId: activityTenantId(context.activity),
        conversationType: conversation?.conversationType,
      },
      user: from ? { id: from.id, aadObjectId: from.aadObjectId, name: from.name } : undefined,
      bot: { id: recipient?.id ?? '', name: recipient?.name },
      locale,
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
    // Own properties only: 'constructor' or 'toString' must not find Object.prototype's functions.
    const handler = Object.hasOwn(this.deps.cardActions, verb) ? this.deps.cardActions[verb] : undefined;
    if (!handler) return fail(400, 'UNKNOWN_ACTION', 'common.unknownAction');
    const data = invokeValue.action?.data;
    const trigger = (invokeValue as { trigger?: string }).trigger === 'automatic' ? 'automatic' : 'manual';
    return handler({ context, user }, data && typeof data === 'object' ? data : {}, {
      trigger,
    });
  }
}

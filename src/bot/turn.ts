import type { TurnContext, AdaptiveCardInvokeResponse } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import type { UserProfile } from '../app/shared/identifyUser.js';
import type { Language, Translate } from '../i18n/i18n.js';
import type { Command } from './commands/parseCommand.js';

/** Where the bot keeps the turn's {@link TurnUser} in `context.turnState`, for dialogs. */
export const TURN_USER = Symbol('turnUser');

/** The authenticated user of this turn and their language. */
export interface TurnUser {
  profile: UserProfile;
  lang: Language;
  tr: Translate;
  /** IANA time zone for dates: the reader's Teams client's, else the tenant's. */
  timeZone: string;
}

/** One turn's view for handlers: the Bot Framework context, the user, and the dialog context. */
export interface Turn {
  context: TurnContext;
  user: TurnUser;
  /** The turn's dialog context, built on first use (most commands start no dialog). */
  dialogs: () => Promise<DialogContext>;
}

export type CommandHandler<C extends Command = Command> = (turn: Turn, command: C) => Promise<void>;
export type CommandHandlers = { [K in Command['kind']]?: CommandHandler<Extract<Command, { kind: K }>> };

/** Card actions: one handler per Action.Execute verb. `data` is what the card sent back: ids only, untrusted. */
export type CardActionHandler = (
  turn: Omit<Turn, 'dialogs'>,
  data: Record<string, unknown>,
  invoke: { trigger: 'manual' | 'automatic' },
) => Promise<AdaptiveCardInvokeResponse>;
export type CardActionHandlers = Record<string, CardActionHandler>;

import { DeliveryModes, ShowTypingMiddleware, type Middleware, type TurnContext } from 'botbuilder';
import type { Logger } from '../logger.js';
import { scopeOf } from './conversationScope.js';

/**
 * botbuilder's ShowTypingMiddleware ("…" after `delay` ms, then every `period` ms until the turn ends), for message
 * turns whose answer may take a while. Skipped where it cannot be seen: channels (Teams shows no typing there) and
 * `expectReplies` turns (the replies come back in the HTTP response, there is no chat to type into). A failed
 * typing activity is logged, never treated as a failed turn (the middleware would hand it to onTurnError, which
 * apologises and drops the dialog).
 */
export class TypingIndicator implements Middleware {
  private readonly inner: ShowTypingMiddleware;

  constructor(
    private readonly logger: Logger,
    delayMs = 500,
    periodMs = 2000,
  ) {
    this.inner = new ShowTypingMiddleware(delayMs, periodMs);
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    const unseen = activity.deliveryMode === DeliveryModes.ExpectReplies || scopeOf(activity) === 'channel';
    if (activity.type !== 'message' || unseen) {
      await next();
      return;
    }
    // The middleware only reads the activity, the turn state and the adapter's send; its error path goes to our log.
    const adapter = context.adapter;
    const view = {
      activity,
      turnState: context.turnState,
      adapter: {
        BotIdentityKey: adapter.BotIdentityKey,
        sendActivities: (_ctx: TurnContext, activities: Parameters<typeof adapter.sendActivities>[1]) =>
          adapter.sendActivities(context, activities),
        onTurnError: async (_ctx: TurnContext, err: Error) => {
          this.logger.warn({ err, activityId: activity.id, code: 'TYPING_FAILED' }, 'typing indicator not sent');
        },
      },
    } as unknown as TurnContext;
    await this.inner.onTurn(view, next);
  }
}

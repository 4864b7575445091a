/**
 * The activities a bot has already handled, so a redelivery is recognised. Teams resends an activity it did not see
 * answered within ~15 s, possibly to another instance of the bot: a store several instances share makes "first
 * time" true for exactly one of them.
 */
export interface SeenActivities {
  /** True the first time a key is offered within the store's time window, false for a repeat. */
  firstTime(key: string): boolean | Promise<boolean>;
}

/**
 * What came of installing the bot's Teams app for a person who never opened it: the 1:1 chat between them and the
 * app (its id is the conversation id the Bot Connector accepts), or a refusal with a stable code
 * (`INSTALL_REFUSED`: an app permission policy or setup policy blocks the app for them; `APP_NOT_IN_CATALOG`: the
 * app is not in the organisation's Teams app catalog; `USER_NOT_FOUND`).
 */
export type AppInstallation = { kind: 'installed'; chatId: string } | { kind: 'refused'; code: string };

/**
 * Installs the bot's Teams app in a user's personal scope, so the bot can message someone who never opened it.
 * Idempotent: an app already installed counts as installed. Transient failures (throttling, outage) reject.
 */
export interface AppInstaller {
  installFor(userId: string): Promise<AppInstallation>;
}

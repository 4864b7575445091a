import type { Logger } from '../../logger.js';
import type { AppInstaller } from '../../ports/appInstaller.js';
import type { ConversationStore } from '../../ports/conversationStore.js';

export interface ReachByInstallDeps {
  installer: AppInstaller;
  conversations: ConversationStore;
  logger: Logger;
  tenantId: string;
  /** The bot's app id (its Bot Framework id in Teams). */
  botId: string;
  /** The Bot Connector URL to send through (else the one most recently seen). */
  serviceUrl?: string;
}

/**
 * The notifier's `makeReachable` for people Teams refuses because the app is not installed for them: install it
 * through Graph, remember the 1:1 chat Graph names as their conversation, and let the notifier send once more.
 * Someone who blocked or removed the bot (`blocked`) is left alone: installing it again would override their choice.
 * When Teams then announces the installation, the bot records the person's Teams id (for card refresh) as for anyone.
 */
export function reachByInstall(
  deps: ReachByInstallDeps,
): (userId: string, reason: 'appNotInstalled' | 'blocked') => Promise<boolean> {
  return async (userId, reason) => {
    if (reason !== 'appNotInstalled') return false;
    const installation = await deps.installer.installFor(userId);
    if (installation.kind !== 'installed') {
      deps.logger.warn({ userId, code: installation.code }, 'could not install the app for an approver');
      return false;
    }
    const serviceUrl = deps.serviceUrl ?? (await deps.conversations.latestServiceUrl());
    if (!serviceUrl) return true; // nothing to send through yet; opening the chat is tried again
    await deps.conversations.save(userId, {
      channelId: 'msteams',
      serviceUrl,
      conversation: { id: installation.chatId, tenantId: deps.tenantId, conversationType: 'personal' },
      user: { id: userId, aadObjectId: userId },
      bot: { id: deps.botId || 'bot' },
    });
    return true;
  };
}

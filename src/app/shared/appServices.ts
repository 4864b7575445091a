import type { AuditIntents, AuditLog } from '../../ports/auditLog.js';
import type { Clock } from '../../ports/clock.js';
import type { ConversationStore } from '../../ports/conversationStore.js';
import type { Directory } from '../../ports/directory.js';
import type { LanguagePreferenceStore } from '../../ports/languagePreferenceStore.js';
import type { Logger } from '../../logger.js';

/** What every use case may depend on; built once in the composition root. */
export interface AppServices {
  directory: Directory;
  conversations: ConversationStore;
  audit: AuditLog;
  /** Write-ahead for directory changes outside request records; without it those entries are appended afterwards. */
  auditIntents?: AuditIntents;
  clock: Clock;
  logger: Logger;
  /** Pinned and spoken languages per user; without it, locale and directory decide. */
  languages?: LanguagePreferenceStore;
}

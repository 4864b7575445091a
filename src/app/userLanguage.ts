import { languageOf, type Language } from '../i18n/i18n.js';
import type { ConversationStore } from '../ports/conversationStore.js';
import type { Directory } from '../ports/directory.js';

/** The language to write to a user in when they are not in the conversation: their chat locale, else the directory's. */
export async function languageOfUser(userId: string, conversations: ConversationStore, directory: Directory): Promise<Language> {
  const ref = await conversations.get(userId);
  if (ref?.locale) return languageOf(ref.locale);
  const user = await directory.getUser(userId);
  return languageOf(user?.preferredLanguage);
}

import { languageOf, type Language } from '../../i18n/i18n.js';
import type { ConversationStore } from '../../ports/conversationStore.js';
import type { Directory } from '../../ports/directory.js';
import type { LanguagePreferenceStore } from '../../ports/languagePreferenceStore.js';

/**
 * The language to write to a user in when they are not in the conversation: the one they pinned, else the one of
 * their last clearly Dutch or English command, else their chat locale, else the directory's.
 */
export async function languageOfUser(
  userId: string,
  conversations: ConversationStore,
  directory: Directory,
  languages?: LanguagePreferenceStore,
): Promise<Language> {
  const preference = await languages?.get(userId);
  if (preference?.pinned) return preference.pinned;
  if (preference?.spoken) return preference.spoken;
  const ref = await conversations.get(userId);
  if (ref?.locale) return languageOf(ref.locale);
  const user = await directory.getUser(userId);
  return languageOf(user?.preferredLanguage);
}

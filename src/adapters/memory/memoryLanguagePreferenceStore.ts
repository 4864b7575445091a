import type { Language } from '../../i18n/i18n.js';
import type { LanguagePreference, LanguagePreferenceStore } from '../../ports/languagePreferenceStore.js';

/** {@link LanguagePreferenceStore} in memory, for tests. */
export class MemoryLanguagePreferenceStore implements LanguagePreferenceStore {
  private readonly preferences = new Map<string, LanguagePreference>();

  async get(userId: string): Promise<LanguagePreference | undefined> {
    const found = this.preferences.get(userId);
    return found && { ...found };
  }

  async pin(userId: string, language: Language | undefined): Promise<void> {
    const { pinned: _old, ...rest } = this.preferences.get(userId) ?? {};
    this.preferences.set(userId, language ? { ...rest, pinned: language } : rest);
  }

  async noteSpoken(userId: string, language: Language): Promise<void> {
    this.preferences.set(userId, { ...this.preferences.get(userId), spoken: language });
  }
}

import { join } from 'node:path';
import type { Language } from '../../i18n/i18n.js';
import type { LanguagePreference, LanguagePreferenceStore } from '../../ports/languagePreferenceStore.js';
import { LowdbFile } from './lowdbFile.js';
import { getOwn, setOwn } from './ownRecord.js';

interface LanguagesFile {
  users: Record<string, LanguagePreference>;
}

/** {@link LanguagePreferenceStore} in `<dataDir>/languages.json`; written only when a preference changes. */
export class LowdbLanguagePreferenceStore implements LanguagePreferenceStore {
  private constructor(private readonly file: LowdbFile<LanguagesFile>) {}

  static async open(dataDir: string): Promise<LowdbLanguagePreferenceStore> {
    return new LowdbLanguagePreferenceStore(await LowdbFile.open(join(dataDir, 'languages.json'), { users: {} }));
  }

  async get(userId: string): Promise<LanguagePreference | undefined> {
    const found = getOwn(this.file.data.users, userId);
    return found && { ...found };
  }

  async pin(userId: string, language: Language | undefined): Promise<void> {
    if (getOwn(this.file.data.users, userId)?.pinned === language) return;
    await this.file.update((data) => {
      const { pinned: _old, ...rest } = getOwn(data.users, userId) ?? {};
      setOwn(data.users, userId, language ? { ...rest, pinned: language } : rest);
    });
  }

  async noteSpoken(userId: string, language: Language): Promise<void> {
    if (getOwn(this.file.data.users, userId)?.spoken === language) return;
    await this.file.update((data) => {
      setOwn(data.users, userId, { ...getOwn(data.users, userId), spoken: language });
    });
  }
}

import { join } from 'node:path';
import type { Language } from '../../i18n/i18n.js';
import type { LanguagePreference, LanguagePreferenceStore } from '../../ports/languagePreferenceStore.js';
import { JsonJournal } from './jsonJournal.js';

interface LanguagesFile {
  users: Record<string, LanguagePreference>;
}

/** One write of the journal: a user's preference as it is now. */
interface LanguageChange {
  userId: string;
  preference: LanguagePreference;
}

/**
 * {@link LanguagePreferenceStore} in `<dataDir>/languages.json` and its journal `languages.changes.jsonl` (see
 * {@link JsonJournal}); written only when a preference changes, and then only that user's.
 */
export class LowdbLanguagePreferenceStore implements LanguagePreferenceStore {
  private readonly users = new Map<string, LanguagePreference>();
  private journal?: JsonJournal<LanguagesFile, LanguageChange>;

  private constructor() {}

  static async open(dataDir: string): Promise<LowdbLanguagePreferenceStore> {
    const store = new LowdbLanguagePreferenceStore();
    store.journal = await JsonJournal.open<LanguagesFile, LanguageChange>(join(dataDir, 'languages.json'), {
      load: (snapshot) => {
        for (const [userId, preference] of Object.entries(snapshot?.users ?? {})) store.users.set(userId, preference);
      },
      apply: ({ userId, preference }) => void store.users.set(userId, preference),
      snapshot: () => ({ users: Object.fromEntries(store.users) }),
    });
    return store;
  }

  async get(userId: string): Promise<LanguagePreference | undefined> {
    const found = this.users.get(userId);
    return found && { ...found };
  }

  async pin(userId: string, language: Language | undefined): Promise<void> {
    if (this.users.get(userId)?.pinned === language) return;
    await this.change(userId, ({ pinned: _old, ...rest }) => (language ? { ...rest, pinned: language } : rest));
  }

  async noteSpoken(userId: string, language: Language): Promise<void> {
    if (this.users.get(userId)?.spoken === language) return;
    await this.change(userId, (current) => ({ ...current, spoken: language }));
  }

  /** Writes the user's preference as `next` makes it of the current one (decided in turn with other writes). */
  private change(userId: string, next: (current: LanguagePreference) => LanguagePreference): Promise<void> {
    return this.journal!.write(() => ({
      change: { userId, preference: next(this.users.get(userId) ?? {}) },
      result: undefined,
    }));
  }
}

/** A language the bot speaks (the same values as the catalogues' `Language`). */
type Language = 'en' | 'nl';

/** What the bot knows about the language a person wants to be answered in. */
export interface LanguagePreference {
  /** Chosen with `language nl` / `taal en`: wins over everything else until `language auto`. */
  pinned?: Language;
  /** The language of their last command word that was clearly Dutch or English. */
  spoken?: Language;
}

/** Per-user language preferences, keyed by Entra object id. */
export interface LanguagePreferenceStore {
  get(userId: string): Promise<LanguagePreference | undefined>;
  /** Pins the language, or with `undefined` unpins it (the language then follows their words and client again). */
  pin(userId: string, language: Language | undefined): Promise<void>;
  /** Remembers the language of a command they wrote (cheap when unchanged). */
  noteSpoken(userId: string, language: Language): Promise<void>;
}

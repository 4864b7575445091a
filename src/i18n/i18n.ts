import { catalogues, type MessageKey } from './catalogues/index.js';

export type Language = 'en' | 'nl';
export const LANGUAGES: readonly Language[] = ['en', 'nl'];

/** `nl`, `nl-NL`, `nl-BE` (any Dutch locale) → Dutch; anything else, or nothing → English. */
export function languageOf(locale: string | null | undefined): Language {
  if (!locale || typeof locale !== 'string') return 'en';
  const primary = locale.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'nl' ? 'nl' : 'en';
}

export type MessageParams = Record<string, string | number>;

/**
 * The message `key` in `lang`, with `{name}` placeholders filled from `params`.
 * A placeholder without a value stays visible, so a missing parameter is noticed rather than hidden.
 */
export function t(lang: Language, key: MessageKey, params?: MessageParams): string {
  const template = catalogues[lang][key] ?? catalogues.en[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** Whether `key` is a message of the catalogues (for keys built from codes, such as error codes). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(catalogues.en, key);
}

/** A translator bound to one language. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function translator(lang: Language): Translate {
  return (key, params) => t(lang, key, params);
}

export type { MessageKey };

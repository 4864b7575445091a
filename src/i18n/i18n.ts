import { IntlMessageFormat } from 'intl-messageformat';
import { catalogues, type MessageKey } from './catalogues/index.js';

export type Language = 'en' | 'nl';
export const LANGUAGES: readonly Language[] = ['en', 'nl'];

/** The BCP 47 locale the `Intl` formatters use for a language (plural rules, lists, dates). */
export const LOCALE: Record<Language, string> = { en: 'en-GB', nl: 'nl-NL' };

/** `nl`, `nl-NL`, `nl-BE` (any Dutch locale) → Dutch; anything else, or nothing → English. */
export function languageOf(locale: string | null | undefined): Language {
  if (!locale || typeof locale !== 'string') return 'en';
  const primary = locale.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'nl' ? 'nl' : 'en';
}

export type MessageParams = Record<string, string | number>;

interface Compiled {
  format: IntlMessageFormat;
  /** Every argument the message uses, so a missing one can be shown as `{name}` instead of throwing. */
  args: readonly string[];
}

// Compiled messages per language and key: parsing ICU is the costly part and catalogues never change at run time.
const compiled = new Map<string, Compiled>();

/** The names of all arguments of an ICU message AST (simple, plural, select, number, date), nested ones too. */
export function messageArguments(ast: ReturnType<IntlMessageFormat['getAst']>): string[] {
  const names = new Set<string>();
  const walk = (elements: ReturnType<IntlMessageFormat['getAst']>) => {
    for (const el of elements) {
      if ((el.type as number) !== 0 && 'value' in el && typeof el.value === 'string') names.add(el.value);
      if ('options' in el) for (const option of Object.values(el.options)) walk(option.value);
      if ('children' in el) walk(el.children);
    }
  };
  walk(ast);
  return [...names];
}

function compile(lang: Language, key: MessageKey): Compiled {
  const id = `${lang}\u0000${key}`;
  let entry = compiled.get(id);
  if (!entry) {
    const source = catalogues[lang][key] ?? catalogues.en[key] ?? key;
    // ignoreTag: messages hold text such as "<address>" that is not markup.
    const format = new IntlMessageFormat(source, LOCALE[lang], undefined, { ignoreTag: true });
    entry = { format, args: messageArguments(format.getAst()) };
    compiled.set(id, entry);
  }
  return entry;
}

/**
 * The message `key` in `lang`, an ICU MessageFormat string: `{name}` placeholders, `{count, plural, one {…} other
 * {…}}` and `{kind, select, …}`. A placeholder without a value stays visible, so a missing parameter is noticed
 * rather than hidden (and never throws).
 */
export function t(lang: Language, key: MessageKey, params?: MessageParams): string {
  const { format, args } = compile(lang, key);
  const values: Record<string, string | number> = { ...params };
  for (const name of args) if (!Object.prototype.hasOwnProperty.call(values, name)) values[name] = `{${name}}`;
  return String(format.format(values));
}

/** Whether `key` is a message of the catalogues (for keys built from codes, such as error codes). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(catalogues.en, key);
}

/** A translator bound to one language; `lang` lets helpers format lists and dates in the same language. */
export type Translate = ((key: MessageKey, params?: MessageParams) => string) & { readonly lang: Language };

const translators: Record<Language, Translate> = {
  en: Object.assign((key: MessageKey, params?: MessageParams) => t('en', key, params), { lang: 'en' as const }),
  nl: Object.assign((key: MessageKey, params?: MessageParams) => t('nl', key, params), { lang: 'nl' as const }),
};

export function translator(lang: Language): Translate {
  return translators[lang];
}

const listFormats = new Map<string, Intl.ListFormat>();

/**
 * Items joined as the language does: "A, B and C" / "A, B en C" (`and`), or "A or B" / "A of B" (`or`) where any
 * one of them is enough (such as approvers: one approval decides).
 */
export function listOf(lang: Language, items: readonly string[], type: 'and' | 'or' = 'and'): string {
  const id = `${lang}:${type}`;
  let format = listFormats.get(id);
  if (!format) {
    format = new Intl.ListFormat(LOCALE[lang], { style: 'long', type: type === 'and' ? 'conjunction' : 'disjunction' });
    listFormats.set(id, format);
  }
  return format.format(items);
}

export type { MessageKey };

import { catalogues } from '../src/i18n/catalogues/index.js';
import { IntlMessageFormat } from 'intl-messageformat';
import { formatDateTime, readerTimeZone } from '../src/i18n/dates.js';
import { languageOf, listOf, t, type MessageKey } from '../src/i18n/i18n.js';

describe('languages', () => {
  it.each([
    ['nl', 'nl'],
    ['nl-NL', 'nl'],
    ['nl-BE', 'nl'],
    ['NL_nl', 'nl'],
    ['en-US', 'en'],
    ['de-DE', 'en'],
    ['fr-BE', 'en'],
    [undefined, 'en'],
    ['', 'en'],
  ])('%s → %s', (locale, lang) => {
    expect(languageOf(locale)).toBe(lang);
  });

  it('has every key in both English and Dutch, none empty', () => {
    const en = Object.keys(catalogues.en).sort();
    const nl = Object.keys(catalogues.nl).sort();
    expect(nl).toEqual(en);
    for (const lang of ['en', 'nl'] as const) {
      for (const [key, text] of Object.entries(catalogues[lang]))
        expect([key, text.trim().length > 0]).toEqual([key, true]);
    }
  });

  it('uses the same placeholders, with the same ICU argument types, in both languages', () => {
    for (const key of Object.keys(catalogues.en) as MessageKey[]) {
      expect([key, argumentsOf(catalogues.nl[key], 'nl')]).toEqual([key, argumentsOf(catalogues.en[key], 'en')]);
    }
  });

  it('renders every message in both languages with 0, 1 and 2 for its plural arguments and every select option', () => {
    for (const lang of ['en', 'nl'] as const) {
      for (const key of Object.keys(catalogues.en) as MessageKey[]) {
        const args = argumentsOf(catalogues[lang][key], lang);
        const selects = Object.entries(args).filter(([, a]) => a.kind === 'select');
        for (const n of [0, 1, 2]) {
          const variants =
            selects.length === 0 ? [{}] : selects.flatMap(([name, a]) => a.options.map((o) => ({ [name]: o })));
          for (const variant of variants) {
            const params: Record<string, string | number> = {};
            for (const [name, a] of Object.entries(args))
              params[name] = a.kind === 'plural' || a.kind === 'number' ? n : `‹${name}›`;
            Object.assign(params, variant);
            const text = t(lang, key, params);
            expect([lang, key, /\{\w+\}/.test(text)]).toEqual([lang, key, false]);
            expect([lang, key, text.trim().length > 0]).toEqual([lang, key, true]);
          }
        }
      }
    }
  });

  it('has no "(s)", "(en)" or "(e)" plural crutches in any message', () => {
    for (const lang of ['en', 'nl'] as const) {
      for (const [key, text] of Object.entries(catalogues[lang]))
        expect([lang, key, /\w\((s|en|e|es)\)/.test(text)]).toEqual([lang, key, false]);
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('nl', 'common.welcome', { name: 'Daan' })).toMatch(/^Hallo Daan!/);
    expect(t('en', 'common.welcome')).toContain('{name}');
  });

  it('says one group and two groups in Dutch and English', () => {
    expect(t('nl', 'common.help.roleMember', { count: 1 })).toBe('Je bent lid van 1 groep.');
    expect(t('nl', 'common.help.roleMember', { count: 2 })).toBe('Je bent lid van 2 groepen.');
    expect(t('nl', 'common.help.roleMember', { count: 0 })).toBe('Je bent nog geen lid van een groep.');
    expect(t('en', 'common.help.roleOwner', { count: 1 })).toBe('You own 1 group.');
    expect(t('en', 'common.help.roleOwner', { count: 3 })).toBe('You own 3 groups.');
  });

  it('joins lists with "and" or "or" as the sentence means', () => {
    expect(listOf('nl', ['Daan de Vries', 'Megan Bowen'], 'or')).toBe('Daan de Vries of Megan Bowen');
    expect(listOf('nl', ['a@x.nl', 'b@x.nl', 'c@x.nl'])).toBe('a@x.nl, b@x.nl en c@x.nl');
    expect(listOf('en', ['A', 'B', 'C'], 'or')).toBe('A, B or C');
    expect(listOf('en', ['A'])).toBe('A');
  });
});

type Arg = { kind: 'simple' | 'number' | 'date' | 'time' | 'plural' | 'select'; options: string[] };

/** Every argument of an ICU message with its type (and select options), to compare the two languages. */
function argumentsOf(message: string, lang: 'en' | 'nl'): Record<string, Arg> {
  const out: Record<string, Arg> = {};
  const kinds: Record<number, Arg['kind']> = {
    1: 'simple',
    2: 'number',
    3: 'date',
    4: 'time',
    5: 'select',
    6: 'plural',
  };
  type El = { type: number; value?: unknown; options?: Record<string, { value: El[] }>; children?: El[] };
  const walk = (els: El[]) => {
    for (const el of els) {
      const kind = kinds[el.type];
      if (kind && typeof el.value === 'string') {
        const options = kind === 'select' ? Object.keys(el.options ?? {}).sort() : [];
        out[el.value] = { kind, options };
      }
      if (el.options) for (const o of Object.values(el.options)) walk(o.value);
      if (el.children) walk(el.children);
    }
  };
  walk(new IntlMessageFormat(message, lang, undefined, { ignoreTag: true }).getAst());
  return out;
}

describe('dates', () => {
  const at = '2026-11-02T09:00:00.000Z';
  it('use one format in the reader’s language and time zone, with the zone’s short name', () => {
    expect(formatDateTime('nl', at, 'Europe/Amsterdam')).toBe('2 nov 2026, 10:00 CET');
    expect(formatDateTime('en', at, 'Europe/London')).toBe('2 Nov 2026, 09:00 GMT');
    expect(formatDateTime('nl', '2026-07-02T09:00:00.000Z', 'Europe/Amsterdam')).toBe('2 jul 2026, 11:00 CEST');
  });

  it('take the zone from Teams’ clientInfo entity, else localTimezone, else the tenant’s; unknown zones are ignored', () => {
    expect(
      readerTimeZone({ entities: [{ type: 'clientInfo', timezone: 'America/New_York' }] }, 'Europe/Amsterdam'),
    ).toBe('America/New_York');
    expect(readerTimeZone({ localTimezone: 'Asia/Tokyo' }, 'Europe/Amsterdam')).toBe('Asia/Tokyo');
    expect(readerTimeZone({ entities: [{ type: 'clientInfo', timezone: 'Mars/Olympus' }] }, 'Europe/Amsterdam')).toBe(
      'Europe/Amsterdam',
    );
    expect(readerTimeZone({}, 'Europe/Amsterdam')).toBe('Europe/Amsterdam');
    expect(formatDateTime('nl', at, 'Mars/Olympus')).toBe('2 nov 2026, 10:00 CET');
  });
});

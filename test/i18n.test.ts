import { catalogues } from '../src/i18n/catalogues/index.js';
import { languageOf, t } from '../src/i18n/i18n.js';

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
      for (const [key, text] of Object.entries(catalogues[lang])) expect([key, text.trim().length > 0]).toEqual([key, true]);
    }
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(catalogues.en) as (keyof typeof catalogues.en)[]) {
      expect([key, placeholders(catalogues.nl[key])]).toEqual([key, placeholders(catalogues.en[key])]);
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('nl', 'common.welcome', { name: 'Daan' })).toMatch(/^Hallo Daan!/);
    expect(t('en', 'common.welcome')).toContain('{name}');
  });
});

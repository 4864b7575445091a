import { commandLanguage } from '../../src/bot/commands/commandLanguage.js';
import { parseCommand } from '../../src/bot/commands/parseCommand.js';

describe('the language of a command word', () => {
  it.each([
    ['hulp', 'nl'],
    ['uitnodigen anna@fabrikam.com voor Sales', 'nl'],
    ['waarom anna@fabrikam.com Sales', 'nl'],
    ['mijn aanvragen', 'nl'],
    ['openstaand', 'nl'],
    ['gast verwijderen a@b.c uit Sales', 'nl'],
    ['taal en', 'nl'],
    ['uitnodiging opnieuw ray@woodgrovebank.com', 'nl'],
    ['gast wissen sam@outlook.com', 'nl'],
    ['beoordelingen', 'nl'],
    ['resend invitation ray@woodgrovebank.com', 'en'],
    ['delete guest sam@outlook.com', 'en'],
    ['reviews', 'en'],
    ['invite anna@fabrikam.com to Sales', 'en'],
    ['why anna@fabrikam.com Sales', 'en'],
    ['my requests', 'en'],
    ['remove guest a@b.c from Sales', 'en'],
    ['language nl', 'en'],
    ['help', undefined],
    ['audit 5', undefined],
    ['?', undefined],
    ['Marketing', undefined],
    ['invitees please', undefined],
    ['', undefined],
  ])('%s → %s', (text, lang) => {
    expect(commandLanguage(text)).toBe(lang);
  });
});

describe('the language command', () => {
  it.each([
    ['language nl', { kind: 'language', choice: 'nl' }],
    ['taal en', { kind: 'language', choice: 'en' }],
    ['Taal Nederlands', { kind: 'language', choice: 'nl' }],
    ['language auto', { kind: 'language', choice: 'auto' }],
    ['language', { kind: 'language', choice: undefined }],
    ['language klingon', { kind: 'language', invalid: 'klingon' }],
  ])('%s', (text, command) => {
    expect(parseCommand(text)).toEqual(command);
  });
});

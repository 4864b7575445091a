import type { Language } from '../../i18n/i18n.js';

// Command words that are clearly one language. `help`, `audit`, `stop` and `?` are used in both: they say nothing.
const words = (list: string[]) => new RegExp(`^(?:${list.join('|')})(?=$|[\\s?!.,:])`, 'i');
const DUTCH = words([
  'hulp',
  'uitnodigen',
  'nodig uit',
  'gast toevoegen',
  'mijn aanvragen?',
  'annuleren',
  'annuleer',
  'openstaande?',
  'goedkeuringen',
  'instellingen',
  'controleer',
  'controleren',
  'waarom',
  'watals',
  'wat als',
  'gast verwijderen',
  'verwijder gast',
  'gasten',
  'taal',
]);
const ENGLISH = words([
  'invite',
  'add guests?',
  'my requests?',
  'cancel',
  'pending',
  'approvals',
  'settings',
  'check',
  'why',
  'what-?if',
  'remove guest',
  'guests',
  'language',
  'quit',
]);

// The tenant's guests: resending, deleting, reviews.
const DUTCH_GUESTS =
  /^(?:uitnodiging opnieuw|opnieuw uitnodigen|gast wissen|wis gast|(?:gast|toegangs)?beoordelingen)(?=$|[\s?!.,:])/i;
const ENGLISH_GUESTS = /^(?:resend|delete guest|reviews|guest reviews)(?=$|[\s?!.,:])/i;

/** The language of the command word a message starts with, when it is clearly Dutch or English. */
export function commandLanguage(text: string | undefined): Language | undefined {
  const start = (text ?? '').trim();
  if (DUTCH.test(start) || DUTCH_GUESTS.test(start)) return 'nl';
  if (ENGLISH.test(start) || ENGLISH_GUESTS.test(start)) return 'en';
  return undefined;
}

import * as admin from './admin.js';
import * as common from './common.js';
import * as mail from './mail.js';
import * as guests from './guests.js';
import * as policy from './policy.js';
import * as requests from './requests.js';
import * as teams from './teams.js';

/**
 * Every area keeps its own catalogue file (`export const en = {…}; export const nl: typeof en = {…}`), merged here.
 * `nl` is typed by `en`, so a key missing from either catalogue fails the type check; a test checks it too.
 */
const areas = [common, requests, policy, admin, teams, mail, guests] as const;

type Merge<T extends readonly { en: Record<string, string> }[]> = T[number]['en'];
type English = { [K in keyof UnionToIntersection<Merge<typeof areas>>]: string };
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

export type MessageKey = Extract<keyof English, string>;

function merge(lang: 'en' | 'nl'): Record<MessageKey, string> {
  const out: Record<string, string> = {};
  for (const area of areas) {
    for (const [key, value] of Object.entries(area[lang])) {
      if (key in out) throw new Error(`i18n key defined twice: ${key}`);
      out[key] = value;
    }
  }
  return out;
}

export const catalogues: Record<'en' | 'nl', Record<MessageKey, string>> = { en: merge('en'), nl: merge('nl') };

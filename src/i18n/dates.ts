import { LOCALE, type Language } from './i18n.js';

/**
 * The tenant's time zone when neither the reader's client nor the configuration names one (TENANT_TIME_ZONE).
 * The embedded demo tenant is a Dutch organisation.
 */
export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

// Known answers per zone name: building an Intl.DateTimeFormat to test a zone is costly, and readers repeat.
const zoneChecks = new Map<string, boolean>();

/** Whether `zone` is an IANA time zone this runtime knows (Teams sends e.g. "Europe/Amsterdam"). */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone.length === 0 || zone.length > 64) return false;
  let known = zoneChecks.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    if (zoneChecks.size < 1000) zoneChecks.set(zone, known);
  }
  return known;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * The one date-and-time format of the bot, in texts and on cards alike: "29 nov 2026, 16:35 CET" (Dutch),
 * "29 Nov 2026, 16:35 GMT" (English), in the reader's time zone with its short name, so nobody converts from UTC.
 */
export function formatDateTime(lang: Language, iso: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let format = formats.get(`${lang}|${timeZone}`);
  if (!format) {
    const zone = isTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE;
    format = new Intl.DateTimeFormat(LOCALE[lang], {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: zone,
      timeZoneName: 'short',
    });
    if (formats.size < 1000) formats.set(`${lang}|${timeZone}`, format);
  }
  return format.format(date);
}

/**
 * The reader's time zone from a Teams activity: Teams puts it in the `clientInfo` entity (`timezone`) and Bot
 * Framework in `localTimezone`; anything else, or a zone this runtime doesn't know, falls back to `fallback`.
 */
export function readerTimeZone(
  activity: { localTimezone?: string; entities?: readonly { type?: string; [key: string]: unknown }[] },
  fallback: string,
): string {
  const clientInfo = activity.entities?.find((e) => e?.type === 'clientInfo');
  const candidates = [clientInfo?.timezone, activity.localTimezone];
  for (const zone of candidates) if (isTimeZone(zone)) return zone;
  return fallback;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** A date without the time, in the same style as {@link formatDateTime}: "29 nov 2026" (sign-ins, review dates). */
export function formatDay(lang: Language, iso: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const zone = isTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE;
  let format = dayFormats.get(`${lang}|${zone}`);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'short', year: 'numeric', timeZone: zone });
    if (dayFormats.size < 1000) dayFormats.set(`${lang}|${zone}`, format);
  }
  return format.format(date);
}

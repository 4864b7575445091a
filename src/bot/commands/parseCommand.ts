import type { TenantGuestFilter } from '../../app/guests/tenantGuests.js';

/**
 * Turns chat text into a command. English and Dutch keywords are accepted whatever the user's locale, because
 * people mix them. The parser only splits text; validating addresses and finding groups is the use cases' job.
 */
export type Command =
  | { kind: 'help' }
  | { kind: 'invite'; guests: string[]; group?: string; justification?: string }
  | { kind: 'myRequests' }
  | { kind: 'cancelRequest'; requestId: string }
  | { kind: 'pending' }
  | { kind: 'settings'; group?: string }
  | { kind: 'check'; target: string; group?: string }
  | { kind: 'why'; guest: string; group: string }
  | { kind: 'whatif'; args: string[] }
  | { kind: 'guests'; group: string }
  | { kind: 'removeGuest'; guest: string; group: string }
  | { kind: 'audit'; count?: number }
  | { kind: 'tenantGuests'; filter: TenantGuestFilter }
  | { kind: 'resendInvitation'; address: string; reset: boolean }
  | { kind: 'deleteGuest'; address: string }
  | { kind: 'reviews' }
  | { kind: 'cancelDialog' }
  | { kind: 'language'; choice?: 'en' | 'nl' | 'auto'; invalid?: string }
  | { kind: 'usage'; command: UsageTopic }
  | { kind: 'unknown'; text: string };

export type UsageTopic =
  'why' | 'guests' | 'removeGuest' | 'check' | 'whatif' | 'cancelRequest' | 'resendInvitation' | 'deleteGuest';

/** Removes Teams markup: `<at>` mentions, HTML tags and common entities, and folds white space. */
export function cleanText(text: string | undefined): string {
  return (text ?? '')
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t\u00a0]+/g, ' ')
    .trim();
}

const LANGUAGE_CHOICES: Record<string, 'en' | 'nl' | 'auto' | undefined> = {
  en: 'en',
  english: 'en',
  engels: 'en',
  nl: 'nl',
  dutch: 'nl',
  nederlands: 'nl',
  auto: 'auto',
  automatic: 'auto',
  automatisch: 'auto',
};

const rest = (m: RegExpMatchArray, i = 1) => (m[i] ?? '').trim();

/** Splits "a@x.com, b@y.com; c@z.com and d@w.com" into addresses (validation happens later). */
export function splitAddresses(text: string): string[] {
  return text
    .split(/[\s,;]+|\b(?:and|en)\b/i)
    .map((s) =>
      s
        .trim()
        .replace(/^<|>$/g, '')
        .replace(/^mailto:/i, ''),
    )
    .filter((s) => s.length > 0);
}

function stripQuotes(s: string): string {
  const t = s.trim();
  return /^(["'“”‘’]).*\1$/.test(t) || /^[“‘].*[”’]$/.test(t) ? t.slice(1, -1).trim() : t;
}

export function parseCommand(raw: string | undefined): Command {
  const text = cleanText(raw);
  const lower = text.toLowerCase();
  let m: RegExpMatchArray | null;

  if (/^(help|hulp|\?)$/.test(lower)) return { kind: 'help' };
  if (/^(cancel|annuleren|annuleer|stop|quit)$/.test(lower)) return { kind: 'cancelDialog' };
  // language nl · taal en · language auto (follow my words and client again)
  if ((m = lower.match(/^(?:language|taal)(?:\s+(.*))?$/))) {
    const choice = LANGUAGE_CHOICES[(m[1] ?? '').trim()];
    if (m[1] && !choice) return { kind: 'language', invalid: text.split(' ').slice(1).join(' ') };
    return { kind: 'language', choice };
  }

  // resend invitation <email> [reset]  ·  uitnodiging opnieuw <email> [reset]
  if (
    (m = text.match(
      /^(?:resend(?: invitation| invite)?|uitnodiging opnieuw(?: versturen| sturen)?|opnieuw uitnodigen)(?:\s+(.*))?$/i,
    ))
  ) {
    const args = rest(m).split(/\s+/).filter(Boolean);
    const reset = args.length === 2 && /^(?:reset|--reset)$/i.test(args[1]);
    return args.length === 1 || reset
      ? { kind: 'resendInvitation', address: args[0], reset }
      : { kind: 'usage', command: 'resendInvitation' };
  }
  // delete guest <email>  ·  gast wissen <email>
  if ((m = text.match(/^(?:delete guest|gast wissen|wis gast)(?:\s+(.*))?$/i))) {
    const args = rest(m).split(/\s+/).filter(Boolean);
    return args.length === 1 ? { kind: 'deleteGuest', address: args[0] } : { kind: 'usage', command: 'deleteGuest' };
  }
  if (/^(reviews|guest reviews|beoordelingen|gastbeoordelingen|toegangsbeoordelingen)$/.test(lower))
    return { kind: 'reviews' };
  // guests [pending | stale | domain <domain>] without a group: the tenant's guests (admins)
  if ((m = lower.match(/^(?:guests|gasten)(?:\s+(pending|openstaand|stale|inactief|(?:domain|domein)\s+\S+))?$/))) {
    const filter = m[1] ?? '';
    if (filter === '') return { kind: 'tenantGuests', filter: { kind: 'all' } };
    if (/^(pending|openstaand)$/.test(filter)) return { kind: 'tenantGuests', filter: { kind: 'pending' } };
    if (/^(stale|inactief)$/.test(filter)) return { kind: 'tenantGuests', filter: { kind: 'stale' } };
    return { kind: 'tenantGuests', filter: { kind: 'domain', domain: text.split(/\s+/)[2] } };
  }

  // invite <emails> [to <group>] [because <reason>]  ·  uitnodigen <emails> [voor <groep>] [omdat <reden>]
  if ((m = text.match(/^(?:invite|add guests?|uitnodigen|nodig uit|gast toevoegen)\b(.*)$/is))) {
    let body = rest(m);
    let justification: string | undefined;
    // The keyword stands alone (an address such as because@fabrikam.com is no keyword).
    const because = body.match(/^(.*?)(?:^|\s)(?:(?:because|omdat)(?:\s+|$)|(?:reason|reden):\s*)(.*)$/is);
    if (because) {
      body = because[1].trim();
      justification = because[2].trim() || undefined;
    }
    let group: string | undefined;
    const to = body.match(/^(.*?)\s+(?:to|voor|in|aan)\s+(.+)$/is);
    if (to && /@/.test(to[1])) {
      body = to[1];
      group = stripQuotes(to[2]);
    } else if (/^(?:to|voor|in|aan)\s+/i.test(body)) {
      group = stripQuotes(body.replace(/^(?:to|voor|in|aan)\s+/i, ''));
      body = '';
    }
    return { kind: 'invite', guests: splitAddresses(body), group: group || undefined, justification };
  }
  if (/^(my requests|mijn aanvragen|my request|mijn aanvraag)$/.test(lower)) return { kind: 'myRequests' };
  if ((m = text.match(/^(?:cancel|annuleren|annuleer)\s+(?:request\s+|aanvraag\s+)?#?(\S+)$/i))) {
    return { kind: 'cancelRequest', requestId: rest(m) };
  }
  if (/^(pending|openstaand|openstaande goedkeuringen|approvals|goedkeuringen)$/.test(lower))
    return { kind: 'pending' };
  if ((m = text.match(/^(?:settings|instellingen)(?:\s+(.+))?$/i))) {
    return { kind: 'settings', group: m[1] ? stripQuotes(m[1]) : undefined };
  }
  if ((m = text.match(/^(?:check|controleer|controleren)(?:\s+(.*))?$/i))) {
    const args = rest(m);
    if (!args) return { kind: 'usage', command: 'check' };
    const inGroup = args.match(/^(\S+)\s+(?:in|voor)\s+(.+)$/i);
    return inGroup
      ? { kind: 'check', target: inGroup[1], group: stripQuotes(inGroup[2]) }
      : { kind: 'check', target: args.split(' ')[0] };
  }
  if ((m = text.match(/^(?:why|waarom)(?:\s+(.*))?$/i))) {
    const args = rest(m)
      .replace(/\?$/, '')
      .replace(/^(?:can['’]?t|cannot|can not|kan)\s+/i, '')
      .replace(/\s+(?:(?:niet|geen)\s+)?(?:join|lid worden van|bij)\s+/i, ' ');
    const parts = args.match(/^(\S+@\S+)\s+(?:(?:in|to|join|voor|van|bij)\s+)?(.+)$/i);
    return parts ? { kind: 'why', guest: parts[1], group: stripQuotes(parts[2]) } : { kind: 'usage', command: 'why' };
  }
  if ((m = text.match(/^(?:what-?if|watals|wat als)(?:\s+(.*))?$/i))) {
    const args = rest(m);
    return args ? { kind: 'whatif', args: args.split(' ') } : { kind: 'usage', command: 'whatif' };
  }
  if ((m = text.match(/^(?:remove guest|gast verwijderen|verwijder gast)(?:\s+(.*))?$/i))) {
    const parts = rest(m).match(/^(\S+)\s+(?:from|uit|van)\s+(.+)$/i);
    return parts
      ? { kind: 'removeGuest', guest: parts[1], group: stripQuotes(parts[2]) }
      : { kind: 'usage', command: 'removeGuest' };
  }
  if ((m = text.match(/^(?:guests|gasten)(?:\s+(?:of|in|van)?\s*(.+))?$/i))) {
    return m[1] ? { kind: 'guests', group: stripQuotes(m[1]) } : { kind: 'usage', command: 'guests' };
  }
  if ((m = lower.match(/^audit(?:\s+(\d{1,4}))?$/))) return { kind: 'audit', count: m[1] ? Number(m[1]) : undefined };
  return { kind: 'unknown', text };
}

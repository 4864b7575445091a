import { domainToASCII } from 'node:url';

/**
 * A guest address as the policy compares it: trimmed, local part lower-case (NFC), domain normalised with UTS #46
 * (the WHATWG URL host rules of `node:url` `domainToASCII`): full-width letters, soft hyphens and zero-width
 * characters fold away, Unicode becomes Punycode. So a lookalike spelling compares equal to the plain one.
 */
export type NormalisedEmail =
  | { readonly ok: true; readonly email: string; readonly local: string; readonly domain: string }
  | { readonly ok: false; readonly code: 'ADDRESS_INVALID' };

const INVALID: NormalisedEmail = Object.freeze({ ok: false, code: 'ADDRESS_INVALID' });

// RFC 5322 atext: the characters a dot-atom local part may hold besides the dot.
const ATEXT = new Uint8Array(128);
for (const ch of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~-") {
  ATEXT[ch.charCodeAt(0)] = 1;
}

const DOT = 46;
const HYPHEN = 45;
const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;
const MAX_ADDRESS = 254;

function isLetterOrDigit(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/** Lower-case ASCII `domain` is a host name: LDH labels of 1–63, at least two, a non-numeric top level. */
function isHostName(domain: string): boolean {
  const length = domain.length;
  // An empty domain fails as an empty label below.
  if (length > MAX_DOMAIN) return false;
  let labelStart = 0;
  let labels = 0;
  // Only the last label's digits count, and the first label is never the last of a host name.
  // Stryker disable next-line BooleanLiteral: equivalent, see above
  let allDigits = true;
  for (let i = 0; i <= length; i++) {
    const c = i < length ? domain.charCodeAt(i) : DOT;
    if (c === DOT) {
      const labelLength = i - labelStart;
      if (labelLength === 0 || labelLength > 63) return false;
      if (domain.charCodeAt(labelStart) === HYPHEN || domain.charCodeAt(i - 1) === HYPHEN) return false;
      labels += 1;
      if (i < length) {
        labelStart = i + 1;
        allDigits = true;
      }
      continue;
    }
    if (!isLetterOrDigit(c) && c !== HYPHEN) return false;
    if (c < 48 || c > 57) allDigits = false;
  }
  return labels >= 2 && !allDigits;
}

/** Whitespace, controls and invisible format characters (soft hyphen, zero-width, bidi) refused in a local part. */
function isForbiddenNonAscii(c: number): boolean {
  if (c <= 0xad) return c === 0xa0 || c === 0xad || c <= 0x9f;
  return (
    c === 0x1680 ||
    c === 0x180e ||
    (c >= 0x2000 && c <= 0x200f) ||
    (c >= 0x2028 && c <= 0x202f) ||
    (c >= 0x205f && c <= 0x206f) ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * ASCII characters a typed domain may hold before normalisation: letters, digits, hyphen, dot. Anything else
 * (`%`, `/`, `:`, `@`, `_`, space …) is refused up front, because the URL host parser behind `domainToASCII` would
 * percent-decode or cut at it (`ex%41mple.com` → `example.com`, `a/b.com` → `a`).
 */
function isDomainAscii(c: number): boolean {
  return isLetterOrDigit(c) || (c >= 65 && c <= 90) || c === DOT || c === HYPHEN;
}

/**
 * A typed domain in its one ASCII form, or undefined when it does not survive UTS #46 normalisation or is not a
 * host name afterwards (a label that maps to nothing, a disallowed character, a broken Punycode label …).
 */
// In any case: `Xn--` is as much a Punycode label as `xn--`, and must decode to count.
const PUNYCODE_PREFIX = /xn--/i;

function asciiDomain(raw: string): string | undefined {
  // The fast path for plain ASCII: domainToASCII would only lower-case it, so these flags change speed, not answers.
  // Stryker disable next-line BooleanLiteral: equivalent, see above
  let ascii = true;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    // Stryker disable next-line EqualityOperator: U+0080 is refused as no domain ASCII and by domainToASCII alike
    if (c >= 0x80) ascii = false;
    else if (!isDomainAscii(c)) return undefined;
  }
  // ASCII without Punycode labels: UTS #46 only lower-cases it. Anything else goes through domainToASCII.
  const punycode = PUNYCODE_PREFIX.test(raw);
  // Stryker disable next-line ConditionalExpression,LogicalOperator,BooleanLiteral: the fast path, see above
  const domain = ascii && !punycode ? raw.toLowerCase() : domainToASCII(raw);
  return isHostName(domain) ? domain : undefined;
}

/**
 * Parses a typed address. Accepts a dot-atom local part (ASCII atext, or UTF-8 per RFC 6531) and a host-name
 * domain, Unicode or Punycode, normalised with UTS #46. Quoted local parts and address literals are refused: Entra
 * B2B invitations and people's typing do not need them. A domain that does not survive normalisation is invalid.
 */
export function normaliseEmail(raw: string): NormalisedEmail {
  const s = raw.trim();
  const at = s.indexOf('@');
  // An empty domain, or a second '@' in it, fails the domain check below.
  if (at <= 0) return INVALID;

  // The fast path for an ASCII lower-case address already normalised: these flags change speed, not answers.
  // Stryker disable next-line BooleanLiteral: equivalent, see above
  let localAscii = true;
  // Stryker disable next-line BooleanLiteral: equivalent, see above
  let lower = true;
  for (let i = 0; i < at; i++) {
    const c = s.charCodeAt(i);
    // Stryker disable next-line EqualityOperator: U+0080 is refused as a control and as no atext alike
    if (c >= 0x80) {
      if (isForbiddenNonAscii(c)) return INVALID;
      localAscii = false;
    } else if (c === DOT) {
      // Stryker disable next-line ArithmeticOperator: looking ahead instead of back refuses the same ".." pairs
      if (i === 0 || i === at - 1 || s.charCodeAt(i - 1) === DOT) return INVALID;
    } else if (ATEXT[c] !== 1) {
      return INVALID;
      // Always taking the slow path changes nothing (its opposite is killed by tests of upper-case addresses).
      // Stryker disable next-line ConditionalExpression,LogicalOperator: the fast path, see above
    } else if (c >= 65 && c <= 90) {
      lower = false;
    }
  }

  const rawDomain = s.slice(at + 1);
  const domain = asciiDomain(rawDomain);
  if (domain === undefined) return INVALID;
  // The common case, already normalised: no new strings.
  // Stryker disable next-line ConditionalExpression,LogicalOperator,BlockStatement: the fast path, see above
  if (localAscii && lower && domain === rawDomain) {
    return at > MAX_LOCAL || s.length > MAX_ADDRESS ? INVALID : { ok: true, email: s, local: s.slice(0, at), domain };
  }
  const local = localAscii ? s.slice(0, at).toLowerCase() : s.slice(0, at).normalize('NFC').toLowerCase();
  if (local.length > MAX_LOCAL) return INVALID;
  const email = `${local}@${domain}`;
  if (email.length > MAX_ADDRESS) return INVALID;
  return { ok: true, email, local, domain };
}

/** The domain alone, normalised like an address's domain; undefined when it is not a host name. */
export function normaliseDomain(raw: string): string | undefined {
  return asciiDomain(raw.trim());
}

/**
 * Punycode (RFC 3492) encoding and the IDNA ToASCII step the policy needs: a domain typed as `münchen.de`
 * and one typed as `xn--mnchen-3ya.de` must meet the same rules. Written here because the policy imports nothing.
 */

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 0x80;

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

/** 0..25 → a..z, 26..35 → 0..9. */
function digit(d: number): string {
  return String.fromCharCode(d < 26 ? 97 + d : 22 + d);
}

/** RFC 3492 §6.3: the Punycode form of `input` (without the `xn--` prefix). */
export function punycodeEncode(input: string): string {
  const points: number[] = [];
  for (const ch of input) points.push(ch.codePointAt(0) as number);
  let output = '';
  for (const cp of points) if (cp < INITIAL_N) output += String.fromCharCode(cp);
  const basic = output.length;
  let handled = basic;
  if (basic > 0) output += '-';
  let n = INITIAL_N;
  let delta = 0;
  let bias = INITIAL_BIAS;
  while (handled < points.length) {
    let m = Number.MAX_SAFE_INTEGER;
    for (const cp of points) if (cp >= n && cp < m) m = cp;
    delta += (m - n) * (handled + 1);
    n = m;
    for (const cp of points) {
      if (cp < n) delta += 1;
      if (cp === n) {
        let q = delta;
        for (let k = BASE; ; k += BASE) {
          const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
          if (q < t) break;
          output += digit(t + ((q - t) % (BASE - t)));
          q = Math.floor((q - t) / (BASE - t));
        }
        output += digit(q);
        bias = adapt(delta, handled + 1, handled === basic);
        delta = 0;
        handled += 1;
      }
    }
    delta += 1;
    n += 1;
  }
  return output;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

// IDNA treats these as label separators too (UTS #46 mapping).
const DOT_VARIANTS = /[\u3002\uff0e\uff61]/g;

/**
 * A domain in lower-case ASCII: non-ASCII labels become `xn--…` (after NFC and lower-casing, the part of
 * UTS #46 mapping that matters for addresses people type). Pure-ASCII input only gets lower-cased.
 */
export function domainToAscii(domain: string): string {
  if (isAscii(domain)) return domain.toLowerCase();
  const labels = domain.normalize('NFC').toLowerCase().replace(DOT_VARIANTS, '.').split('.');
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (!isAscii(label)) labels[i] = `xn--${punycodeEncode(label)}`;
  }
  return labels.join('.');
}

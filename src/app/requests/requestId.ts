import { randomInt } from 'node:crypto';

// Crockford's base32 without I, L, O, U: easy to read out and type back in `cancel R-…`.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A short, readable request id such as `R-7K2Q9D`. */
export function newRequestId(): string {
  let id = 'R-';
  for (let i = 0; i < 6; i += 1) id += ALPHABET[randomInt(ALPHABET.length)];
  return id;
}

/** Accepts what people type: any case, with or without the `R-` prefix or a leading #. */
export function normaliseRequestId(raw: string): string {
  const t = raw.trim().replace(/^#/, '').toUpperCase();
  return t.startsWith('R-') ? t : `R-${t}`;
}

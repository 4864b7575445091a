/**
 * Characters that change how text around them looks without showing themselves: bidirectional controls (embeddings,
 * overrides, isolates, marks) and zero-width characters. `safe\u202Egpj.exe` displays as `safeexe.jpg`; a zero-width
 * space hides inside a name. None of them belongs in a justification, a comment, a name or an address.
 */
// U+00AD soft hyphen, U+061C Arabic letter mark, U+180E Mongolian vowel separator, U+200B–U+200F zero-width space,
// non-joiner, joiner, LRM, RLM, U+202A–U+202E embeddings and overrides, U+2060–U+2064 word joiner and invisible
// operators, U+2066–U+2069 isolates, U+FEFF zero-width no-break space.
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const INVISIBLE_TEST = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

/** `text` without bidi controls and zero-width characters, so it displays as what it is. */
export function stripInvisible(text: string): string {
  return INVISIBLE_TEST.test(text) ? text.replace(INVISIBLE, '') : text;
}

/**
 * `text` with each bidi control and zero-width character replaced by U+FFFD (�): for echoing input that was refused
 * because of them, so the reader sees that something was hidden there.
 */
export function revealInvisible(text: string): string {
  return INVISIBLE_TEST.test(text) ? text.replace(INVISIBLE, '\uFFFD') : text;
}

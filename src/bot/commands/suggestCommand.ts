/**
 * "Did you mean …" for a mistyped command: the command words of both languages, compared with the first one or two
 * words the user typed by edit distance (a swap of two neighbouring letters counts as one edit).
 */

/** Every command's words, English and Dutch, as the parser accepts them. */
export const COMMAND_WORDS: readonly string[] = [
  'help',
  'hulp',
  'invite',
  'uitnodigen',
  'my requests',
  'mijn aanvragen',
  'cancel',
  'annuleren',
  'pending',
  'openstaand',
  'settings',
  'instellingen',
  'check',
  'controleer',
  'why',
  'waarom',
  'whatif',
  'watals',
  'guests',
  'gasten',
  'remove guest',
  'gast verwijderen',
  'audit',
  'language',
  'taal',
];

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), stopping early past `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
  }
  return rows[a.length][b.length];
}

/** How many edits a word of this length may be off: none for very short words, two for long ones. */
function tolerance(word: string): number {
  if (word.length <= 2) return 0;
  if (word.length <= 5) return 1;
  return 2;
}

export interface CommandSuggestion {
  /** The command word(s) the user probably meant. */
  command: string;
  /** What the user typed after the mistyped word(s), unchanged. */
  rest: string;
}

/**
 * The command the user most likely meant, or nothing when no command word is close enough. Ties go to the command
 * listed first (English before Dutch).
 */
export function suggestCommand(text: string): CommandSuggestion | undefined {
  const words = text
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0);
  if (words.length === 0) return undefined;
  let best: { command: string; used: number; distance: number } | undefined;
  for (const command of COMMAND_WORDS) {
    const used = command.split(' ').length;
    if (words.length < used) continue;
    const typed = words.slice(0, used).join(' ').toLowerCase();
    if (typed === command) continue;
    const distance = editDistance(typed, command, tolerance(command));
    if (distance <= tolerance(command) && (!best || distance < best.distance)) best = { command, used, distance };
  }
  return best ? { command: best.command, rest: words.slice(best.used).join(' ') } : undefined;
}

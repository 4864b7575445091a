import { editDistance, suggestCommand } from '../../src/bot/commands/suggestCommand.js';
import { parseCommand } from '../../src/bot/commands/parseCommand.js';

describe('did you mean: a mistyped command gets the closest command word, in either language', () => {
  test.each([
    ['invte anna@fabrikam.com to Marketing', 'invite', 'anna@fabrikam.com to Marketing'],
    ['setings', 'settings', ''],
    ['instelingen HR', 'instellingen', 'HR'],
    ['my reqeusts', 'my requests', ''],
    ['mijn aanvrgen', 'mijn aanvragen', ''],
    ['whatfi AllowToAddGuests false', 'whatif', 'AllowToAddGuests false'],
    ['wyh kari.hansen@fabrikam.com Sales', 'why', 'kari.hansen@fabrikam.com Sales'],
    ['chekc fabrikam.com', 'check', 'fabrikam.com'],
    ['pendnig', 'pending', ''],
    ['openstand', 'openstaand', ''],
    ['remove gust a@b.com from HR', 'remove guest', 'a@b.com from HR'],
    ['gast verwijdren a@b.com uit HR', 'gast verwijderen', 'a@b.com uit HR'],
    ['wataals AllowToAddGuests false', 'watals', 'AllowToAddGuests false'],
    ['langauge nl', 'language', 'nl'],
  ])('%s → %s', (typed, command, rest) => {
    expect(parseCommand(typed).kind).toBe('unknown');
    expect(suggestCommand(typed)).toEqual({ command, rest });
  });

  test.each(['hello', 'x', 'thanks!', 'good morning', 'ok'])('%s: nothing close enough, no guess', (typed) => {
    expect(suggestCommand(typed)).toBeUndefined();
  });

  test('edit distance counts a swap of neighbours as one edit and stops past the limit', () => {
    expect(editDistance('whatif', 'whatfi')).toBe(1);
    expect(editDistance('invite', 'invte')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('settings', 'xxxxxxxxxxxx', 2)).toBe(3);
  });
});

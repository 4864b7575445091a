/**
 * Message rendering: renders per second of a turn-like mix of messages (plurals, selects, plain placeholders, a list
 * and a date), with the compiled-message cache in src/i18n/i18n.ts, against compiling the ICU message every time.
 * Run: npm run bench:i18n
 */
import { performance } from 'node:perf_hooks';
import { IntlMessageFormat } from 'intl-messageformat';
import { catalogues } from '../src/i18n/catalogues/index.js';
import { formatDateTime } from '../src/i18n/dates.js';
import { listOf, t, type MessageKey } from '../src/i18n/i18n.js';

const MIX: [MessageKey, Record<string, string | number>][] = [
  ['common.help.roleMember', { count: 5 }],
  ['request.tell.completed', { count: 2, guests: 'a@x.nl en b@x.nl', group: 'Sales', id: 'R-ABC123' }],
  ['request.action.alreadyState', { state: 'completed' }],
  ['request.created', { id: 'R-ABC123', guests: 'a@x.nl', group: 'Sales', approvers: 'Adele Vance' }],
  ['policy.headline.blockedMany', { guest: 'a@x.nl', group: 'Sales', count: 2 }],
  ['admin.whatif.nothing', { groups: 14, guests: 0 }],
];
const ROUNDS = 5;
const PER_ROUND = 20_000;

function measure(name: string, render: (i: number) => string): void {
  const rates: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const start = performance.now();
    let chars = 0;
    for (let i = 0; i < PER_ROUND; i++) chars += render(i).length;
    const ms = performance.now() - start;
    if (chars === 0) throw new Error('nothing rendered');
    rates.push((PER_ROUND / ms) * 1000);
  }
  rates.sort((a, b) => a - b);
  console.log(`${name.padEnd(44)} median ${Math.round(rates[Math.floor(ROUNDS / 2)]).toLocaleString('en')} renders/s`);
}

measure('t() with the compiled-message cache', (i) => {
  const [key, params] = MIX[i % MIX.length];
  return t(i % 2 ? 'nl' : 'en', key, params);
});
measure('compiling the ICU message every time', (i) => {
  const [key, params] = MIX[i % MIX.length];
  const lang = i % 2 ? 'nl' : 'en';
  return String(new IntlMessageFormat(catalogues[lang][key], lang, undefined, { ignoreTag: true }).format(params));
});
measure('listOf (Intl.ListFormat, cached)', (i) => listOf(i % 2 ? 'nl' : 'en', ['Daan de Vries', 'Megan Bowen'], 'or'));
measure('formatDateTime (Intl.DateTimeFormat, cached)', (i) =>
  formatDateTime(i % 2 ? 'nl' : 'en', '2026-11-02T09:00:00.000Z', i % 3 ? 'Europe/Amsterdam' : 'America/New_York'),
);

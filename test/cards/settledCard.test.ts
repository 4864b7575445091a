import { replyBody, settleCard, settledCardJson } from '../../src/cards/settledCard.js';
import type { AdaptiveCardJson } from '../../src/cards/cardTemplate.js';

const card = (text: string): AdaptiveCardJson => ({
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'TextBlock', text, wrap: true }],
});
const reply = (content: unknown, extra: object = {}) => ({
  type: 'message',
  attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content }],
  ...extra,
});

describe('cards kept and sent many times are serialised once', () => {
  it('then a reply body with settled cards is byte for byte what JSON.stringify gives', () => {
    // Replacement patterns ($&, $1), quotes, NUL and non-ASCII in the card and around it must all come out as they are.
    const a = settleCard(card('Settings: $& $1 $$ "quoted" \u0000 \\ ✓ ⛔'));
    const b = settleCard(card('second'));
    const plain = card('built for this turn only');
    const body = {
      activities: [
        { type: 'message', text: 'A text that mentions $& and \u0000settled-card-' },
        reply(a, { summary: 'first' }),
        reply(plain),
        { ...reply(b), attachments: [...reply(b).attachments, ...reply(a).attachments] },
      ],
    };
    const bytes = (value: string | Buffer) => (typeof value === 'string' ? Buffer.from(value, 'utf8') : value);
    expect(bytes(replyBody(body)).equals(Buffer.from(JSON.stringify(body), 'utf8'))).toBe(true);
    expect(replyBody(body)).toBeInstanceOf(Buffer);
    expect(replyBody({ status: 200 })).toBe(JSON.stringify({ status: 200 }));
    expect(replyBody({ activities: [reply(plain)] })).toBe(JSON.stringify({ activities: [reply(plain)] }));
  });

  it('then a settled card cannot be changed any more, and its text is written once', () => {
    const settled = settleCard(card('fixed'));
    expect(settledCardJson(settled)).toBe(JSON.stringify(card('fixed')));
    expect(() => {
      (settled.body as { text: string }[])[0].text = 'changed';
    }).toThrow(TypeError);
    expect(settledCardJson(card('fixed'))).toBeUndefined();
  });
});

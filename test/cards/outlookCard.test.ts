import { adaptiveCardScript, forOutlook } from '../../src/cards/outlookCard.js';
import { buildApprovalMail, escapeHtml } from '../../src/cards/approvalMail.js';
import type { AdaptiveCardJson } from '../../src/cards/cardTemplate.js';

const card = (text: string): AdaptiveCardJson => ({
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'TextBlock', text }],
});

describe('a card in an Outlook actionable message', () => {
  it('is version 1.4 with the originator, and without one when none is configured', () => {
    expect(forOutlook(card('x'), { originatorId: 'abc' })).toMatchObject({ version: '1.4', originator: 'abc' });
    expect(forOutlook(card('x'), {})).not.toHaveProperty('originator');
  });

  it.each(['</script><script>alert(1)</script>', '<!-- x -->', '</SCRIPT >', 'line\u2028sep'])(
    'travels in the head as the same JSON, and text like %j cannot end the script block',
    (text) => {
      const block = adaptiveCardScript(card(text));
      const inner = block.slice('<script type="application/adaptivecard+json">'.length, -'</script>'.length);
      expect(inner).not.toMatch(/<|\u2028/);
      expect(JSON.parse(inner)).toEqual(card(text));
    },
  );
});

describe('the HTML of an approval mail', () => {
  const data = {
    lang: 'en' as const,
    subject: 'S',
    heading: 'Guest request for <Sales>',
    intro: 'A & B',
    facts: [{ label: 'Group', value: '"Sales"' }],
    guestsLabel: 'Guests',
    guests: ['<img src=x>@x.test'],
    reasonLabel: 'Reason',
    reason: 'line one\nline <two>',
    basisNote: '',
    howOutlook: 'o',
    howTeams: 't',
    teamsLink: { url: 'https://teams.microsoft.com/l/chat/0/0?users=28:a&b', text: 'Open' },
    expires: 'e',
    why: 'w',
    card: card('x'),
  };

  it('escapes every text and keeps line breaks', () => {
    const { html, text } = buildApprovalMail(data);
    expect(html).toContain('<h2>Guest request for &lt;Sales&gt;</h2>');
    expect(html).toContain('<li>&lt;img src=x&gt;@x.test</li>');
    expect(html).toContain('line one<br>line &lt;two&gt;');
    expect(html).toContain('<a href="https://teams.microsoft.com/l/chat/0/0?users=28:a&amp;b">Open</a>');
    expect(html).not.toContain('<img');
    expect(text).toContain('line one\nline <two>');
    expect(text).toContain('Open: https://teams.microsoft.com/l/chat/0/0?users=28:a&b');
  });

  it('has no link when the bot has no app id', () => {
    const { html } = buildApprovalMail({ ...data, teamsLink: undefined });
    expect(html).not.toContain('<a ');
  });

  it('escapes the five HTML-special characters', () => {
    const escaped = '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;';
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(escaped);
  });
});

import { message } from '../support/activities.js';
import { cardText } from '../support/cards.js';
import { demoUser } from '../support/demoTenant.js';
import { chat } from '../support/chat.js';
import { startTestApp, type TestApp } from '../support/testApp.js';

const megan = demoUser('Megan Bowen'); // User Administrator
const daan = demoUser('Daan de Vries'); // Global Administrator, Dutch
const alex = demoUser('Alex Wilber'); // owns Marketing
const nestor = demoUser('Nestor Wilke'); // member of Marketing
const NL = { locale: 'nl-NL' };

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(() => t.close());

/** Sends a chat message; returns the reply texts and cards, each card checked: valid, and no `${` left. */
const ask = (user: { id: string; displayName: string }, text: string, options: { locale?: string } = {}) =>
  chat(t, user, text, options);

/** Every element of a card, depth first. */
function elements(node: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) node.forEach((n) => elements(n, out));
  else if (node && typeof node === 'object') {
    out.push(node as Record<string, unknown>);
    Object.values(node).forEach((v) => elements(v, out));
  }
  return out;
}

describe('when a card is wide', () => {
  it.each([
    ['settings', megan, {}],
    ['check tailspintoys.com', megan, {}],
    ['why joe@tailspintoys.com Marketing', megan, {}],
    ['instellingen', daan, NL],
  ] as const)(
    'then "%s" wraps every text, uses the full width, and sets no fixed columns',
    async (command, user, options) => {
      const { cards } = await ask(user, command, options);
      expect(cards).toHaveLength(1);
      const card = cards[0] as { msteams?: { width?: string } };
      expect(card.msteams?.width).toBe('Full');
      const all = elements(card);
      // Columns size to their longest word and clip the rest; a FactSet beside long values does the same.
      expect(all.filter((e) => e.type === 'ColumnSet')).toEqual([]);
      for (const block of all.filter((e) => e.type === 'TextBlock')) expect(block.wrap).toBe(true);
    },
  );
});

describe('when the headline and the rows below it speak of the same thing', () => {
  it('then a blocked domain is not introduced as passing, and "Groups" ⛔ says no group takes it', async () => {
    const text = cardText((await ask(megan, 'check tailspintoys.com')).cards[0]);
    expect(text).not.toContain('A new invitation passes');
    expect(text).toContain('This address is stopped at: Entra ID external collaboration.');
    expect(text).toContain('⛔ No group can take this guest now');
    expect(text).not.toMatch(/\d+ of \d+ groups take new guests/);
  });

  it('then an allowed domain still says how many groups take new guests', async () => {
    const text = cardText((await ask(megan, 'check fabrikam.com')).cards[0]);
    expect(text).toContain('A new invitation passes Entra ID and cross-tenant access');
    expect(text).toMatch(/⚠️ \d+ of \d+ groups take new guests/);
  });

  it('then Dutch says the same', async () => {
    const text = cardText((await ask(daan, 'controleer tailspintoys.com', NL)).cards[0]);
    expect(text).toContain('Dit adres wordt tegengehouden bij: Externe samenwerking in Entra ID.');
    expect(text).toContain('⛔ Geen enkele groep kan deze gast nu opnemen');
  });

  it('then an owner adding a guest directly is told it is done, not what could be done', async () => {
    const { text } = await ask(alex, 'invite anna@fabrikam.com to Marketing');
    expect(text).toContain('anna@fabrikam.com has been invited and added to **Marketing**.');
    expect(text).not.toMatch(/right away|will get an invitation/);
    expect(text).toContain('After joining, anna@fabrikam.com can use');
  });

  it('then one blocked guest is "this guest", several are "these guests"', async () => {
    const one = await t.post({
      ...message(nestor, 'invite joe@tailspintoys.com to Marketing because x'),
      serviceUrl: t.connector.url,
    });
    expect(JSON.stringify(one.body)).toContain("This guest can't be added to **Marketing**:");
    const two = await t.post({
      ...message(nestor, 'invite joe@tailspintoys.com, eve@tailspintoys.com to Marketing because x'),
      serviceUrl: t.connector.url,
    });
    expect(JSON.stringify(two.body)).toContain("These 2 guests can't be added to **Marketing**:");
  });

  it('then the guided invite says why some of your groups are not offered', async () => {
    const { text } = await ask(alex, 'invite');
    expect(text).toContain('Not listed:');
    expect(text).toContain('managed elsewhere');
  });
});

describe('when a usage or error text is shown', () => {
  it.each([
    ['whatif', megan, {}],
    ['watals', daan, NL],
    ['whatif allowInvitesFrom sometimes', megan, {}],
  ] as const)(
    'then "%s" has no angle brackets inside code spans (Teams would show &lt;) and no unbreakable lists',
    async (command, user, options) => {
      const { text } = await ask(user, command, options);
      expect(text.length).toBeGreaterThan(10);
      for (const span of text.match(/`[^`]*`/g) ?? []) {
        expect(span).not.toMatch(/[<>]/);
        expect(span).not.toMatch(/\S\|\S/);
      }
      expect(text).not.toMatch(/&lt;|&gt;/);
    },
  );
});

describe('when a command is mistyped', () => {
  it('then the bot suggests the command it probably was, with the rest of the text', async () => {
    const { text } = await ask(megan, 'setings Marketing');
    expect(text).toBe(
      "I didn't understand **setings**. Did you mean **settings Marketing**? Type **help** to see what I can do for you.",
    );
  });

  it('then in Dutch too, and the typed text stays plain', async () => {
    const { text } = await ask(daan, 'instelingen **HR**', NL);
    expect(text).toBe(
      'Ik begreep **instelingen** niet. Bedoelde je **instellingen \\*\\*HR\\*\\***? Typ **hulp** om te zien wat ik voor je kan doen.',
    );
  });

  it('then something that is no command at all gets the plain answer', async () => {
    expect((await ask(megan, 'good morning')).text).toBe(
      "I didn't understand that. Type **help** to see what I can do for you.",
    );
  });
});

/**
 * The main loop in a real Microsoft client: the Agents Playground in headless Chromium, one Playground per person,
 * all talking to the real bot (HTTP, real worker, real cards). Screenshots of every step go to artifacts/browser/.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { loadConfig } from '../../src/config.js';
import { createApp, type App } from '../../src/index.js';
import { createLogger } from '../../src/logger.js';
import { describeSettings } from '../../src/app/admin/describeSettings.js';
import { checkAddress } from '../../src/app/admin/checkAddress.js';
import { identifyUser } from '../../src/app/shared/identifyUser.js';
import { buildLayerChainCard } from '../../src/cards/layerChainCard.js';
import type { AdaptiveCardJson } from '../../src/cards/cardTemplate.js';
import { demoTenant, demoUser } from '../support/demoTenant.js';
import { Chat, clippedText, launchBrowser, startPlayground, type Playground } from './playgroundDriver.js';

const SHOTS = new URL('../../artifacts/browser/', import.meta.url).pathname;

let app: App;
let dataDir: string;
let browser: Browser;
let botUrl: string;
const playgrounds: Playground[] = [];
const chats = new Map<string, Chat>();

async function chatAs(name: string): Promise<Chat> {
  const known = chats.get(name);
  if (known) return known;
  const playground = await startPlayground(demoTenant, name, botUrl, join(dataDir, 'playground'));
  playgrounds.push(playground);
  const chat = await Chat.open(browser, playground);
  chats.set(name, chat);
  return chat;
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  dataDir = await mkdtemp(join(tmpdir(), 'gab-browser-'));
  const loaded = loadConfig({ NODE_ENV: 'test', PORT: '0', DATA_DIR: join(dataDir, 'state'), LOG_LEVEL: 'silent' });
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  const created = await createApp(loaded.config, { logger: createLogger('silent'), workerIntervalMs: 1_000 });
  if (!created.ok) throw new Error(created.errors.join('\n'));
  app = created.app;
  botUrl = `http://127.0.0.1:${await app.listen()}/api/messages`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(playgrounds.map((p) => p.stop()));
  await app?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the main loop in the Agents Playground', () => {
  test('help, a blocked invite explained, an invite approved by the owner in her own Playground, the requester told', async () => {
    // Adele (owner of Sales) opens her Playground first: the bot can only reach people who have a chat with it.
    const adele = await chatAs('Adele Vance');
    const alex = await chatAs('Alex Wilber');

    await alex.say('help');
    await alex.waitForText('What I can do for you');
    await alex.shot(SHOTS, '01-member-help');

    await alex.say('invite joe@tailspintoys.com to Marketing');
    const blocked = await alex.card('Invitations to tailspintoys.com are blocked');
    await alex.waitForText("This guest can't be added to");
    expect(await clippedText(blocked)).toEqual([]);
    await alex.shot(SHOTS, '02-owner-blocked-invite', blocked);

    await alex.say('invite anna@fabrikam.com to Sales because joint proposal');
    await alex.waitForText(/is waiting for approval by Adele Vance/);
    const waiting = await alex.card(/Waiting for approval/);
    expect(await clippedText(waiting)).toEqual([]);
    await alex.shot(SHOTS, '03-member-request-waiting', waiting);

    const approval = await adele.card(/anna@fabrikam\.com/);
    expect(await clippedText(approval)).toEqual([]);
    await adele.shot(SHOTS, '04-approver-card', approval);
    await approval.getByRole('button', { name: 'Approve' }).click();
    const decided = await adele.card(/Approved by Adele Vance/i);
    expect(await decided.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    await adele.shot(SHOTS, '05-approver-decided', decided);

    // The requester's status card turns green once the guest is in.
    const done = await alex.card(/anna@fabrikam\.com/, 30_000);
    await alex.page.waitForFunction(
      (node) => /added|toegevoegd/i.test((node as { textContent: string | null }).textContent ?? ''),
      await done.elementHandle(),
      { timeout: 30_000 },
    );
    const green = await alex.card(/anna@fabrikam\.com/);
    const background = await green
      .locator('.ac-container')
      .filter({ hasText: /added/i })
      .first()
      .evaluate(
        (node) =>
          (globalThis as unknown as { getComputedStyle(n: unknown): { backgroundColor: string } }).getComputedStyle(
            node,
          ).backgroundColor,
      );
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    expect(g).toBeGreaterThan(r);
    expect(g).toBeGreaterThan(b);
    await alex.shot(SHOTS, '06-requester-green-card', green);
  });

  test.each([
    ['Megan Bowen', 'settings', 'Guest access settings of Contoso', '07-admin-settings-en'],
    ['Daan de Vries', 'instellingen', 'Instellingen voor gasttoegang van Contoso', '08-admin-settings-nl'],
    ['Megan Bowen', 'check tailspintoys.com', 'Can tailspintoys.com be invited?', '09-admin-check-en'],
    ['Daan de Vries', 'waarom joe@tailspintoys.com Marketing', 'joe@tailspintoys.com', '10-admin-why-nl'],
  ])('%s: "%s" shows a card whose right edge cuts no text', async (person, command, marker, shot) => {
    const chat = await chatAs(person);
    await chat.say(command);
    const card = await chat.card(marker);
    await chat.shot(SHOTS, shot, card);
    expect(await clippedText(card)).toEqual([]);
  });

  test('usage texts show no markup: the whatif list has no &lt; and wraps inside the bubble', async () => {
    const chat = await chatAs('Megan Bowen');
    await chat.say('whatif');
    const usage = await chat.waitForText('What should I simulate?');
    const bubble = usage.locator('xpath=ancestor::*[.//li][1]');
    const text = await bubble.innerText();
    expect(text).not.toMatch(/&lt;|&gt;|\\[<>*_]/);
    expect(text).toContain('‹tenant›');
    const widths = await bubble.evaluate((n) => {
      const node = n as unknown as { scrollWidth: number; clientWidth: number };
      return { scroll: node.scrollWidth, client: node.clientWidth };
    });
    expect(widths.scroll).toBeLessThanOrEqual(widths.client + 1);
    await chat.shot(SHOTS, '11-admin-whatif-usage');

    await chat.say('setings');
    await chat.waitForText(/Did you mean/);
    await chat.shot(SHOTS, '12-admin-did-you-mean');
  });
});

describe('cards on a phone-sized screen', () => {
  const AC_SCRIPT = createRequire(import.meta.url).resolve('adaptivecards/dist/adaptivecards.js');
  // Teams and the Playground render card markdown (CommonMark, backslash escapes included); so does this page.
  const MD_SCRIPT = createRequire(import.meta.url).resolve('markdown-it/dist/markdown-it.min.js');

  async function cardsToRender(): Promise<[string, AdaptiveCardJson][]> {
    const megan = (await identifyUser(app.deps.directory, { aadObjectId: demoUser('Megan Bowen').id }))!;
    const out: [string, AdaptiveCardJson][] = [];
    for (const lang of ['en', 'nl'] as const) {
      const settings = await describeSettings(app.deps, megan, undefined, lang);
      if (settings.kind === 'tenant') out.push([`settings-${lang}`, buildLayerChainCard(settings.view)]);
      const check = await checkAddress(app.deps, megan, { target: 'tailspintoys.com' }, lang);
      if (check.kind === 'address') out.push([`check-${lang}`, buildLayerChainCard(check.view)]);
    }
    return out;
  }

  test('the settings and check cards, rendered 360 px wide by the Adaptive Cards renderer, cut no text', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await page.setContent(
      '<html><body style="margin:0;font-family:sans-serif"><div id="host" style="width:360px"></div></body></html>',
    );
    await page.addScriptTag({ path: AC_SCRIPT });
    await page.addScriptTag({ path: MD_SCRIPT });
    await page.evaluate(() => {
      const g = globalThis as unknown as {
        markdownit: () => { renderInline(text: string): string };
        AdaptiveCards: {
          AdaptiveCard: {
            onProcessMarkdown: (text: string, result: { outputHtml: string; didProcess: boolean }) => void;
          };
        };
      };
      const md = g.markdownit();
      g.AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
        result.outputHtml = md.renderInline(text).replace(/\n/g, '<br>');
        result.didProcess = true;
      };
    });
    const cards = await cardsToRender();
    expect(cards.length).toBe(4);
    for (const [name, card] of cards) {
      await page.evaluate((json) => {
        const g = globalThis as unknown as {
          AdaptiveCards: { AdaptiveCard: new () => { parse(j: unknown): void; render(): unknown } };
          document: { getElementById(id: string): { replaceChildren(...n: unknown[]): void } };
        };
        const adaptive = new g.AdaptiveCards.AdaptiveCard();
        adaptive.parse(json);
        g.document.getElementById('host').replaceChildren(adaptive.render());
      }, card);
      const rendered = page.locator('#host .ac-adaptiveCard');
      await rendered.waitFor();
      await rendered.screenshot({ path: join(SHOTS, `20-phone-${name}.png`) });
      expect({ name, clipped: await clippedText(rendered) }).toEqual({ name, clipped: [] });
    }
    await context.close();
  });
});

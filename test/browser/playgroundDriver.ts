/**
 * Drives the Microsoft 365 Agents Playground (a real Microsoft chat client) in headless Chromium: one Playground
 * process per person, each on a free loopback port, all talking to one bot.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { playgroundCli } from '../../scripts/playground.js';
import { needsLocaleRelay, startLocaleRelay } from '../../scripts/localeRelay.js';
import { findPerson, personSlug, playgroundYaml } from '../../scripts/playgroundConfig.js';
import type { TenantSnapshot } from '../../src/policy/tenantModel.js';

/** Debian's chromium, or CHROMIUM_PATH (read here, in a test helper: the bot's own code reads only src/config.ts). */
export function chromiumPath(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error('No Chromium found: apt-get install -y chromium (or set CHROMIUM_PATH)');
  return found;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface Playground {
  person: string;
  /** The person's preferred language: the browser runs in it, as Teams would for them. */
  locale: string;
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts a Playground signed in as `name`, talking to `botUrl`; resolves once it serves its page. */
export async function startPlayground(
  snapshot: TenantSnapshot,
  name: string,
  botUrl: string,
  folder: string,
): Promise<Playground> {
  const match = findPerson(snapshot, name);
  if (!match.ok) throw new Error(`${name} is not one person of the tenant`);
  const dir = join(folder, personSlug(match.person));
  await mkdir(dir, { recursive: true });
  const configPath = join(dir, '.m365agentsplayground.yml');
  await writeFile(configPath, playgroundYaml(snapshot, 'Guest Access', match.person));
  const port = await freePort();
  const language = match.person.preferredLanguage;
  const relay = needsLocaleRelay(language) ? await startLocaleRelay(botUrl, language) : undefined;
  const child = spawn(
    process.execPath,
    [playgroundCli(), '-e', relay?.url ?? botUrl, '-c', 'msteams', '--disable-telemetry', '-p', String(port)],
    {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
        M365_AGENTS_PLAYGROUND_LOGFILE: join(dir, 'playground.log'),
        TEAMSAPPTESTER_BROWSER: 'none',
      },
    },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://localhost:${port}/`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Playground for ${name} exited: ${output}`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`Playground for ${name} did not start within 60 s: ${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    person: match.person.displayName,
    locale: match.person.preferredLanguage ?? 'en-US',
    url,
    process: child,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      child.stdout?.destroy();
      child.stderr?.destroy();
      await relay?.close();
    },
  };
}

/** One person's chat with the bot in their own browser context. */
export class Chat {
  private constructor(
    readonly page: Page,
    readonly person: string,
  ) {}

  static async open(browser: Browser, playground: Playground, viewport = { width: 1280, height: 1000 }): Promise<Chat> {
    const context = await browser.newContext({ viewport, locale: playground.locale });
    const page = await context.newPage();
    await page.goto(playground.url);
    const chat = new Chat(page, playground.person);
    await chat.box().waitFor({ state: 'visible', timeout: 60_000 });
    // The Playground installs the bot and opens the 1:1 chat: the bot greets (and remembers the chat).
    await page
      .getByText(`Hi ${playground.person}!`)
      .or(page.getByText(`Hallo ${playground.person}!`))
      .first()
      .waitFor({ timeout: 30_000 });
    // The log panel takes a third of the width and shows nothing a Teams user would see.
    if (await page.getByText('Log Panel', { exact: true }).isVisible()) {
      await page.locator('button[title="Toggle Log Panel"]').click();
      await page.getByText('Log Panel', { exact: true }).waitFor({ state: 'hidden' });
    }
    return chat;
  }

  box(): Locator {
    return this.page.locator('[contenteditable="true"][role="textbox"]');
  }

  /** Types a message and sends it with the Send button, as a person would. */
  async say(text: string): Promise<void> {
    await this.box().click();
    await this.page.keyboard.type(text);
    await this.page.getByRole('button', { name: 'Send Message' }).click();
  }

  /** Waits until `text` is shown (the newest occurrence) and returns it. */
  async waitForText(text: string | RegExp, timeout = 30_000): Promise<Locator> {
    const found = this.page.getByText(text).last();
    await found.waitFor({ state: 'visible', timeout });
    return found;
  }

  /** The newest Adaptive Card that contains `text`. */
  async card(text: string | RegExp, timeout = 30_000): Promise<Locator> {
    const card = this.page.locator('.ac-adaptiveCard').filter({ hasText: text }).last();
    await card.waitFor({ state: 'visible', timeout });
    return card;
  }

  async shot(folder: string, name: string, element?: Locator): Promise<string> {
    const path = join(folder, `${name}.png`);
    if (element) {
      // A card taller than the window is shot in a window tall enough for it (the chat scrolls inside the page).
      const size = this.page.viewportSize() ?? { width: 1280, height: 1000 };
      const box = await element.boundingBox();
      if (box && box.height > size.height - 250)
        await this.page.setViewportSize({ width: size.width, height: Math.ceil(box.height) + 300 });
      await element.scrollIntoViewIfNeeded();
      await element.screenshot({ path });
      await this.page.setViewportSize(size);
    } else await this.page.screenshot({ path });
    return path;
  }
}

/** The little of the DOM used here (the project compiles without the DOM library). */
interface DomElement {
  getBoundingClientRect(): { right: number; width: number };
  scrollWidth: number;
  clientWidth: number;
  textContent: string | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export interface Clipped {
  text: string;
  overflow: number;
}

/**
 * Text a reader can't fully see in a rendered card: an element whose content is wider than its box (cut by
 * `overflow: hidden`), or whose box reaches past the card's right edge. Bounding boxes, as laid out by Chromium.
 */
export async function clippedText(card: Locator): Promise<Clipped[]> {
  return card.evaluate((node) => {
    const root = node as unknown as DomElement;
    const edge = root.getBoundingClientRect().right;
    const out: { text: string; overflow: number }[] = [];
    for (const el of Array.from(
      root.querySelectorAll('.ac-textBlock, .ac-fact-title, .ac-fact-value, .ac-pushButton'),
    )) {
      const box = el.getBoundingClientRect();
      if (box.width === 0) continue;
      const overflow = Math.max(el.scrollWidth - el.clientWidth, box.right - edge);
      if (overflow > 1) out.push({ text: (el.textContent ?? '').slice(0, 120), overflow: Math.round(overflow) });
    }
    return out;
  });
}

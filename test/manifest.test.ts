import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { answerPlace } from '../src/bot/answerPlace.js';
import type { Command } from '../src/bot/commands/parseCommand.js';

// @microsoft/app-manifest needs require(esm), which Node has and jest's module runtime lacks: run the project's own
// scripts in Node, as `npm run package` does.
const run = promisify(execFile);
const tsx = (script: string, args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, ['--import', 'tsx', script, ...args], { env: { ...process.env, ...env } });

const manifest = JSON.parse(readFileSync('manifest/manifest.json', 'utf8'));
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gab-manifest-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('Teams app manifest', () => {
  it('is valid against the official schema, Dutch localisation included (offline)', async () => {
    const { stdout } = await tsx('scripts/validateManifest.ts', []);
    expect(JSON.parse(stdout)).toEqual([]);
  });

  it('notices a broken manifest (the validation can fail)', async () => {
    const path = join(dir, 'broken.json');
    await writeFile(path, JSON.stringify({ ...manifest, bots: [{ ...manifest.bots[0], scopes: ['everywhere'] }] }));
    await expect(tsx('scripts/validateManifest.ts', [path])).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringContaining('manifest'),
    });
  });

  it('declares the bot in personal, team and group chat scopes with command lists', () => {
    expect(Number(manifest.manifestVersion)).toBeGreaterThanOrEqual(1.17);
    expect(manifest.bots[0].scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(manifest.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title)).toContain('invite');
  });

  it('lists per scope exactly the commands that answer there (invite in a team starts in the personal chat)', () => {
    const kinds: Record<string, Command['kind']> = {
      help: 'help',
      invite: 'invite',
      'my requests': 'myRequests',
      pending: 'pending',
      why: 'why',
      guests: 'guests',
      settings: 'settings',
      check: 'check',
      whatif: 'whatif',
      audit: 'audit',
      language: 'language',
    };
    const scopeOf = { personal: 'personal', groupChat: 'groupChat', team: 'channel' } as const;
    type CommandList = { scopes: (keyof typeof scopeOf)[]; commands: { title: string }[] };
    const lists = manifest.bots[0].commandLists as CommandList[];
    expect(lists.map((l) => l.scopes)).toEqual([['personal'], ['groupChat'], ['team']]);
    for (const list of lists) {
      const scope = scopeOf[list.scopes[0]];
      const listed = list.commands.map((c) => kinds[c.title]);
      expect(listed).not.toContain(undefined);
      const answersHere = Object.values(kinds).filter((k) => answerPlace(k, scope) === 'here');
      if (scope === 'personal') {
        expect(listed.every((k) => answersHere.includes(k))).toBe(true);
        continue;
      }
      expect([...listed].sort()).toEqual([...answersHere, ...(scope === 'channel' ? ['invite' as const] : [])].sort());
    }
  });

  it('localises every command into Dutch', () => {
    const nl = JSON.parse(readFileSync('manifest/nl-nl.json', 'utf8'));
    manifest.bots[0].commandLists.forEach((list: { commands: unknown[] }, i: number) =>
      list.commands.forEach((_c, j) => {
        expect(nl[`bots[0].commandLists[${i}].commands[${j}].title`]).toBeTruthy();
        expect(nl[`bots[0].commandLists[${i}].commands[${j}].description`]).toBeTruthy();
      }),
    );
  });

  it('npm run package builds a zip with the bot id from config, the icons and the Dutch file', async () => {
    const appId = '11111111-2222-4333-8444-555555555555';
    const out = join(dir, 'app.zip');
    // Only the app id is needed: packaging involves no secret.
    await tsx('scripts/packageApp.ts', ['--out', out], {
      MICROSOFT_APP_ID: appId,
      MICROSOFT_APP_PASSWORD: '',
      MICROSOFT_APP_TENANT_ID: '',
    });
    const unzipped = await JSZip.loadAsync(await readFile(out));
    expect(Object.keys(unzipped.files).sort()).toEqual(['color.png', 'manifest.json', 'nl-nl.json', 'outline.png']);
    const packaged = JSON.parse(await unzipped.file('manifest.json')!.async('string'));
    expect(packaged.bots[0].botId).toBe(appId);
  });

  it('refuses to package without a bot id', async () => {
    await expect(
      tsx('scripts/packageApp.ts', ['--out', join(dir, 'none.zip')], { MICROSOFT_APP_ID: '' }),
    ).rejects.toMatchObject({
      stderr: expect.stringContaining('MICROSOFT_APP_ID'),
    });
  });
});

describe('the Dutch manifest texts', () => {
  const nl = JSON.parse(readFileSync(new URL('../manifest/nl-nl.json', import.meta.url), 'utf8')) as Record<
    string,
    string
  >;

  it('read as Dutch: Microsoft 365-groepen, owners approve requests via a card, no English command words', () => {
    expect(nl['description.short']).toBe(
      'Gasten aanvragen voor je groepen; eigenaren keuren aanvragen goed via een kaart.',
    );
    expect(nl['description.short'].length).toBeLessThanOrEqual(80);
    expect(nl['description.full']).toContain('Microsoft 365-groepen');
    expect(nl['description.full']).toContain('keuren aanvragen goed via een kaart');
    const titles = Object.entries(nl)
      .filter(([k]) => k.endsWith('.title'))
      .map(([, v]) => v);
    expect(titles).not.toContain('help');
    expect(titles).not.toContain('invite');
  });
});

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/index.js';
import { createLogger } from '../../src/logger.js';
import { installed, message } from '../support/activities.js';
import { demoUser } from '../support/demoTenant.js';
import { startTestApp, type TestApp } from '../support/testApp.js';

const alex = demoUser('Alex Wilber'); // member of several groups, owner of Marketing
const daan = demoUser('Daan de Vries'); // Global Administrator, Dutch
const nestor = demoUser('Nestor Wilke'); // plain member

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(() => t.close());

describe('when the bot runs on the embedded tenant', () => {
  it('then GET /healthz answers 200 with status, version and the tenant', async () => {
    const response = await fetch(`${t.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      tenant: 'Contoso',
      mode: 'local',
    });
  });

  it('then a member asking for help sees the member commands and not the admin ones', async () => {
    const [text] = await t.say(message(nestor, 'help'));
    expect(text).toContain('invite');
    expect(text).toContain('my requests');
    expect(text).not.toContain('whatif');
    expect(text).not.toContain('pending');
  });

  it('then an owner also sees owner commands', async () => {
    const [text] = await t.say(message(alex, 'help'));
    expect(text).toContain('pending');
    expect(text).toContain('remove guest');
    expect(text).toMatch(/You own 1 group/);
    expect(text).not.toContain('whatif');
  });

  it('then an admin in Dutch sees the admin commands in Dutch', async () => {
    const [text] = await t.say(message(daan, 'hulp', { locale: 'nl-NL' }));
    expect(text).toContain('Wat ik voor je kan doen');
    expect(text).toContain('instellingen');
    expect(text).toContain('watals');
    // Microsoft's Dutch role name, never the raw English directory role in a Dutch reply.
    expect(text).toContain('Globale beheerder');
    expect(text).not.toContain('Global Administrator');
  });

  it('then a guest inviter also sees check and pending, but not the admin-only commands', async () => {
    const [text] = await t.say(message(demoUser('Lidia Holloway'), 'help'));
    expect(text).toContain('**check**');
    expect(text).toContain('**pending**');
    expect(text).not.toContain('whatif');
    expect(text).not.toContain('**audit**');
  });

  it('then unknown text gets a short hint in the user’s language', async () => {
    expect(await t.say(message(nestor, 'what is the weather'))).toEqual([expect.stringContaining('help')]);
    expect(await t.say(message(nestor, 'hoe laat is het', { locale: 'nl-BE' }))).toEqual([
      expect.stringContaining('Dat begreep ik niet'),
    ]);
  });

  it('then installing the bot greets the user by name in their language', async () => {
    const replies = await t.say(installed(daan, { locale: 'nl-NL' }));
    expect(replies).toEqual([expect.stringMatching(/^Hallo Daan de Vries!/)]);
  });

  it('then everyone who talks to the bot has their 1:1 conversation reference stored', async () => {
    await t.say(message(nestor, 'help'));
    const stored = await t.app.deps.conversations.get(nestor.id);
    expect(stored).toMatchObject({ serviceUrl: t.connector.url, conversation: { id: `a:personal-${nestor.id}` } });
  });
});

describe('when an activity comes from another tenant', () => {
  it('then it is refused and nothing is stored', async () => {
    const replies = await t.say(message(nestor, 'help', { tenantId: '99999999-9999-4999-8999-999999999999' }));
    expect(replies).toEqual(['This bot serves one organisation only.']);
    expect(await t.app.deps.conversations.get(nestor.id)).toBeUndefined();
  });

  it('then an activity without any tenant is refused too', async () => {
    const activity = message(nestor, 'help') as Record<string, unknown>;
    delete activity.channelData;
    (activity.conversation as Record<string, unknown>).tenantId = undefined;
    expect(await t.say(activity)).toEqual(['This bot serves one organisation only.']);
  });
});

describe('when the HTTP body is bad', () => {
  const raw = (body: string, contentType = 'application/json') =>
    fetch(`${t.url}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });

  it.each([
    ['malformed JSON', '{"type": "message",', 'malformedJson'],
    ['an array', '[1,2,3]', 'notAnActivity'],
    ['an object that is no activity', '{"hello":"world"}', 'notAnActivity'],
    ['JSON null', 'null', 'notAnActivity'],
    [
      'an activity whose locale is an object',
      JSON.stringify({ ...message(nestor, 'help'), locale: {} }),
      'notAnActivity',
    ],
    ['an activity whose text is a list', JSON.stringify({ ...message(nestor, 'x'), text: ['help'] }), 'notAnActivity'],
    [
      'an activity without a channel',
      JSON.stringify({ ...message(nestor, 'help'), channelId: undefined }),
      'notAnActivity',
    ],
    [
      'an activity whose sender id is an object',
      JSON.stringify({ ...message(nestor, 'help'), from: { id: {}, aadObjectId: nestor.id } }),
      'notAnActivity',
    ],
    [
      'an activity whose tenant id is a number',
      JSON.stringify({ ...message(nestor, 'help'), channelData: { tenant: { id: 42 } } }),
      'notAnActivity',
    ],
  ])('then %s gets 400 and the server keeps serving', async (_name, body, code) => {
    const response = await raw(body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code } });
    expect(await t.say(message(nestor, 'help'))).toHaveLength(1);
  });

  it('then an oversized body gets 400 without being read whole, and the server keeps serving', async () => {
    const big = JSON.stringify({ ...message(nestor, 'help'), text: 'x'.repeat(2_000_000) });
    const response = await raw(big);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'payloadTooLarge' } });
    expect(await t.say(message(nestor, 'help'))).toHaveLength(1);
  });

  it('then a body that is not JSON at all gets 400', async () => {
    const response = await raw('type=message', 'application/x-www-form-urlencoded');
    expect(response.status).toBe(400);
  });
});

describe('when the runtime state is shared', () => {
  it('then a second bot on the same DATA_DIR is refused with a clear error', async () => {
    const loaded = loadConfig({ NODE_ENV: 'test', PORT: '0', DATA_DIR: t.dataDir });
    if (!loaded.ok) throw new Error('config');
    const second = await createApp(loaded.config, { logger: createLogger('silent'), workerIntervalMs: null });
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.errors.join()).toMatch(/another process \(pid \d+\) is using DATA_DIR/);
  });

  it('then DATA_DIR holds the state files after a conversation', async () => {
    await t.say(message(nestor, 'help'));
    // The snapshot file, and the journal of changes since the start.
    const conversations = await readFile(join(t.dataDir, 'conversations.json'), 'utf8');
    const changes = await readFile(join(t.dataDir, 'conversations.changes.jsonl'), 'utf8');
    expect(JSON.parse(conversations)).toHaveProperty('references');
    expect(changes).toContain(nestor.id);
  });
});

describe('when the tenant file is invalid', () => {
  it('then the bot does not start and lists every error with its JSON path', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(join(tmpdir(), 'gab-bad-'));
    const file = join(dir, 'tenant.json');
    const demo = JSON.parse(await readFile('data/demo-tenant.json', 'utf8'));
    demo.authorizationPolicy.allowInvitesFrom = 'sometimes';
    demo.groups[2].owners.push('no-such-user');
    await writeFile(file, JSON.stringify(demo));
    const loaded = loadConfig({ NODE_ENV: 'test', PORT: '0', DATA_DIR: join(dir, 'data'), TENANT_FILE: file });
    if (!loaded.ok) throw new Error('config');
    const created = await createApp(loaded.config, { logger: createLogger('silent') });
    expect(created.ok).toBe(false);
    if (!created.ok) {
      expect(created.errors).toEqual(
        expect.arrayContaining([
          expect.stringContaining('$.authorizationPolicy.allowInvitesFrom'),
          expect.stringContaining('$.groups[2].owners['),
        ]),
      );
    }
    await rm(dir, { recursive: true, force: true });
  });
});

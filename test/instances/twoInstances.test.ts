import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { simpleParser } from 'mailparser';
import { AzureAuditLog } from '../../src/adapters/azure/azureAuditLog.js';
import { AzureRequestStore } from '../../src/adapters/azure/azureRequestStore.js';
import { AzureStorage } from '../../src/adapters/azure/azureStorage.js';
import type { GuestRequest } from '../../src/domain/guestRequest.js';
import { cardAction, message } from '../support/activities.js';
import { startAzurite, freshPrefix, type Azurite } from '../support/azurite.js';
import { demoUser } from '../support/demoTenant.js';
import { FakeConnector } from '../support/fakeConnector.js';

/**
 * Two bot processes, started as `npm start` starts one (node dist/index.js), on one Azurite: what Azure App Service
 * does when it runs two instances side by side. Run with `npm run test:instances` (it builds dist first).
 */

const nestor = demoUser('Nestor Wilke');
const alex = demoUser('Alex Wilber');

interface Bot {
  name: string;
  url: string;
  child: ChildProcess;
  log: string[];
}

let azurite: Azurite;
let connector: FakeConnector;
let prefix: string;
let cwd: string;
const bots: Bot[] = [];
const dataDir = join(tmpdir(), `gab-never-created-${process.pid}`);

async function startBot(name: string): Promise<Bot> {
  const child = spawn(process.execPath, [resolve('dist/index.js')], {
    cwd,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: '0',
      LOG_LEVEL: 'info',
      MICROSOFT_APP_ID: '',
      TENANT_FILE: resolve('data/demo-tenant.json'),
      DATA_DIR: dataDir,
      STORAGE: 'azure',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      AZURE_STORAGE_PREFIX: prefix,
      AZURE_WORK_CLAIM_SECONDS: '5',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start:\n${log.join('\n')}`)), 30_000);
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        log.push(line);
        const port = /"msg":"guest access bot listening"/.test(line)
          ? (JSON.parse(line) as { port: number }).port
          : undefined;
        if (port) {
          clearTimeout(timer);
          resolveUrl(`http://127.0.0.1:${port}`);
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => log.push(chunk.toString()));
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}):\n${log.join('\n')}`)));
  });
  const bot = { name, url, child, log };
  bots.push(bot);
  return bot;
}

async function post(bot: Bot, activity: object): Promise<{ status: number; body: any }> {
  const response = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...activity, serviceUrl: connector.url }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const replies = (r: { body?: { activities?: { text?: string }[] } }) =>
  (r.body?.activities ?? []).map((a) => a.text ?? '').join('\n');

async function storage() {
  return AzureStorage.open({ connectionString: azurite.connectionString, prefix });
}

async function requestsFor(email: string, requester = nestor): Promise<GuestRequest[]> {
  const all = await AzureRequestStore.open(await storage()).list({ requesterId: requester.id });
  return all.filter((r) => r.guests.some((g) => g.email === email));
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Proactive messages sent into conversations (cards and texts; card updates are PUTs and may repeat). */
function sentBodies(): string[] {
  return connector
    .sent()
    .map((c) =>
      JSON.stringify({ conversation: c.conversationId, text: c.body?.text, attachments: c.body?.attachments }),
    );
}

beforeAll(async () => {
  if (!existsSync('dist/index.js'))
    throw new Error('dist/index.js is missing: run `npm run build` first (npm run test:instances does)');
  azurite = await startAzurite();
  connector = new FakeConnector();
  await connector.start();
  prefix = freshPrefix();
  cwd = await mkdtemp(join(tmpdir(), 'gab-instances-'));
}, 60_000);

afterAll(async () => {
  for (const bot of bots) bot.child.kill('SIGKILL');
  await connector?.stop();
  await azurite?.stop();
  await rm(cwd, { recursive: true, force: true });
});

describe('when two bot processes share one Azure storage account', () => {
  let a: Bot;
  let b: Bot;

  beforeAll(async () => {
    [a, b] = await Promise.all([startBot('A'), startBot('B')]);
  }, 60_000);

  it('then a message Teams delivers to both creates one request, answered by one of them', async () => {
    const activity = message(nestor, 'invite dup-one@fabrikam.com to Marketing because e2e on two instances', {
      serviceUrl: connector.url,
    });
    const [ra, rb] = await Promise.all([post(a, activity), post(b, activity)]);
    expect([ra.status, rb.status]).toEqual([200, 200]);
    const answered = [replies(ra), replies(rb)].filter((t) => t !== '');
    expect(answered).toHaveLength(1);
    expect(answered[0]).toMatch(/waiting for approval by Alex Wilber/);
    expect(await requestsFor('dup-one@fabrikam.com')).toHaveLength(1);
  });

  it('then two different messages asking for the same guest at once make one request; the other is told it is waiting', async () => {
    const text = 'invite dup-two@fabrikam.com to Marketing because e2e on two instances';
    const [ra, rb] = await Promise.all([post(a, message(nestor, text)), post(b, message(nestor, text))]);
    const both = `${replies(ra)}\n---\n${replies(rb)}`;
    expect(both).toMatch(/waiting for approval by Alex Wilber/);
    expect(both).toMatch(/already waiting for approval in request/);
    expect(await requestsFor('dup-two@fabrikam.com')).toHaveLength(1);
  });

  it('then approve and reject tapped on both at once decide once, and nobody is told twice', async () => {
    const [request] = await requestsFor('dup-one@fabrikam.com');
    await until('the approval card', async () =>
      connector.sent().some((c) => JSON.stringify(c.body).includes(request.id) && c.conversationId?.includes(alex.id)),
    );
    const taps = await Promise.all([
      post(a, cardAction(alex, 'approveRequest', { requestId: request.id })),
      post(b, cardAction(alex, 'rejectRequest', { requestId: request.id })),
      post(b, cardAction(alex, 'approveRequest', { requestId: request.id })),
      post(a, cardAction(alex, 'rejectRequest', { requestId: request.id })),
    ]);
    for (const tap of taps) expect(tap.body?.statusCode).toBe(200);
    const decided = await until('the request to be decided and finished', async () => {
      const [r] = await requestsFor('dup-one@fabrikam.com');
      return ['completed', 'rejected'].includes(r.state) && r.outbox.length === 0 && r;
    });
    const transitions: string[] = [];
    for await (const e of AzureAuditLog.open(await storage()).all()) {
      if (e.subjectId === request.id && e.action === 'request.transition') transitions.push(`${e.from}>${e.to}`);
    }
    expect(transitions.filter((t) => t.startsWith('pending>'))).toEqual([`pending>${decided.decision!.outcome}`]);
    expect(transitions.filter((t) => t.startsWith('provisioning>')).length).toBeLessThanOrEqual(1);
    const bodies = sentBodies();
    expect(new Set(bodies).size).toBe(bodies.length);
  });

  it('then an approver Teams cannot reach gets the approval mail as an .eml blob, as on disk with lowdb', async () => {
    const sanne = demoUser('Sanne Jansen'); // owns Leesclub
    connector.refusedUsers.add(sanne.id);
    const ask = 'uitnodigen mail-one@fabrikam.com voor Leesclub omdat ze boeken bespreekt';
    const emma = demoUser('Emma de Boer'); // member of Leesclub
    const created = await post(a, message(emma, ask, { locale: 'nl-NL' }));
    expect(replies(created)).toMatch(/Sanne Jansen/);
    const [request] = await requestsFor('mail-one@fabrikam.com', emma);
    const outbox = (await storage()).container('outbox');
    const name = `${request.id}-${sanne.id}-unreachable.eml`;
    await until('the mail in the outbox container', async () => outbox.getBlobClient(name).exists());
    const mail = await simpleParser(await outbox.getBlobClient(name).downloadToBuffer());
    expect(mail.to && 'value' in mail.to ? mail.to.value.map((v) => v.address) : []).toEqual([sanne.mail]);
    expect(mail.subject).toBe(`Goedkeuring gevraagd: gasttoegang tot Leesclub (aanvraag ${request.id})`);
    const names: string[] = [];
    for await (const blob of outbox.listBlobsFlat()) names.push(blob.name);
    expect(names).toEqual([name]); // sent once, by one of the two
  });

  it('then, when the instance that sweeps dies mid-delivery, the other takes over within a minute and sends the card once', async () => {
    const holder = await until('a sweep lease holder', async () =>
      bots.find((bot) => bot.log.some((l) => l.includes('SWEEP_LEASE_ACQUIRED'))),
    );
    const survivor = holder === a ? b : a;
    connector.hold = true;
    const created = await post(
      holder,
      message(nestor, 'invite dup-three@fabrikam.com to Marketing because e2e on two instances'),
    );
    expect(replies(created)).toMatch(/waiting for approval/);
    await until('the holder to be delivering', async () => connector.holding > 0);
    const killedAt = Date.now();
    holder.child.kill('SIGKILL');
    await new Promise((r) => holder.child.once('exit', r));
    connector.hold = false;

    const [request] = await requestsFor('dup-three@fabrikam.com');
    const delivered = (who: string) =>
      connector.sent().filter((c) => JSON.stringify(c.body).includes(request.id) && c.conversationId?.includes(who));
    // The requester's status card came with the reply; the approval card is the background work left behind.
    await until('the survivor to deliver the approval card', async () => delivered(alex.id).length > 0, 60_000);
    const tookMs = Date.now() - killedAt;
    console.log(`sweep taken over and cards delivered ${(tookMs / 1000).toFixed(1)} s after the holder was killed`);
    expect(tookMs).toBeLessThan(60_000);
    expect(survivor.log.some((l) => l.includes('SWEEP_LEASE_ACQUIRED'))).toBe(true);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(delivered(alex.id)).toHaveLength(1);
    const bodies = sentBodies();
    expect(new Set(bodies).size).toBe(bodies.length);
  }, 90_000);

  it('then nothing was written to local disk', () => {
    expect(existsSync(dataDir)).toBe(false);
  });
});

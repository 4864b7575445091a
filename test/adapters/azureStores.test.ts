import { InMemoryDirectory, EmbeddedDirectory } from '../../src/adapters/embedded/embeddedDirectory.js';
import { simpleParser } from 'mailparser';
import { azureMailOutbox } from '../../src/adapters/azure/azureMailOutbox.js';
import { EmlOutboxMailer } from '../../src/adapters/mail/emlOutboxMailer.js';
import { systemClock } from '../../src/ports/clock.js';
import { AzureAuditIntents } from '../../src/adapters/azure/azureAuditIntents.js';
import { AzureAuditLog } from '../../src/adapters/azure/azureAuditLog.js';
import { AzureConversationStore } from '../../src/adapters/azure/azureConversationStore.js';
import { AzureDirectoryOverlayStore } from '../../src/adapters/azure/azureDirectoryOverlayStore.js';
import { AzureLanguagePreferenceStore } from '../../src/adapters/azure/azureLanguagePreferenceStore.js';
import { AzureRequestStore } from '../../src/adapters/azure/azureRequestStore.js';
import { OpenRequestExistsError } from '../../src/ports/requestStore.js';
import { AzureReviewStore } from '../../src/adapters/azure/azureReviewStore.js';
import { AzureSeenActivities } from '../../src/adapters/azure/azureSeenActivities.js';
import { AzureStorage } from '../../src/adapters/azure/azureStorage.js';
import { BlobSweepLease } from '../../src/adapters/azure/blobSweepLease.js';
import { Writable } from 'node:stream';
import { exportAudit } from '../../scripts/exportAudit.js';
import { openBlobsDialogStorage } from '../../src/bot/blobsDialogStorage.js';
import { createLogger } from '../../src/logger.js';
import { startAzurite, freshPrefix, type Azurite } from '../support/azurite.js';
import { demoTenant, demoUser } from '../support/demoTenant.js';
import { auditIntentsContract, intent } from './contracts/auditIntentsContract.js';
import { auditLogContract, collect, entry } from './contracts/auditLogContract.js';
import { conversationStoreContract } from './contracts/conversationStoreContract.js';
import { request, requestStoreContract } from './contracts/requestStoreContract.js';
import { reviewStoreContract } from './contracts/reviewStoreContract.js';

let azurite: Azurite;
let prefix: string;
beforeAll(async () => {
  azurite = await startAzurite();
}, 60_000);
afterAll(() => azurite?.stop());
beforeEach(() => {
  prefix = freshPrefix();
});

/** Storage on the current test's prefix: every call is another "process" on the same account. */
const storage = () => AzureStorage.open({ connectionString: azurite.connectionString, prefix });

describe('azure request store (Azurite)', () => {
  requestStoreContract(
    async () => AzureRequestStore.open(await storage()),
    async () => AzureRequestStore.open(await storage()),
  );

  it('keeps a request larger than one table property (split in chunks)', async () => {
    const store = AzureRequestStore.open(await storage());
    const justification = 'x'.repeat(70_000);
    await store.create(request('R-000001', { justification }));
    expect((await store.get('R-000001'))!.justification).toBe(justification);
    await store.update('R-000001', (r) => ({ ...r, justification: 'short' }));
    expect((await store.get('R-000001'))!.justification).toBe('short');
  });

  it('takes over the guest key of a request that was closed without releasing it (a crash between two writes)', async () => {
    const s = await storage();
    const store = AzureRequestStore.open(s);
    await store.create(request('R-000001', { guests: [{ email: 'anna@fabrikam.com' }] }));
    // Close the request behind the store's back, leaving its key and index entries as a crash would.
    const entity = await s.table('requests').getEntity<Record<string, unknown>>('R-000001', 'R-000001');
    const closed = { ...(await store.get('R-000001'))!, state: 'expired' as const, version: 2 };
    await s
      .table('requests')
      .updateEntity(
        { partitionKey: 'R-000001', rowKey: 'R-000001', chunks: 1, d0: JSON.stringify(closed) },
        'Replace',
        {
          etag: entity.etag,
        },
      );

    expect(await store.findOpenForGuest('g-1', 'anna@fabrikam.com')).toBeUndefined();
    await store.create(request('R-000002', { guests: [{ email: 'anna@fabrikam.com' }] }));
    expect((await store.findOpenForGuest('g-1', 'anna@fabrikam.com'))?.id).toBe('R-000002');
    // The stale 'pending' entry of R-000001 is dropped when the sweep meets it.
    expect(
      (await store.listPendingDue('2030-01-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z')).map((r) => r.id),
    ).toEqual(['R-000002']);
    const left = [];
    for await (const e of s.table('requestdue').listEntities()) left.push(`${e.partitionKey}/${e.rowKey}`);
    expect(left).toEqual(['pending/R-000002']);
  });

  it('imports in bulk exactly the entities that creating one by one writes, and can run again', async () => {
    const history = [
      request('R-000001', { state: 'completed', guests: [{ email: 'done@fabrikam.com', added: true }] }),
      request('R-000002', { approverIds: ['u-owner', 'u-owner2'], reminderSentAt: '2026-11-04T09:00:00.000Z' }),
      request('R-000003', { state: 'approved', groupId: 'g-2', requesterId: 'u-other' }),
      request('R-000004', { state: 'rejected', unlogged: [] }),
    ];
    const tables = ['requests', 'requestkeys', 'requestdue', 'requestlists'] as const;
    const contents = async (s: AzureStorage) => {
      const out: string[] = [];
      for (const name of tables) {
        for await (const { etag, timestamp, ...e } of s.table(name).listEntities()) {
          void etag;
          void timestamp;
          out.push(`${name} ${JSON.stringify(e)}`);
        }
      }
      return out.sort();
    };
    const oneByOne = await storage();
    for (const r of history) await AzureRequestStore.open(oneByOne).create(r);
    prefix = freshPrefix();
    const bulk = await storage();
    await AzureRequestStore.open(bulk).importMany(history);
    await AzureRequestStore.open(bulk).importMany(history);
    expect(await contents(bulk)).toEqual(await contents(oneByOne));

    const store = AzureRequestStore.open(bulk);
    expect((await store.findOpenForGuest('g-1', 'guest-r-000002@fabrikam.com'))?.id).toBe('R-000002');
    expect((await store.listWithWork()).map((r) => r.id)).toEqual(['R-000003']);
    expect((await store.list({ approverId: 'u-owner2' })).map((r) => r.id)).toEqual(['R-000002']);
    // A request for a guest who has an open request already is refused; the rest of the batch is stored.
    const clash = request('R-000005', { guests: [{ email: 'guest-r-000002@fabrikam.com' }] });
    await expect(store.importMany([clash, request('R-000006')])).rejects.toThrow(OpenRequestExistsError);
    expect(await store.get('R-000005')).toBeUndefined();
    expect((await store.get('R-000006'))?.state).toBe('pending');
  });
});

describe('azure mail outbox (Azurite)', () => {
  test('a mail becomes one .eml blob that parses as MIME; the same mail sent again replaces it', async () => {
    const s = await storage();
    const mailer = new EmlOutboxMailer({
      outbox: azureMailOutbox(s),
      from: { address: 'guest-access@contoso.com', name: 'Guest Access' },
      clock: systemClock,
    });
    const mail = { key: 'R-000001-u1-unreachable', to: { address: 'alex@contoso.com' }, html: '<p>hi</p>' };
    await mailer.send({ ...mail, subject: 'first', text: 'hi' });
    await mailer.send({ ...mail, subject: 'second', text: 'hi' });
    const names: string[] = [];
    for await (const blob of s.container('outbox').listBlobsFlat()) names.push(blob.name);
    expect(names).toEqual(['R-000001-u1-unreachable.eml']);
    const blob = s.container('outbox').getBlobClient(names[0]);
    expect((await blob.getProperties()).contentType).toBe('message/rfc822');
    const parsed = await simpleParser(await blob.downloadToBuffer());
    expect(parsed.subject).toBe('second');
    expect(parsed.from?.value[0].address).toBe('guest-access@contoso.com');
  });
});

describe('azure audit log (Azurite)', () => {
  auditLogContract(async () => AzureAuditLog.open(await storage()));

  test('two processes appending at once keep every entry, in one hour blob', async () => {
    const [a, b] = [AzureAuditLog.open(await storage()), AzureAuditLog.open(await storage())];
    const ids = Array.from({ length: 30 }, (_, i) => `r${i}`);
    await Promise.all(ids.map((id, i) => (i % 2 ? a : b).append(entry('2026-11-21T09:15:00Z', id))));
    expect((await collect(a)).sort()).toEqual([...ids].sort());
    const names = [];
    for await (const blob of (await storage()).container('audit').listBlobsFlat()) names.push(blob.name);
    expect(names).toEqual(['2026-11-21T09-00000.jsonl']);
  });

  test('an entry relayed by two processes at once, or again after a restart, is kept once', async () => {
    const [a, b] = [AzureAuditLog.open(await storage()), AzureAuditLog.open(await storage())];
    const relayed = { ...entry('2026-11-21T09:00:00Z', 'r1'), id: 'a1' };
    await Promise.all([
      a.append(relayed),
      b.append(relayed),
      a.append({ ...entry('2026-11-21T09:01:00Z', 'r2'), id: 'a2' }),
      b.append(relayed),
    ]);
    await AzureAuditLog.open(await storage()).append(relayed);
    expect((await collect(a)).sort()).toEqual(['r1', 'r2']);
  });

  test('export-audit reads the trail from Azure as it does from DATA_DIR', async () => {
    const log = AzureAuditLog.open(await storage());
    await log.append(entry('2026-11-20T09:00:00Z', 'r1'));
    await log.append(entry('2026-11-21T09:00:00Z', 'r2'));
    const chunks: string[] = [];
    const out = new Writable({ write: (chunk, _enc, done) => (chunks.push(String(chunk)), done()) });
    expect(await exportAudit(AzureAuditLog.open(await storage()), { users: new Map(), groups: new Map() }, out)).toBe(
      2,
    );
    expect(
      chunks
        .join('')
        .split('\r\n')
        .slice(1, 3)
        .map((row) => row.split(',')[4]),
    ).toEqual(['r1', 'r2']);
  });

  test('an entry with an invalid timestamp is refused', async () => {
    await expect(AzureAuditLog.open(await storage()).append(entry('yesterday', 'r1'))).rejects.toThrow(
      /invalid timestamp/,
    );
  });
});

describe('azure audit intents (Azurite)', () => {
  auditIntentsContract(async () => AzureAuditIntents.open(await storage()));

  test('an intent left by one instance is seen and settled by another', async () => {
    await AzureAuditIntents.open(await storage()).intend(intent('i-1'));
    const other = AzureAuditIntents.open(await storage());
    expect(await other.intended()).toEqual([intent('i-1')]);
    await other.settle('i-1');
    expect(await AzureAuditIntents.open(await storage()).intended()).toEqual([]);
  });
});

describe('azure review store (Azurite)', () => {
  // Every open is another process on the same account: concurrent decisions race through ETags.
  reviewStoreContract(async () => AzureReviewStore.open(await storage()));
});

describe('azure conversation store (Azurite)', () => {
  conversationStoreContract(async () => AzureConversationStore.open(await storage()));

  test('a reference saved by one process is read by another', async () => {
    const [a, b] = [AzureConversationStore.open(await storage()), AzureConversationStore.open(await storage())];
    await a.save('u1', {
      channelId: 'msteams',
      serviceUrl: 'https://x/',
      conversation: { id: 'a:1' },
      bot: { id: '28:b' },
    });
    expect((await b.get('u1'))?.conversation.id).toBe('a:1');
    expect(await b.latestServiceUrl()).toBe('https://x/');
  });
});

describe('azure language preferences (Azurite)', () => {
  test('pinned and spoken languages are kept apart, shared by instances, and a pin can be lifted', async () => {
    const [a, b] = [
      AzureLanguagePreferenceStore.open(await storage()),
      AzureLanguagePreferenceStore.open(await storage()),
    ];
    expect(await a.get('u1')).toBeUndefined();
    await Promise.all([a.pin('u1', 'nl'), b.noteSpoken('u1', 'en')]);
    expect(await b.get('u1')).toEqual({ pinned: 'nl', spoken: 'en' });
    await b.pin('u1', undefined);
    expect(await a.get('u1')).toEqual({ spoken: 'en' });
  });
});

describe('azure directory overlay (Azurite)', () => {
  test('two processes inviting at once both keep their guest, and each sees the other after a reload', async () => {
    const open = async () =>
      EmbeddedDirectory.open(demoTenant, { store: AzureDirectoryOverlayStore.open(await storage()) });
    const [a, b] = [await open(), await open()];
    const alex = demoUser('Alex Wilber').id;
    await Promise.all([
      ...Array.from({ length: 5 }, (_, i) => a.inviteGuest({ email: `a${i}@fabrikam.com`, invitedBy: alex })),
      ...Array.from({ length: 5 }, (_, i) => b.inviteGuest({ email: `b${i}@fabrikam.com`, invitedBy: alex })),
    ]);
    const third = await open();
    for (const who of ['a0', 'a4', 'b0', 'b4']) expect(await third.findUserByMail(`${who}@fabrikam.com`)).toBeDefined();
    // Inviting the same address on both returns one user.
    const [x, y] = await Promise.all([
      a.inviteGuest({ email: 'same@fabrikam.com', invitedBy: alex }),
      b.inviteGuest({ email: 'same@fabrikam.com', invitedBy: alex }),
    ]);
    expect(x.userId).toBe(y.userId);
    expect([x.created, y.created].sort()).toEqual([false, true]);
  });

  test('an empty account starts from the snapshot', async () => {
    const directory = await EmbeddedDirectory.open(demoTenant, {
      store: AzureDirectoryOverlayStore.open(await storage()),
    });
    const reference = new InMemoryDirectory(demoTenant);
    expect((await directory.snapshot()).users.length).toBe((await reference.snapshot()).users.length);
  });
});

describe('shared pieces for several instances (Azurite)', () => {
  test('a redelivered activity is new for exactly one of two instances', async () => {
    const [a, b] = [AzureSeenActivities.open(await storage()), AzureSeenActivities.open(await storage())];
    const firsts = await Promise.all([
      a.firstTime('c1|act-1'),
      b.firstTime('c1|act-1'),
      a.firstTime('c1|act-1'),
      b.firstTime('c1|act-1'),
    ]);
    expect(firsts.filter(Boolean)).toHaveLength(1);
    expect(await b.firstTime('c1|act-2')).toBe(true);
  });

  test('after the window a key is new again', async () => {
    let now = 1_000_000;
    const seen = new AzureSeenActivities((await storage()).table('activities'), 60_000, () => now);
    expect(await seen.firstTime('k')).toBe(true);
    now += 30_000;
    expect(await seen.firstTime('k')).toBe(false);
    now += 60_000;
    expect(await seen.firstTime('k')).toBe(true);
  });

  test('the sweep lease has one holder; when it stops, another instance takes over', async () => {
    const logger = createLogger('silent');
    const [a, b] = [BlobSweepLease.open(await storage(), logger), BlobSweepLease.open(await storage(), logger)];
    const held = await Promise.all([a.holds(), b.holds()]);
    expect(held.filter(Boolean)).toHaveLength(1);
    const [holder, other] = held[0] ? [a, b] : [b, a];
    expect(await other.holds()).toBe(false);
    await holder.stop();
    expect(await other.holds()).toBe(true);
    await other.stop();
  });

  test('dialog state in blobs refuses a write based on a stale eTag', async () => {
    const s = await storage();
    const dialogs = openBlobsDialogStorage(s.connection, s.containerName('dialogs'));
    await dialogs.write({ 'conv/1': { step: 1 } });
    const read = (await dialogs.read(['conv/1']))['conv/1'];
    await dialogs.write({ 'conv/1': { ...read, step: 2 } });
    await expect(dialogs.write({ 'conv/1': { ...read, step: 3 } })).rejects.toThrow(/eTag conflict/);
    expect((await dialogs.read(['conv/1']))['conv/1'].step).toBe(2);
  });
});

import { createHash } from 'node:crypto';
import { odata, type TableClient } from '@azure/data-tables';
import type { GuestRequest } from '../../domain/guestRequest.js';
import { OpenRequestExistsError, type RequestQuery, type RequestStore } from '../../ports/requestStore.js';
import { hasWork, isDue, matchesQuery, newestFirst, openGuestKeys } from '../memory/memoryRequestStore.js';
import { retryOnConflict, statusOf, tableKey, type AzureStorage } from './azureStorage.js';

/**
 * A key or index entry whose request never appeared is left over from a process that died while creating it; younger
 * than this it may belong to a create still under way.
 */
const LEFTOVER_MS = 60_000;
/** Table string properties hold at most 32K UTF-16 characters: longer records are split. */
const CHUNK = 30_000;
const READ_CONCURRENCY = 16;

type Entity = Record<string, unknown> & { partitionKey: string; rowKey: string; etag?: string; timestamp?: string };

/**
 * {@link RequestStore} on Azure Tables, safe for several processes on one account.
 * - `requests`: one entity per request (partition and row key = id) holding its JSON. Every change is a read, `change`, and a
 *   replace with If-Match on the ETag read; a 412 (someone else wrote first) runs `change` again on the new record.
 * - `requestkeys`: one entity per guest and group (partition and row key = hash of group id and address) naming the open request
 *   that asks for them. Inserting it fails when it exists, which makes "one open request per guest and group" atomic
 *   across processes. A key whose request is closed, has added the guest, or never got written is taken over.
 * - `requestdue`: the small sets the worker sweeps: partition `work` (requests with messages or provisioning to do),
 *   `unlogged` (audit entries still to relay) and `pending` (with the dates of expiry and reminder, filtered
 *   server-side).
 * - `requestlists`: who asked, which group, which approvers (written once at creation; they never change).
 * Every point read names both keys and the row key is unique: Azurite finds an entity through its row-key index first,
 * so a row key shared by all entities (e.g. empty) made each read scan the whole table, slower as history grows.
 * Index entries are written before the request and removed after it, so a crash between leaves an entry too many
 * (checked against the request and cleaned up on read), never a request the worker cannot find.
 */
export class AzureRequestStore implements RequestStore {
  private constructor(
    private readonly records: TableClient,
    private readonly keys: TableClient,
    private readonly due: TableClient,
    private readonly lists: TableClient,
  ) {}

  static open(storage: AzureStorage): AzureRequestStore {
    const table = (name: Parameters<AzureStorage['table']>[0]) => storage.table(name);
    return new AzureRequestStore(table('requests'), table('requestkeys'), table('requestdue'), table('requestlists'));
  }

  async create(request: GuestRequest): Promise<void> {
    const stored = structuredClone(request);
    const claimed: string[] = [];
    try {
      const conflicts: { email: string; requestId: string }[] = [];
      for (const { key, email } of openGuestKeys(stored)) {
        const holder = await this.claimGuest(hashKey(key), stored.id);
        if (holder === undefined) claimed.push(hashKey(key));
        else conflicts.push({ email, requestId: holder });
      }
      if (conflicts.length > 0) throw new OpenRequestExistsError(conflicts);
      await Promise.all([
        ...listKeys(stored).map((partitionKey) =>
          this.lists.upsertEntity({ partitionKey, rowKey: stored.id }, 'Replace'),
        ),
        ...this.dueWrites(undefined, stored),
      ]);
      try {
        await this.records.createEntity(pack(stored));
      } catch (error) {
        if (statusOf(error) === 409) throw new Error(`request ${stored.id} exists`, { cause: error });
        throw error;
      }
    } catch (error) {
      await Promise.allSettled(claimed.map((key) => this.releaseGuest(key, stored.id)));
      throw error;
    }
  }

  /**
   * Stores requests that are not stored yet, in bulk (a migration, a benchmark's history): the same entities
   * {@link create} writes, in the same order (index entries, guest keys, then the request), with the index entries in
   * transactions of up to 100 per partition and everything else `concurrency` calls at a time. A request already
   * stored is left as it is, so an interrupted import can run again. Requests whose guest already has another open
   * request are not stored; they are reported together at the end ({@link OpenRequestExistsError}).
   */
  async importMany(requests: readonly GuestRequest[], concurrency = 32): Promise<void> {
    const stored = requests.map((r) => structuredClone(r));
    const lists = stored.flatMap((r) => listKeys(r).map((partitionKey) => ({ partitionKey, rowKey: r.id })));
    await Promise.all([
      this.transact(this.lists, lists, concurrency),
      this.transact(
        this.due,
        stored.flatMap((r) => dueEntries(undefined, r)),
        concurrency,
      ),
    ]);
    const conflicts: { email: string; requestId: string }[] = [];
    await mapLimit(stored, concurrency, async (request) => {
      const found: typeof conflicts = [];
      for (const { key, email } of openGuestKeys(request)) {
        const holder = await this.claimGuest(hashKey(key), request.id);
        if (holder !== undefined) found.push({ email, requestId: holder });
      }
      if (found.length > 0) {
        conflicts.push(...found);
        return;
      }
      await this.records.createEntity(pack(request)).catch((error: unknown) => {
        if (statusOf(error) !== 409) throw error;
      });
    });
    if (conflicts.length > 0) throw new OpenRequestExistsError(conflicts);
  }

  /** Upserts `entities` in transactions of at most 100 entities of one partition each, `concurrency` at a time. */
  private async transact(table: TableClient, entities: Entity[], concurrency: number): Promise<void> {
    const byPartition = new Map<string, Entity[]>();
    for (const entity of entities) {
      const list = byPartition.get(entity.partitionKey);
      if (list) list.push(entity);
      else byPartition.set(entity.partitionKey, [entity]);
    }
    const batches: Entity[][] = [];
    for (const list of byPartition.values()) {
      for (let i = 0; i < list.length; i += 100) batches.push(list.slice(i, i + 100));
    }
    await mapLimit(batches, concurrency, (batch) =>
      table.submitTransaction(batch.map((entity) => ['upsert', entity, 'Replace'] as const)),
    );
  }

  async get(id: string): Promise<GuestRequest | undefined> {
    return (await this.read(id))?.request;
  }

  update(id: string, change: (current: GuestRequest) => GuestRequest | undefined) {
    return retryOnConflict(async () => {
      const found = await this.read(id);
      if (!found) return undefined;
      const current = found.request;
      const next = change(structuredClone(current));
      if (!next) return { request: current, changed: false };
      const stored: GuestRequest = { ...structuredClone(next), id, version: current.version + 1 };
      await Promise.all(this.dueWrites(current, stored));
      await this.records.updateEntity(pack(stored), 'Replace', { etag: found.etag });
      await this.afterWrite(current, stored);
      return { request: structuredClone(stored), changed: true };
    }, `updating request ${id}`);
  }

  async findOpenForGuest(groupId: string, email: string): Promise<GuestRequest | undefined> {
    const key = hashKey(guestKeyOf(groupId, email));
    const holder = await this.entity(this.keys, key, key);
    if (typeof holder?.requestId !== 'string') return undefined;
    const request = await this.get(holder.requestId);
    return request && openGuestKeys(request).some((k) => hashKey(k.key) === key) ? request : undefined;
  }

  async listWithWork(): Promise<GuestRequest[]> {
    return this.resolve(await this.partition(this.due, 'work'), (r) => hasWork(r));
  }

  async listUnlogged(): Promise<GuestRequest[]> {
    return this.resolve(await this.partition(this.due, 'unlogged'), hasUnlogged);
  }

  async listPendingDue(now: string, remindBefore: string): Promise<GuestRequest[]> {
    const filter = odata`PartitionKey eq 'pending' and (expiresAt le ${now} or (reminded eq false and createdAt le ${
      remindBefore
    }))`;
    const entries = await collect(this.due.listEntities<Entity>({ queryOptions: { filter } }));
    return this.resolve(
      entries,
      (r) => r.state === 'pending',
      (r) => isDue(r, now, remindBefore),
    );
  }

  async list(query: RequestQuery): Promise<GuestRequest[]> {
    let ids: string[];
    const listed = query.requesterId
      ? `requester|${query.requesterId}`
      : query.approverId
        ? `approver|${query.approverId}`
        : query.groupId
          ? `group|${query.groupId}`
          : undefined;
    if (listed !== undefined) {
      const partitionKey = tableKey(listed);
      ids = (await this.partition(this.lists, partitionKey, ['RowKey'])).map((e) => e.rowKey);
    } else if (query.states && query.states.every((s) => s === 'pending')) {
      ids = (await this.partition(this.due, 'pending', ['RowKey'])).map((e) => e.rowKey);
    } else {
      // No index names these requests (e.g. every completed one): read them all, as an administrator's export would.
      const all = await collect(this.records.listEntities<Entity>());
      return all
        .map(unpack)
        .filter((r) => matchesQuery(r, query))
        .sort(newestFirst);
    }
    const found = await mapLimit([...new Set(ids)], READ_CONCURRENCY, (id) => this.get(id));
    return found.filter((r): r is GuestRequest => r !== undefined && matchesQuery(r, query)).sort(newestFirst);
  }

  /** Reads the requests `entries` name; keeps those `keep` accepts and removes entries that no longer apply. */
  private async resolve(
    entries: Entity[],
    belongs: (r: GuestRequest) => boolean,
    keep: (r: GuestRequest) => boolean = belongs,
  ): Promise<GuestRequest[]> {
    const out = await mapLimit(entries, READ_CONCURRENCY, async (entry) => {
      const request = await this.get(entry.rowKey);
      if (request && belongs(request)) return keep(request) ? request : undefined;
      if (request ? request.version >= Number(entry.version ?? 0) : ageOf(entry) > LEFTOVER_MS) {
        const version = request?.version ?? Number.MAX_SAFE_INTEGER;
        await this.deleteUnlessNewer(this.due, entry.partitionKey, entry.rowKey, version);
      }
      return undefined;
    });
    return out.filter((r): r is GuestRequest => r !== undefined);
  }

  /** Index entries the new state needs and the old did not have (or had with other dates), written. */
  private dueWrites(current: GuestRequest | undefined, next: GuestRequest): Promise<unknown>[] {
    return dueEntries(current, next).map((entry) => this.due.upsertEntity(entry, 'Replace'));
  }

  /** Removes the index entries and guest keys the stored state no longer needs. */
  private async afterWrite(current: GuestRequest, stored: GuestRequest): Promise<void> {
    const kept = new Set(openGuestKeys(stored).map((k) => k.key));
    const drop = (partition: string) => this.deleteUnlessNewer(this.due, partition, stored.id, stored.version);
    await Promise.all([
      hasWork(current) && !hasWork(stored) ? drop('work') : undefined,
      hasUnlogged(current) && !hasUnlogged(stored) ? drop('unlogged') : undefined,
      current.state === 'pending' && stored.state !== 'pending' ? drop('pending') : undefined,
      ...openGuestKeys(current)
        .filter((k) => !kept.has(k.key))
        .map((k) => this.releaseGuest(hashKey(k.key), stored.id)),
    ]);
  }

  /**
   * Deletes an index entry unless a later write of the request (a higher version) has put it back meanwhile: that
   * write stored its entry before its request, so deleting it would hide work the request has.
   */
  private async deleteUnlessNewer(table: TableClient, partitionKey: string, rowKey: string, version: number) {
    await retryOnConflict(async () => {
      const entry = await this.entity(table, partitionKey, rowKey);
      if (!entry || Number(entry.version ?? 0) > version) return;
      await table.deleteEntity(partitionKey, rowKey, { etag: entry.etag }).catch(ignore404);
    }, `removing index entry ${partitionKey}/${rowKey}`);
  }

  /** Inserts the guest key for `requestId`; resolves with the id of the open request that holds it instead, if any. */
  private async claimGuest(key: string, requestId: string): Promise<string | undefined> {
    for (;;) {
      try {
        await this.keys.createEntity({ partitionKey: key, rowKey: key, requestId });
        return undefined;
      } catch (error) {
        if (statusOf(error) !== 409) throw error;
      }
      const holder = await this.entity(this.keys, key, key);
      if (!holder) continue; // released meanwhile
      const holderId = String(holder.requestId);
      if (holderId === requestId) return undefined;
      const request = await this.get(holderId);
      const holds = request ? openGuestKeys(request).some((k) => hashKey(k.key) === key) : ageOf(holder) < LEFTOVER_MS;
      if (holds) return holderId;
      // Left over (closed request, guest added, or a create that died): take it over unless someone else did first.
      await this.keys.deleteEntity(key, key, { etag: holder.etag }).catch((error: unknown) => {
        if (statusOf(error) !== 404 && statusOf(error) !== 412) throw error;
      });
    }
  }

  private async releaseGuest(key: string, requestId: string): Promise<void> {
    const holder = await this.entity(this.keys, key, key);
    if (holder?.requestId !== requestId) return;
    await this.keys.deleteEntity(key, key, { etag: holder.etag }).catch((error: unknown) => {
      if (statusOf(error) !== 404 && statusOf(error) !== 412) throw error;
    });
  }

  /** Every entity of one partition (`select`: only these properties). */
  private partition(table: TableClient, partitionKey: string, select?: string[]): Promise<Entity[]> {
    const filter = odata`PartitionKey eq ${partitionKey}`;
    return collect(table.listEntities<Entity>({ queryOptions: { filter, select } }));
  }

  private async read(id: string): Promise<{ request: GuestRequest; etag: string } | undefined> {
    const entity = await this.entity(this.records, id, id);
    return entity && { request: unpack(entity), etag: entity.etag! };
  }

  private async entity(table: TableClient, partitionKey: string, rowKey: string): Promise<Entity | undefined> {
    if (!partitionKey) return undefined;
    try {
      return await table.getEntity<Entity>(partitionKey, rowKey);
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }
}

/** Index entries in `requestdue` the new state needs and the old did not have (or had with other dates). */
function dueEntries(current: GuestRequest | undefined, next: GuestRequest): Entity[] {
  const entries: Entity[] = [];
  const { id, version } = next;
  if (hasWork(next) && !(current && hasWork(current))) entries.push({ partitionKey: 'work', rowKey: id, version });
  if (hasUnlogged(next) && !(current && hasUnlogged(current))) {
    entries.push({ partitionKey: 'unlogged', rowKey: id, version });
  }
  const dates = (r: GuestRequest) => `${r.state}|${r.expiresAt}|${r.createdAt}|${!!r.reminderSentAt}`;
  if (next.state === 'pending' && (!current || dates(current) !== dates(next))) {
    const { expiresAt, createdAt } = next;
    const reminded = !!next.reminderSentAt;
    entries.push({ partitionKey: 'pending', rowKey: id, version, expiresAt, createdAt, reminded });
  }
  return entries;
}

function hasUnlogged(r: GuestRequest): boolean {
  return (r.unlogged?.length ?? 0) > 0;
}

function guestKeyOf(groupId: string, email: string): string {
  return `${groupId} ${email.toLowerCase()}`;
}

/** Addresses may hold characters table keys refuse, and keys are limited to 1 KiB: a hash fits any. */
function hashKey(key: string): string {
  return `g-${createHash('sha256').update(key).digest('hex')}`;
}

function listKeys(r: GuestRequest): string[] {
  const keys = [`requester|${r.requesterId}`, `group|${r.groupId}`, ...r.approverIds.map((a) => `approver|${a}`)];
  return keys.map(tableKey);
}

function pack(r: GuestRequest): Entity {
  const json = JSON.stringify(r);
  const entity: Entity = { partitionKey: r.id, rowKey: r.id, chunks: Math.max(1, Math.ceil(json.length / CHUNK)) };
  for (let i = 0; i * CHUNK < json.length || i === 0; i++) entity[`d${i}`] = json.slice(i * CHUNK, (i + 1) * CHUNK);
  return entity;
}

function unpack(entity: Entity): GuestRequest {
  let json = '';
  for (let i = 0; i < Number(entity.chunks ?? 1); i++) json += stringChunk(entity[`d${i}`]);
  return JSON.parse(json) as GuestRequest;
}

function ageOf(entity: Entity): number {
  const at = entity.timestamp ? Date.parse(entity.timestamp) : NaN;
  return Number.isNaN(at) ? Number.POSITIVE_INFINITY : Date.now() - at;
}

function ignore404(error: unknown): void {
  if (statusOf(error) !== 404) throw error;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Maps with at most `limit` calls in flight. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const run = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run));
  return out;
}

/** One chunk of the stored JSON: a string column, or nothing where the record has fewer chunks. */
function stringChunk(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

import type { TableClient } from '@azure/data-tables';
import { owesRemovals, type GuestReview, type ReviewCycle } from '../../domain/guestReview.js';
import type { ReviewStore } from '../../ports/reviewStore.js';
import { retryOnConflict, statusOf, tableKey, type AzureStorage } from './azureStorage.js';

const CHUNK = 30_000;
const REVIEW = 'review';
const CYCLE = 'cycle';

type Entity = Record<string, unknown> & { partitionKey: string; rowKey: string; etag?: string };

const hasWork = (r: GuestReview) => r.state === 'open' || r.outbox.length > 0 || owesRemovals(r);

/**
 * {@link ReviewStore} in the `reviews` table, safe for several processes on one account: partition `review` (one
 * entity per review, its JSON split in chunks of 30,000 characters) and partition `cycle` (one per cycle). A change
 * is a read, `change`, and a replace with If-Match on the ETag read; a 412 (another instance wrote first) runs
 * `change` again on the newer record, so two decisions racing on one review see each other's outcome. Lists read
 * the review partition (reviews are a few per group and cycle; nothing is kept in memory between calls).
 */
export class AzureReviewStore implements ReviewStore {
  private constructor(private readonly table: TableClient) {}

  static open(storage: AzureStorage): AzureReviewStore {
    return new AzureReviewStore(storage.table('reviews'));
  }

  async create(review: GuestReview): Promise<void> {
    try {
      await this.table.createEntity(pack(REVIEW, review.id, review));
    } catch (error) {
      if (statusOf(error) === 409) throw new Error(`review ${review.id} exists`, { cause: error });
      throw error;
    }
  }

  async get(id: string): Promise<GuestReview | undefined> {
    const entity = await this.entity(REVIEW, id);
    return entity && unpack<GuestReview>(entity);
  }

  update(id: string, change: (current: GuestReview) => GuestReview | undefined) {
    return retryOnConflict(async () => {
      const entity = await this.entity(REVIEW, id);
      if (!entity) return undefined;
      const current = unpack<GuestReview>(entity);
      const next = change(structuredClone(current));
      if (!next) return { review: current, changed: false };
      const stored: GuestReview = { ...structuredClone(next), id, version: current.version + 1 };
      await this.table.updateEntity(pack(REVIEW, id, stored), 'Replace', { etag: entity.etag });
      return { review: structuredClone(stored), changed: true };
    }, `updating review ${id}`);
  }

  async list(query: { cycleId?: string; state?: GuestReview['state'] }): Promise<GuestReview[]> {
    return (await this.all<GuestReview>(REVIEW))
      .filter((r) => (!query.cycleId || r.cycleId === query.cycleId) && (!query.state || r.state === query.state))
      .sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id));
  }

  async listWithWork(): Promise<GuestReview[]> {
    return (await this.all<GuestReview>(REVIEW)).filter(hasWork);
  }

  async saveCycle(cycle: ReviewCycle): Promise<void> {
    await this.table.upsertEntity(pack(CYCLE, cycle.id, cycle), 'Replace');
  }

  async latestCycle(): Promise<ReviewCycle | undefined> {
    let latest: ReviewCycle | undefined;
    for (const c of await this.all<ReviewCycle>(CYCLE)) if (!latest || c.startedAt > latest.startedAt) latest = c;
    return latest;
  }

  private async entity(partition: string, id: string): Promise<Entity | undefined> {
    try {
      return await this.table.getEntity<Entity>(partition, tableKey(id));
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  private async all<T>(partition: string): Promise<T[]> {
    const found: T[] = [];
    const entities = this.table.listEntities<Entity>({ queryOptions: { filter: `PartitionKey eq '${partition}'` } });
    for await (const entity of entities) found.push(unpack<T>(entity));
    return found;
  }
}

function pack(partitionKey: string, id: string, record: unknown): Entity {
  const json = JSON.stringify(record);
  const entity: Entity = { partitionKey, rowKey: tableKey(id), chunks: Math.max(1, Math.ceil(json.length / CHUNK)) };
  for (let i = 0; i * CHUNK < json.length || i === 0; i++) entity[`d${i}`] = json.slice(i * CHUNK, (i + 1) * CHUNK);
  return entity;
}

function unpack<T>(entity: Entity): T {
  let json = '';
  for (let i = 0; i < Number(entity.chunks ?? 1); i++) json += stringChunk(entity[`d${i}`]);
  return JSON.parse(json) as T;
}

/** One chunk of the stored JSON: a string column, or nothing where the record has fewer chunks. */
function stringChunk(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

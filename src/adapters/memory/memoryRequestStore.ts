import type { GuestRequest } from '../../app/guestRequest.js';
import type { RequestQuery, RequestStore } from '../../ports/requestStore.js';
import { KeyedMutex } from '../keyedMutex.js';

/** Matches a request against a query (shared by the stores). */
export function matchesQuery(r: GuestRequest, q: RequestQuery): boolean {
  return (
    (!q.requesterId || r.requesterId === q.requesterId) &&
    (!q.groupId || r.groupId === q.groupId) &&
    (!q.states || q.states.includes(r.state)) &&
    (!q.approverId || r.approverIds.includes(q.approverId))
  );
}

export function newestFirst(a: GuestRequest, b: GuestRequest): number {
  return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1;
}

/** In-memory requests, for tests; same semantics as the lowdb store. */
export class MemoryRequestStore implements RequestStore {
  protected readonly requests = new Map<string, GuestRequest>();
  private readonly mutex = new KeyedMutex();

  async create(request: GuestRequest): Promise<void> {
    if (this.requests.has(request.id)) throw new Error(`request ${request.id} exists`);
    await this.persist(structuredClone(request));
    this.requests.set(request.id, structuredClone(request));
  }

  async get(id: string): Promise<GuestRequest | undefined> {
    const r = this.requests.get(id);
    return r && structuredClone(r);
  }

  update(id: string, change: (current: GuestRequest) => GuestRequest | undefined) {
    return this.mutex.run(id, async () => {
      const current = this.requests.get(id);
      if (!current) return undefined;
      const next = change(structuredClone(current));
      if (!next) return { request: structuredClone(current), changed: false };
      const stored = { ...next, version: current.version + 1 };
      await this.persist(stored);
      this.requests.set(id, stored);
      return { request: structuredClone(stored), changed: true };
    });
  }

  async list(query: RequestQuery): Promise<GuestRequest[]> {
    const out: GuestRequest[] = [];
    for (const r of this.requests.values()) if (matchesQuery(r, query)) out.push(structuredClone(r));
    return out.sort(newestFirst);
  }

  /** Where a subclass writes the record durably before it becomes visible. */
  protected async persist(_request: GuestRequest): Promise<void> {}
}

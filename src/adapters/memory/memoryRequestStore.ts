import { OPEN_STATES, type GuestRequest } from '../../domain/guestRequest.js';
import { OpenRequestExistsError, type RequestQuery, type RequestStore } from '../../ports/requestStore.js';
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

const isOpen = (r: GuestRequest) => OPEN_STATES.includes(r.state);

/** Whether the worker still has to act on the request: messages to send, or guests to provision. */
export function hasWork(r: GuestRequest): boolean {
  return r.outbox.length > 0 || r.state === 'approved' || r.state === 'provisioning';
}

/** Whether a pending request is due for expiry at `now`, or for its reminder (created at or before `remindBefore`). */
export function isDue(r: GuestRequest, now: string, remindBefore: string): boolean {
  return r.state === 'pending' && (r.expiresAt <= now || (!r.reminderSentAt && r.createdAt <= remindBefore));
}

/** The key of a guest in a group for the one-open-request rule. */
export function guestKey(groupId: string, email: string): string {
  return `${groupId} ${email.toLowerCase()}`;
}

/** The guests an open request holds the one-open-request key for: those not yet added (none once it is closed). */
export function openGuestKeys(r: GuestRequest): { key: string; email: string }[] {
  if (!isOpen(r)) return [];
  return r.guests.filter((g) => !g.added).map((g) => ({ key: guestKey(r.groupId, g.email), email: g.email }));
}

/** id sets per key, so a query touches the requests it names rather than every request ever made. */
class Index {
  private readonly sets = new Map<string, Set<string>>();
  add(key: string, id: string) {
    let set = this.sets.get(key);
    if (!set) this.sets.set(key, (set = new Set()));
    set.add(id);
  }
  remove(key: string, id: string) {
    const set = this.sets.get(key);
    set?.delete(id);
    if (set?.size === 0) this.sets.delete(key);
  }
  get(key: string): ReadonlySet<string> {
    return this.sets.get(key) ?? new Set();
  }
}

/** Requests in memory, indexed; the lowdb store persists each record as well. Same semantics for both. */
export class MemoryRequestStore implements RequestStore {
  private readonly requests = new Map<string, GuestRequest>();
  private readonly mutex = new KeyedMutex();
  private readonly byGroup = new Index();
  private readonly byRequester = new Index();
  private readonly byApprover = new Index();
  private readonly open = new Set<string>();
  /** Requests the worker still has to act on; the sweep reads only these. */
  private readonly withWork = new Set<string>();
  private readonly pending = new Set<string>();
  /** Requests carrying audit entries not yet in the log. */
  private readonly unlogged = new Set<string>();
  /** Open requests by `groupId email` of each guest not yet added: the duplicate check at creation. */
  private readonly openByGuest = new Index();

  /** Guest keys of requests being created: reserved before the write, so a racing create sees them. */
  private readonly creating = new Map<string, string>();

  async create(request: GuestRequest): Promise<void> {
    if (this.requests.has(request.id)) throw new Error(`request ${request.id} exists`);
    const keys = openGuestKeys(request);
    const existing = keys.flatMap(({ key, email }) => {
      const holder = this.openByGuest.get(key).values().next().value ?? this.creating.get(key);
      return holder === undefined ? [] : [{ email, requestId: holder }];
    });
    if (existing.length > 0) throw new OpenRequestExistsError(existing);
    for (const { key } of keys) this.creating.set(key, request.id);
    try {
      await this.persist(structuredClone(request));
      this.remember(structuredClone(request));
    } finally {
      for (const { key } of keys) this.creating.delete(key);
    }
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
      const stored = { ...next, id, version: current.version + 1 };
      await this.persist(stored);
      this.remember(stored);
      return { request: structuredClone(stored), changed: true };
    });
  }

  async list(query: RequestQuery): Promise<GuestRequest[]> {
    const out: GuestRequest[] = [];
    for (const id of this.candidates(query)) {
      const r = this.requests.get(id)!;
      if (matchesQuery(r, query)) out.push(structuredClone(r));
    }
    return out.sort(newestFirst);
  }

  async listWithWork(): Promise<GuestRequest[]> {
    return [...this.withWork].map((id) => structuredClone(this.requests.get(id)!));
  }

  async listUnlogged(): Promise<GuestRequest[]> {
    return [...this.unlogged].map((id) => structuredClone(this.requests.get(id)!));
  }

  async listPendingDue(now: string, remindBefore: string): Promise<GuestRequest[]> {
    const due: GuestRequest[] = [];
    for (const id of this.pending) {
      const r = this.requests.get(id)!;
      if (isDue(r, now, remindBefore)) due.push(structuredClone(r));
    }
    return due;
  }

  async findOpenForGuest(groupId: string, email: string): Promise<GuestRequest | undefined> {
    for (const id of this.openByGuest.get(guestKey(groupId, email))) return structuredClone(this.requests.get(id)!);
    return undefined;
  }

  /** The smallest id set that can hold every match. */
  private candidates(q: RequestQuery): Iterable<string> {
    const sets: ReadonlySet<string>[] = [];
    if (q.groupId) sets.push(this.byGroup.get(q.groupId));
    if (q.requesterId) sets.push(this.byRequester.get(q.requesterId));
    if (q.approverId) sets.push(this.byApprover.get(q.approverId));
    if (q.states && q.states.every((s) => OPEN_STATES.includes(s))) sets.push(this.open);
    if (sets.length === 0) return this.requests.keys();
    return sets.reduce((a, b) => (b.size < a.size ? b : a));
  }

  /** Loads a record read from disk (lowdb store at start). */
  protected remember(request: GuestRequest): void {
    const previous = this.requests.get(request.id);
    if (previous) {
      this.byGroup.remove(previous.groupId, previous.id);
      this.byRequester.remove(previous.requesterId, previous.id);
      for (const a of previous.approverIds) this.byApprover.remove(a, previous.id);
      for (const g of previous.guests) this.openByGuest.remove(guestKey(previous.groupId, g.email), previous.id);
    }
    this.requests.set(request.id, request);
    this.byGroup.add(request.groupId, request.id);
    this.byRequester.add(request.requesterId, request.id);
    for (const a of request.approverIds) this.byApprover.add(a, request.id);
    if (hasWork(request)) this.withWork.add(request.id);
    else this.withWork.delete(request.id);
    if ((request.unlogged?.length ?? 0) > 0) this.unlogged.add(request.id);
    else this.unlogged.delete(request.id);
    if (request.state === 'pending') this.pending.add(request.id);
    else this.pending.delete(request.id);
    if (isOpen(request)) {
      this.open.add(request.id);
      for (const { key } of openGuestKeys(request)) this.openByGuest.add(key, request.id);
    } else this.open.delete(request.id);
  }

  /** Where a subclass writes the record durably before it becomes visible. */
  protected async persist(_request: GuestRequest): Promise<void> {}
}

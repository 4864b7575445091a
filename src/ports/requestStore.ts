import type { GuestRequest, RequestState } from '../domain/guestRequest.js';

export interface RequestQuery {
  requesterId?: string;
  groupId?: string;
  states?: readonly RequestState[];
  /** Requests listing this user among their approvers. */
  approverId?: string;
}

/**
 * Guest requests. Changes to one request are serialised: `update` runs `change` on the current record and stores
 * its result atomically, so two decisions racing on the same request see each other's outcome.
 *
 * Crash consistency: a request record carries the audit entries of its own changes ({@link GuestRequest.unlogged})
 * and the messages it still owes ({@link GuestRequest.outbox}). Both are part of the one atomic write, so a crash
 * leaves either the old record or the new one with its entries; relays move them on idempotently afterwards.
 * Each write costs the size of one request, never more as history grows.
 */
export interface RequestStore {
  /**
   * Stores a new request; throws if the id exists. One open request per guest and group: when the new request is
   * open and one of its guests (not yet added) is in another open request of the group, throws
   * {@link OpenRequestExistsError} and stores nothing; the check and the write are atomic, across processes too.
   */
  create(request: GuestRequest): Promise<void>;
  get(id: string): Promise<GuestRequest | undefined>;
  /**
   * Applies `change` to the stored request (a copy). Returning undefined leaves it unchanged. Resolves with the
   * request as stored afterwards, and whether it changed; undefined when no request has that id.
   */
  update(
    id: string,
    change: (current: GuestRequest) => GuestRequest | undefined,
  ): Promise<{ request: GuestRequest; changed: boolean } | undefined>;
  /** The open request (pending … failed) that asks for this guest in this group, if any. */
  findOpenForGuest(groupId: string, email: string): Promise<GuestRequest | undefined>;
  /** Requests that still owe something: messages in their outbox, or guests to provision (approved, provisioning). */
  listWithWork(): Promise<GuestRequest[]>;
  /**
   * Requests whose {@link GuestRequest.unlogged} audit entries are not yet in the audit log (at start: what a crash
   * left between the request's write and the log's append).
   */
  listUnlogged(): Promise<GuestRequest[]>;
  /** Pending requests that expire at or before `now`, or were created at or before `remindBefore` and not reminded. */
  listPendingDue(now: string, remindBefore: string): Promise<GuestRequest[]>;
  /** Matching requests, newest first. */
  list(query: RequestQuery): Promise<GuestRequest[]>;
}

/**
 * Thrown by {@link RequestStore.create} when a guest of the new request is already asked for in another open request
 * of the same group (two turns, or two instances, racing to ask for the same guest). Nothing was stored.
 */
export class OpenRequestExistsError extends Error {
  constructor(readonly existing: readonly { email: string; requestId: string }[]) {
    super(`an open request already asks for ${existing.length} of these guests`);
    this.name = 'OpenRequestExistsError';
  }
}

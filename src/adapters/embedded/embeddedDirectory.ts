import { randomUUID } from 'node:crypto';
import type { Clock } from '../../ports/clock.js';
import { systemClock } from '../../ports/clock.js';
import {
  DirectoryError,
  type Directory,
  type InviteGuestInput,
  type InviteGuestResult,
  type ResendInvitationInput,
} from '../../ports/directory.js';
import type { DirectoryGroup, DirectoryUser, ExternalTenant, TenantSnapshot } from '../../policy/tenantModel.js';
import { MemoryDirectoryOverlayStore } from '../memory/memoryDirectoryOverlayStore.js';
import {
  applyOverlay,
  emptyOverlay,
  type DirectoryOverlay,
  type DirectoryOverlayStore,
  type OverlayChange,
} from './directoryOverlay.js';
import { assertMembershipManageable } from '../manageableGroup.js';

/**
 * Hooks that run before a write reaches the directory, for tests: throw (e.g. a transient {@link DirectoryError}) to
 * make the write fail, or await to make it slow. They run outside the write queue, so a slow invitation does not hold
 * up other writes. Read at call time, so a test may change them between calls.
 */
export interface DirectoryFaults {
  inviteGuest?: (input: InviteGuestInput) => Promise<void> | void;
  addMember?: (groupId: string, userId: string) => Promise<void> | void;
  removeMember?: (groupId: string, userId: string) => Promise<void> | void;
  resendInvitation?: (input: ResendInvitationInput) => Promise<void> | void;
  deleteUser?: (userId: string) => Promise<void> | void;
}

export interface EmbeddedDirectoryOptions {
  /** Where the writes are kept; in memory when omitted. */
  store?: DirectoryOverlayStore;
  faults?: DirectoryFaults;
  /** Time of invitations (recorded in the overlay). */
  clock?: Clock;
  /** Object ids of invited guests; `crypto.randomUUID` when omitted. */
  newId?: () => string;
}

/** How stale a shared overlay may get before a read reloads it (writes always start from the stored one). */
const SHARED_REFRESH_MS = 5_000;

const ADDRESS = /^[^@\s]+@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/**
 * The {@link Directory} of the embedded demo tenant: a validated snapshot plus the writes the bot made (invited guests,
 * membership changes), kept in an overlay store and re-applied at start. The snapshot itself is never modified.
 * Behaves like Microsoft Graph where it matters: inviting an existing address returns that user, and groups that are
 * not cloud, assigned-membership groups refuse membership changes.
 */
export class EmbeddedDirectory implements Directory {
  private readonly base: TenantSnapshot;
  private readonly store: DirectoryOverlayStore;
  private readonly faults: DirectoryFaults;
  private readonly clock: Clock;
  private readonly newId: () => string;
  private overlay: DirectoryOverlay;
  private writes = 0;
  private view: DirectoryView | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  /** When the shared overlay was last read from the store (performance.now()). */
  private loadedAt = performance.now();

  protected constructor(base: TenantSnapshot, overlay: DirectoryOverlay, options: EmbeddedDirectoryOptions) {
    this.base = deepFreeze(structuredClone(base)); // the caller's object stays theirs to change
    this.overlay = overlay;
    this.store = options.store ?? new MemoryDirectoryOverlayStore();
    this.faults = options.faults ?? {};
    this.clock = options.clock ?? systemClock;
    this.newId = options.newId ?? randomUUID;
  }

  /** A directory over `base` with the writes found in `options.store` applied. */
  static async open(base: TenantSnapshot, options: EmbeddedDirectoryOptions = {}): Promise<EmbeddedDirectory> {
    const store = options.store ?? new MemoryDirectoryOverlayStore();
    return new EmbeddedDirectory(base, await store.load(), { ...options, store });
  }

  async snapshot(): Promise<TenantSnapshot> {
    await this.refresh();
    return this.current().snapshot;
  }

  /** Counts the writes that changed something since this instance started. */
  version(): number {
    return this.writes;
  }

  async getUser(id: string): Promise<DirectoryUser | undefined> {
    await this.refresh();
    return this.current().usersById.get(id.toLowerCase());
  }

  async findUserByMail(mail: string): Promise<DirectoryUser | undefined> {
    await this.refresh();
    return this.current().usersByAddress.get(mail.trim().toLowerCase());
  }

  async getGroup(id: string): Promise<DirectoryGroup | undefined> {
    await this.refresh();
    return this.current().groupsById.get(id.toLowerCase());
  }

  async listGroups(): Promise<DirectoryGroup[]> {
    await this.refresh();
    return [...this.current().snapshot.groups];
  }

  async tenantOfDomain(domain: string): Promise<ExternalTenant | undefined> {
    const wanted = domain.trim().toLowerCase();
    const { tenant, externalTenants } = this.base;
    if (tenant.verifiedDomains.some((d) => d.toLowerCase() === wanted)) {
      return { tenantId: tenant.id, displayName: tenant.displayName, domains: [...tenant.verifiedDomains] };
    }
    return externalTenants.find((t) => t.domains.some((d) => d.toLowerCase() === wanted));
  }

  async inviteGuest(input: InviteGuestInput): Promise<InviteGuestResult> {
    const email = input.email.trim();
    if (!ADDRESS.test(email)) throw new DirectoryError('INVALID_EMAIL', 'not a valid e-mail address', false);
    await this.faults.inviteGuest?.(input);
    return this.write<InviteGuestResult>(() => {
      const existing = this.current().usersByAddress.get(email.toLowerCase());
      if (existing !== undefined) return { result: { userId: existing.id, created: false } };
      const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
      if (this.base.tenant.verifiedDomains.some((d) => d.toLowerCase() === domain)) {
        throw new DirectoryError('INTERNAL_ADDRESS', 'the address belongs to this tenant: it cannot be a guest', false);
      }
      const user: DirectoryUser = {
        id: this.newId(),
        displayName: input.displayName?.trim() || email.slice(0, email.lastIndexOf('@')),
        mail: email,
        userPrincipalName: `${email.replace('@', '_')}#EXT#@${initialDomain(this.base)}`,
        userType: 'Guest',
        accountEnabled: true,
        roles: [],
        preferredLanguage: null,
        externalUserState: 'PendingAcceptance',
        externalUserStateChangeDateTime: this.clock.now().toISOString(),
        createdDateTime: this.clock.now().toISOString(),
        // Invited just now: known never to have signed in.
        signInActivity: { lastSignInDateTime: null },
        // Entra makes the inviter the guest's sponsor.
        sponsors: [input.invitedBy],
      };
      const guest = { user, invitedBy: input.invitedBy, invitedAt: this.clock.now().toISOString() };
      return {
        result: { userId: user.id, created: true },
        next: { ...this.overlay, guests: [...this.overlay.guests, guest] },
        changes: [{ kind: 'guest', guest }],
      };
    });
  }

  async addMember(groupId: string, userId: string): Promise<void> {
    await this.faults.addMember?.(groupId, userId);
    await this.write(() => {
      const group = this.manageableGroup(groupId);
      const user = this.current().usersById.get(userId.toLowerCase());
      if (user === undefined) throw new DirectoryError('USER_NOT_FOUND', 'no user with this id', false);
      if (group.members.some((id) => id.toLowerCase() === user.id.toLowerCase())) return { result: undefined };
      return { result: undefined, ...this.withMembership(group.id, user.id, 'add') };
    });
  }

  async removeMember(groupId: string, userId: string): Promise<void> {
    await this.faults.removeMember?.(groupId, userId);
    await this.write(() => {
      const group = this.manageableGroup(groupId);
      const member = group.members.find((id) => id.toLowerCase() === userId.toLowerCase());
      if (member === undefined) return { result: undefined };
      return { result: undefined, ...this.withMembership(group.id, member, 'remove') };
    });
  }

  async listGuests(): Promise<DirectoryUser[]> {
    return this.current().snapshot.users.filter((u) => u.userType === 'Guest');
  }

  async resendInvitation(input: ResendInvitationInput): Promise<void> {
    await this.faults.resendInvitation?.(input);
    await this.write(() => {
      const user = this.current().usersById.get(input.userId.toLowerCase());
      if (user === undefined) throw new DirectoryError('USER_NOT_FOUND', 'no user with this id', false);
      if (user.userType !== 'Guest') throw new DirectoryError('NOT_A_GUEST', 'only guests are invited', false);
      // Graph: a pending guest gets a new invitation; an accepted one only with resetRedemption.
      if (user.externalUserState === 'Accepted' && !input.resetRedemption) {
        throw new DirectoryError('ALREADY_REDEEMED', 'the guest has redeemed the invitation already', false);
      }
      const previous = this.overlay.invitations?.[user.id];
      const change = {
        externalUserState: 'PendingAcceptance' as const,
        externalUserStateChangeDateTime: this.clock.now().toISOString(),
        resent: (previous?.resent ?? 0) + 1,
      };
      const invitations = { ...this.overlay.invitations, [user.id]: change };
      return {
        result: undefined,
        next: { ...this.overlay, invitations },
        changes: [{ kind: 'invitation', userId: user.id, change }],
      };
    });
  }

  async deleteUser(userId: string): Promise<void> {
    await this.faults.deleteUser?.(userId);
    await this.write(() => {
      const user = this.current().usersById.get(userId.toLowerCase());
      if (user === undefined) return { result: undefined };
      const at = this.clock.now().toISOString();
      const deleted = { ...this.overlay.deleted, [user.id]: at };
      return {
        result: undefined,
        next: { ...this.overlay, deleted },
        changes: [{ kind: 'deleted', userId: user.id, at }],
      };
    });
  }

  /** Runs one write at a time; a write that returns `next` is saved before it becomes visible. */
  private write<R>(decide: () => Decided<R>): Promise<R> {
    const run = async (): Promise<R> => {
      if (this.store.update) return this.writeShared(decide);
      const { result, next, changes } = decide();
      if (next === undefined) return result;
      try {
        await this.store.save(next, changes);
      } catch (error) {
        throw new DirectoryError(
          'DIRECTORY_WRITE_FAILED',
          `could not save the directory changes: ${String(error)}`,
          true,
        );
      }
      this.overlay = next;
      this.view = undefined;
      this.writes += 1;
      return result;
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** A write to a shared store: decided on the overlay as stored now, so another process's writes are kept. */
  private async writeShared<R>(decide: () => Decided<R>): Promise<R> {
    let outcome: Decided<R> | undefined;
    let stored: DirectoryOverlay;
    try {
      stored = await this.store.update!((current) => {
        this.adopt(current);
        outcome = decide();
        return outcome.next;
      });
    } catch (error) {
      if (error instanceof DirectoryError) throw error;
      const message = `could not save the directory changes: ${String(error)}`;
      throw new DirectoryError('DIRECTORY_WRITE_FAILED', message, true);
    }
    this.adopt(stored);
    return outcome!.result;
  }

  /** Reloads a shared overlay that may be stale, in the write queue so that it never undoes a write of ours. */
  private async refresh(): Promise<void> {
    if (!this.store.update || performance.now() - this.loadedAt < SHARED_REFRESH_MS) return;
    this.loadedAt = performance.now();
    const run = async () => this.adopt(await this.store.load());
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    await result.catch(() => undefined); // a failed reload keeps serving what we have
  }

  /** Takes over the stored overlay; a change counts as a write (caches built on {@link version} are dropped). */
  private adopt(overlay: DirectoryOverlay): void {
    this.loadedAt = performance.now();
    if (JSON.stringify(overlay) === JSON.stringify(this.overlay)) return;
    this.overlay = overlay;
    this.view = undefined;
    this.writes += 1;
  }

  /** The group, if Graph would let us change its members (the policy should have stopped the others earlier). */
  private manageableGroup(groupId: string): DirectoryGroup {
    const group = this.current().groupsById.get(groupId.toLowerCase());
    if (group === undefined) throw new DirectoryError('GROUP_NOT_FOUND', 'no group with this id', false);
    assertMembershipManageable(group);
    return group;
  }

  private withMembership(
    groupId: string,
    userId: string,
    change: 'add' | 'remove',
  ): { next: DirectoryOverlay; changes: OverlayChange[] } {
    const previous = Object.hasOwn(this.overlay.membership, groupId) ? this.overlay.membership[groupId] : undefined;
    const added = new Set(previous?.added ?? []);
    const removed = new Set(previous?.removed ?? []);
    const inBase = this.base.groups.some(
      (g) => g.id === groupId && g.members.some((id) => id.toLowerCase() === userId.toLowerCase()),
    );
    if (change === 'add') {
      removed.delete(userId);
      if (!inBase) added.add(userId);
    } else {
      added.delete(userId);
      if (inBase) removed.add(userId);
    }
    const membership = { ...this.overlay.membership };
    if (added.size === 0 && removed.size === 0) delete membership[groupId];
    else membership[groupId] = { added: [...added], removed: [...removed] };
    const state = added.has(userId) ? 'added' : removed.has(userId) ? 'removed' : 'asSnapshot';
    return { next: { ...this.overlay, membership }, changes: [{ kind: 'membership', groupId, userId, state }] };
  }

  private current(): DirectoryView {
    this.view ??= indexSnapshot(deepFreeze(applyOverlay(this.base, this.overlay)));
    return this.view;
  }
}

/** What a write decided: its result, and the overlay after it with the entries it changed (nothing to save: none). */
interface Decided<R> {
  result: R;
  next?: DirectoryOverlay;
  changes?: OverlayChange[];
}

/** {@link EmbeddedDirectory} whose writes live in memory only: a fresh directory per test. */
export class InMemoryDirectory extends EmbeddedDirectory {
  constructor(base: TenantSnapshot, options: Omit<EmbeddedDirectoryOptions, 'store'> = {}) {
    super(base, emptyOverlay(), { ...options, store: new MemoryDirectoryOverlayStore() });
  }
}

interface DirectoryView {
  snapshot: TenantSnapshot;
  usersById: Map<string, DirectoryUser>;
  /** By mail and by userPrincipalName, lowercase. */
  usersByAddress: Map<string, DirectoryUser>;
  groupsById: Map<string, DirectoryGroup>;
}

function indexSnapshot(snapshot: TenantSnapshot): DirectoryView {
  const usersByAddress = new Map<string, DirectoryUser>();
  for (const user of snapshot.users) {
    for (const address of [user.mail, user.userPrincipalName]) {
      if (address && !usersByAddress.has(address.toLowerCase())) usersByAddress.set(address.toLowerCase(), user);
    }
  }
  return {
    snapshot,
    usersById: new Map(snapshot.users.map((u) => [u.id.toLowerCase(), u])),
    usersByAddress,
    groupsById: new Map(snapshot.groups.map((g) => [g.id.toLowerCase(), g])),
  };
}

/** The tenant's `<name>.onmicrosoft.com` domain, where guests' userPrincipalNames live. */
function initialDomain(snapshot: TenantSnapshot): string {
  const domains = snapshot.tenant.verifiedDomains;
  return (
    domains.find((d) => /\.onmicrosoft\.com$/i.test(d) && !/\.mail\.onmicrosoft\.com$/i.test(d)) ?? domains[0]
  ).toLowerCase();
}

/** Frozen, so that a caller changing the shared snapshot fails loudly instead of corrupting the directory. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

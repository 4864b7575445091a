import type { DirectoryGroup, DirectoryUser, ExternalTenant, TenantSnapshot } from '../policy/tenantModel.js';

/** A failure of the directory behind the port. `transient` failures may succeed when retried. */
export class DirectoryError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly transient: boolean,
    /** Milliseconds the directory asked us to wait (Graph's Retry-After), when it said so. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'DirectoryError';
  }
}

export interface InviteGuestInput {
  email: string;
  /** The user on whose behalf the invitation is sent (the approver or owner). */
  invitedBy: string;
  displayName?: string;
  /** The invited person's language for Microsoft's invitation mail (a BCP 47 tag such as nl-NL), when known. */
  language?: string | null;
  /** A personal message in the invitation mail: the requester's justification. */
  message?: string;
}

export interface InviteGuestResult {
  userId: string;
  /** False when a user with that address already existed: no new invitation was sent. */
  created: boolean;
}

export interface ResendInvitationInput {
  /** The guest (userType Guest) whose invitation is sent again. */
  userId: string;
  /** The user on whose behalf the invitation is sent. */
  invitedBy: string;
  /**
   * Graph's `resetRedemption`: the guest redeemed with the wrong account; their next redemption may use another one.
   * Without it a pending guest gets a new invitation for the same address.
   */
  resetRedemption?: boolean;
}

/**
 * The tenant's directory: users, groups, settings, and the writes the bot performs.
 * Reads reflect every write this process has made. Writes are idempotent: inviting an address that already exists
 * returns the existing user; adding a member twice or removing a non-member succeeds without change.
 * Failures are thrown as {@link DirectoryError}.
 */
export interface Directory {
  /** The whole tenant as it is now, in Graph's shapes. Treat as read-only: the same object is shared. */
  snapshot(): Promise<TenantSnapshot>;
  /** Increases with every write; lets callers cache what they derive from {@link snapshot}. */
  version(): number;
  getUser(id: string): Promise<DirectoryUser | undefined>;
  /** Case-insensitive match on mail or userPrincipalName. */
  findUserByMail(mail: string): Promise<DirectoryUser | undefined>;
  getGroup(id: string): Promise<DirectoryGroup | undefined>;
  listGroups(): Promise<DirectoryGroup[]>;
  /** The tenant a domain belongs to (`findTenantInformationByDomainName`), undefined for consumer/unknown domains. */
  tenantOfDomain(domain: string): Promise<ExternalTenant | undefined>;
  inviteGuest(input: InviteGuestInput): Promise<InviteGuestResult>;
  addMember(groupId: string, userId: string): Promise<void>;
  removeMember(groupId: string, userId: string): Promise<void>;
  /**
   * Every guest account of the tenant (userType Guest), wherever it came from (Teams, SharePoint, groups, Entra),
   * with `externalUserState`, `createdDateTime`, `accountEnabled` and, where the directory knows them,
   * `signInActivity` and `sponsors`.
   */
  listGuests(): Promise<DirectoryUser[]>;
  /** Sends a guest's invitation again (Graph `POST /invitations`, optionally with `resetRedemption`). */
  resendInvitation(input: ResendInvitationInput): Promise<void>;
  /**
   * Deletes a user from the directory (Graph `DELETE /users/{id}`): gone from every group at once, restorable from
   * deleted users for 30 days. Deleting a user that no longer exists succeeds without change.
   */
  deleteUser(userId: string): Promise<void>;
}

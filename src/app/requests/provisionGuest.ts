import { DirectoryError, type Directory } from '../../ports/directory.js';
import { defaultRetry, withRetry, type RetryPolicy } from '../shared/retry.js';

export interface ProvisionGuestInput {
  groupId: string;
  email: string;
  /** The existing directory user, when the guest is already there (no invitation then). */
  userId?: string;
  invitedBy: string;
  /** For the invitation mail: the guest's language when known (else the requester's), and the reason given. */
  language?: string | null;
  message?: string;
}

export interface ProvisionGuestResult {
  userId: string;
  invited: boolean;
}

export const isTransientDirectoryError = (error: unknown) =>
  error instanceof DirectoryError
    ? { transient: error.transient, retryAfterMs: error.retryAfterMs }
    : { transient: false };

/**
 * Invites the guest when they are new, then adds them to the group. Both steps are idempotent in the directory,
 * so running this again after a crash or a failure neither invites twice nor adds twice.
 * `onInvited` lets the caller record the new user id before the second step.
 */
export async function provisionGuest(
  directory: Directory,
  input: ProvisionGuestInput,
  options: { retry?: RetryPolicy; onInvited?: (userId: string) => Promise<void> } = {},
): Promise<ProvisionGuestResult> {
  const retry = options.retry ?? defaultRetry;
  let userId = input.userId;
  let invited = false;
  if (!userId) {
    const result = await withRetry(
      () =>
        directory.inviteGuest({
          email: input.email,
          invitedBy: input.invitedBy,
          language: input.language,
          message: input.message,
        }),
      isTransientDirectoryError,
      retry,
    );
    userId = result.userId;
    invited = result.created;
    await options.onInvited?.(userId);
  }
  const id = userId;
  await withRetry(() => directory.addMember(input.groupId, id), isTransientDirectoryError, retry);
  return { userId: id, invited };
}

import { join } from 'node:path';
import {
  emptyOverlay,
  type DirectoryOverlay,
  type DirectoryOverlayStore,
  type OverlayChange,
  type OverlayGuest,
  type UserInvitationChange,
} from '../embedded/directoryOverlay.js';
import { JsonJournal } from './jsonJournal.js';

/** A journal line: the entries one write changed, or (rarely: a caller that does not say) the whole overlay. */
type OverlayJournalLine = { changes: OverlayChange[] } | { overlay: DirectoryOverlay };

/**
 * The embedded directory's writes in `<dataDir>/directory.json` and its journal `directory.changes.jsonl` (see
 * {@link JsonJournal}), apart from the committed snapshot file: deleting both resets the demo tenant to the snapshot.
 * A write appends the entries it changed (a guest, one membership, one invitation), so it costs the same with 50,000
 * guests as with ten; the journal is folded into `directory.json` (same format as always) at start and as it grows.
 */
export class LowdbDirectoryOverlayStore implements DirectoryOverlayStore {
  private guests: OverlayGuest[] = [];
  private readonly guestIds = new Set<string>();
  private readonly membership = new Map<string, { added: Set<string>; removed: Set<string> }>();
  private readonly invitations = new Map<string, UserInvitationChange>();
  private readonly deleted = new Map<string, string>();
  private journal?: JsonJournal<DirectoryOverlay, OverlayJournalLine>;

  private constructor() {}

  /** `readOnly`: for a reader beside the running bot (an export): reads the files, never writes them. */
  static async open(dataDir: string, options: { readOnly?: boolean } = {}): Promise<LowdbDirectoryOverlayStore> {
    const store = new LowdbDirectoryOverlayStore();
    const path = join(dataDir, 'directory.json');
    store.journal = await JsonJournal.open<DirectoryOverlay, OverlayJournalLine>(path, {
      load: (snapshot) => {
        const data: Partial<DirectoryOverlay> = snapshot ?? emptyOverlay();
        if (
          data.format !== 1 ||
          !Array.isArray(data.guests) ||
          typeof data.membership !== 'object' ||
          data.membership === null
        ) {
          throw new Error(`${path} is not a directory overlay (format 1); move it aside to start from the snapshot`);
        }
        store.replace(data as DirectoryOverlay);
      },
      apply: (line) => {
        if ('overlay' in line) store.replace(line.overlay);
        else for (const change of line.changes) store.apply(change);
      },
      snapshot: () => store.current(),
      sync: true, // rare writes that stand for Microsoft Entra's: worth a flush to disk each
      readOnly: options.readOnly,
    });
    return store;
  }

  async load(): Promise<DirectoryOverlay> {
    return this.current();
  }

  async save(overlay: DirectoryOverlay, changes?: readonly OverlayChange[]): Promise<void> {
    const line: OverlayJournalLine = changes ? { changes: [...changes] } : { overlay };
    await this.journal!.write(() => ({ change: structuredClone(line), result: undefined }));
  }

  private replace(overlay: DirectoryOverlay): void {
    this.guests = [];
    this.guestIds.clear();
    this.membership.clear();
    this.invitations.clear();
    this.deleted.clear();
    for (const guest of overlay.guests) this.apply({ kind: 'guest', guest });
    for (const [groupId, { added, removed }] of Object.entries(overlay.membership)) {
      this.membership.set(groupId, { added: new Set(added), removed: new Set(removed) });
    }
    for (const [userId, change] of Object.entries(overlay.invitations ?? {})) this.invitations.set(userId, change);
    for (const [userId, at] of Object.entries(overlay.deleted ?? {})) this.deleted.set(userId, at);
  }

  /** Applies one entry; applying it again changes nothing (a journal replayed over a snapshot that holds it). */
  private apply(change: OverlayChange): void {
    switch (change.kind) {
      case 'guest':
        if (this.guestIds.has(change.guest.user.id)) return;
        this.guestIds.add(change.guest.user.id);
        this.guests.push(change.guest);
        return;
      case 'membership': {
        const entry = this.membership.get(change.groupId) ?? { added: new Set<string>(), removed: new Set<string>() };
        entry.added.delete(change.userId);
        entry.removed.delete(change.userId);
        if (change.state === 'added') entry.added.add(change.userId);
        if (change.state === 'removed') entry.removed.add(change.userId);
        if (entry.added.size === 0 && entry.removed.size === 0) this.membership.delete(change.groupId);
        else this.membership.set(change.groupId, entry);
        return;
      }
      case 'invitation':
        this.invitations.set(change.userId, change.change);
        return;
      case 'deleted':
        this.deleted.set(change.userId, change.at);
        return;
    }
  }

  /** The overlay as stored now (a fresh object: callers may keep or change it). */
  private current(): DirectoryOverlay {
    const overlay: DirectoryOverlay = {
      format: 1,
      guests: structuredClone(this.guests),
      membership: Object.fromEntries(
        [...this.membership].map(([groupId, { added, removed }]) => [
          groupId,
          { added: [...added], removed: [...removed] },
        ]),
      ),
    };
    if (this.invitations.size > 0) overlay.invitations = structuredClone(Object.fromEntries(this.invitations));
    if (this.deleted.size > 0) overlay.deleted = Object.fromEntries(this.deleted);
    return overlay;
  }
}

import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DirectoryOverlay, OverlayGuest } from '../../../src/adapters/embedded/directoryOverlay.js';
import { LowdbDirectoryOverlayStore } from '../../../src/adapters/lowdb/lowdbDirectoryOverlayStore.js';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'overlay-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const journal = () => join(dataDir, 'directory.changes.jsonl');
const guest = (i: number): OverlayGuest => ({
  user: {
    id: `g-${i}`,
    displayName: `Guest ${i}`,
    mail: `guest${i}@fabrikam.com`,
    userPrincipalName: `guest${i}_fabrikam.com#EXT#@contoso.onmicrosoft.com`,
    userType: 'Guest',
    accountEnabled: true,
    roles: [],
    preferredLanguage: null,
  },
  invitedBy: 'owner',
  invitedAt: '2026-11-21T10:00:00.000Z',
});

/** Invites guest i and adds them to group G, as the embedded directory saves it. */
async function invite(store: LowdbDirectoryOverlayStore, overlay: DirectoryOverlay, i: number) {
  const g = guest(i);
  const added = [...(overlay.membership.G?.added ?? []), g.user.id];
  const next: DirectoryOverlay = {
    ...overlay,
    guests: [...overlay.guests, g],
    membership: { G: { added, removed: [] } },
  };
  await store.save(next, [
    { kind: 'guest', guest: g },
    { kind: 'membership', groupId: 'G', userId: g.user.id, state: 'added' },
  ]);
  return next;
}

describe('the directory overlay on disk (snapshot + journal)', () => {
  test('a write appends only what it changed: the same few hundred bytes with 1,000 guests as with 10', async () => {
    const store = await LowdbDirectoryOverlayStore.open(dataDir);
    let overlay = await store.load();
    const growth: number[] = [];
    for (let i = 0; i < 1_000; i++) {
      const before = i === 0 ? 0 : (await stat(journal())).size;
      overlay = await invite(store, overlay, i);
      if (i === 10 || i === 999) growth.push((await stat(journal())).size - before);
    }
    expect(growth[1]).toBeLessThan(600);
    expect(Math.abs(growth[1] - growth[0])).toBeLessThan(20); // only the id's digits differ
  });

  test('after a restart everything written is there: guests, memberships, invitations, deletions', async () => {
    const store = await LowdbDirectoryOverlayStore.open(dataDir);
    let overlay = await invite(store, await store.load(), 1);
    overlay = await invite(store, overlay, 2);
    await store.save(overlay, [
      { kind: 'membership', groupId: 'G', userId: 'g-1', state: 'asSnapshot' },
      { kind: 'membership', groupId: 'H', userId: 'u-9', state: 'removed' },
      {
        kind: 'invitation',
        userId: 'g-2',
        change: { externalUserState: 'PendingAcceptance', externalUserStateChangeDateTime: 'x', resent: 2 },
      },
      { kind: 'deleted', userId: 'g-1', at: '2026-11-22T10:00:00.000Z' },
    ]);
    const reopened = await (await LowdbDirectoryOverlayStore.open(dataDir)).load();
    expect(reopened.guests.map((g) => g.user.id)).toEqual(['g-1', 'g-2']);
    expect(reopened.membership).toEqual({ G: { added: ['g-2'], removed: [] }, H: { added: [], removed: ['u-9'] } });
    expect(reopened.invitations?.['g-2']?.resent).toBe(2);
    expect(reopened.deleted).toEqual({ 'g-1': '2026-11-22T10:00:00.000Z' });
    // Folded into directory.json (the format it always had) at that start; the journal starts empty.
    expect(JSON.parse(await readFile(join(dataDir, 'directory.json'), 'utf8'))).toEqual(reopened);
    expect(await readFile(journal(), 'utf8')).toBe('');
  });

  test('a journal replayed over a directory.json that already holds it (a crash in between) gives the same overlay', async () => {
    const store = await LowdbDirectoryOverlayStore.open(dataDir);
    let overlay = await invite(store, await store.load(), 1);
    overlay = await invite(store, overlay, 2);
    await store.save(overlay, [{ kind: 'membership', groupId: 'G', userId: 'g-1', state: 'asSnapshot' }]);
    const changes = await readFile(journal(), 'utf8');
    const folded = await (await LowdbDirectoryOverlayStore.open(dataDir)).load();
    await writeFile(journal(), changes, 'utf8');
    expect(await (await LowdbDirectoryOverlayStore.open(dataDir)).load()).toEqual(folded);
  });

  test('a write torn by a crash is dropped; the writes before it are kept', async () => {
    const store = await LowdbDirectoryOverlayStore.open(dataDir);
    await invite(store, await store.load(), 1);
    await writeFile(journal(), `${await readFile(journal(), 'utf8')}{"changes":[{"kind":"guest","guest":{"user"`);
    const reopened = await (await LowdbDirectoryOverlayStore.open(dataDir)).load();
    expect(reopened.guests.map((g) => g.user.id)).toEqual(['g-1']);
  });

  test('a directory.json written by earlier versions (the whole overlay, no journal) is read as it was', async () => {
    const old: DirectoryOverlay = { format: 1, guests: [guest(7)], membership: { G: { added: ['g-7'], removed: [] } } };
    await writeFile(join(dataDir, 'directory.json'), JSON.stringify(old), 'utf8');
    expect(await (await LowdbDirectoryOverlayStore.open(dataDir)).load()).toEqual(old);
  });

  test('opened read-only beside the running bot (an export), it reads the journal and writes nothing', async () => {
    const store = await LowdbDirectoryOverlayStore.open(dataDir);
    await invite(store, await store.load(), 1);
    const before = await readFile(journal(), 'utf8');
    const reader = await LowdbDirectoryOverlayStore.open(dataDir, { readOnly: true });
    expect((await reader.load()).guests).toHaveLength(1);
    expect(await readFile(journal(), 'utf8')).toBe(before);
    await expect(reader.save(await reader.load(), [])).rejects.toThrow(/read-only/);
  });
});

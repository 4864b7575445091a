/**
 * Store writes (`npm run bench:store`): the time of one write to `directory.json` (the embedded directory's overlay)
 * and `dialogState.json` (dialog and conversation state) with 1,000 and with 50,000 entries stored, each compared
 * with rewriting the whole file (how lowdb wrote both before they got a journal). Goal: the per-write cost does not
 * grow with what is stored. Prints mean, p50 and p99 of 300 writes each (30 of the whole-file rewrites).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DirectoryOverlay, OverlayGuest } from '../src/adapters/embedded/directoryOverlay.js';
import { LowdbDirectoryOverlayStore } from '../src/adapters/lowdb/lowdbDirectoryOverlayStore.js';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { LowdbDialogStorage } from '../src/bot/lowdbDialogStorage.js';

const WRITES = Number(process.env.WRITES ?? 300);
const SIZES = [1_000, 50_000];

const guest = (i: number): OverlayGuest => ({
  user: {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    displayName: `Guest ${i}`,
    mail: `guest${i}@fabrikam.com`,
    userPrincipalName: `guest${i}_fabrikam.com#EXT#@contoso.onmicrosoft.com`,
    userType: 'Guest',
    accountEnabled: true,
    roles: [],
    preferredLanguage: null,
    externalUserState: 'PendingAcceptance',
  },
  invitedBy: 'a0000000-0000-4000-8000-000000000001',
  invitedAt: '2026-11-21T10:00:00.000Z',
});

const dialogItem = (i: number) => ({
  dialogState: { dialogStack: [{ id: 'invite', state: { options: {}, values: { group: `Group ${i}`, step: 2 } } }] },
  eTag: `etag-${i}`,
});

async function time(write: (i: number) => Promise<void>, writes = WRITES): Promise<string> {
  const ms: number[] = [];
  for (let i = 0; i < writes; i++) {
    const started = performance.now();
    await write(i);
    ms.push(performance.now() - started);
  }
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  const mean = ms.reduce((a, b) => a + b, 0) / ms.length;
  return `mean ${mean.toFixed(2)} ms, p50 ${at(0.5).toFixed(2)} ms, p99 ${at(0.99).toFixed(2)} ms`;
}

async function main(): Promise<void> {
  for (const size of SIZES) {
    const dir = await mkdtemp(join(tmpdir(), 'bench-store-'));
    try {
      const overlay: DirectoryOverlay = {
        format: 1,
        guests: Array.from({ length: size }, (_, i) => guest(i)),
        membership: { G: { added: Array.from({ length: size }, (_, i) => guest(i).user.id), removed: [] } },
      };
      await writeFile(join(dir, 'directory.json'), JSON.stringify(overlay));
      const items = Object.fromEntries(
        Array.from({ length: size }, (_, i) => [`msteams/conversations/c${i}/`, dialogItem(i)]),
      );
      await writeFile(join(dir, 'dialogState.json'), JSON.stringify({ items }));

      const store = await LowdbDirectoryOverlayStore.open(dir);
      const directory = await time(async (i) => {
        const g = guest(size + i);
        await store.save(overlay, [
          { kind: 'guest', guest: g },
          { kind: 'membership', groupId: 'G', userId: g.user.id, state: 'added' },
        ]);
      });
      const dialogs = await LowdbDialogStorage.open(dir);
      const dialog = await time(async (i) => {
        await dialogs.write({ [`msteams/conversations/c${i}/`]: { ...dialogItem(i), eTag: '*' } });
      });
      // As lowdb kept it before: the whole file written again (temp file + rename) on every change.
      const whole = new Low(new JSONFile<{ items: typeof items }>(join(dir, 'whole.json')), { items });
      const rewrite = await time(async (i) => {
        whole.data.items[`msteams/conversations/c${i}/`] = { ...dialogItem(i), eTag: `new-${i}` };
        await whole.write();
      }, 30); // 30 are enough: at 50,000 each takes about a second
      console.log(`${size.toLocaleString('en')} entries stored`);
      console.log(`  directory.json, invite + membership (journal, fdatasync): ${directory}`);
      console.log(`  dialogState.json, one conversation's state (journal):      ${dialog}`);
      console.log(`  whole-file rewrite of the same dialog state (before):      ${rewrite}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

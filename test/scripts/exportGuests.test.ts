import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { exportGuests } from '../../scripts/exportGuests.js';
import { InMemoryDirectory } from '../../src/adapters/embedded/embeddedDirectory.js';
import { MemoryAuditLog } from '../../src/adapters/memory/memoryAuditLog.js';
import { demoTenant, demoUser } from '../support/demoTenant.js';
import { parseCsv } from '../support/csv.js';

const run = promisify(execFile);
const megan = demoUser('Megan Bowen');

describe('exporting the tenant’s guests', () => {
  it('writes one row per guest with state, inviter, groups, sign-in and stale, quoted and formula-safe', async () => {
    const directory = new InMemoryDirectory(demoTenant, { clock: { now: () => new Date('2026-11-02T09:00:00Z') } });
    await directory.inviteGuest({
      email: 'eve@litware.com',
      invitedBy: megan.id,
      displayName: '=HYPERLINK("http://evil","x"), Eve',
    });
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const count = await exportGuests(
      { directory, audit: new MemoryAuditLog() },
      new Date('2026-11-02T09:00:00Z'),
      90,
      out,
    );
    expect(count).toBe(6);
    const rows = parseCsv(Buffer.concat(chunks).toString('utf8'));
    expect(rows[0]).toEqual([
      'id',
      'displayName',
      'mail',
      'domain',
      'state',
      'accountEnabled',
      'invitedAt',
      'invitedById',
      'invitedByName',
      'groups',
      'lastSignIn',
      'stale',
    ]);
    expect(rows.slice(1).every((r) => r.length === 12)).toBe(true);
    const byName = new Map(rows.slice(1).map((r) => [r[1], r]));
    expect(byName.get('Kari Hansen (Fabrikam)')!.slice(2)).toEqual([
      'kari.hansen@fabrikam.com',
      'fabrikam.com',
      'Accepted',
      'true',
      '2026-03-10T14:02:00Z',
      demoUser('Adele Vance').id,
      'Adele Vance',
      'Sales',
      '2026-10-28T07:45:00Z',
      'false',
    ]);
    expect(byName.get('Sam Jones')!.slice(4, 6)).toEqual(['Disabled', 'false']);
    expect(byName.get('Olivia Chen (Litware)')!.slice(9)).toEqual(['', 'never', 'true']);
    expect(byName.get('Ray Tanaka (Woodgrove Bank)')![4]).toBe('PendingAcceptance');
    // A name that a spreadsheet would run as a formula is neutralised.
    expect(byName.get(`'=HYPERLINK("http://evil","x"), Eve`)).toBeDefined();
  });

  it('runs as npm run export-guests on DATA_DIR, to a file or stdout', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'gab-guests-'));
    try {
      const out = join(dataDir, 'guests.csv');
      const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
      const file = await run(process.execPath, ['--import', 'tsx', 'scripts/exportGuests.ts', '--out', out], { env });
      expect(file.stderr).toContain(`5 guests written to ${out}`);
      const csv = await readFile(out, 'utf8');
      expect(parseCsv(csv)).toHaveLength(6);
      const stdout = await run(process.execPath, ['--import', 'tsx', 'scripts/exportGuests.ts'], { env });
      expect(stdout.stdout).toBe(csv);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

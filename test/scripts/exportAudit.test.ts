import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { auditRow, csvCell, exportAudit, namesFromTenantFile } from '../../scripts/exportAudit.js';
import { openDataDir } from '../../src/adapters/lowdb/dataDir.js';
import { LowdbAuditLog } from '../../src/adapters/lowdb/lowdbAuditLog.js';
import type { AuditEntry } from '../../src/ports/auditLog.js';
import { demoGroup, demoUser } from '../support/demoTenant.js';
import { parseCsv } from '../support/csv.js';

const run = promisify(execFile);
const alex = demoUser('Alex Wilber');
const sales = demoGroup('Sales');
const names = { users: new Map([[alex.id, alex.displayName]]), groups: new Map([[sales.id, sales.displayName]]) };

describe('a CSV cell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['+1', "'+1"],
    ['-cmd', "'-cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['', ''],
  ])('%j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});

describe('exporting the audit log', () => {
  let dataDir: string;
  const entries: AuditEntry[] = [
    {
      at: '2026-11-01T10:00:00.000Z',
      actorId: alex.id,
      action: 'request.transition',
      subjectId: 'R-AAAAAA',
      from: 'none',
      to: 'pending',
      details: { groupId: sales.id, guests: 1 },
    },
    {
      at: '2026-11-02T09:00:00.000Z',
      actorId: 'system',
      action: 'request.transition',
      subjectId: 'R-AAAAAA',
      from: 'pending',
      to: 'expired',
    },
    {
      at: '2026-11-02T09:30:00.000Z',
      actorId: alex.id,
      action: 'guest.removed',
      subjectId: sales.id,
      details: { guestUserId: '=cmd|calc', note: 'a,"b"' },
    },
  ];

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'gab-export-'));
    const log = await LowdbAuditLog.open(dataDir);
    for (const e of entries) await log.append(e);
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('writes a header and every entry, oldest first, with names, quoting and formula neutralisation', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    expect(await exportAudit(dataDir, names, out)).toBe(3);
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([
      'at',
      'actorId',
      'actorName',
      'action',
      'subjectId',
      'subjectName',
      'from',
      'to',
      'details',
    ]);
    expect(rows.slice(1).map((r) => r.length)).toEqual([9, 9, 9]);
    expect(rows[1]).toEqual([
      '2026-11-01T10:00:00.000Z',
      alex.id,
      'Alex Wilber',
      'request.transition',
      'R-AAAAAA',
      '',
      'none',
      'pending',
      `{"groupId":"${sales.id}","guests":1}`,
    ]);
    expect(rows[2].slice(1, 8)).toEqual([
      'system',
      'system',
      'request.transition',
      'R-AAAAAA',
      '',
      'pending',
      'expired',
    ]);
    expect(rows[3][5]).toBe('Sales');
    expect(JSON.parse(rows[3][8])).toEqual({ guestUserId: '=cmd|calc', note: 'a,"b"' });
  });

  it('neutralises a cell that starts like a formula wherever it appears', () => {
    const row = parseCsv(
      auditRow(
        { at: '2026-11-01T10:00:00.000Z', actorId: '@evil', action: '=1+1', subjectId: '-2', from: '+3' },
        names,
      ),
    )[0];
    expect(row.slice(1, 7)).toEqual(["'@evil", '', "'=1+1", "'-2", '', "'+3"]);
  });

  it('runs as `npm run export-audit` does, to a file or stdout, while the bot holds the DATA_DIR lock', async () => {
    const lock = await openDataDir(dataDir);
    try {
      const out = join(dataDir, 'audit.csv');
      const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
      const file = await run(process.execPath, ['--import', 'tsx', 'scripts/exportAudit.ts', '--out', out], { env });
      expect(file.stderr).toContain(`3 audit entries written to ${out}`);
      const csv = await readFile(out, 'utf8');
      expect(parseCsv(csv)).toHaveLength(4);
      const stdout = await run(process.execPath, ['--import', 'tsx', 'scripts/exportAudit.ts'], { env });
      expect(stdout.stdout).toBe(csv);
    } finally {
      await lock.release();
    }
  });

  it('reads names from the tenant file, and does without one', async () => {
    const demo = await namesFromTenantFile('data/demo-tenant.json');
    expect(demo.users.get(alex.id)).toBe('Alex Wilber');
    expect(demo.groups.get(sales.id)).toBe('Sales');
    expect((await namesFromTenantFile(join(dataDir, 'missing.json'))).users.size).toBe(0);
  });
});

import { mkdir, readdir, readFile, rename, unlink, writeFile, open } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditIntent, AuditIntents } from '../../ports/auditLog.js';

const ID = /^[A-Za-z0-9-]{1,64}$/;

/**
 * {@link AuditIntents} as one small file per intent under `<dataDir>/audit-intents/` (written to a temp file,
 * flushed and renamed into place, so a crash leaves it whole or absent). Usually empty: an intent lives for the
 * length of one directory call.
 */
export class LowdbAuditIntents implements AuditIntents {
  private constructor(private readonly dir: string) {}

  static async open(dataDir: string): Promise<LowdbAuditIntents> {
    const dir = join(dataDir, 'audit-intents');
    await mkdir(dir, { recursive: true });
    return new LowdbAuditIntents(dir);
  }

  async intend(intent: AuditIntent): Promise<void> {
    const path = this.path(intent.entry.id);
    const temp = join(this.dir, `.${intent.entry.id}.json.tmp`);
    await writeFile(temp, JSON.stringify(intent));
    const handle = await open(temp, 'r');
    try {
      await handle.datasync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  }

  async settle(id: string): Promise<void> {
    await unlink(this.path(id)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }

  async intended(): Promise<AuditIntent[]> {
    const names = (await readdir(this.dir)).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
    const intents: AuditIntent[] = [];
    for (const name of names) {
      try {
        intents.push(JSON.parse(await readFile(join(this.dir, name), 'utf8')) as AuditIntent);
      } catch {
        // unreadable: cannot be settled; left for a person to look at
      }
    }
    return intents;
  }

  private path(id: string): string {
    if (!ID.test(id)) throw new Error('invalid audit intent id');
    return join(this.dir, `${id}.json`);
  }
}

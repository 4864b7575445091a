/**
 * Writes a snapshot of the real tenant, read from Microsoft Graph, in the TENANT_FILE format, so that admins can run
 * the bot, `why` and `whatif` offline on their own settings (DIRECTORY=embedded TENANT_FILE=<file>).
 *
 * Usage: npm run export-tenant [-- --out tenant.json] [-- --overrides overrides.json]
 *
 * Uses the same Graph settings as the bot (GRAPH_BASE_URL, AZURE_* or MICROSOFT_APP_*), whatever DIRECTORY says.
 * Only read calls: users, groups with owners, members and settings, directory roles, tenant settings, and the tenant
 * of each guest's domain. What Graph cannot tell (Teams guest access, sites' own sharing, labels' guest setting) is
 * left out, so it reads as unverified, unless an overrides file (TENANT_OVERRIDES, or --overrides) supplies it.
 */
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { validateTenantSnapshot } from '../src/adapters/embedded/tenantSnapshotSchema.js';
import { createGraphCredential } from '../src/adapters/graph/graphCredential.js';
import { GraphDirectory } from '../src/adapters/graph/graphDirectory.js';
import { GraphHttp } from '../src/adapters/graph/graphHttp.js';
import { loadTenantOverrides, type TenantOverrides } from '../src/adapters/graph/tenantOverrides.js';
import { loadGraphConfig } from '../src/config.js';
import {
  ROLE_DISPLAY_NAMES,
  ROLE_TEMPLATE_IDS,
  type KnownRole,
  type TenantSnapshot,
} from '../src/policy/tenantModel.js';

/** The snapshot as the file is written: roles with their names beside the ids, for people reading the file. */
export function toTenantFile(snapshot: TenantSnapshot): Record<string, unknown> {
  const names = new Map(
    (Object.entries(ROLE_TEMPLATE_IDS) as [KnownRole, string][]).map(([key, id]) => [id, ROLE_DISPLAY_NAMES[key]]),
  );
  return {
    ...snapshot,
    users: snapshot.users.map((u) => ({
      ...u,
      roles: u.roles.map((id) => (names.has(id) ? { roleTemplateId: id, displayName: names.get(id) } : id)),
    })),
    groups: snapshot.groups.map((g) => ({
      ...g,
      // The snapshot format knows the "Team" option only; other provisioning options mean nothing to the policy.
      resourceProvisioningOptions: g.resourceProvisioningOptions.filter((o) => o === 'Team'),
      groupTypes: g.groupTypes.filter((t) => t === 'Unified' || t === 'DynamicMembership'),
    })),
  };
}

async function main(): Promise<number> {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const outPath = arg('--out');
  if (process.argv.includes('--out') && !outPath) {
    console.error('Usage: npm run export-tenant [-- --out <tenant.json>] [-- --overrides <overrides.json>]');
    return 1;
  }
  const loaded = loadGraphConfig();
  if (!loaded.ok) {
    console.error(`Configuration is not valid:\n  - ${loaded.errors.join('\n  - ')}`);
    return 1;
  }
  const graph = loaded.config.graph!;
  let overrides: TenantOverrides | undefined;
  const overridesFile = arg('--overrides') ?? graph.overridesFile;
  if (overridesFile) {
    const read = await loadTenantOverrides(overridesFile);
    if (!read.ok) {
      console.error(read.errors.map((e) => `${overridesFile} ${e.path}: ${e.message}`).join('\n'));
      return 1;
    }
    overrides = read.overrides;
  }
  const http = new GraphHttp({
    baseUrl: graph.baseUrl,
    credential: createGraphCredential(graph.credential),
    maxRetryAfterSeconds: graph.maxRetryAfterSeconds,
  });
  try {
    const started = Date.now();
    const directory = await GraphDirectory.open({ http, overrides });
    // The tenants behind guests' domains, so cross-tenant settings can be judged offline for them.
    const guestDomains = new Set(
      (await directory.snapshot()).users.flatMap((u) =>
        u.userType === 'Guest' && u.mail?.includes('@')
          ? [u.mail.slice(u.mail.lastIndexOf('@') + 1).toLowerCase()]
          : [],
      ),
    );
    for (const domain of guestDomains) await directory.tenantOfDomain(domain);
    const file = toTenantFile(await directory.snapshot());
    const checked = validateTenantSnapshot(file);
    if (!checked.ok) {
      console.error(
        `The tenant could not be written in the snapshot format:\n${checked.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`,
      );
      return 1;
    }
    const text = `${JSON.stringify(file, null, 2)}\n`;
    if (outPath) await writeFile(outPath, text);
    else process.stdout.write(text);
    const s = checked.snapshot;
    console.error(
      `${outPath ?? 'stdout'}: ${s.users.length} users, ${s.groups.length} groups, ${s.externalTenants.length} external tenants ` +
        `(${http.calls} Graph reads, ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
    return 0;
  } catch (error) {
    console.error(
      `Microsoft Graph could not be read: ${(error as { code?: string }).code ?? ''} ${(error as Error).message}`,
    );
    return 1;
  } finally {
    http.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { loadTenantSnapshot } from '../../src/adapters/embedded/loadTenantSnapshot.js';
import { validateTenantSnapshot } from '../../src/adapters/embedded/tenantSnapshotSchema.js';
import { demoTenant } from '../support/demoTenant.js';
import { FakeGraph, testCertificate } from '../support/fakeGraph.js';

const run = promisify(execFile);

test('npm run export-tenant writes the Graph tenant in the TENANT_FILE format, with read calls only', async () => {
  const graph = new FakeGraph(demoTenant, { pageSize: 3 });
  await graph.start();
  const dir = await mkdtemp(join(tmpdir(), 'export-tenant-'));
  try {
    const out = join(dir, 'tenant.json');
    const { caFile } = await testCertificate();
    const tsx = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href;
    const { stderr } = await run(process.execPath, ['--import', tsx, 'scripts/exportTenant.ts', '--out', out], {
      env: {
        PATH: process.env.PATH,
        NODE_EXTRA_CA_CERTS: caFile,
        GRAPH_BASE_URL: graph.url,
        AZURE_TENANT_ID: demoTenant.tenant.id,
        AZURE_CLIENT_ID: '00000000-0000-4000-8000-0000000000aa',
        AZURE_CLIENT_SECRET: 'test-secret',
        AZURE_AUTHORITY_HOST: graph.url,
      },
      timeout: 60_000,
    });
    expect(stderr).toMatch(new RegExp(`${demoTenant.users.length} users, ${demoTenant.groups.length} groups`));
    expect(graph.graphCalls().filter((c) => c.method !== 'GET')).toEqual([]);

    const loaded = await loadTenantSnapshot(out);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const expected = validateTenantSnapshot(demoTenant);
    if (!expected.ok) throw new Error('demo tenant invalid');
    const exported = loaded.snapshot;
    expect(exported.authorizationPolicy).toEqual(expected.snapshot.authorizationPolicy);
    expect(exported.b2bManagementPolicy).toEqual(expected.snapshot.b2bManagementPolicy);
    expect(exported.crossTenantAccessPolicy).toEqual(expected.snapshot.crossTenantAccessPolicy);
    expect(exported.users.find((u) => u.displayName === 'Daan de Vries')?.roles).toEqual([
      '62e90394-69f5-4237-9190-012177145e10',
    ]);
    // Guests' domains were looked up: their tenants are in the file, consumer mail is known to have none.
    expect(exported.externalTenants.map((t) => t.displayName).sort()).toEqual(['Fabrikam', 'Woodgrove Bank']);
    expect([...(exported.domainsWithoutTenant ?? [])].sort()).toEqual(['litware.com', 'outlook.com']); // no tenant for Litware in the demo
    // What Graph cannot tell is absent, so it reads as unverified offline too.
    expect(exported.teams).toBeUndefined();
    expect(
      JSON.parse(await readFile(out, 'utf8')).users.find(
        (u: { displayName: string }) => u.displayName === 'Daan de Vries',
      ).roles,
    ).toEqual([{ roleTemplateId: '62e90394-69f5-4237-9190-012177145e10', displayName: 'Global Administrator' }]);
  } finally {
    await graph.stop();
    await rm(dir, { recursive: true, force: true });
  }
}, 90_000);

import { createGraphCredential } from '../../src/adapters/graph/graphCredential.js';
import { GraphDirectory, type GraphDirectoryOptions } from '../../src/adapters/graph/graphDirectory.js';
import { GraphHttp } from '../../src/adapters/graph/graphHttp.js';
import type { TenantSnapshot } from '../../src/policy/tenantModel.js';
import { FakeGraph, testCertificate, type FakeGraphOptions } from './fakeGraph.js';

/** A started loopback Graph for the snapshot, and a GraphHttp that trusts it (client-credentials token from it). */
export async function startFakeGraph(
  snapshot: TenantSnapshot,
  options: FakeGraphOptions = {},
): Promise<{ graph: FakeGraph; http: GraphHttp }> {
  const graph = new FakeGraph(snapshot, options);
  await graph.start();
  const { cert } = await testCertificate();
  const credential = createGraphCredential({
    tenantId: graph.tenantId,
    clientId: '00000000-0000-4000-8000-0000000000aa',
    clientSecret: 'test-secret',
    authorityHost: graph.authorityHost,
    ca: cert,
  });
  const http = new GraphHttp({ baseUrl: graph.url, credential, ca: cert, maxRetryAfterSeconds: 2 });
  return { graph, http };
}

/** A GraphDirectory over a started fake Graph of the snapshot. */
export async function openGraphDirectory(
  snapshot: TenantSnapshot,
  options: FakeGraphOptions & Omit<Partial<GraphDirectoryOptions>, 'http'> = {},
): Promise<{ graph: FakeGraph; http: GraphHttp; directory: GraphDirectory; close(): Promise<void> }> {
  const { graph, http } = await startFakeGraph(snapshot, options);
  const directory = await GraphDirectory.open({ http, ...options });
  return {
    graph,
    http,
    directory,
    async close() {
      http.close();
      await graph.stop();
    },
  };
}

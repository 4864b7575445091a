import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { cardAction, message } from '../support/activities.js';
import { demoGroup, demoTenant, demoUser } from '../support/demoTenant.js';
import { FakeConnector } from '../support/fakeConnector.js';
import { FakeGraph, testCertificate } from '../support/fakeGraph.js';

/**
 * The built bot (`npm start`'s dist/index.js) with DIRECTORY=graph against a loopback Microsoft Graph: its token
 * comes from the fake Entra endpoint through @azure/identity, the certificate is trusted via NODE_EXTRA_CA_CERTS.
 */
const run = promisify(execFile);
const alex = demoUser('Alex Wilber'); // owns Marketing
const nestor = demoUser('Nestor Wilke'); // member of Marketing
const marketing = demoGroup('Marketing');

let graph: FakeGraph;
let connector: FakeConnector;
let bot: ChildProcess;
let botUrl: string;
let dataDir: string;
let output = '';

beforeAll(async () => {
  await run('npm', ['run', 'build'], { timeout: 180_000 });
  graph = new FakeGraph(demoTenant, { pageSize: 3 });
  await graph.start();
  connector = new FakeConnector();
  await connector.start();
  dataDir = await mkdtemp(join(tmpdir(), 'gab-graph-e2e-'));
  const { caFile } = await testCertificate();
  bot = spawn(process.execPath, ['dist/index.js'], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'development',
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      DIRECTORY: 'graph',
      GRAPH_BASE_URL: graph.url,
      AZURE_TENANT_ID: demoTenant.tenant.id,
      AZURE_CLIENT_ID: '00000000-0000-4000-8000-0000000000aa',
      AZURE_CLIENT_SECRET: 'test-secret',
      AZURE_AUTHORITY_HOST: graph.url,
      NODE_EXTRA_CA_CERTS: caFile,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  botUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bot did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /"port":(\d+)[^\n]*guest access bot listening/.exec(output)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${port}`);
      }
    };
    bot.stdout!.on('data', onData);
    bot.stderr!.on('data', onData);
    bot.on('exit', (code) => reject(new Error(`the bot exited with ${code}:\n${output}`)));
  });
}, 240_000);

afterAll(async () => {
  bot?.kill('SIGTERM');
  await new Promise((resolve) => (bot && bot.exitCode === null ? bot.once('exit', resolve) : resolve(undefined)));
  await connector?.stop();
  await graph?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function post(activity: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function eventually<T>(probe: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 150; i += 1) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}\n${output.slice(-3000)}`);
}

test('when a member asks on a Graph tenant and the owner approves on the card, the invitation and the $ref reach Graph', async () => {
  expect(graph.calls.some((c) => /oauth2\/v2\.0\/token$/.test(c.path))).toBe(true);
  expect(graph.graphCalls().every((c) => c.authorized)).toBe(true);

  const asked = await post({
    ...message(nestor, 'invite anna@fabrikam.com to Marketing because she designs our campaign'),
    serviceUrl: connector.url,
  });
  expect(asked.status).toBe(200);
  expect(JSON.stringify(asked.body)).toMatch(/waiting for approval by Alex Wilber/);

  const card = await eventually(
    () =>
      connector
        .sent()
        .find((c) =>
          c.body?.attachments?.[0]?.content?.actions?.some((a: { verb?: string }) => a.verb === 'approveRequest'),
        ),
    'the approval card',
  );
  const requestId = card.body.attachments[0].content.actions[0].data.requestId as string;
  const approved = await post(
    cardAction(alex, 'approveRequest', { requestId, comment: 'Welcome!' }, { serviceUrl: connector.url }),
  );
  expect(approved.status).toBe(200);

  const invitation = await eventually(() => graph.invitations[0], 'the invitation');
  expect(invitation).toMatchObject({
    invitedUserEmailAddress: 'anna@fabrikam.com',
    inviteRedirectUrl: `https://myapps.microsoft.com/?tenantid=${demoTenant.tenant.id}`,
    sendInvitationMessage: true,
    invitedUserMessageInfo: { customizedMessageBody: 'she designs our campaign', messageLanguage: 'en-US' },
  });
  const ref = await eventually(
    () => graph.graphCalls({ method: 'POST', path: /\/groups\/[^/]+\/members\/\$ref$/ })[0],
    'the $ref add',
  );
  expect(ref.path).toBe(`/v1.0/groups/${marketing.id}/members/$ref`);
  const guest = [...graph.users.values()].find((u) => u.mail === 'anna@fabrikam.com');
  expect(ref.body).toEqual({ '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${guest!.id}` });
  expect(graph.members.get(marketing.id)!.has(guest!.id)).toBe(true);
  expect(graph.graphCalls({ path: /findTenantInformationByDomainName\(domainName='fabrikam\.com'\)/ })).toHaveLength(1);
  expect(output).not.toContain('anna@fabrikam.com');
}, 60_000);

import { message } from '../support/activities.js';
import { demoTenant, demoUser } from '../support/demoTenant.js';
import { FakeGraph, testCertificate } from '../support/fakeGraph.js';
import { startTestApp, type TestApp } from '../support/testApp.js';

/** Approvers who never opened the bot, on a Graph tenant: the app is installed for them through Graph first. */
const alex = demoUser('Alex Wilber'); // owns Marketing
const nestor = demoUser('Nestor Wilke'); // member of Marketing
const CATALOG_APP = 'e3a1c5d7-0000-4000-8000-00000000c0de';

let graph: FakeGraph;
let t: TestApp;
beforeEach(async () => {
  graph = new FakeGraph(demoTenant, {
    teamsApp: { id: CATALOG_APP, externalId: '6f1d9a52-3b7e-4c1a-9d2f-8e4b5a6c7d80' },
  });
  await graph.start();
  const { cert } = await testCertificate();
  t = await startTestApp({
    graphCa: cert,
    env: {
      DIRECTORY: 'graph',
      GRAPH_BASE_URL: graph.url,
      AZURE_TENANT_ID: demoTenant.tenant.id,
      AZURE_CLIENT_ID: '00000000-0000-4000-8000-0000000000aa',
      AZURE_CLIENT_SECRET: 'test-secret',
      AZURE_AUTHORITY_HOST: graph.url,
    },
  });
});
afterEach(async () => {
  await t.close();
  await graph.stop();
});

const cardsInto = (conversationId: string) =>
  t.connector.sent(conversationId).filter((c) => c.body?.attachments?.[0]?.content);

describe('when Teams refuses a chat with an approver because the app is not installed for them', () => {
  it('then the app is installed for them through Graph and the card goes into the chat Graph names', async () => {
    await t.say(message(nestor, 'help'));
    t.connector.refusedUsers.add(alex.id);
    await t.say(message(nestor, 'invite anna@fabrikam.com to Marketing because she designs our campaign'));
    await t.app.deps.worker.idle();

    // The catalog id was looked up by the manifest id, then the app installed in Alex's personal scope.
    expect(graph.graphCalls({ path: /^\/v1\.0\/appCatalogs\/teamsApps$/ })[0].query.get('$filter')).toBe(
      "externalId eq '6f1d9a52-3b7e-4c1a-9d2f-8e4b5a6c7d80'",
    );
    const installs = graph.graphCalls({ method: 'POST', path: /teamwork\/installedApps$/ });
    expect(installs.map((c) => [c.path, c.body])).toEqual([
      [
        `/v1.0/users/${alex.id}/teamwork/installedApps`,
        { 'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${CATALOG_APP}` },
      ],
    ]);
    const chatId = `19:${alex.id}_${CATALOG_APP}@unq.gbl.spaces`;
    const cards = cardsInto(chatId);
    expect(cards).toHaveLength(1);
    expect(cards[0].body.attachments[0].content.actions.map((a: { verb: string }) => a.verb)).toEqual([
      'approveRequest',
      'rejectRequest',
    ]);
    const [request] = await t.app.deps.requests.list({});
    expect(request.unreachable ?? []).toEqual([]);
    expect((await t.app.deps.conversations.get(alex.id))?.conversation.id).toBe(chatId);
  });

  it('then an approver for whom Graph refuses the installation is "not reachable", and the requester is told', async () => {
    await t.say(message(nestor, 'help'));
    t.connector.refusedUsers.add(alex.id);
    graph.refuseAppInstallFor.add(alex.id);
    await t.say(message(nestor, 'invite anna@fabrikam.com to Marketing because she designs our campaign'));
    await t.app.deps.worker.idle();

    const [request] = await t.app.deps.requests.list({});
    expect(request.unreachable).toEqual([expect.objectContaining({ userId: alex.id, reason: 'appNotInstalled' })]);
    const told = t.connector
      .sent(`a:personal-${nestor.id}`)
      .map((c) => c.body.text as string | undefined)
      .filter((x) => x && /could not reach/.test(x));
    expect(told).toEqual([expect.stringContaining('Alex Wilber')]);
  });
});

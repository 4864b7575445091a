import { BotConnectorAuthentication } from '../../src/bot/botConnectorAuthentication.js';
import { FakeConnector } from '../support/fakeConnector.js';

// Local mode, as the embedded tenant runs: no app id, so requests are not signed and carry anonymous claims.
const localAuth = () => new BotConnectorAuthentication({ MicrosoftAppId: '', MicrosoftAppType: 'MultiTenant' });

const activityFrom = (serviceUrl: string) =>
  ({
    type: 'message',
    channelId: 'msteams',
    serviceUrl,
    conversation: { id: 'a:conv' },
    from: { id: '29:user' },
    recipient: { id: '28:bot' },
  }) as never;

async function turnClient(auth: BotConnectorAuthentication, serviceUrl: string) {
  const result = await auth.authenticateRequest(activityFrom(serviceUrl), '');
  return result.connectorFactory!.create(serviceUrl, result.audience);
}

async function sendTo(client: Awaited<ReturnType<typeof turnClient>>, text: string) {
  await client.conversations.sendToConversation('a:conv', { type: 'message', text });
}

describe('Bot Connector clients', () => {
  const connectors = [new FakeConnector(), new FakeConnector()];
  beforeAll(() => Promise.all(connectors.map((c) => c.start())));
  afterAll(() => Promise.all(connectors.map((c) => c.stop())));
  beforeEach(() => {
    for (const c of connectors) c.calls.length = 0;
  });

  it('serves every turn from one serviceUrl with one client, and each serviceUrl gets its own replies', async () => {
    const auth = localAuth();
    const [a, b] = connectors;
    const first = await turnClient(auth, a.url);
    const second = await turnClient(auth, a.url);
    const other = await turnClient(auth, b.url);
    expect(second).toBe(first);
    expect(other).not.toBe(first);

    await sendTo(second, 'to a');
    await sendTo(other, 'to b');
    expect(a.calls.map((c) => c.body.text)).toEqual(['to a']);
    expect(b.calls.map((c) => c.body.text)).toEqual(['to b']);
  });

  it('reuses one user-token client per app', async () => {
    const auth = localAuth();
    const claims = (await auth.authenticateRequest(activityFrom(connectors[0].url), '')).claimsIdentity;
    expect(await auth.createUserTokenClient(claims)).toBe(await auth.createUserTokenClient(claims));
  });

  it('gives up on a throttled proactive send at once, leaving the retry to the notifier', async () => {
    const auth = localAuth();
    const [a] = connectors;
    const claims = (await auth.authenticateRequest(activityFrom(a.url), '')).claimsIdentity;
    const proactive = await auth.createConnectorFactory(claims).create(a.url);
    expect(await auth.createConnectorFactory(claims).create(a.url)).toBe(proactive);
    expect(proactive).not.toBe(await turnClient(auth, a.url));

    a.throttleNext(1, 0);
    await expect(sendTo(proactive, 'throttled')).rejects.toMatchObject({ statusCode: 429 });
    expect(a.calls).toHaveLength(0);
    await sendTo(proactive, 'next one');
    expect(a.calls.map((c) => c.body.text)).toEqual(['next one']);
  });

  it('lets a reply inside a turn ride out a brief throttle, as botbuilder does', async () => {
    const auth = localAuth();
    const [a] = connectors;
    const client = await turnClient(auth, a.url);
    a.throttleNext(1, 0);
    await sendTo(client, 'after a retry');
    expect(a.calls.map((c) => c.body.text)).toEqual(['after a retry']);
  });
});

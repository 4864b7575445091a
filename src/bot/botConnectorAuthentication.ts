import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';

type Base = ConfigurationBotFrameworkAuthentication;
type ClaimsIdentity = Parameters<Base['createConnectorFactory']>[0];
type ConnectorFactory = ReturnType<Base['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type AuthenticateRequestResult = Awaited<ReturnType<Base['authenticateRequest']>>;
type UserTokenClient = Awaited<ReturnType<Base['createUserTokenClient']>>;

/** The retry policy @azure/core-rest-pipeline puts in every client pipeline. */
const INNER_RETRY_POLICY = 'defaultRetryPolicy';

/** Clients kept at most: one per Bot Connector region a tenant's conversations use, with room to spare. */
const MAX_CLIENTS = 64;

/** The bot's app id as botbuilder reads it from a turn's claims: the token's audience, else its appid claim. */
function appIdOf(claimsIdentity: ClaimsIdentity): string {
  return claimsIdentity.getClaimValue('aud') ?? claimsIdentity.getClaimValue('appid') ?? '';
}

/**
 * Bot Framework authentication that builds each Bot Connector client once, not once per turn.
 *
 * - **Clients are reused.** botbuilder builds a new ConnectorClient and a new UserTokenClient, each with its own HTTP
 *   pipeline, for every incoming activity. A client holds nothing of a turn: its base URL (the serviceUrl), the
 *   app's credentials (which fetch and renew their own token) and the pipeline. So one client per app id, serviceUrl
 *   and audience serves every turn; a bounded few are kept.
 * - **Sends outside a turn do not retry by themselves.** The HTTP pipeline underneath botbuilder sleeps for whatever
 *   Retry-After a 429 names (600 s held a shutdown for ever) and retries 5xx on its own. Clients for proactive sends
 *   (`continueConversationAsync`, the notifier's path) have that policy removed: the notifier retries instead, with
 *   Retry-After capped, waits that end at shutdown, and failures it can see and count. Replies inside a turn keep
 *   botbuilder's own retries, as before.
 */
export class BotConnectorAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();
  private readonly userTokenClients = new Map<string, Promise<UserTokenClient>>();

  override async authenticateRequest(activity: Parameters<Base['authenticateRequest']>[0], authHeader: string) {
    const result: AuthenticateRequestResult = await super.authenticateRequest(activity, authHeader);
    // The factory botbuilder made for this request is built from the same claims as `createConnectorFactory`'s.
    const factory = result.connectorFactory;
    return factory ? { ...result, connectorFactory: this.reusing(result.claimsIdentity, factory, 'turn') } : result;
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(claimsIdentity, super.createConnectorFactory(claimsIdentity), 'proactive');
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return remembered(this.userTokenClients, appIdOf(claimsIdentity), () =>
      super.createUserTokenClient(claimsIdentity),
    );
  }

  private reusing(claimsIdentity: ClaimsIdentity, factory: ConnectorFactory, use: 'turn' | 'proactive') {
    const appId = appIdOf(claimsIdentity);
    return {
      create: (serviceUrl: string, audience?: string): Promise<ConnectorClient> =>
        remembered(this.clients, `${use}\n${appId}\n${serviceUrl}\n${audience ?? ''}`, async () => {
          const client = await factory.create(serviceUrl, audience);
          if (use === 'proactive') withoutInnerRetry(client);
          return client;
        }),
    };
  }
}

function withoutInnerRetry(client: ConnectorClient): void {
  const pipeline = (client as unknown as { client?: { pipeline?: { removePolicy(o: { name: string }): unknown } } })
    .client?.pipeline;
  pipeline?.removePolicy({ name: INNER_RETRY_POLICY });
}

/** The value kept under `key`, made once; a failed making is forgotten so that the next turn tries again. */
function remembered<T>(kept: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  const found = kept.get(key);
  if (found) return found;
  if (kept.size >= MAX_CLIENTS) kept.clear();
  const made = make();
  kept.set(key, made);
  made.catch(() => {
    if (kept.get(key) === made) kept.delete(key);
  });
  return made;
}

import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';

type ClaimsIdentity = Parameters<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>[0];
type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;

/** The retry policy @azure/core-rest-pipeline puts in every client pipeline. */
const INNER_RETRY_POLICY = 'defaultRetryPolicy';

/**
 * Bot Framework authentication whose Bot Connector clients do not retry by themselves. The HTTP pipeline underneath
 * botbuilder sleeps for whatever Retry-After a 429 names (600 s held a shutdown for ever) and retries 5xx on its own.
 * The notifier retries instead: Retry-After capped, waits that end at shutdown, failures it can see and count.
 */
export class NoInnerRetryAuthentication extends ConfigurationBotFrameworkAuthentication {
  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const factory = super.createConnectorFactory(claimsIdentity);
    return {
      create: async (serviceUrl: string, audience?: string) => {
        const client = await factory.create(serviceUrl, audience);
        const pipeline = (
          client as unknown as { client?: { pipeline?: { removePolicy(o: { name: string }): unknown } } }
        ).client?.pipeline;
        pipeline?.removePolicy({ name: INNER_RETRY_POLICY });
        return client;
      },
    };
  }
}

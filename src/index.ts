import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CloudAdapter, type Storage, type TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import { GuestReviews } from './app/reviews/guestReviews.js';
import { PolicyCache } from './app/shared/policyCache.js';
import { reachByInstall } from './app/requests/reachByInstall.js';
import { RequestWorker, type WorkerDeps } from './app/requests/requestWorker.js';
import { relayAllUnlogged, settleAuditIntents } from './app/audit/auditRelay.js';
import { LowdbAuditIntents } from './adapters/lowdb/lowdbAuditIntents.js';
import type { RetryPolicy } from './app/shared/retry.js';
import { EmbeddedDirectory, type DirectoryFaults } from './adapters/embedded/embeddedDirectory.js';
import type { GraphAppInstaller } from './adapters/graph/graphAppInstaller.js';
import type { GraphDirectory } from './adapters/graph/graphDirectory.js';
import type { GraphHttp } from './adapters/graph/graphHttp.js';
import { loadTenantSnapshot } from './adapters/embedded/loadTenantSnapshot.js';
import { openDataDir } from './adapters/lowdb/dataDir.js';
import type { DirectoryOverlayStore } from './adapters/embedded/directoryOverlay.js';
import { LowdbAuditLog } from './adapters/lowdb/lowdbAuditLog.js';
import { LowdbConversationStore } from './adapters/lowdb/lowdbConversationStore.js';
import { LowdbLanguagePreferenceStore } from './adapters/lowdb/lowdbLanguagePreferenceStore.js';
import { LowdbDirectoryOverlayStore } from './adapters/lowdb/lowdbDirectoryOverlayStore.js';
import { LowdbRequestStore } from './adapters/lowdb/lowdbRequestStore.js';
import { EmlOutboxMailer, folderOutbox, type EmlOutbox } from './adapters/mail/emlOutboxMailer.js';
import { GraphMailer } from './adapters/mail/graphMailer.js';
import { LowdbReviewStore } from './adapters/lowdb/lowdbReviewStore.js';
import { adminCardActions } from './bot/adminCardActions.js';
import { adminCommands } from './bot/adminCommands.js';
import { languageCommands } from './bot/languageCommands.js';
import type { BotDeps } from './bot/botDeps.js';
import { DialogConversationState } from './bot/dialogState.js';
import { guestCardActions } from './bot/guestCardActions.js';
import { guestCommands } from './bot/guestCommands.js';
import { InviteDialog } from './bot/dialogs/inviteDialog.js';
import { GuestAccessBot } from './bot/guestAccessBot.js';
import { LowdbDialogStorage } from './bot/lowdbDialogStorage.js';
import { requestCardActions } from './bot/requestCardActions.js';
import { requestCommands } from './bot/requestCommands.js';
import { TeamsNotifier } from './bot/teamsNotifier.js';
import { BotConnectorAuthentication } from './bot/botConnectorAuthentication.js';
import type { Pacer } from './bot/pacer.js';
import { TypingIndicator } from './bot/typingIndicator.js';
import { loadConfig, type Config, type StorageConfig } from './config.js';
import { languageOf, translator } from './i18n/i18n.js';
import { createLogger, type Logger } from './logger.js';
import type { AuditIntents, AuditLog } from './ports/auditLog.js';
import { systemClock, type Clock } from './ports/clock.js';
import type { ConversationStore } from './ports/conversationStore.js';
import type { LanguagePreferenceStore } from './ports/languagePreferenceStore.js';
import type { RequestStore } from './ports/requestStore.js';
import type { SeenActivities } from './ports/seenActivities.js';
import type { Directory } from './ports/directory.js';
import type { Mailer } from './ports/mailer.js';
import type { ReviewStore } from './ports/reviewStore.js';
import type { TenantInfo, TenantSnapshot } from './policy/tenantModel.js';
import { createServer, listen, serviceUrlAllowed } from './server.js';

export const VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** What tests (and only tests) may replace when composing the app. */
export interface AppOverrides {
  clock?: Clock;
  directoryFaults?: DirectoryFaults;
  logger?: Logger;
  retry?: RetryPolicy;
  /** Background sweep interval; null = never on a timer (tests call `worker.tick()`). */
  workerIntervalMs?: number | null;
  /** Bot Connector URL for opening chats with users the bot has never met. */
  defaultServiceUrl?: string;
  /** Where approval mails go (default: Graph sendMail on Graph, .eml files on the embedded tenant); null: none. */
  mailer?: Mailer | null;
  /** A certificate (PEM) to trust for a loopback Graph and token endpoint, for in-process tests. */
  graphCa?: string;
  /** Paces Bot Connector calls (default: Teams' published limits). */
  pacer?: Pacer;
}

/** How long a stop waits for background work before leaving the rest in the outbox for the next start. */
export const SHUTDOWN_DEADLINE_MS = 10_000;

export interface App {
  config: Config;
  server: Server;
  deps: BotDeps;
  /** Starts listening; resolves with the port. */
  listen(): Promise<number>;
  /**
   * Stops the server and the worker, ends waits between retries, waits for background work up to `deadlineMs`
   * (default {@link SHUTDOWN_DEADLINE_MS}; what is unfinished then stays in the outbox for the next start), and
   * releases DATA_DIR. `abandonWork` (tests playing a crash) does not wait at all. Resolves with whether all work
   * finished in time.
   */
  close(options?: { abandonWork?: boolean; deadlineMs?: number }): Promise<boolean>;
}

export type CreateAppResult = { ok: true; app: App } | { ok: false; errors: string[] };

/** The composition root: config → adapters → use cases → bot → server. The only place adapters are built. */
export async function createApp(config: Config, overrides: AppOverrides = {}): Promise<CreateAppResult> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const clock = overrides.clock ?? systemClock;

  let source: DirectorySource;
  if (config.directory === 'graph' && config.graph) {
    const opened = await openGraph(config, overrides, logger);
    if (!opened.ok) return opened;
    source = {
      kind: 'graph',
      directory: opened.directory,
      http: opened.http,
      GraphAppInstaller: opened.GraphAppInstaller,
    };
  } else {
    const loaded = await loadTenantSnapshot(config.tenantFile);
    if (!loaded.ok)
      return { ok: false, errors: loaded.errors.map((e) => `${config.tenantFile} ${e.path}: ${e.message}`) };
    source = { kind: 'embedded', snapshot: loaded.snapshot };
  }
  // The tenant the bot serves is the directory's tenant (the Graph tenant, or the snapshot's).
  const tenant = source.kind === 'graph' ? (await source.directory.snapshot()).tenant : source.snapshot.tenant;
  if (config.auth.appTenantId && config.auth.appTenantId !== tenant.id && config.auth.appType === 'SingleTenant') {
    const where = source.kind === 'graph' ? 'the Graph tenant' : config.tenantFile;
    if (source.kind === 'graph') await source.directory.close();
    return {
      ok: false,
      errors: [`MICROSOFT_APP_TENANT_ID (${config.auth.appTenantId}) is not the tenant of ${where} (${tenant.id})`],
    };
  }

  let stores: Stores;
  try {
    stores =
      config.storage.kind === 'azure'
        ? await openAzureStores(config.storage, logger)
        : await openLowdbStores(config.dataDir);
  } catch (error) {
    if (source.kind === 'graph') await source.directory.close();
    return { ok: false, errors: [error instanceof Error ? error.message : String(error)] };
  }

  try {
    return { ok: true, app: await compose(config, overrides, logger, clock, source, tenant, stores) };
  } catch (error) {
    await stores.release();
    throw error;
  }
}

/** Where the state lives: lowdb files in DATA_DIR (one process), or Azure Storage (any number of instances). */
interface Stores {
  overlay: DirectoryOverlayStore;
  conversations: ConversationStore;
  languages: LanguagePreferenceStore;
  audit: AuditLog;
  auditIntents: AuditIntents;
  requests: RequestStore;
  dialogStorage: Storage;
  reviews: ReviewStore;
  /**
   * Where the local mailer (embedded directory) puts approval mails as .eml files: DATA_DIR/outbox with lowdb, the
   * `outbox` blob container with shared storage (nothing on local disk). Opened only when the embedded mailer is used.
   */
  mailOutbox: () => Promise<EmlOutbox>;
  /** Shared by the instances (azure); this process's memory otherwise. */
  seenActivities?: SeenActivities;
  shared?: WorkerDeps['shared'];
  release(): Promise<void>;
}

/** lowdb files in DATA_DIR, locked for this process. */
async function openLowdbStores(path: string): Promise<Stores> {
  const dataDir = await openDataDir(path);
  try {
    return {
      overlay: await LowdbDirectoryOverlayStore.open(dataDir.path),
      conversations: await LowdbConversationStore.open(dataDir.path),
      languages: await LowdbLanguagePreferenceStore.open(dataDir.path),
      audit: await LowdbAuditLog.open(dataDir.path),
      auditIntents: await LowdbAuditIntents.open(dataDir.path),
      requests: await LowdbRequestStore.open(dataDir.path),
      dialogStorage: await LowdbDialogStorage.open(dataDir.path),
      reviews: await LowdbReviewStore.open(dataDir.path),
      mailOutbox: () => folderOutbox(join(dataDir.path, 'outbox')),
      release: () => dataDir.release(),
    };
  } catch (error) {
    await dataDir.release();
    throw error;
  }
}

/** Azure tables and blobs; nothing is read in full at start, and no lock: other instances may share them. */
async function openAzureStores(config: Extract<StorageConfig, { kind: 'azure' }>, logger: Logger): Promise<Stores> {
  // Loaded only in azure mode: the Azure SDKs add a second or more to the start of every lowdb process.
  const [
    { AzureAuditIntents },
    { AzureAuditLog },
    { AzureConversationStore },
    { AzureDirectoryOverlayStore },
    { AzureRequestStore },
    { AzureLanguagePreferenceStore },
    { AzureSeenActivities },
    { AzureStorage },
    { BlobSweepLease },
    { openBlobsDialogStorage },
    { AzureReviewStore },
    { azureMailOutbox },
  ] = await Promise.all([
    import('./adapters/azure/azureAuditIntents.js'),
    import('./adapters/azure/azureAuditLog.js'),
    import('./adapters/azure/azureConversationStore.js'),
    import('./adapters/azure/azureDirectoryOverlayStore.js'),
    import('./adapters/azure/azureRequestStore.js'),
    import('./adapters/azure/azureLanguagePreferenceStore.js'),
    import('./adapters/azure/azureSeenActivities.js'),
    import('./adapters/azure/azureStorage.js'),
    import('./adapters/azure/blobSweepLease.js'),
    import('./bot/blobsDialogStorage.js'),
    import('./adapters/azure/azureReviewStore.js'),
    import('./adapters/azure/azureMailOutbox.js'),
  ]);
  const identity = config.connectionString ? undefined : await import('@azure/identity');
  const credential = identity && new identity.DefaultAzureCredential();
  const storage = await AzureStorage.open({ ...config, credential });
  return {
    overlay: AzureDirectoryOverlayStore.open(storage),
    conversations: AzureConversationStore.open(storage),
    languages: AzureLanguagePreferenceStore.open(storage),
    audit: AzureAuditLog.open(storage),
    auditIntents: AzureAuditIntents.open(storage),
    requests: AzureRequestStore.open(storage),
    dialogStorage: openBlobsDialogStorage(storage.connection, storage.containerName('dialogs')),
    reviews: AzureReviewStore.open(storage),
    seenActivities: AzureSeenActivities.open(storage),
    mailOutbox: () => Promise.resolve(azureMailOutbox(storage)),
    shared: {
      instanceId: `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
      lease: BlobSweepLease.open(storage, logger),
      claimMs: config.claimSeconds * 1000,
    },
    release: async () => undefined,
  };
}

async function compose(
  config: Config,
  overrides: AppOverrides,
  logger: Logger,
  clock: Clock,
  source: DirectorySource,
  tenant: TenantInfo,
  stores: Stores,
): Promise<App> {
  const directory: Directory =
    source.kind === 'graph'
      ? source.directory
      : await EmbeddedDirectory.open(source.snapshot, {
          store: stores.overlay,
          faults: overrides.directoryFaults,
          clock,
        });
  const { conversations, languages, audit, auditIntents, requests, dialogStorage } = stores;
  // Before anything new happens: the audit entries a crash left inside request records or as intents reach the log.
  await relayAllUnlogged({ requests, audit, logger });
  // Shared stores: intents younger than a claim may belong to a live instance's change in progress.
  const settleBefore = stores.shared && new Date(clock.now().getTime() - stores.shared.claimMs).toISOString();
  await settleAuditIntents({ audit, auditIntents, directory, logger }, settleBefore);
  const reviewStore = stores.reviews;

  const auth = new BotConnectorAuthentication({
    MicrosoftAppId: config.auth.appId,
    MicrosoftAppPassword: config.auth.appPassword,
    MicrosoftAppTenantId: config.auth.appTenantId,
    // Local mode: botbuilder skips token validation only for an empty app id, which it accepts as MultiTenant alone.
    MicrosoftAppType: config.localMode ? 'MultiTenant' : config.auth.appType,
  });
  const adapter = new CloudAdapter(auth);
  const policy = new PolicyCache(directory);
  // On a Graph tenant, approvers who never opened the bot get the app installed for them before being 'not reachable'.
  const installer =
    source.kind === 'graph' && config.graph
      ? new source.GraphAppInstaller({
          http: source.http,
          catalogAppId: config.graph.teamsAppCatalogId,
          externalId: config.graph.teamsAppExternalId ?? MANIFEST_ID,
          logger,
        })
      : undefined;
  const stopping = new AbortController();
  const notifier = new TeamsNotifier({
    signal: stopping.signal,
    pacer: overrides.pacer,
    adapter,
    appId: config.auth.appId,
    tenantId: tenant.id,
    conversations,
    logger,
    defaultServiceUrl: overrides.defaultServiceUrl,
    retry: overrides.retry,
    makeReachable: installer
      ? reachByInstall({
          installer,
          conversations,
          logger,
          tenantId: tenant.id,
          botId: config.auth.appId,
          serviceUrl: overrides.defaultServiceUrl,
        })
      : undefined,
  });
  const settings = {
    expiryDays: config.requests.expiryDays,
    reminderDays: config.requests.reminderDays,
    requireJustification: config.requests.requireJustification,
    timeZone: config.timeZone,
    mailApprovers: config.mail.alwaysMailApprovers,
  };
  const mailer =
    overrides.mailer === null
      ? undefined
      : (overrides.mailer ?? (await openMailer(config, source, tenant, stores.mailOutbox, clock, logger)));
  const mailSettings = { originatorId: config.mail.originatorId, botAppId: config.auth.appId || undefined };
  const mail = mailer && { mailer, settings: mailSettings };
  const services = { directory, conversations, languages, audit, auditIntents, clock, logger };
  const worker = new RequestWorker({
    ...services,
    ...{ requests, policy, notifier, settings, mail },
    retry: overrides.retry,
    shared: stores.shared,
  });
  const outlook = { originatorId: config.mail.originatorId };
  const guestSettings = { ...config.guests };
  const reviews = new GuestReviews({ ...services, reviews: reviewStore, notifier, policy, settings: guestSettings });
  const guests = { reviews, store: reviewStore, settings: guestSettings };
  const deps: BotDeps = { ...services, requests, policy, worker, settings, outlook, guests };

  const conversationState = new DialogConversationState(dialogStorage);
  adapter.use(new TypingIndicator(logger));
  const bot = new GuestAccessBot({
    services: deps,
    tenantId: tenant.id,
    localMode: config.localMode,
    timeZone: config.timeZone,
    conversationState,
    commands: {
      ...requestCommands(deps),
      ...adminCommands(deps),
      ...languageCommands(languages),
      ...guestCommands(deps),
    },
    cardActions: { ...requestCardActions(deps), ...adminCardActions(deps), ...guestCardActions(deps) },
    registerDialogs: (dialogs) => dialogs.add(new InviteDialog(deps)),
    seenActivities: stores.seenActivities,
    personalChat: notifier,
  });

  // The one place turn errors end up: log with the activity id, apologise in the user's language, drop the dialog.
  // Proactive turns (the notifier's) are not conversations with the user: their errors reach the notifier itself.
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: error, activityId: context.activity.id, type: context.activity.type }, 'turn failed');
    // Only a failed message turn drops state: it ran the dialog that failed. An invoke (a card tap) runs no dialog,
    // so its failure must not discard the dialog someone is in the middle of.
    if (context.activity.type === 'invoke') {
      await context
        .sendActivity({
          type: 'invokeResponse',
          value: {
            status: 500,
            body: {
              statusCode: 500,
              type: 'application/vnd.microsoft.error',
              value: { code: 'INTERNAL', message: translator(languageOf(context.activity.locale))('common.error') },
            },
          },
        })
        .catch(() => undefined);
      return;
    }
    if (context.activity.type !== 'message') return;
    try {
      await context.sendActivity(translator(languageOf(context.activity.locale))('common.error'));
      await conversationState.delete(context);
      await conversationState.saveChanges(context, true);
    } catch (cleanupError) {
      logger.error({ err: cleanupError, activityId: context.activity.id }, 'could not clean up after a failed turn');
    }
  };

  const server = createServer({
    adapter,
    logic: (context) => bot.run(context),
    logger,
    maxBodyBytes: config.maxBodyBytes,
    version: VERSION,
    acceptServiceUrl: (url) => serviceUrlAllowed(url, config.localMode),
    health: () => ({
      tenant: tenant.displayName,
      directory: config.directory,
      mode: config.localMode ? 'local' : 'authenticated',
    }),
  });

  let closed = false;
  let reviewTimer: NodeJS.Timeout | undefined;
  return {
    config,
    server,
    deps,
    async listen() {
      // Compile the policy before the first turn: on a large tenant that takes seconds, not the first asker's.
      await policy.current();
      const port = await listen(server, config.port, config.host);
      if (overrides.workerIntervalMs !== null) {
        worker.start(overrides.workerIntervalMs ?? 60_000);
        // With shared stores, only the sweep lease's holder runs the reviews (as the request sweeps).
        const review = async () => {
          if (!stores.shared || (await stores.shared.lease.holds())) await reviews.tick();
        };
        const sweep = () => void review().catch((err: unknown) => logger.error({ err }, 'guest review sweep failed'));
        sweep();
        reviewTimer = setInterval(sweep, overrides.workerIntervalMs ?? 60_000);
        reviewTimer.unref();
      }
      if (source.kind === 'graph' && config.graph)
        source.directory.startSync(config.graph.syncIntervalMs, config.graph.settingsIntervalMs);
      return port;
    },
    async close(options = {}) {
      if (closed) return true;
      closed = true;
      await worker.stop();
      stopping.abort(new Error('shutting down'));
      if (reviewTimer) clearInterval(reviewTimer);
      if (source.kind === 'graph') await source.directory.stopSync();
      const serverClosed = new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
      server.server.closeIdleConnections();
      let finished = true;
      if (!options.abandonWork) {
        let timer: NodeJS.Timeout | undefined;
        const deadline = new Promise<false>((resolve) => {
          timer = setTimeout(() => resolve(false), options.deadlineMs ?? SHUTDOWN_DEADLINE_MS);
        });
        finished = await Promise.race([
          Promise.all([serverClosed, worker.idle(), reviews.idle()]).then(() => true),
          deadline,
        ]);
        clearTimeout(timer);
        if (!finished)
          logger.warn(
            { code: 'SHUTDOWN_DEADLINE' },
            'stopping with work unfinished; it stays in the outbox for the next start',
          );
      }
      if (source.kind === 'graph') await source.directory.close();
      await stores.release();
      return finished;
    },
  };
}

type DirectorySource =
  | { kind: 'embedded'; snapshot: TenantSnapshot }
  | { kind: 'graph'; directory: GraphDirectory; http: GraphHttp; GraphAppInstaller: typeof GraphAppInstaller };

/**
 * Approval mail: Graph sendMail from MAIL_SENDER on a Graph tenant; on the embedded tenant, which has no mail
 * server, .eml files in the stores' outbox (DATA_DIR/outbox, or the `outbox` container with STORAGE=azure). None on a Graph tenant without a sender mailbox (said at start).
 */
async function openMailer(
  config: Config,
  source: DirectorySource,
  tenant: TenantInfo,
  mailOutbox: () => Promise<EmlOutbox>,
  clock: Clock,
  logger: Logger,
): Promise<Mailer | undefined> {
  if (source.kind === 'graph') {
    if (config.mail.sender) return new GraphMailer(source.http, { sender: config.mail.sender });
    logger.warn({ code: 'MAIL_NOT_CONFIGURED' }, 'no MAIL_SENDER: approvers Teams cannot reach get no approval mail');
    return undefined;
  }
  const fallback = `guest-access@${tenant.verifiedDomains[0] ?? 'localhost'}`;
  return new EmlOutboxMailer({
    outbox: await mailOutbox(),
    from: { address: config.mail.sender?.includes('@') ? config.mail.sender : fallback, name: 'Guest Access' },
    clock,
  });
}

/** The Teams app's manifest id: the catalog's externalId when the app is published to the organisation. */
const MANIFEST_ID = (
  JSON.parse(readFileSync(new URL('../manifest/manifest.json', import.meta.url), 'utf8')) as { id: string }
).id;

/** Reads the tenant from Microsoft Graph (and the overrides file); every problem as a startup error. */
export async function openGraph(
  config: Config,
  overrides: AppOverrides,
  logger: Logger,
): Promise<
  | { ok: true; directory: GraphDirectory; http: GraphHttp; GraphAppInstaller: typeof GraphAppInstaller }
  | { ok: false; errors: string[] }
> {
  // Loaded only for a Graph tenant: the Graph and identity libraries add seconds to every start otherwise.
  const { createGraphCredential, GraphAppInstaller, GraphDirectory, GraphHttp, loadTenantOverrides } =
    await import('./adapters/graph/graphBackend.js');
  const graph = config.graph!;
  let tenantOverrides;
  if (graph.overridesFile) {
    const loaded = await loadTenantOverrides(graph.overridesFile);
    if (!loaded.ok)
      return { ok: false, errors: loaded.errors.map((e) => `${graph.overridesFile} ${e.path}: ${e.message}`) };
    tenantOverrides = loaded.overrides;
  }
  const credential = createGraphCredential({ ...graph.credential, ca: overrides.graphCa });
  const http = new GraphHttp({
    baseUrl: graph.baseUrl,
    credential,
    ca: overrides.graphCa,
    maxRetryAfterSeconds: graph.maxRetryAfterSeconds,
  });
  try {
    const directory = await GraphDirectory.open({
      http,
      overrides: tenantOverrides,
      inviteRedirectUrl: graph.inviteRedirectUrl,
      logger,
    });
    logger.info({ graph: graph.baseUrl, calls: directory.graphCalls }, 'tenant read from Microsoft Graph');
    return { ok: true, directory, http, GraphAppInstaller };
  } catch (error) {
    http.close();
    const code = (error as { code?: string }).code ?? 'UNEXPECTED';
    return {
      ok: false,
      errors: [`Microsoft Graph (${graph.baseUrl}) could not be read: ${code}: ${(error as Error).message}`],
    };
  }
}

async function main(): Promise<void> {
  // .env in the working folder, as .env.example describes; variables already set in the environment win.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const loaded = loadConfig();
  if (!loaded.ok) {
    console.error(`Configuration is not valid; the bot will not start:\n  - ${loaded.errors.join('\n  - ')}`);
    process.exit(1);
  }
  const config = loaded.config;
  const logger = createLogger(config.logLevel);
  const created = await createApp(config, { logger });
  if (!created.ok) {
    console.error(`The bot cannot start:\n  - ${created.errors.join('\n  - ')}`);
    process.exit(1);
  }
  const { app } = created;
  const port = await app.listen();
  if (config.localMode) {
    const banner = [
      '',
      '  ⚠  LOCAL MODE: no MICROSOFT_APP_ID, so incoming activities are NOT authenticated.',
      `     Listening on http://127.0.0.1:${port}/api/messages only (loopback). Never expose this.`,
      '',
    ].join('\n');
    console.warn(banner);
    logger.warn({ port, host: config.host, mode: 'local' }, 'authentication is off (local mode)');
  } else {
    logger.info(
      { port, host: config.host, appId: config.auth.appId, appType: config.auth.appType },
      'authentication is on',
    );
  }
  const where =
    config.storage.kind === 'azure'
      ? { storage: 'azure', prefix: config.storage.prefix }
      : { storage: 'lowdb', dataDir: config.dataDir };
  const tenantFile = config.directory === 'embedded' ? config.tenantFile : undefined;
  const listening = { port, directory: config.directory, tenantFile, ...where, version: VERSION };
  logger.info(listening, 'guest access bot listening');

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    const finished = await app.close();
    logger.info({ signal, finished }, 'stopped');
    // A clean stop, also when the deadline left work in the outbox: nothing is lost, the next start continues.
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

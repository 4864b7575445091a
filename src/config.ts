import { z } from 'zod';
import { DEFAULT_TIME_ZONE, isTimeZone } from './i18n/dates.js';

const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    HOST: z.string().min(1).optional(),
    MICROSOFT_APP_ID: z.string().trim().default(''),
    MICROSOFT_APP_PASSWORD: z.string().default(''),
    MICROSOFT_APP_TENANT_ID: z.string().trim().default(''),
    MICROSOFT_APP_TYPE: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant'),
    TENANT_FILE: z.string().min(1).default('data/demo-tenant.json'),
    DATA_DIR: z.string().min(1).default('.data'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10_485_760).default(262_144),
    REQUEST_EXPIRY_DAYS: z.coerce.number().positive().default(14),
    REMINDER_DAYS: z.coerce.number().positive().default(3),
    REQUIRE_JUSTIFICATION: boolean.default(true),
    STORAGE: z.enum(['lowdb', 'azure']).default('lowdb'),
    AZURE_STORAGE_CONNECTION_STRING: z.string().trim().optional(),
    AZURE_STORAGE_ACCOUNT_URL: z.url({ protocol: /^https?$/ }).optional(),
    AZURE_STORAGE_TABLE_URL: z.url({ protocol: /^https?$/ }).optional(),
    AZURE_STORAGE_PREFIX: z
      .string()
      .regex(/^[a-z][a-z0-9]{0,20}$/, 'lowercase letters and digits, starting with a letter')
      .default('guestbot'),
    AZURE_WORK_CLAIM_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
    // Dates are shown in the reader's Teams time zone; this is the tenant's, for readers whose client sent none.
    TENANT_TIME_ZONE: z
      .string()
      .trim()
      .refine(isTimeZone, 'an IANA time zone such as Europe/Amsterdam')
      .default(DEFAULT_TIME_ZONE),
    APPROVAL_CHANNELS: z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((c) => c.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(
        z
          .array(z.enum(['teams', 'outlook'], { message: "each channel must be 'teams' or 'outlook'" }))
          .refine((list) => list.includes('teams'), "must include 'teams' (e.g. 'teams' or 'teams,outlook')"),
      )
      .default(['teams']),
    MAIL_SENDER: z.string().trim().min(3).optional(),
    OUTLOOK_ORIGINATOR_ID: z
      .guid({ message: 'must be the provider id (a GUID) from the Actionable Email Developer Dashboard' })
      .optional(),
    REVIEW_DAYS: z.coerce.number().min(0).default(90),
    REVIEW_GRACE_DAYS: z.coerce.number().positive().default(14),
    STALE_DAYS: z.coerce.number().positive().default(90),
    DIRECTORY: z.enum(['embedded', 'graph']).default('embedded'),
    GRAPH_BASE_URL: z
      .url({ protocol: /^https$/, error: 'expected an https URL such as https://graph.microsoft.com' })
      .default('https://graph.microsoft.com'),
    AZURE_TENANT_ID: z.string().trim().optional(),
    AZURE_CLIENT_ID: z.string().trim().optional(),
    AZURE_CLIENT_SECRET: z.string().optional(),
    AZURE_CLIENT_CERTIFICATE_PATH: z.string().optional(),
    AZURE_AUTHORITY_HOST: z
      .url({ protocol: /^https$/, error: 'expected an https URL such as https://login.microsoftonline.com' })
      .optional(),
    GRAPH_SYNC_INTERVAL_SECONDS: z.coerce.number().min(1).max(86_400).default(60),
    GRAPH_SETTINGS_INTERVAL_SECONDS: z.coerce.number().min(10).max(86_400).default(900),
    GRAPH_MAX_RETRY_AFTER_SECONDS: z.coerce.number().min(0).max(180).default(30),
    INVITE_REDIRECT_URL: z.url({ protocol: /^https?$/ }).optional(),
    TENANT_OVERRIDES: z.string().min(1).optional(),
    TEAMS_APP_CATALOG_ID: z.string().trim().min(1).optional(),
    TEAMS_APP_EXTERNAL_ID: z.string().trim().min(1).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.MICROSOFT_APP_ID && !env.MICROSOFT_APP_PASSWORD && env.MICROSOFT_APP_TYPE !== 'UserAssignedMSI') {
      ctx.addIssue({
        code: 'custom',
        path: ['MICROSOFT_APP_PASSWORD'],
        message: 'required when MICROSOFT_APP_ID is set',
      });
    }
    if (env.MICROSOFT_APP_ID && env.MICROSOFT_APP_TYPE === 'SingleTenant' && !env.MICROSOFT_APP_TENANT_ID) {
      ctx.addIssue({ code: 'custom', path: ['MICROSOFT_APP_TENANT_ID'], message: 'required for a SingleTenant bot' });
    }
    if (env.STORAGE === 'azure' && !env.AZURE_STORAGE_CONNECTION_STRING && !env.AZURE_STORAGE_ACCOUNT_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['AZURE_STORAGE_CONNECTION_STRING'],
        message:
          'STORAGE=azure needs AZURE_STORAGE_CONNECTION_STRING, or AZURE_STORAGE_ACCOUNT_URL ' +
          '(signed in with @azure/identity)',
      });
    }
    if (env.APPROVAL_CHANNELS.includes('outlook') && env.MICROSOFT_APP_ID && !env.OUTLOOK_ORIGINATOR_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['OUTLOOK_ORIGINATOR_ID'],
        message:
          'required for APPROVAL_CHANNELS with outlook: Outlook removes actionable cards without a registered originator',
      });
    }
    if (env.DIRECTORY === 'graph' && env.APPROVAL_CHANNELS.includes('outlook') && !env.MAIL_SENDER) {
      ctx.addIssue({
        code: 'custom',
        path: ['MAIL_SENDER'],
        message:
          'required for APPROVAL_CHANNELS with outlook on DIRECTORY=graph: the mailbox approval mails are sent from',
      });
    }
    if (env.DIRECTORY === 'graph') {
      const tenant = env.AZURE_TENANT_ID || env.MICROSOFT_APP_TENANT_ID;
      const managed =
        env.MICROSOFT_APP_TYPE === 'UserAssignedMSI' && !env.AZURE_CLIENT_SECRET && !env.AZURE_CLIENT_CERTIFICATE_PATH;
      if (!tenant) {
        ctx.addIssue({
          code: 'custom',
          path: ['AZURE_TENANT_ID'],
          message: 'DIRECTORY=graph needs the tenant id (AZURE_TENANT_ID or MICROSOFT_APP_TENANT_ID)',
        });
      }
      if (!managed && !(env.AZURE_CLIENT_ID || env.MICROSOFT_APP_ID)) {
        ctx.addIssue({
          code: 'custom',
          path: ['AZURE_CLIENT_ID'],
          message: 'DIRECTORY=graph needs an app registration (AZURE_CLIENT_ID or MICROSOFT_APP_ID)',
        });
      }
    }
    if (env.NODE_ENV === 'production' && !env.MICROSOFT_APP_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['MICROSOFT_APP_ID'],
        message:
          'NODE_ENV=production needs MICROSOFT_APP_ID (with MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID): ' +
          'without an app id the bot would accept unauthenticated activities',
      });
    }
  });

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  /** No Microsoft app id: authentication is off and the server listens on loopback only. */
  readonly localMode: boolean;
  readonly port: number;
  readonly host: string;
  readonly auth: {
    readonly appId: string;
    readonly appPassword: string;
    readonly appTenantId: string;
    readonly appType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
  };
  readonly tenantFile: string;
  /** Used by the lowdb backend only. */
  readonly dataDir: string;
  /** Where requests, conversations, the directory's writes, dialog state and the audit trail are kept. */
  readonly storage: StorageConfig;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly maxBodyBytes: number;
  /** IANA zone for dates shown to readers whose Teams client sent no time zone (TENANT_TIME_ZONE). */
  readonly timeZone: string;
  readonly directory: 'embedded' | 'graph';
  /** Microsoft Graph, when `directory` is `graph`. */
  readonly graph?: GraphConfig;
  readonly requests: {
    readonly expiryDays: number;
    readonly reminderDays: number;
    readonly requireJustification: boolean;
  };
  /** Approval cards by mail (Outlook actionable messages). */
  readonly mail: {
    /** Also mail every approver the card, not only those Teams can't reach. */
    readonly alwaysMailApprovers: boolean;
    /** The mailbox (UPN or object id) mails are sent from; on the embedded tenant only the From line. */
    readonly sender?: string;
    /** The actionable-message provider id registered for the organisation; without it Outlook drops the card. */
    readonly originatorId?: string;
  };
  readonly guests: {
    /** Days between guest reviews by the groups' owners; 0 = no reviews. */
    readonly reviewDays: number;
    /** Days owners have to confirm a guest before the bot removes them from the group. */
    readonly reviewGraceDays: number;
    /** A guest whose last sign-in is older than this is shown as stale. */
    readonly staleDays: number;
  };
}

export interface GraphConfig {
  readonly baseUrl: string;
  readonly credential: {
    readonly tenantId: string;
    readonly clientId: string;
    readonly clientSecret?: string;
    readonly certificatePath?: string;
    readonly managedIdentity: boolean;
    readonly authorityHost?: string;
  };
  readonly syncIntervalMs: number;
  readonly settingsIntervalMs: number;
  readonly maxRetryAfterSeconds: number;
  readonly inviteRedirectUrl?: string;
  readonly overridesFile?: string;
  /** The app's id in the organisation's Teams app catalog, to install it for approvers who never opened it. */
  readonly teamsAppCatalogId?: string;
  /** The manifest id (the catalog's externalId), to look the catalog id up when it is not configured. */
  readonly teamsAppExternalId?: string;
}

export type StorageConfig =
  | { readonly kind: 'lowdb' }
  | {
      readonly kind: 'azure';
      readonly connectionString?: string;
      /** Blob endpoint: with the table endpoint and DefaultAzureCredential, when there is no connection string. */
      readonly blobUrl?: string;
      readonly tableUrl?: string;
      readonly prefix: string;
      /** How long an instance's claim on a message or provisioning holds before another instance may take it over. */
      readonly claimSeconds: number;
    };

/** The bot's Microsoft app id alone (for building the Teams app package, which needs no secret). */
export function readAppId(env: Record<string, string | undefined> = process.env): string {
  return (env.MICROSOFT_APP_ID ?? '').trim();
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

/** Reads the environment once and returns a frozen, typed configuration, or every problem found. */
export function loadConfig(env: Record<string, string | undefined> = process.env): ConfigResult {
  // Treat empty strings as "not set" so a blank line in .env falls back to the default.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`),
    };
  }
  const e = parsed.data;
  // @azure/identity's own variables first; the bot's app registration when they are absent.
  const useAzure = Boolean(e.AZURE_CLIENT_ID);
  const graph: GraphConfig | undefined =
    e.DIRECTORY !== 'graph'
      ? undefined
      : {
          baseUrl: e.GRAPH_BASE_URL.replace(/\/+$/, ''),
          credential: {
            tenantId: e.AZURE_TENANT_ID || e.MICROSOFT_APP_TENANT_ID,
            clientId: useAzure ? e.AZURE_CLIENT_ID! : e.MICROSOFT_APP_ID,
            clientSecret: useAzure ? e.AZURE_CLIENT_SECRET : e.MICROSOFT_APP_PASSWORD || undefined,
            certificatePath: useAzure ? e.AZURE_CLIENT_CERTIFICATE_PATH : undefined,
            managedIdentity: useAzure
              ? !e.AZURE_CLIENT_SECRET && !e.AZURE_CLIENT_CERTIFICATE_PATH
              : e.MICROSOFT_APP_TYPE === 'UserAssignedMSI',
            authorityHost: e.AZURE_AUTHORITY_HOST,
          },
          syncIntervalMs: e.GRAPH_SYNC_INTERVAL_SECONDS * 1000,
          settingsIntervalMs: e.GRAPH_SETTINGS_INTERVAL_SECONDS * 1000,
          maxRetryAfterSeconds: e.GRAPH_MAX_RETRY_AFTER_SECONDS,
          inviteRedirectUrl: e.INVITE_REDIRECT_URL,
          overridesFile: e.TENANT_OVERRIDES,
          teamsAppCatalogId: e.TEAMS_APP_CATALOG_ID,
          teamsAppExternalId: e.TEAMS_APP_EXTERNAL_ID,
        };
  const localMode = e.MICROSOFT_APP_ID === '';
  const config: Config = {
    env: e.NODE_ENV,
    localMode,
    port: e.PORT,
    // Local mode has no authentication: never listen beyond this machine, whatever HOST says.
    host: localMode ? '127.0.0.1' : (e.HOST ?? '0.0.0.0'),
    auth: {
      appId: e.MICROSOFT_APP_ID,
      appPassword: e.MICROSOFT_APP_PASSWORD,
      appTenantId: e.MICROSOFT_APP_TENANT_ID,
      appType: e.MICROSOFT_APP_TYPE,
    },
    tenantFile: e.TENANT_FILE,
    dataDir: e.DATA_DIR,
    storage:
      e.STORAGE === 'azure'
        ? {
            kind: 'azure',
            connectionString: e.AZURE_STORAGE_CONNECTION_STRING,
            blobUrl: e.AZURE_STORAGE_ACCOUNT_URL,
            tableUrl: e.AZURE_STORAGE_TABLE_URL ?? e.AZURE_STORAGE_ACCOUNT_URL?.replace('.blob.', '.table.'),
            prefix: e.AZURE_STORAGE_PREFIX,
            claimSeconds: e.AZURE_WORK_CLAIM_SECONDS,
          }
        : { kind: 'lowdb' },
    logLevel: e.LOG_LEVEL,
    maxBodyBytes: e.MAX_BODY_BYTES,
    timeZone: e.TENANT_TIME_ZONE,
    directory: e.DIRECTORY,
    ...(graph ? { graph } : {}),
    requests: {
      expiryDays: e.REQUEST_EXPIRY_DAYS,
      reminderDays: e.REMINDER_DAYS,
      requireJustification: e.REQUIRE_JUSTIFICATION,
    },
    mail: {
      alwaysMailApprovers: e.APPROVAL_CHANNELS.includes('outlook'),
      ...(e.MAIL_SENDER ? { sender: e.MAIL_SENDER } : {}),
      ...(e.OUTLOOK_ORIGINATOR_ID ? { originatorId: e.OUTLOOK_ORIGINATOR_ID.toLowerCase() } : {}),
    },
    guests: {
      reviewDays: e.REVIEW_DAYS,
      reviewGraceDays: e.REVIEW_GRACE_DAYS,
      staleDays: e.STALE_DAYS,
    },
  };
  return { ok: true, config: deepFreeze(config) };
}

/** The configuration with DIRECTORY=graph whatever the environment says (for tools that read the real tenant). */
export function loadGraphConfig(env: Record<string, string | undefined> = process.env): ConfigResult {
  return loadConfig({ ...env, DIRECTORY: 'graph' });
}

function deepFreeze<T extends object>(o: T): T {
  for (const v of Object.values(o)) if (v && typeof v === 'object') deepFreeze(v as object);
  return Object.freeze(o);
}

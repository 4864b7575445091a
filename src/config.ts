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
    // Dates are shown in the reader's Teams time zone; this is the tenant's, for readers whose client sent none.
    TENANT_TIME_ZONE: z
      .string()
      .trim()
      .refine(isTimeZone, 'an IANA time zone such as Europe/Amsterdam')
      .default(DEFAULT_TIME_ZONE),
  })
  .superRefine((env, ctx) => {
    if (env.MICROSOFT_APP_ID && !env.MICROSOFT_APP_PASSWORD && env.MICROSOFT_APP_TYPE !== 'UserAssignedMSI') {
      ctx.addIssue({ code: 'custom', path: ['MICROSOFT_APP_PASSWORD'], message: 'required when MICROSOFT_APP_ID is set' });
    }
    if (env.MICROSOFT_APP_ID && env.MICROSOFT_APP_TYPE === 'SingleTenant' && !env.MICROSOFT_APP_TENANT_ID) {
      ctx.addIssue({ code: 'custom', path: ['MICROSOFT_APP_TENANT_ID'], message: 'required for a SingleTenant bot' });
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
  readonly dataDir: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly maxBodyBytes: number;
  /** IANA zone for dates shown to readers whose Teams client sent no time zone (TENANT_TIME_ZONE). */
  readonly timeZone: string;
  readonly requests: {
    readonly expiryDays: number;
    readonly reminderDays: number;
    readonly requireJustification: boolean;
  };
}

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
    return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`) };
  }
  const e = parsed.data;
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
    logLevel: e.LOG_LEVEL,
    maxBodyBytes: e.MAX_BODY_BYTES,
    timeZone: e.TENANT_TIME_ZONE,
    requests: {
      expiryDays: e.REQUEST_EXPIRY_DAYS,
      reminderDays: e.REMINDER_DAYS,
      requireJustification: e.REQUIRE_JUSTIFICATION,
    },
  };
  return { ok: true, config: deepFreeze(config) };
}

function deepFreeze<T extends object>(o: T): T {
  for (const v of Object.values(o)) if (v && typeof v === 'object') deepFreeze(v as object);
  return Object.freeze(o);
}

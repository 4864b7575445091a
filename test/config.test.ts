import { loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('defaults to local mode on loopback, port 3978, the demo tenant and .data', () => {
    const result = loadConfig({});
    if (!result.ok) throw new Error(result.errors.join());
    expect(result.config).toMatchObject({
      localMode: true,
      host: '127.0.0.1',
      port: 3978,
      tenantFile: 'data/demo-tenant.json',
      dataDir: '.data',
      requests: { expiryDays: 14, reminderDays: 3, requireJustification: true },
      guests: { reviewDays: 90, reviewGraceDays: 14, staleDays: 90 },
    });
    expect(Object.isFrozen(result.config)).toBe(true);
    expect(Object.isFrozen(result.config.auth)).toBe(true);
  });

  it('keeps local mode on loopback even when HOST asks for every interface', () => {
    const result = loadConfig({ HOST: '0.0.0.0' });
    expect(result.ok && result.config.host).toBe('127.0.0.1');
  });

  it('refuses production without an app id, saying why', () => {
    const result = loadConfig({ NODE_ENV: 'production' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(/MICROSOFT_APP_ID.*unauthenticated/);
  });

  it('turns authentication on with an app id, password and tenant, listening on every interface', () => {
    const result = loadConfig({
      MICROSOFT_APP_ID: 'id',
      MICROSOFT_APP_PASSWORD: 'pw',
      MICROSOFT_APP_TENANT_ID: 'tid',
      NODE_ENV: 'production',
    });
    expect(result.ok && result.config).toMatchObject({
      localMode: false,
      host: '0.0.0.0',
      auth: { appId: 'id', appTenantId: 'tid' },
    });
  });

  it.each([
    [{ MICROSOFT_APP_ID: 'id', MICROSOFT_APP_TENANT_ID: 't' }, /MICROSOFT_APP_PASSWORD/],
    [{ MICROSOFT_APP_ID: 'id', MICROSOFT_APP_PASSWORD: 'pw' }, /MICROSOFT_APP_TENANT_ID/],
    [{ PORT: 'eighty' }, /PORT/],
    [{ REQUEST_EXPIRY_DAYS: '-1' }, /REQUEST_EXPIRY_DAYS/],
    [{ REQUIRE_JUSTIFICATION: 'maybe' }, /REQUIRE_JUSTIFICATION/],
    [{ REVIEW_DAYS: '-1' }, /REVIEW_DAYS/],
    [{ REVIEW_GRACE_DAYS: '0' }, /REVIEW_GRACE_DAYS/],
    [{ STALE_DAYS: 'soon' }, /STALE_DAYS/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ APPROVAL_CHANNELS: 'outlook' }, /APPROVAL_CHANNELS.*must include 'teams'/],
    [{ APPROVAL_CHANNELS: 'teams,fax' }, /APPROVAL_CHANNELS.*'teams' or 'outlook'/],
    [{ OUTLOOK_ORIGINATOR_ID: 'not-a-guid' }, /OUTLOOK_ORIGINATOR_ID/],
    [
      {
        MICROSOFT_APP_ID: 'id',
        MICROSOFT_APP_PASSWORD: 'pw',
        MICROSOFT_APP_TENANT_ID: 't',
        APPROVAL_CHANNELS: 'teams,outlook',
      },
      /OUTLOOK_ORIGINATOR_ID: required/,
    ],
  ])('reports %j as invalid', (env, message) => {
    const result = loadConfig(env);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(message);
  });

  it('takes the tenant time zone from TENANT_TIME_ZONE (default Europe/Amsterdam) and refuses an unknown zone', () => {
    const fallback = loadConfig({});
    expect(fallback.ok && fallback.config.timeZone).toBe('Europe/Amsterdam');
    const newYork = loadConfig({ TENANT_TIME_ZONE: 'America/New_York' });
    expect(newYork.ok && newYork.config.timeZone).toBe('America/New_York');
    const bad = loadConfig({ TENANT_TIME_ZONE: 'Mars/Olympus' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.join()).toContain('TENANT_TIME_ZONE');
  });

  it('mails approvers only when Teams cannot reach them, unless APPROVAL_CHANNELS asks for Outlook too', () => {
    const plain = loadConfig({});
    expect(plain.ok && plain.config.mail).toEqual({ alwaysMailApprovers: false });
    const both = loadConfig({
      APPROVAL_CHANNELS: ' Teams , outlook ',
      MAIL_SENDER: 'guest-access@contoso.com',
      OUTLOOK_ORIGINATOR_ID: '3F2B8C1E-7A4D-4E9B-9C1A-5D6E7F8A9B0C',
    });
    expect(both.ok && both.config.mail).toEqual({
      alwaysMailApprovers: true,
      sender: 'guest-access@contoso.com',
      originatorId: '3f2b8c1e-7a4d-4e9b-9c1a-5d6e7f8a9b0c',
    });
  });

  it('treats empty variables as unset', () => {
    const result = loadConfig({ MICROSOFT_APP_ID: '', PORT: '' });
    expect(result.ok && result.config.localMode && result.config.port).toBe(3978);
  });
});

describe('storage', () => {
  it('is lowdb in DATA_DIR by default', () => {
    const result = loadConfig({});
    expect(result.ok && result.config.storage).toEqual({ kind: 'lowdb' });
  });

  it('STORAGE=azure needs a connection string or an account URL, and says so', () => {
    const result = loadConfig({ STORAGE: 'azure' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.join()).toMatch(/AZURE_STORAGE_CONNECTION_STRING.*AZURE_STORAGE_ACCOUNT_URL/);
  });

  it('takes a connection string, or an account URL whose table endpoint is derived', () => {
    const cs = loadConfig({ STORAGE: 'azure', AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' });
    expect(cs.ok && cs.config.storage).toEqual({
      kind: 'azure',
      connectionString: 'UseDevelopmentStorage=true',
      prefix: 'guestbot',
      claimSeconds: 60,
    });
    const url = loadConfig({
      STORAGE: 'azure',
      AZURE_STORAGE_ACCOUNT_URL: 'https://acct.blob.core.windows.net',
      AZURE_STORAGE_PREFIX: 'bot2',
    });
    expect(url.ok && url.config.storage).toMatchObject({
      blobUrl: 'https://acct.blob.core.windows.net',
      tableUrl: 'https://acct.table.core.windows.net',
      prefix: 'bot2',
    });
  });

  it('refuses a prefix that is no valid table name start, and an unknown backend', () => {
    expect(
      loadConfig({ STORAGE: 'azure', AZURE_STORAGE_CONNECTION_STRING: 'x', AZURE_STORAGE_PREFIX: 'Bad-Prefix' }).ok,
    ).toBe(false);
    expect(loadConfig({ STORAGE: 'cosmos' }).ok).toBe(false);
  });
});

describe('configuration of the Graph directory', () => {
  const app = {
    MICROSOFT_APP_ID: '11111111-1111-4111-8111-111111111111',
    MICROSOFT_APP_PASSWORD: 'bot-secret',
    MICROSOFT_APP_TENANT_ID: '22222222-2222-4222-8222-222222222222',
  };

  it('is embedded by default, with no Graph settings', () => {
    const result = loadConfig({});
    expect(result.ok && result.config.directory).toBe('embedded');
    expect(result.ok && result.config.graph).toBeUndefined();
  });

  it("falls back to the bot's own app registration when AZURE_* are absent", () => {
    const result = loadConfig({ DIRECTORY: 'graph', ...app });
    if (!result.ok) throw new Error(result.errors.join());
    expect(result.config.graph).toMatchObject({
      baseUrl: 'https://graph.microsoft.com',
      credential: {
        tenantId: app.MICROSOFT_APP_TENANT_ID,
        clientId: app.MICROSOFT_APP_ID,
        clientSecret: 'bot-secret',
        managedIdentity: false,
      },
      syncIntervalMs: 60_000,
      settingsIntervalMs: 900_000,
    });
  });

  it('prefers AZURE_* (secret, certificate or managed identity) over the bot registration', () => {
    const secret = loadConfig({
      DIRECTORY: 'graph',
      ...app,
      AZURE_TENANT_ID: 't',
      AZURE_CLIENT_ID: 'c',
      AZURE_CLIENT_SECRET: 's',
    });
    expect(secret.ok && secret.config.graph?.credential).toMatchObject({
      tenantId: 't',
      clientId: 'c',
      clientSecret: 's',
      managedIdentity: false,
    });
    const cert = loadConfig({
      DIRECTORY: 'graph',
      AZURE_TENANT_ID: 't',
      AZURE_CLIENT_ID: 'c',
      AZURE_CLIENT_CERTIFICATE_PATH: '/x.pem',
    });
    expect(cert.ok && cert.config.graph?.credential).toMatchObject({
      certificatePath: '/x.pem',
      clientSecret: undefined,
      managedIdentity: false,
    });
    const managed = loadConfig({ DIRECTORY: 'graph', AZURE_TENANT_ID: 't', AZURE_CLIENT_ID: 'c' });
    expect(managed.ok && managed.config.graph?.credential.managedIdentity).toBe(true);
  });

  it('refuses DIRECTORY=graph without a tenant or an app, and an http Graph URL', () => {
    const none = loadConfig({ DIRECTORY: 'graph' });
    expect(!none.ok && none.errors.join('\n')).toMatch(/AZURE_TENANT_ID[\s\S]*AZURE_CLIENT_ID/);
    const http = loadConfig({ DIRECTORY: 'graph', ...app, GRAPH_BASE_URL: 'http://graph.example' });
    expect(!http.ok && http.errors.join('\n')).toMatch(/GRAPH_BASE_URL.*https/);
  });
});

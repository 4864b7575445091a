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
    const result = loadConfig({ MICROSOFT_APP_ID: 'id', MICROSOFT_APP_PASSWORD: 'pw', MICROSOFT_APP_TENANT_ID: 'tid', NODE_ENV: 'production' });
    expect(result.ok && result.config).toMatchObject({ localMode: false, host: '0.0.0.0', auth: { appId: 'id', appTenantId: 'tid' } });
  });

  it.each([
    [{ MICROSOFT_APP_ID: 'id', MICROSOFT_APP_TENANT_ID: 't' }, /MICROSOFT_APP_PASSWORD/],
    [{ MICROSOFT_APP_ID: 'id', MICROSOFT_APP_PASSWORD: 'pw' }, /MICROSOFT_APP_TENANT_ID/],
    [{ PORT: 'eighty' }, /PORT/],
    [{ REQUEST_EXPIRY_DAYS: '-1' }, /REQUEST_EXPIRY_DAYS/],
    [{ REQUIRE_JUSTIFICATION: 'maybe' }, /REQUIRE_JUSTIFICATION/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
  ])('reports %j as invalid', (env, message) => {
    const result = loadConfig(env);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(message);
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
    expect(cs.ok && cs.config.storage).toEqual({ kind: 'azure', connectionString: 'UseDevelopmentStorage=true', prefix: 'guestbot', claimSeconds: 60 });
    const url = loadConfig({ STORAGE: 'azure', AZURE_STORAGE_ACCOUNT_URL: 'https://acct.blob.core.windows.net', AZURE_STORAGE_PREFIX: 'bot2' });
    expect(url.ok && url.config.storage).toMatchObject({ blobUrl: 'https://acct.blob.core.windows.net', tableUrl: 'https://acct.table.core.windows.net', prefix: 'bot2' });
  });

  it('refuses a prefix that is no valid table name start, and an unknown backend', () => {
    expect(loadConfig({ STORAGE: 'azure', AZURE_STORAGE_CONNECTION_STRING: 'x', AZURE_STORAGE_PREFIX: 'Bad-Prefix' }).ok).toBe(false);
    expect(loadConfig({ STORAGE: 'cosmos' }).ok).toBe(false);
  });
});

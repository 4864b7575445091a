import { jest } from '@jest/globals';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { message } from '../support/activities.js';
import { demoUser } from '../support/demoTenant.js';
import { startTestApp } from '../support/testApp.js';

const run = promisify(execFile);
const nestor = demoUser('Nestor Wilke');

// Cases here start node + tsx (compiling src on the fly) up to twice: on a busy 2-core machine that alone takes 10 s+.
jest.setTimeout(150_000);

describe('when the bot restarts in the middle of a conversation', () => {
  it('then the guided invite continues where it was (dialog state is on disk)', async () => {
    let t = await startTestApp();
    expect((await t.say(message(nestor, 'invite'))).join()).toMatch(/To which group/);
    expect((await t.say(message(nestor, 'Marketing'))).join()).toMatch(/Which e-mail/);
    const { dataDir, connector } = t;
    await t.close({ keepData: true, keepConnector: true });

    t = await startTestApp({ dataDir, connector });
    try {
      expect((await t.say(message(nestor, 'anna@fabrikam.com'))).join()).toMatch(/Why does the guest need access/);
      expect((await t.say(message(nestor, 'campaign design'))).join()).toMatch(/waiting for approval by Alex Wilber/);
    } finally {
      await t.close();
    }
  });
});

describe('when the bot process starts', () => {
  it('then it reads .env from its working folder, and the environment wins over it', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join, resolve } = await import('node:path');
    const { pathToFileURL } = await import('node:url');
    const dir = await mkdtemp(join(tmpdir(), 'gab-env-'));
    await writeFile(join(dir, '.env'), 'NODE_ENV=production\nMICROSOFT_APP_ID=\n');
    const tsx = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href;
    const entry = resolve('src/index.ts');
    const env = { ...process.env, NODE_ENV: '', PORT: '0' } as Record<string, string>;
    delete env.NODE_ENV;
    try {
      await expect(
        run(process.execPath, ['--import', tsx, entry], { cwd: dir, env, timeout: 60_000 }),
      ).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringMatching(/will not start[\s\S]*MICROSOFT_APP_ID/),
      });
      // NODE_ENV=development in the environment beats production in .env: config passes, and the (deliberately
      // invalid) tenant file is what stops it.
      await expect(
        run(process.execPath, ['--import', tsx, entry], {
          cwd: dir,
          env: { ...env, NODE_ENV: 'development', TENANT_FILE: resolve('package.json') },
          timeout: 60_000,
        }),
      ).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/cannot start[\s\S]*\$\.tenant/) });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    // Two process starts through tsx: ~13 s each on a loaded 2-core machine.
  });

  const start = (env: Record<string, string>) =>
    run(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
      env: { ...process.env, PORT: '0', DATA_DIR: '/nonexistent/never-created', ...env },
      timeout: 60_000,
    });

  it('then NODE_ENV=production without an app id refuses to start and says why', async () => {
    await expect(start({ NODE_ENV: 'production', MICROSOFT_APP_ID: '' })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/will not start[\s\S]*MICROSOFT_APP_ID/),
    });
  });

  it('then an invalid tenant file stops it with every error and its JSON path', async () => {
    await expect(start({ NODE_ENV: 'development', TENANT_FILE: 'package.json' })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/cannot start[\s\S]*\$\.tenant/),
    });
  });
});

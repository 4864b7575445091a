import { message } from '../support/activities.js';
import { demoTenant, demoUser } from '../support/demoTenant.js';
import { startTestApp } from '../support/testApp.js';

describe('when the bot has a Microsoft app id', () => {
  it('then an unsigned POST gets 401 and nothing is stored', async () => {
    const t = await startTestApp({
      env: {
        MICROSOFT_APP_ID: '6f1d9a52-3b7e-4c1a-9d2f-8e4b5a6c7d81',
        MICROSOFT_APP_PASSWORD: 'secret',
        MICROSOFT_APP_TENANT_ID: demoTenant.tenant.id,
      },
    });
    try {
      const nestor = demoUser('Nestor Wilke');
      const { status } = await t.post(message(nestor, 'help'));
      expect(status).toBe(401);
      expect(await t.app.deps.conversations.get(nestor.id)).toBeUndefined();
      const forged = await fetch(`${t.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-token' },
        body: JSON.stringify(message(nestor, 'help')),
      });
      expect(forged.status).toBe(401);
    } finally {
      await t.close();
    }
  });
});

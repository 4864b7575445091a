import { Writable } from 'node:stream';
import { jest } from '@jest/globals';
import { createLogger } from '../../src/logger.js';
import { cardAction, message } from '../support/activities.js';
import { demoUser } from '../support/demoTenant.js';
import { startTestApp } from '../support/testApp.js';

const nestor = demoUser('Nestor Wilke');
const alex = demoUser('Alex Wilber');
const sanne = demoUser('Sanne Jansen');

describe('when something breaks inside a turn', () => {
  it('then the user gets an apology in their language, the error is logged with the activity id, and the dialog is cleared', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const t = await startTestApp({ logger: createLogger('info', sink) });
    try {
      // Sanne is halfway through the guided invite when the directory fails.
      expect((await t.say(message(sanne, 'uitnodigen', { locale: 'nl-NL' }))).join()).toMatch(/Aan welke groep/);
      const spy = jest.spyOn(t.app.deps.directory, 'listGroups').mockRejectedValue(new Error('directory down'));
      const failing = message(sanne, 'Sales', { locale: 'nl-NL' });
      expect(await t.say(failing)).toEqual([
        'Sorry, er ging bij mij iets mis. Probeer het over een paar minuten opnieuw.',
      ]);
      const logged = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'turn failed');
      expect(logged).toMatchObject({ activityId: failing.id, err: { message: 'directory down' } });
      spy.mockRestore();
      // The dialog is gone: the next message is a fresh command, not the answer to "which group?".
      expect((await t.say(message(sanne, 'Sales', { locale: 'nl-NL' }))).join()).toMatch(/Dat begreep ik niet/);
    } finally {
      await t.close();
    }
  });
});

describe('when requests flow through the bot', () => {
  it('then the logs carry ids and codes but never a guest address or a justification', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const t = await startTestApp({ logger: createLogger('debug', sink) });
    try {
      await t.say(
        message(
          nestor,
          'invite secret.guest@fabrikam.com, blocked.one@tailspintoys.com to Marketing because top secret merger',
        ),
      );
      await t.app.deps.worker.idle();
      const request = (await t.app.deps.requests.list({}))[0];
      await t.post(cardAction(alex, 'approveRequest', { requestId: request.id }, { serviceUrl: t.connector.url }));
      await t.app.deps.worker.idle();
      const all = lines.join('\n');
      expect(all).toContain(request.id);
      expect(all).not.toMatch(/secret\.guest|blocked\.one|top secret merger/i);
    } finally {
      await t.close();
    }
  });
});

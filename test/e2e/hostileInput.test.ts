import { Writable } from 'node:stream';
import { jest } from '@jest/globals';
import { createLogger } from '../../src/logger.js';
import { cardAction, installed, message } from '../support/activities.js';
import { demoUser } from '../support/demoTenant.js';
import { startTestApp, type TestApp } from '../support/testApp.js';

const sanne = demoUser('Sanne Jansen');
const nestor = demoUser('Nestor Wilke');

let t: TestApp;
let lines: string[];
beforeAll(async () => {
  lines = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  t = await startTestApp({ logger: createLogger('info', sink) });
});
afterAll(async () => {
  await t.close();
});

const invoke = (value: unknown, name = 'adaptiveCard/action') => ({ ...cardAction(nestor, 'x', {}), name, value });

describe('when a hostile or malformed invoke arrives', () => {
  const values: [string, unknown][] = [
    ['a string value', 'approveRequest'],
    ['a number value', 42],
    ['an array value', [{ action: { type: 'Action.Execute', verb: 'approveRequest' } }]],
    ['null', null],
    ['an action that is a string', { action: 'approveRequest' }],
    ['an Action.Submit', { action: { type: 'Action.Submit', verb: 'approveRequest' } }],
    ['data that is an array', { action: { type: 'Action.Execute', verb: 'approveRequest', data: ['R-000001'] } }],
    ['data that is a string', { action: { type: 'Action.Execute', verb: 'approveRequest', data: 'R-000001' } }],
    ['a verb that is a number', { action: { type: 'Action.Execute', verb: 7 } }],
  ];
  it.each(values)('then %s gets 400 with a readable error, not 5xx', async (_name, value) => {
    const { status, body } = await t.post(invoke(value));
    expect(status).toBe(400);
    expect(body).toMatchObject({
      statusCode: 400,
      type: 'application/vnd.microsoft.error',
      value: { code: 'BAD_INVOKE_VALUE' },
    });
    expect(body.value.message).toMatch(/not known/);
  });

  it.each(['constructor', 'toString', '__proto__', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__'])(
    'then the Object prototype name %s as verb gets 400 UNKNOWN_ACTION',
    async (verb) => {
      const { status, body } = await t.post(cardAction(nestor, verb, { requestId: 'R-000001' }));
      expect(status).toBe(400);
      expect(body.value.code).toMatch(/UNKNOWN_ACTION|BAD_INVOKE_VALUE/);
    },
  );

  it('then task/fetch and message-extension invokes get an empty 200, other names 400', async () => {
    expect((await t.post(invoke({ data: {} }, 'task/fetch'))).status).toBe(200);
    expect((await t.post(invoke({ commandId: 'x' }, 'composeExtension/query'))).status).toBe(200);
    const unknown = await t.post(invoke({}, 'signin/verifyState'));
    expect(unknown.status).toBe(400);
    expect(unknown.body.value.code).toBe('UNKNOWN_INVOKE');
  });

  it('then a failing invoke does not discard the dialog the user is in', async () => {
    expect((await t.say(message(sanne, 'uitnodigen', { locale: 'nl-NL' }))).join()).toMatch(/Aan welke groep/);
    const spy = jest.spyOn(t.app.deps.requests, 'get').mockRejectedValue(new Error('store down'));
    const failed = await t.post({
      ...cardAction(sanne, 'approveRequest', { requestId: 'R-ABCDEF' }),
      conversation: message(sanne, '').conversation,
    });
    spy.mockRestore();
    expect(failed.status).toBeGreaterThanOrEqual(400);
    // Still in the guided invite: the next answer is taken as the group.
    expect((await t.say(message(sanne, 'Sales', { locale: 'nl-NL' }))).join()).not.toMatch(/Dat begreep ik niet/);
  });
});

describe('when a conversation update is malformed', () => {
  it.each([
    ['a string', 'everyone'],
    ['members without ids', [{ name: 'x' }]],
    ['an object', { id: '28:bot' }],
  ])('then membersAdded as %s is ignored with a log line', async (_name, membersAdded) => {
    const before = lines.length;
    const { status } = await t.post({ ...installed(nestor), membersAdded });
    expect(status).toBeLessThan(300);
    expect(lines.slice(before).some((l) => l.includes('MALFORMED_MEMBERS'))).toBe(true);
  });
});

describe('when an activity names a serviceUrl the bot must not call (local mode)', () => {
  it.each([
    'file:///etc/passwd',
    'http://169.254.169.254/latest/meta-data/',
    'http://example.com/',
    'https://10.0.0.5/',
    'gopher://127.0.0.1/',
    'http://user:pw@127.0.0.1:9/',
  ])('then %s is refused with 400 and never stored', async (serviceUrl) => {
    const { status, body } = await t.post(message(sanne, 'help', { serviceUrl }));
    expect(status).toBe(400);
    expect(body.error.code).toBe('serviceUrlRefused');
    expect((await t.app.deps.conversations.get(sanne.id))?.serviceUrl).not.toBe(serviceUrl);
    expect(await t.app.deps.conversations.latestServiceUrl()).not.toBe(serviceUrl);
  });

  it('then loopback http(s) URLs are accepted', async () => {
    for (const serviceUrl of ['http://127.0.0.1:9/', 'https://localhost:3000/', 'http://[::1]:9/']) {
      expect((await t.post(message(sanne, 'help', { serviceUrl }))).status).toBe(200);
    }
  });
});

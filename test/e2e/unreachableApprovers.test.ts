import { message } from '../support/activities.js';
import { demoUser } from '../support/demoTenant.js';
import { startTestApp, type TestApp } from '../support/testApp.js';

const alex = demoUser('Alex Wilber'); // owns Marketing
const nestor = demoUser('Nestor Wilke'); // member of Marketing
const isaiah = demoUser('Isaiah Langer'); // member of Facilities, which has no owner: the admins approve
const daan = demoUser('Daan de Vries'); // Global Administrator, Dutch
const megan = demoUser('Megan Bowen'); // User Administrator

let t: TestApp;
beforeEach(async () => {
  // Without a mail channel: Teams is the only way to reach approvers (mail: test/e2e/outlookApproval.test.ts).
  t = await startTestApp({ mailer: null });
});
afterEach(() => t.close());

const textsTo = (conversationId: string) =>
  t.connector
    .sent(conversationId)
    .map((c) => c.body.text as string | undefined)
    .filter(Boolean);
const creationsFor = (userId: string) => t.connector.created().filter((c) => c.body.members[0].id === userId);

describe('when Teams refuses to open a chat with an approver (403: the app is not installed for them)', () => {
  it('then the approver is marked not reachable, never retried, and the requester is told once who', async () => {
    await t.say(message(nestor, 'help'));
    t.connector.refusedUsers.add(alex.id);
    await t.say(message(nestor, 'invite anna@fabrikam.com to Marketing because she designs our campaign'));
    await t.app.deps.worker.idle();

    const [request] = await t.app.deps.requests.list({});
    expect(request.unreachable).toEqual([expect.objectContaining({ userId: alex.id, reason: 'appNotInstalled' })]);
    expect(request.outbox).toEqual([]);
    expect(request.state).toBe('pending');
    const told = textsTo(`a:personal-${nestor.id}`).filter((x) => /could not reach/.test(x!));
    expect(told).toEqual([expect.stringContaining('Alex Wilber')]);
    expect(told[0]).toContain('nobody has seen your request');

    // Later sweeps and the reminder do not knock on the same door again.
    t.clock.advanceDays(3);
    await t.app.deps.worker.tick();
    await t.app.deps.worker.tick();
    await t.app.deps.worker.idle();
    expect(creationsFor(alex.id)).toHaveLength(1);
    expect(textsTo(`a:personal-${nestor.id}`).filter((x) => /could not reach/.test(x!))).toHaveLength(1);
  });

  it('then the other approvers still get the card; the requester hears of the missing one, in Dutch', async () => {
    await t.say(message(isaiah, 'help', { locale: 'nl-NL' }));
    t.connector.refusedUsers.add(megan.id);
    const invite = 'uitnodigen anna@fabrikam.com voor Facilities omdat schoonmaakrooster';
    const replies = await t.say(message(isaiah, invite, { locale: 'nl-NL' }));
    expect(replies.join('\n')).toMatch(/wacht op goedkeuring/);
    await t.app.deps.worker.idle();

    const [request] = await t.app.deps.requests.list({});
    expect(request.approverIds.sort()).toEqual([daan.id, megan.id].sort());
    expect(request.unreachable?.map((u) => u.userId)).toEqual([megan.id]);
    expect(t.connector.sent(`a:1on1-${daan.id}`).filter((c) => c.body.attachments)).toHaveLength(1);
    const told = textsTo(`a:personal-${isaiah.id}`).filter((x) => /niet bereiken/.test(x!));
    expect(told).toEqual([expect.stringContaining('Megan Bowen')]);
    expect(told[0]).toContain('De andere goedkeurders hebben de aanvraag wel gekregen');
    expect(told[0]).not.toContain('Daan de Vries');
  });

  it('then admins see it in pending, and other people do not', async () => {
    t.connector.refusedUsers.add(alex.id);
    await t.say(message(nestor, 'invite anna@fabrikam.com to Marketing because she designs our campaign'));
    await t.app.deps.worker.idle();
    const [request] = await t.app.deps.requests.list({});

    const forAdmin = (await t.say(message(daan, 'openstaand', { locale: 'nl-NL' }))).join('\n');
    expect(forAdmin).toContain('Aanvragen met goedkeurders die ik niet kon bereiken');
    expect(forAdmin).toContain(`**${request.id}** · Marketing · niet bereikbaar: Alex Wilber`);
    const forMember = (await t.say(message(nestor, 'pending'))).join('\n');
    expect(forMember).not.toContain('could not reach');
    expect(forMember).not.toContain(request.id);
  });

  it('then a remedy hook (installing the app) gets one chance before the approver counts as unreachable', async () => {
    // The seam is exercised through the notifier directly: a remedy that "installs the app" lifts the refusal.
    t.connector.refusedUsers.add(alex.id);
    const notifier = t.app.deps.worker['deps'].notifier as import('../../src/bot/teamsNotifier.js').TeamsNotifier;
    const calls: string[] = [];
    notifier['deps'].makeReachable = async (userId: string, reason: string) => {
      calls.push(`${userId}:${reason}`);
      t.connector.refusedUsers.delete(userId);
      return true;
    };
    const delivery = await notifier.sendToUser(alex.id, { text: 'hello' });
    expect(calls).toEqual([`${alex.id}:appNotInstalled`]);
    const sent = { userId: alex.id, conversationId: `a:1on1-${alex.id}` };
    expect(delivery).toMatchObject({ kind: 'delivered', sent });
  });
});

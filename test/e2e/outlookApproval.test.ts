import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { cardAction, message } from '../support/activities.js';
import { cardProblems, cardText, cardVerbs } from '../support/cards.js';
import { demoTenant, demoUser } from '../support/demoTenant.js';
import { FakeGraph, testCertificate } from '../support/fakeGraph.js';
import { RecordingMailer } from '../support/recordingMailer.js';
import { startTestApp, type TestApp } from '../support/testApp.js';
import type { GuestRequest } from '../../src/domain/guestRequest.js';

const alex = demoUser('Alex Wilber'); // owns Marketing
const nestor = demoUser('Nestor Wilke'); // member of Marketing
const adele = demoUser('Adele Vance'); // owns Sales, not Marketing
const sanne = demoUser('Sanne Jansen'); // Dutch, owns Leesclub
const emma = demoUser('Emma de Boer'); // Dutch, member of Leesclub
const ORIGINATOR = '3f2b8c1e-7a4d-4e9b-9c1a-5d6e7f8a9b0c';

let t: TestApp;
afterEach(() => t?.close());

async function start(env: Record<string, string> = {}): Promise<void> {
  t = await startTestApp({ env: { OUTLOOK_ORIGINATOR_ID: ORIGINATOR, ...env } });
}

async function settle(): Promise<void> {
  await t.app.deps.worker.idle();
}

async function onlyRequest(): Promise<GuestRequest> {
  const all = await t.app.deps.requests.list({});
  expect(all).toHaveLength(1);
  return all[0];
}

async function emlFiles(): Promise<string[]> {
  const files = await readdir(join(t.dataDir, 'outbox')).catch(() => [] as string[]);
  return files.filter((f) => f.endsWith('.eml')).sort();
}

/** Extracts the card from the head of an HTML mail (the block Outlook reads). */
function cardInHead(html: string) {
  const head = html.match(/<head>([\s\S]*)<\/head>/)?.[1] ?? '';
  const script = head.match(/<script type="application\/adaptivecard\+json">([\s\S]*?)<\/script>/);
  return script ? JSON.parse(script[1]) : undefined;
}

/** Reads an .eml from the outbox as a mail client would, and the card from its HTML head. */
async function readMail(file: string) {
  const mail = await simpleParser(await readFile(join(t.dataDir, 'outbox', file)));
  const html = typeof mail.html === 'string' ? mail.html : '';
  return { mail, html, card: cardInHead(html) };
}

/** A tap on the mailed card as the Outlook channel delivers it. */
function outlookAction(
  user: typeof alex,
  verb: string,
  data: Record<string, unknown>,
  trigger: 'manual' | 'automatic' = 'manual',
) {
  const teams = cardAction(user, verb, data, { trigger, serviceUrl: t.connector.url });
  return {
    ...teams,
    channelId: 'outlook',
    serviceUrl: t.connector.url, // in local mode only loopback service URLs are accepted
    from: { id: user.id, aadObjectId: user.id, name: user.displayName },
    conversation: { id: `outlook-${user.id}`, tenantId: teams.conversation.tenantId },
    channelData: {},
  };
}

const ERROR = 'application/vnd.microsoft.error';

async function transitionsOf(requestId: string) {
  const entries = await t.app.deps.audit.tail(50);
  return entries.filter((e) => e.subjectId === requestId && e.action === 'request.transition');
}

const toldNestor = () =>
  t.connector
    .sent(`a:personal-${nestor.id}`)
    .map((c) => c.body.text as string)
    .filter(Boolean);

const unreachableAlex = () => {
  t.connector.refuseNewConversations = true;
};

const TRICKY_ASK = 'invite anna@fabrikam.com to Marketing because she runs R&D for "Fabrikam" [x](https://x.test)';

async function nestorAsks(text = TRICKY_ASK): Promise<GuestRequest> {
  const replies = await t.say(message(nestor, text));
  expect(replies.join('\n')).toMatch(/waiting for approval by Alex Wilber/);
  await settle();
  return onlyRequest();
}

describe('when an approver cannot be reached in Teams and mail goes through Microsoft Graph', () => {
  const SENDER = { id: 'a0000000-0000-4000-8000-0000000000ff', userPrincipalName: 'guest-access@contoso.com' };
  let graph: FakeGraph;
  let close: () => Promise<void>;

  beforeEach(async () => {
    // The real composition on DIRECTORY=graph: the directory and the mail both go to the loopback Graph.
    graph = new FakeGraph(demoTenant);
    await graph.start();
    graph.addUser({ ...SENDER, displayName: 'Guest Access', mail: SENDER.userPrincipalName });
    const { cert } = await testCertificate();
    const env = {
      DIRECTORY: 'graph',
      GRAPH_BASE_URL: graph.url,
      AZURE_TENANT_ID: demoTenant.tenant.id,
      AZURE_CLIENT_ID: '00000000-0000-4000-8000-0000000000aa',
      AZURE_CLIENT_SECRET: 'test-secret',
      AZURE_AUTHORITY_HOST: graph.url,
      GRAPH_MAX_RETRY_AFTER_SECONDS: '1',
      MAIL_SENDER: SENDER.userPrincipalName,
      OUTLOOK_ORIGINATOR_ID: ORIGINATOR,
    };
    t = await startTestApp({ env, graphCa: cert });
    close = () => graph.stop();
    unreachableAlex();
  });
  afterEach(async () => {
    await t.close();
    await close();
  });

  it('then Graph gets a sendMail with a valid card and originator; the approver decides from Outlook', async () => {
    const request = await nestorAsks();
    const calls = graph.graphCalls({ method: 'POST', path: /sendMail$/ });
    expect(calls.map((c) => c.path)).toEqual([`/v1.0/users/${SENDER.userPrincipalName}/sendMail`]);
    expect(calls[0].authorized).toBe(true);
    expect(graph.sentMail).toHaveLength(1);
    const { senderId, body } = graph.sentMail[0];
    expect(senderId).toBe(SENDER.id);
    expect(body).toMatchObject({
      message: {
        subject: `Approval needed: guest access to Marketing (request ${request.id})`,
        body: { contentType: 'HTML' },
        toRecipients: [{ emailAddress: { address: alex.mail, name: 'Alex Wilber' } }],
      },
      saveToSentItems: false,
    });
    const html: string = body.message.body.content;
    expect(html).toContain('she runs R&amp;D for &quot;Fabrikam&quot;');
    const card = cardInHead(html);
    expect(cardProblems(card)).toEqual([]);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.4', originator: ORIGINATOR });
    expect(cardVerbs(card)).toEqual(['approveRequest', 'rejectRequest']);
    expect(await emlFiles()).toEqual([]);

    // The approver taps Approve in Outlook; a forged tap from a non-approver was refused before.
    const forged = await t.post(outlookAction(adele, 'approveRequest', { requestId: request.id }));
    expect(forged.body).toMatchObject({ statusCode: 403, value: { code: 'FORBIDDEN' } });
    const { body: answer } = await t.post(outlookAction(alex, 'approveRequest', { requestId: request.id }));
    expect(answer).toMatchObject({ statusCode: 200, value: { originator: ORIGINATOR } });
    expect(cardText(answer.value)).toMatch(/Approved by Alex Wilber/);
    await settle();
    expect((await t.app.deps.requests.get(request.id))!.state).toBe('completed');
  });

  it('then a throttled sendMail is retried after Retry-After, and an outage keeps the mail owed', async () => {
    graph.failNext({ method: 'POST', path: /sendMail$/, status: 429, headers: { 'Retry-After': '0' } });
    const request = await nestorAsks();
    expect(graph.sentMail).toHaveLength(1);

    // Graph stays unavailable through the client's own retries (1 try + 3 retries).
    graph.failNext({ method: 'POST', path: /sendMail$/, status: 503, headers: { 'Retry-After': '0' }, times: 4 });
    await t.say(message(nestor, 'invite bert@fabrikam.com to Marketing because he writes copy'));
    await settle();
    const second = (await t.app.deps.requests.list({})).find((r) => r.id !== request.id)!;
    const owed = (await t.app.deps.requests.get(second.id))!.outbox;
    expect(owed).toContainEqual({ kind: 'approvalMail', userId: alex.id, why: 'unreachable' });
    expect(graph.sentMail).toHaveLength(1);
    await t.app.deps.worker.tick();
    await settle();
    expect(graph.sentMail).toHaveLength(2);
    expect((await t.app.deps.requests.get(second.id))!.mails).toEqual([expect.objectContaining({ userId: alex.id })]);
  });
});

describe('when an approver cannot be reached in Teams', () => {
  it('then they get the approval card by mail, as an .eml on the embedded tenant that parses as MIME', async () => {
    await start();
    unreachableAlex();
    const request = await nestorAsks();
    expect(await emlFiles()).toEqual([`${request.id}-${alex.id}-unreachable.eml`]);

    const { mail, html, card } = await readMail(`${request.id}-${alex.id}-unreachable.eml`);
    expect(mail.to && 'value' in mail.to ? mail.to.value : []).toEqual([{ address: alex.mail, name: 'Alex Wilber' }]);
    expect(mail.from?.value[0].address).toBe('guest-access@contoso.com');
    expect(mail.subject).toBe(`Approval needed: guest access to Marketing (request ${request.id})`);
    expect(mail.text).toContain('she runs R&D for "Fabrikam" [x](https://x.test)');
    // User text is escaped in the HTML: the mail shows it as written, it never becomes markup or a link.
    expect(html).toContain('she runs R&amp;D for &quot;Fabrikam&quot; [x](https://x.test)');
    expect(html).not.toContain('href="https://x.test');
    expect(html).toContain('Nestor Wilke asks to add guests to the group Marketing');
    expect(html).toContain('<li>anna@fabrikam.com</li>');
    expect(html).toMatch(/could not reach you in Microsoft Teams/);

    expect(card).toBeDefined();
    expect(cardProblems(card)).toEqual([]);
    expect(card.version).toBe('1.4');
    expect(card.originator).toBe(ORIGINATOR);
    expect(cardVerbs(card)).toEqual(['approveRequest', 'rejectRequest']);
    const refresh = { type: 'Action.Execute', verb: 'refreshRequest', data: { requestId: request.id } };
    expect(card.refresh.action).toMatchObject(refresh);
    expect(cardText(card)).toContain('R&D for "Fabrikam" \\[x\\]\\(https://x.test\\)');

    const stored = (await t.app.deps.requests.get(request.id))!;
    expect(stored.mails).toEqual([{ userId: alex.id, why: 'unreachable', at: expect.any(String) }]);
    // Teams refused Alex for good: he is marked not reachable, and the requester learns he was mailed, once.
    expect(stored.outbox).toEqual([]);
    expect(stored.unreachable).toEqual([expect.objectContaining({ userId: alex.id, reason: 'appNotInstalled' })]);
    expect(toldNestor()).toEqual([
      `I could not reach Alex Wilber in Teams (the Guest Access app is not installed for them), so I sent them your ` +
        `request ${request.id} to add anna@fabrikam.com to **Marketing** by mail: they can decide in Outlook.`,
    ]);
    const audit = (await t.app.deps.audit.tail(20)).filter((e) => e.action === 'request.mailed');
    const details = { userId: alex.id, why: 'unreachable' };
    expect(audit).toEqual([expect.objectContaining({ subjectId: request.id, details })]);

    // Later sweeps never mail the card twice, nor tell the requester again.
    await t.app.deps.worker.tick();
    await settle();
    expect(await emlFiles()).toHaveLength(1);
    expect((await t.app.deps.requests.get(request.id))!.mails).toHaveLength(1);
    expect(toldNestor()).toHaveLength(1);
  });

  it('then a Dutch approver gets a Dutch mail', async () => {
    await start();
    t.connector.refuseNewConversations = true;
    const ask = 'uitnodigen anna@fabrikam.com voor Leesclub omdat ze boeken bespreekt';
    const replies = await t.say(message(emma, ask, { locale: 'nl-NL' }));
    expect(replies.join('\n')).toMatch(/Sanne Jansen/);
    await settle();
    const request = await onlyRequest();
    const { mail, html, card } = await readMail(`${request.id}-${sanne.id}-unreachable.eml`);
    expect(mail.subject).toBe(`Goedkeuring gevraagd: gasttoegang tot Leesclub (aanvraag ${request.id})`);
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('Emma de Boer vraagt om gasten toe te voegen aan de groep Leesclub');
    expect(html).toMatch(/niet kon bereiken in Microsoft Teams/);
    expect(cardText(card)).toContain('Goedkeuren');
  });

  it('then the approver decides from Outlook: same rules, one transition, the requester is told once', async () => {
    await start();
    unreachableAlex();
    const request = await nestorAsks();

    const started = Date.now();
    const tap = outlookAction(alex, 'approveRequest', { requestId: request.id, comment: 'Welcome!' });
    const { status, body } = await t.post(tap);
    const elapsed = Date.now() - started;
    expect(status).toBe(200);
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(body.value.originator).toBe(ORIGINATOR);
    expect(body.value.version).toBe('1.4');
    expect(cardText(body.value)).toMatch(/Approved by Alex Wilber/);
    expect(cardVerbs(body.value)).toEqual([]);
    expect(cardProblems(body.value)).toEqual([]);
    expect(elapsed).toBeLessThan(2000);
    // The same tap delivered again, then a tap on the Teams copy: already decided, nothing changes.
    const again = await t.post(outlookAction(alex, 'approveRequest', { requestId: request.id }));
    expect(cardText(again.body.value)).toMatch(/Alex Wilber already approved this request/);
    const teamsTap = cardAction(alex, 'rejectRequest', { requestId: request.id }, { serviceUrl: t.connector.url });
    const fromTeams = await t.post(teamsTap);
    expect(cardText(fromTeams.body.value)).toMatch(/Alex Wilber already approved this request/);
    await settle();
    expect((await t.app.deps.requests.get(request.id))!.state).toBe('completed');
    expect((await t.app.deps.audit.tail(50)).filter((e) => e.action === 'guest.added')).toHaveLength(1);

    const goodNews = expect.stringMatching(/^Good news: anna@fabrikam.com can now use/);
    expect(toldNestor()).toEqual([expect.stringMatching(/sent them your request/), goodNews]);
    const transitions = await transitionsOf(request.id);
    expect(transitions.map((e) => `${e.from}→${e.to}`)).toEqual([
      'none→pending',
      'pending→approved',
      'approved→provisioning',
      'provisioning→completed',
    ]);
    expect(transitions[1]).toMatchObject({ actorId: alex.id, details: { via: 'outlook' } });
    // The requester's card in Teams shows the outcome when he looks at it.
    const options = { serviceUrl: t.connector.url, trigger: 'automatic' as const };
    const opened = cardAction(nestor, 'refreshRequest', { requestId: request.id }, options);
    expect(cardText((await t.post(opened)).body.value)).toMatch(/Done: the guest was added/);
  });

  it('then a forged Outlook tap from someone who is not an approver is refused and changes nothing', async () => {
    await start();
    unreachableAlex();
    const request = await nestorAsks();
    for (const verb of ['approveRequest', 'rejectRequest']) {
      const { body } = await t.post(outlookAction(adele, verb, { requestId: request.id, actorId: alex.id }));
      expect(body).toMatchObject({ statusCode: 403, type: ERROR, value: { code: 'FORBIDDEN' } });
    }
    // Nor may the requester approve his own request from a mail, nor anyone read it by refreshing.
    const own = await t.post(outlookAction(nestor, 'approveRequest', { requestId: request.id }));
    expect(own.body.statusCode).toBe(403);
    const peek = await t.post(outlookAction(adele, 'refreshRequest', { requestId: request.id }, 'automatic'));
    expect(peek.body.statusCode).toBe(403);
    await settle();
    expect((await t.app.deps.requests.get(request.id))!.state).toBe('pending');
    expect(await transitionsOf(request.id)).toHaveLength(1);
  });

  it('then the approver is reminded by mail, once', async () => {
    await start();
    unreachableAlex();
    const request = await nestorAsks();
    t.clock.advanceDays(3.01);
    await t.app.deps.worker.tick();
    await settle();
    await t.app.deps.worker.tick();
    await settle();
    const prefix = `${request.id}-${alex.id}`;
    expect(await emlFiles()).toEqual([`${prefix}-reminder.eml`, `${prefix}-unreachable.eml`]);
    const { mail } = await readMail(`${request.id}-${alex.id}-reminder.eml`);
    expect(mail.subject).toMatch(/^Reminder: approval needed/);
    expect((await t.app.deps.requests.get(request.id))!.outbox.filter((i) => i.kind === 'tell')).toEqual([]);
  });

  it('then a mail that could not be sent stays owed, and is dropped once the request closed', async () => {
    const mailer = new RecordingMailer();
    mailer.failing = true;
    t = await startTestApp({ env: { OUTLOOK_ORIGINATOR_ID: ORIGINATOR }, mailer });
    unreachableAlex();
    const request = await nestorAsks();
    const owedMail = { kind: 'approvalMail', userId: alex.id, why: 'unreachable' };
    expect((await t.app.deps.requests.get(request.id))!.outbox).toEqual([owedMail]);
    mailer.failing = false;
    await t.app.deps.worker.tick();
    await settle();
    expect(mailer.sent.map((m) => m.to.address)).toEqual([alex.mail]);

    // A second request: cancelled while its mail is still owed.
    mailer.failing = true;
    await t.say(message(nestor, 'invite bert@fabrikam.com to Marketing because he writes copy'));
    await settle();
    const second = (await t.app.deps.requests.list({})).find((r) => r.id !== request.id)!;
    await t.say(message(nestor, `cancel ${second.id}`));
    mailer.failing = false;
    await t.app.deps.worker.tick();
    await settle();
    expect(mailer.sent).toHaveLength(1);
    expect((await t.app.deps.requests.get(second.id))!.outbox).toEqual([]);
  });
});

describe('when APPROVAL_CHANNELS=teams,outlook', () => {
  it('then every approver gets the card in Teams and by mail, and a decision in Teams shows in the mail', async () => {
    await start({ APPROVAL_CHANNELS: 'teams,outlook' });
    const request = await nestorAsks('invite anna@fabrikam.com to Marketing because she designs our campaign');
    expect(await emlFiles()).toEqual([`${request.id}-${alex.id}-always.eml`]);
    const { html } = await readMail(`${request.id}-${alex.id}-always.eml`);
    expect(html).toMatch(/because you may approve guests for Marketing\./);
    const teamsCopies = t.connector.sent(`a:1on1-${alex.id}`);
    expect(teamsCopies).toHaveLength(1);

    // Opening the mail shows the current state (Outlook refreshes on open, with an automatic invoke).
    const before = await t.post(outlookAction(alex, 'refreshRequest', { requestId: request.id }, 'automatic'));
    expect(cardVerbs(before.body.value)).toEqual(['approveRequest', 'rejectRequest']);

    // Decided in Teams …
    const data = { requestId: request.id, comment: 'Not now' };
    const reject = cardAction(alex, 'rejectRequest', data, { serviceUrl: t.connector.url });
    const teams = await t.post(reject);
    expect(cardText(teams.body.value)).toMatch(/Rejected by Alex Wilber/);
    await settle();
    // … the mailed copy shows it when opened, within Outlook's 2 seconds, with its originator.
    const started = Date.now();
    const after = await t.post(outlookAction(alex, 'refreshRequest', { requestId: request.id }, 'automatic'));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(after.body.value.originator).toBe(ORIGINATOR);
    expect(cardVerbs(after.body.value)).toEqual([]);
    expect(cardText(after.body.value)).toMatch(/Rejected by Alex Wilber/);
    expect(cardText(after.body.value)).toContain('Not now');
    // The requester opening his own copy of nothing by mail: he was never mailed, but may see his request's state.
    const requesterView = await t.post(outlookAction(nestor, 'refreshRequest', { requestId: request.id }, 'automatic'));
    expect(cardText(requesterView.body.value)).toMatch(/Rejected/);

    const told = t.connector
      .sent(`a:personal-${nestor.id}`)
      .map((c) => c.body.text)
      .filter(Boolean);
    expect(told).toEqual([expect.stringContaining('Alex Wilber rejected your request')]);
  });

  it('then a decision from Outlook updates the Teams copies', async () => {
    await start({ APPROVAL_CHANNELS: 'teams,outlook' });
    const request = await nestorAsks('invite anna@fabrikam.com to Marketing because she designs our campaign');
    const { body } = await t.post(outlookAction(alex, 'rejectRequest', { requestId: request.id }));
    expect(cardText(body.value)).toMatch(/Rejected by Alex Wilber/);
    await settle();
    // Alex's card in Teams is replaced (the requester's status card refreshes itself when shown).
    const updated = t.connector.updates(`a:1on1-${alex.id}`).map((u) => u.body.attachments[0].content);
    expect(updated).toHaveLength(1);
    expect(cardText(updated[0])).toMatch(/Rejected by Alex Wilber/);
    expect(cardVerbs(updated[0])).toEqual([]);
    expect(updated[0].originator).toBeUndefined();
  });
});

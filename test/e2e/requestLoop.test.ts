import { cardAction, message } from '../support/activities.js';
import { cardProblems, cardText, cardVerbs } from '../support/cards.js';
import { demoGroup, demoUser } from '../support/demoTenant.js';
import { startTestApp, type TestApp } from '../support/testApp.js';
import { jest } from '@jest/globals';
import type { GuestRequest } from '../../src/domain/guestRequest.js';

const alex = demoUser('Alex Wilber'); // owns Marketing
const nestor = demoUser('Nestor Wilke'); // member of Marketing
const adele = demoUser('Adele Vance'); // owns Sales, not Marketing
const sanne = demoUser('Sanne Jansen'); // Dutch member of Sales
const marketing = demoGroup('Marketing');

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(() => t.close());

async function settle(): Promise<void> {
  await t.app.deps.worker.idle();
}

async function onlyRequest(): Promise<GuestRequest> {
  const all = await t.app.deps.requests.list({});
  expect(all).toHaveLength(1);
  return all[0];
}

const cardsTo = (conversationId: string) =>
  t.connector
    .sent(conversationId)
    .filter((c) => c.body?.attachments?.[0]?.contentType === 'application/vnd.microsoft.card.adaptive');

/** The replies to the last memberAsks: the text, then the requester's status card (same turn). */
let lastReplies: string[] = [];
const statusCardIn = (replies: string[]) => JSON.parse(replies.find((r) => r.startsWith('{'))!);

async function memberAsks(
  text = 'invite anna@fabrikam.com to Marketing because she designs our campaign',
): Promise<GuestRequest> {
  const replies = await t.say(message(nestor, text));
  lastReplies = replies;
  expect(replies.join('\n')).toMatch(/waiting for approval by Alex Wilber/);
  await settle();
  return onlyRequest();
}

describe('when a member asks for a guest', () => {
  it('then a request is stored, the owner gets an approval card in a new chat, and the requester a status card', async () => {
    const request = await memberAsks();
    expect(request).toMatchObject({
      state: 'pending',
      requesterId: nestor.id,
      groupId: marketing.id,
      approverIds: [alex.id],
      guests: [{ email: 'anna@fabrikam.com' }],
    });
    expect(Date.parse(request.expiresAt) - Date.parse(request.createdAt)).toBe(14 * 86_400_000);

    // Alex never talked to the bot: a 1:1 chat is created for him.
    const created = t.connector.created();
    expect(created).toHaveLength(1);
    expect(created[0].body.members[0].id).toBe(alex.id);
    const toAlex = cardsTo(`a:1on1-${alex.id}`);
    expect(toAlex).toHaveLength(1);
    const approverCard = toAlex[0].body.attachments[0].content;
    expect(cardProblems(approverCard)).toEqual([]);
    expect(cardVerbs(approverCard)).toEqual(['approveRequest', 'rejectRequest']);
    // Nestor talked to the bot (his Teams id is known); Alex has not yet, so his object id stands in.
    expect(approverCard.refresh.userIds.sort()).toEqual([alex.id, `29:${nestor.id}`].sort());
    expect(approverCard.actions[0].data).toEqual({ requestId: request.id });
    expect(cardText(approverCard)).toContain('she designs our campaign');
    // While it waits, the card says until when.
    expect(cardText(approverCard)).toMatch(/Expires/);

    // The requester's status card came with the reply, right after the text; nothing comes later from the background.
    expect(lastReplies).toHaveLength(2);
    expect(cardVerbs(statusCardIn(lastReplies))).toEqual(['cancelRequest']);
    expect(cardsTo(`a:personal-${nestor.id}`)).toHaveLength(0);
    // expectReplies gives the reply no id to update later: Teams refreshes that card itself (refresh.userIds).
    expect((await t.app.deps.requests.get(request.id))!.cards).toHaveLength(1);
  });

  it('then the owner approves, the guest is invited and added, every copy is updated and the requester is told', async () => {
    const request = await memberAsks();
    const { status, body } = await t.post(
      cardAction(
        alex,
        'approveRequest',
        { requestId: request.id, comment: 'Welcome!' },
        { serviceUrl: t.connector.url },
      ),
    );
    expect(status).toBe(200);
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(body.value)).toMatch(/Approved by Alex Wilber/);
    expect(cardVerbs(body.value)).toEqual([]);
    await settle();

    const stored = (await t.app.deps.requests.get(request.id))!;
    expect(stored.state).toBe('completed');
    const guest = await t.app.deps.directory.findUserByMail('anna@fabrikam.com');
    expect(guest).toMatchObject({ userType: 'Guest' });
    expect((await t.app.deps.directory.getGroup(marketing.id))!.members).toContain(guest!.id);

    const updates = t.connector.updates();
    const finalCards = updates.slice(-1).map((u) => u.body.attachments[0].content);
    expect(finalCards).toHaveLength(1);
    for (const card of finalCards) {
      expect(cardText(card)).toMatch(/Done: the guest was added/);
      // A done request has no end date any more.
      expect(cardText(card)).not.toMatch(/Expires/);
      expect(cardText(card)).toContain('Welcome!');
      expect(cardProblems(card)).toEqual([]);
    }
    const told = t.connector
      .sent(`a:personal-${nestor.id}`)
      .map((c) => c.body.text)
      .filter(Boolean);
    expect(told).toEqual([expect.stringMatching(/Good news: anna@fabrikam.com can now use \*\*Marketing\*\*/)]);

    const transitions = (await t.app.deps.audit.tail(50))
      .filter((e) => e.subjectId === request.id)
      .map((e) => `${e.from}→${e.to}`);
    expect(transitions).toEqual([
      'none→pending',
      'pending→approved',
      'approved→provisioning',
      'provisioning→completed',
    ]);
  });

  it('then a rejection tells the requester who rejected and why, and nobody is invited', async () => {
    const request = await memberAsks();
    const { body } = await t.post(
      cardAction(
        alex,
        'rejectRequest',
        { requestId: request.id, comment: 'Use the partner portal' },
        { serviceUrl: t.connector.url },
      ),
    );
    expect(cardText(body.value)).toMatch(/Rejected by Alex Wilber/);
    await settle();
    expect((await t.app.deps.requests.get(request.id))!.state).toBe('rejected');
    expect(await t.app.deps.directory.findUserByMail('anna@fabrikam.com')).toBeUndefined();
    const told = t.connector
      .sent(`a:personal-${nestor.id}`)
      .map((c) => c.body.text)
      .filter(Boolean);
    expect(told).toEqual([expect.stringContaining('Alex Wilber rejected your request')]);
    expect(told[0]).toContain('Use the partner portal');
  });
});

describe('when Teams delivers the message normally (not expectReplies)', () => {
  it('then the status card is a reply of the same turn, after the text, and is updated later', async () => {
    const text = 'invite anna@fabrikam.com to Marketing because she designs our campaign';
    const activity = message(nestor, text, { expectReplies: false });
    const { status } = await t.post({ ...activity, serviceUrl: t.connector.url });
    expect(status).toBe(200);
    // (A typing indicator may come first when the machine is slow.)
    const inChat = t.connector.sent(`a:personal-${nestor.id}`).filter((c) => c.body.type === 'message');
    expect(inChat.map((c) => (c.body.text ? 'text' : 'card'))).toEqual(['text', 'card']);
    expect(inChat.every((c) => c.body.replyToId)).toBe(true);
    const request = await onlyRequest();
    const copy = request.cards.find((c) => c.role === 'requester');
    const conversationId = `a:personal-${nestor.id}`;
    expect(copy).toMatchObject({ userId: nestor.id, conversationId, activityId: expect.any(String) });
    await t.post(cardAction(alex, 'approveRequest', { requestId: request.id }, { serviceUrl: t.connector.url }));
    await settle();
    const updated = t.connector.updates(`a:personal-${nestor.id}`).filter((u) => u.activityId === copy!.activityId);
    expect(cardText(updated.at(-1)!.body.attachments[0].content)).toMatch(/Done: the guest was added/);
  });
});

describe('when decisions collide', () => {
  it('then approve and reject racing make exactly one transition and at most one invitation', async () => {
    const request = await memberAsks();
    const [a, b] = await Promise.all([
      t.post(cardAction(alex, 'approveRequest', { requestId: request.id }, { serviceUrl: t.connector.url })),
      t.post(cardAction(alex, 'rejectRequest', { requestId: request.id }, { serviceUrl: t.connector.url })),
    ]);
    await settle();
    const texts = [cardText(a.body.value), cardText(b.body.value)];
    expect(texts.filter((x) => /already/.test(x))).toHaveLength(1);
    const final = (await t.app.deps.requests.get(request.id))!;
    const decided = (await t.app.deps.audit.tail(50)).filter((e) => e.subjectId === request.id && e.from === 'pending');
    expect(decided).toHaveLength(1);
    const invited = (await t.app.deps.audit.tail(50)).filter((e) => e.action === 'guest.added');
    expect(invited).toHaveLength(final.state === 'completed' ? 1 : 0);
    // The requester hears exactly one outcome.
    expect(t.connector.sent(`a:personal-${nestor.id}`).filter((c) => c.body.text)).toHaveLength(1);
  });

  it('then the same approval delivered twice is applied once and the second tap sees who approved', async () => {
    const request = await memberAsks();
    const tap = cardAction(alex, 'approveRequest', { requestId: request.id }, { serviceUrl: t.connector.url });
    await t.post(tap);
    const again = await t.post(tap);
    await settle();
    expect(cardText(again.body.value)).toMatch(/Alex Wilber already approved this request/);
    expect((await t.app.deps.audit.tail(50)).filter((e) => e.action === 'guest.added')).toHaveLength(1);
    expect(t.connector.sent(`a:personal-${nestor.id}`).filter((c) => c.body.text)).toHaveLength(1);
  });

  it('then someone who is not an approver gets an error and nothing changes, whatever the card data says', async () => {
    const request = await memberAsks();
    for (const forger of [adele, nestor]) {
      const { body } = await t.post(
        cardAction(
          forger,
          'approveRequest',
          { requestId: request.id, approverId: alex.id, actorId: alex.id },
          { serviceUrl: t.connector.url },
        ),
      );
      expect(body.statusCode).toBe(403);
      expect(body.type).toBe('application/vnd.microsoft.error');
    }
    expect((await t.app.deps.requests.get(request.id))!.state).toBe('pending');
    expect((await t.app.deps.audit.tail(50)).filter((e) => e.subjectId === request.id)).toHaveLength(1);
  });

  it('then someone outside the request cannot read it through the card’s refresh', async () => {
    const request = await memberAsks();
    const { body } = await t.post(
      cardAction(
        adele,
        'refreshRequest',
        { requestId: request.id },
        { serviceUrl: t.connector.url, trigger: 'automatic' },
      ),
    );
    expect(body).toMatchObject({ statusCode: 403, type: 'application/vnd.microsoft.error' });
    expect(JSON.stringify(body)).not.toContain('anna@fabrikam.com');
    const own = await t.post(
      cardAction(
        alex,
        'refreshRequest',
        { requestId: request.id },
        { serviceUrl: t.connector.url, trigger: 'automatic' },
      ),
    );
    expect(cardVerbs(own.body.value)).toEqual(['approveRequest', 'rejectRequest']);
  });

  it('then the card refreshes for the approvers and requester by their Teams user ids once known', async () => {
    await t.say(message(alex, 'help'));
    const request = await memberAsks();
    const card = cardsTo(`a:personal-${alex.id}`)[0].body.attachments[0].content;
    expect(card.refresh.userIds.sort()).toEqual([`29:${alex.id}`, `29:${nestor.id}`].sort());
    expect(request.approverIds).toEqual([alex.id]);
  });

  it('then a tap on a forged or unknown request id is refused', async () => {
    for (const requestId of ['R-ZZZZZZ', '../../etc/passwd', 42]) {
      const { body } = await t.post(cardAction(alex, 'approveRequest', { requestId }, { serviceUrl: t.connector.url }));
      expect(body.type).toBe('application/vnd.microsoft.error');
    }
  });

  it('then approval is refused with the reason when the settings changed meanwhile', async () => {
    const request = await memberAsks();
    const snapshot = await t.app.deps.directory.snapshot();
    // An admin blocks fabrikam.com after the request was made.
    const policy = snapshot.b2bManagementPolicy.InvitationsAllowedAndBlockedDomainsPolicy!;
    const changed = {
      ...snapshot,
      b2bManagementPolicy: {
        InvitationsAllowedAndBlockedDomainsPolicy: {
          BlockedDomains: [...(policy.BlockedDomains ?? []), 'fabrikam.com'],
        },
      },
    };
    const { compilePolicy } = await import('../../src/policy/index.js');
    const ctx = compilePolicy(changed);
    jest.spyOn(t.app.deps.policy, 'current').mockResolvedValue(ctx);
    const { body } = await t.post(
      cardAction(alex, 'approveRequest', { requestId: request.id }, { serviceUrl: t.connector.url }),
    );
    expect(cardText(body.value)).toMatch(/settings changed/);
    expect((await t.app.deps.requests.get(request.id))!.state).toBe('pending');
  });
});

describe('when the requester changes their mind', () => {
  it('then cancel <id> cancels, the owner’s card is updated and the owner is told', async () => {
    const request = await memberAsks();
    expect(await t.say(message(nestor, `cancel ${request.id.toLowerCase()}`))).toEqual([
      `Request **${request.id}** is cancelled.`,
    ]);
    await settle();
    expect((await t.app.deps.requests.get(request.id))!.state).toBe('cancelled');
    const lastUpdate = t.connector.updates().at(-1)!;
    expect(cardText(lastUpdate.body.attachments[0].content)).toMatch(/Cancelled by the requester/);
    expect(
      t.connector
        .sent(`a:1on1-${alex.id}`)
        .map((c) => c.body.text)
        .filter(Boolean),
    ).toEqual([expect.stringContaining('cancelled request')]);
  });

  it('then nobody else can cancel it', async () => {
    const request = await memberAsks();
    expect(await t.say(message(alex, `cancel ${request.id}`))).toEqual([
      'Only the person who asked can cancel this request.',
    ]);
    expect((await t.app.deps.requests.get(request.id))!.state).toBe('pending');
  });
});

describe('when time passes', () => {
  it('then approvers are reminded after 3 days, once', async () => {
    const request = await memberAsks();
    t.clock.advanceDays(3);
    await t.app.deps.worker.tick();
    await t.app.deps.worker.tick();
    await settle();
    const reminders = t.connector
      .sent(`a:1on1-${alex.id}`)
      .map((c) => c.body.text)
      .filter((x) => /Reminder/.test(x ?? ''));
    expect(reminders).toEqual([expect.stringContaining(request.id)]);
  });

  it('then a request nobody decided on expires after 14 days, cards show it and the requester is told', async () => {
    const request = await memberAsks();
    t.clock.advanceDays(14);
    await t.app.deps.worker.tick();
    await settle();
    expect((await t.app.deps.requests.get(request.id))!.state).toBe('expired');
    expect(cardText(t.connector.updates().at(-1)!.body.attachments[0].content)).toMatch(/Expired/);
    expect(
      t.connector
        .sent(`a:personal-${nestor.id}`)
        .map((c) => c.body.text)
        .filter(Boolean),
    ).toEqual([expect.stringContaining('expired')]);
    const late = await t.post(
      cardAction(alex, 'approveRequest', { requestId: request.id }, { serviceUrl: t.connector.url }),
    );
    expect(cardText(late.body.value)).toMatch(/already expired/);
  });
});

describe('when provisioning fails or is interrupted', () => {
  it('then a permanent failure shows the reason with Retry, and Retry finishes the job', async () => {
    let fail = true;
    await t.close();
    const { DirectoryError } = await import('../../src/ports/directory.js');
    t = await startTestApp({
      directoryFaults: {
        inviteGuest: () => {
          if (fail) throw new DirectoryError('INVITE_REFUSED', 'the invitation was refused', false);
        },
      },
    });
    const request = await memberAsks();
    await t.post(cardAction(alex, 'approveRequest', { requestId: request.id }, { serviceUrl: t.connector.url }));
    await settle();
    const failed = (await t.app.deps.requests.get(request.id))!;
    expect(failed.state).toBe('failed');
    const card = t.connector.updates(`a:1on1-${alex.id}`).at(-1)!.body.attachments[0].content;
    // The directory's own message is developer English: people read the code's text in their language instead.
    expect(cardText(card)).toContain('the directory refused the change (code INVITE_REFUSED)');
    expect(cardText(card)).not.toContain('the invitation was refused');
    expect(cardVerbs(card)).toEqual(['retryRequest']);
    expect(
      t.connector
        .sent(`a:personal-${nestor.id}`)
        .map((c) => c.body.text)
        .filter(Boolean),
    ).toEqual([expect.stringContaining('failed')]);

    fail = false;
    const retried = await t.post(
      cardAction(alex, 'retryRequest', { requestId: request.id }, { serviceUrl: t.connector.url }),
    );
    expect(retried.body.statusCode).toBe(200);
    await settle();
    expect((await t.app.deps.requests.get(request.id))!.state).toBe('completed');
  });

  it('then transient directory failures are retried with backoff and the guest still gets in', async () => {
    let failures = 2;
    await t.close();
    const { DirectoryError } = await import('../../src/ports/directory.js');
    t = await startTestApp({
      directoryFaults: {
        addMember: () => {
          if (failures-- > 0) throw new DirectoryError('THROTTLED', 'Too many requests', true, 1);
        },
      },
    });
    const request = await memberAsks();
    await t.post(cardAction(alex, 'approveRequest', { requestId: request.id }, { serviceUrl: t.connector.url }));
    await settle();
    expect((await t.app.deps.requests.get(request.id))!.state).toBe('completed');
  });

  it('then a new server on the same DATA_DIR finishes a provisioning interrupted by a crash', async () => {
    await t.close();
    // The invitation never returns: the process "crashes" while it waits.
    t = await startTestApp({ directoryFaults: { inviteGuest: () => new Promise<void>(() => undefined) } });
    const request = await memberAsks();
    await t.post(cardAction(alex, 'approveRequest', { requestId: request.id }, { serviceUrl: t.connector.url }));
    for (let i = 0; i < 100 && (await t.app.deps.requests.get(request.id))!.state !== 'provisioning'; i += 1)
      await new Promise((r) => setTimeout(r, 10));
    expect((await t.app.deps.requests.get(request.id))!.state).toBe('provisioning');
    const { dataDir, connector } = t;
    await t.close({ keepData: true, keepConnector: true, abandonWork: true }); // the "crash"

    t = await startTestApp({ dataDir, connector });
    await t.app.deps.worker.tick();
    await settle();
    expect((await t.app.deps.requests.get(request.id))!.state).toBe('completed');
    expect(await t.app.deps.directory.findUserByMail('anna@fabrikam.com')).toBeDefined();
  });
});

describe('when the bot must find approvers it has never talked to', () => {
  it('then it opens their chat through the service URL it learnt from the requester, also after a restart', async () => {
    const { connector, dataDir } = t;
    await t.close({ keepData: true, keepConnector: true });
    t = await startTestApp({ dataDir, connector, learnServiceUrl: true });
    await t.say(message(nestor, 'help'));
    await t.close({ keepData: true, keepConnector: true });
    t = await startTestApp({ dataDir, connector, learnServiceUrl: true });
    await memberAsks();
    expect(cardsTo(`a:1on1-${alex.id}`)).toHaveLength(1);
  });

  it('then an approver whose chat cannot be opened for now (throttled) is tried again later', async () => {
    t.connector.refuseNewConversations = true;
    t.connector.refusalStatus = 429;
    const request = await memberAsks();
    expect(cardVerbs(statusCardIn(lastReplies))).toEqual(['cancelRequest']);
    expect((await t.app.deps.requests.get(request.id))!.outbox).toEqual([{ kind: 'approvalCard', userId: alex.id }]);
    t.connector.refuseNewConversations = false;
    await t.app.deps.worker.tick();
    await settle();
    expect(cardsTo(`a:1on1-${alex.id}`)).toHaveLength(1);
    expect((await t.app.deps.requests.get(request.id))!.outbox).toEqual([]);
  });

  it('then a card that could not be delivered before the request closed is not sent at all', async () => {
    t.connector.refuseNewConversations = true;
    t.connector.refusalStatus = 429;
    const request = await memberAsks();
    await t.say(message(nestor, `cancel ${request.id}`));
    await settle();
    t.connector.refuseNewConversations = false;
    await t.app.deps.worker.tick();
    await settle();
    expect(t.connector.sent(`a:1on1-${alex.id}`)).toEqual([]);
    expect((await t.app.deps.requests.get(request.id))!.outbox).toEqual([]);
  });
});

describe('when Teams throttles or fails while the bot sends into a known chat', () => {
  it.each([
    ['429 Too Many Requests', 429],
    ['503 Service Unavailable', 503],
  ])(
    'then after %s the card is retried and delivered, and the approver’s dialog is untouched',
    async (_name, status) => {
      // Alex has talked to the bot and is halfway through a guided invite.
      await t.say(message(alex, 'help'));
      expect((await t.say(message(alex, 'invite'))).join()).toMatch(/To which group/);
      t.connector.failNext(2, status);
      const request = await memberAsks();
      expect(cardsTo(`a:personal-${alex.id}`)).toHaveLength(1);
      const stored = (await t.app.deps.requests.get(request.id))!;
      expect(stored.outbox).toEqual([]);
      expect(stored.cards.every((c) => c.activityId !== '')).toBe(true);
      expect((await t.say(message(alex, 'Marketing'))).join()).toMatch(/Which e-mail/);
    },
  );

  it('then a card that keeps being throttled stays owed and is sent on a later sweep', async () => {
    await t.say(message(alex, 'help'));
    t.connector.failNext(40, 429);
    const request = await memberAsks();
    expect((await t.app.deps.requests.get(request.id))!.outbox.length).toBeGreaterThan(0);
    t.connector.failNext(0, 429);
    await t.app.deps.worker.tick();
    await settle();
    expect((await t.app.deps.requests.get(request.id))!.outbox).toEqual([]);
    expect(cardsTo(`a:personal-${alex.id}`)).toHaveLength(1);
  });
});

describe('when Teams throttles the bot', () => {
  it('then cards are retried after 429 and nothing is dropped', async () => {
    t.connector.throttleNext(3);
    const request = await memberAsks();
    expect((await t.app.deps.requests.get(request.id))!.outbox).toEqual([]);
    expect(cardsTo(`a:1on1-${alex.id}`)).toHaveLength(1);
  });
});

describe('when Teams delivers the same message twice', () => {
  it('then it is handled once: one guest added, one audit entry, one answer', async () => {
    const activity = message(alex, 'invite twice@fabrikam.com to Marketing');
    const [a, b] = await Promise.all([
      t.post({ ...activity, serviceUrl: t.connector.url }),
      t.post({ ...activity, serviceUrl: t.connector.url }),
    ]);
    const answers = [...(a.body?.activities ?? []), ...(b.body?.activities ?? [])].filter((x: { text?: string }) =>
      /added to/.test(x.text ?? ''),
    );
    expect(answers).toHaveLength(1);
    expect((await t.app.deps.audit.tail(20)).filter((e) => e.action === 'guest.added')).toHaveLength(1);
  });
});

describe('when an owner or admin asks', () => {
  it('then the guest is added directly with what they can use', async () => {
    const replies = await t.say(message(alex, 'invite bob@fabrikam.com to Marketing'));
    const text = replies.join('\n');
    expect(text).toMatch(/bob@fabrikam\.com has been invited and added to \*\*Marketing\*\*/);
    expect(text).toMatch(/team/i);
    // Said after the fact: no "you can … right away", no "will get an invitation".
    expect(text).not.toMatch(/right away|will get an invitation/);
    expect(await t.app.deps.requests.list({})).toEqual([]);
    const bob = await t.app.deps.directory.findUserByMail('bob@fabrikam.com');
    expect((await t.app.deps.directory.getGroup(marketing.id))!.members).toContain(bob!.id);
  });
});

describe('when the request cannot go ahead as a whole', () => {
  it('then blocked guests are explained at once and nothing is stored for them, while the others proceed', async () => {
    const replies = await t.say(
      message(nestor, 'invite joe@tailspintoys.com, anna@fabrikam.com to Marketing because launch'),
    );
    const all = replies.join('\n');
    expect(all).toMatch(/waiting for approval/);
    expect(all).toMatch(/tailspintoys\.com/);
    await settle();
    const request = await onlyRequest();
    expect(request.guests.map((g) => g.email)).toEqual(['anna@fabrikam.com']);
  });

  it('then an existing member and a duplicate of a pending request are recognised', async () => {
    await memberAsks();
    const replies = (await t.say(message(nestor, 'invite anna@fabrikam.com to Marketing because again'))).join('\n');
    expect(replies).toMatch(/already waiting for approval in request/);
    const member = (await t.say(message(sanne, 'invite kari.hansen@fabrikam.com to Sales because project'))).join('\n');
    expect(member).toMatch(/al lid van|already a member/);
  });

  it('then an unknown group gets a did-you-mean and a malformed address is explained', async () => {
    expect((await t.say(message(nestor, 'invite anna@fabrikam.com to Marketng because x'))).join()).toMatch(
      /Did you mean: \*\*Marketing\*\*/,
    );
    expect((await t.say(message(nestor, 'invite anna@@fabrikam to Marketing because x'))).join()).toMatch(
      /anna@@fabrikam/,
    );
    expect(await t.app.deps.requests.list({})).toEqual([]);
  });
});

describe('when asked in Dutch', () => {
  it('then the Dutch requester is answered in Dutch and the English owner gets an English card', async () => {
    const replies = await t.say(
      message(sanne, 'uitnodigen piet@fabrikam.com voor Sales omdat we samen offertes maken', { locale: 'nl-NL' }),
    );
    expect(replies.join('\n')).toMatch(/wacht op goedkeuring door Adele Vance/);
    await settle();
    const card = cardsTo(`a:1on1-${adele.id}`)[0].body.attachments[0].content;
    expect(cardText(card)).toContain('Guest request for Sales');
    const own = statusCardIn(replies);
    expect(cardText(own)).toContain('Gastaanvraag voor Sales');
  });
});

describe('when the text is hostile', () => {
  it('then names, addresses and reasons come out literally and every card stays valid', async () => {
    const reason = '${requestId} [click](https://evil.example) **bold** "quoted"\nline two ' + 'x'.repeat(10_000);
    await t.say(message(nestor, `invite anna@fabrikam.com to Marketing because ${reason}`));
    await settle();
    const card = cardsTo(`a:1on1-${alex.id}`)[0].body.attachments[0].content;
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain('\\${requestId}'.slice(1)); // the literal text, not the request id
    expect(text).not.toMatch(/\[click\]\(https/); // the link is escaped, not live
    expect(text).toContain('\\[click\\]');
    expect(JSON.stringify(card).length).toBeLessThan(28_000);
  });
});

describe('when asking about requests', () => {
  it('then a card shown by pending is updated with the others after the decision', async () => {
    const request = await memberAsks();
    await t.post(message(alex, 'pending', { serviceUrl: t.connector.url, expectReplies: false }));
    const pendingCopy = (await t.app.deps.requests.get(request.id))!.cards.find(
      (c) => c.conversationId === `a:personal-${alex.id}`,
    );
    expect(pendingCopy).toBeDefined();
    await t.post(cardAction(alex, 'approveRequest', { requestId: request.id }, { serviceUrl: t.connector.url }));
    await settle();
    const updated = t.connector
      .updates(`a:personal-${alex.id}`)
      .filter((u) => u.activityId === pendingCopy!.activityId);
    expect(cardVerbs(updated.at(-1)!.body.attachments[0].content)).toEqual([]);
  });

  it('then my requests lists them and pending shows the approver their cards', async () => {
    const request = await memberAsks();
    expect((await t.say(message(nestor, 'my requests'))).join()).toContain(request.id);
    const pending = await t.say(message(alex, 'pending'));
    expect(pending.join()).toContain('approveRequest');
    expect((await t.say(message(adele, 'pending'))).join()).toMatch(/No requests are waiting for you/);
  });

  it('then the guided dialog offers only the user’s groups that can take guests', async () => {
    const offer = (await t.say(message(alex, 'invite'))).join();
    const [offered, notListed] = offer.split('Not listed:');
    expect(offered).toMatch(/Marketing/);
    expect(offered).toMatch(/Sales/);
    expect(offered).not.toMatch(/All Staff/); // dynamic membership
    expect(offered).not.toMatch(/Newsletter/); // distribution list
    expect(offered).not.toMatch(/Contoso Community/); // Viva Engage
    // The ones left out are named, with why, so "your groups" doesn't look short by mistake.
    expect(notListed).toMatch(/All Staff/);
    expect(notListed).toMatch(/managed elsewhere/);
  });

  it('then the guided dialog collects group, address and reason, and cancel leaves it', async () => {
    expect((await t.say(message(nestor, 'invite'))).join()).toMatch(/To which group/);
    expect((await t.say(message(nestor, 'Marketing'))).join()).toMatch(/Which e-mail/);
    expect((await t.say(message(nestor, 'not-an-address'))).join()).toMatch(/valid e-mail/);
    expect((await t.say(message(nestor, 'anna@fabrikam.com'))).join()).toMatch(/Why does the guest need access/);
    expect((await t.say(message(nestor, 'cancel'))).join()).toMatch(/Nothing was sent/);
    expect(await t.app.deps.requests.list({})).toEqual([]);
    await t.say(message(nestor, 'invite anna@fabrikam.com to Marketing'));
    expect((await t.say(message(nestor, 'she designs the campaign'))).join()).toMatch(/waiting for approval/);
  });
});

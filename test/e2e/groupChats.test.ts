import { channelMessage, groupChatMessage, message } from '../support/activities.js';
import { demoGroup, demoTenant, demoUser } from '../support/demoTenant.js';
import { Pacer } from '../../src/bot/pacer.js';
import { startTestApp, type TestApp } from '../support/testApp.js';

const alex = demoUser('Alex Wilber'); // owns Marketing
const nestor = demoUser('Nestor Wilke'); // member of Marketing
const daan = demoUser('Daan de Vries'); // Global Administrator, Dutch
const sanne = demoUser('Sanne Jansen'); // Dutch member of Sales
const marketing = demoGroup('Marketing');
const marketingTeam = { id: '19:marketing-team@thread.tacv2', name: 'Marketing', aadGroupId: marketing.id };

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(() => t.close());

const sentTo = (conversationId: string) =>
  t.connector.sent(conversationId).map((c) => {
    const cards = (c.body.attachments ?? []).map((a: { content: unknown }) => JSON.stringify(a.content));
    return [c.body.text ?? '', ...cards].join('\n');
  });
/** The replies to a message, as one text. */
const said = async (activity: unknown) => (await t.say(activity)).join('\n');

describe('when people talk to the bot in a group chat', () => {
  it('then the @mention is removed before parsing, with leftover spaces and nbsp', async () => {
    const [help] = await t.say(groupChatMessage(nestor, 'help'));
    expect(help).toContain('What I can do for you');
    expect(help).toContain('come to our personal chat');
    const odd = { ...groupChatMessage(nestor, 'help'), text: ' <at>Guest Access</at>&nbsp;\u00a0help \n' };
    expect(await said(odd)).toContain('What I can do for you');
    const byName = { ...groupChatMessage(nestor, 'x', { mention: false }), text: '@Guest Access hulp' };
    expect(await said(byName)).toContain('Wat ik voor je kan doen');
  });

  it('then the guided dialog reads the group name without the mention', async () => {
    expect(await said(groupChatMessage(nestor, 'invite'))).toMatch(/To which group/);
    expect(await said(groupChatMessage(nestor, 'Marketing'))).toMatch(/Which e-mail/);
  });

  it('then each person has their own dialog: another person’s message never continues it', async () => {
    expect(await said(groupChatMessage(nestor, 'invite'))).toMatch(/To which group/);
    // The owner answers in the same chat: it is not an answer to Nestor's question.
    expect(await said(groupChatMessage(alex, 'Marketing'))).toMatch(/didn't understand/);
    expect(await said(groupChatMessage(nestor, 'Marketing'))).toMatch(/Which e-mail/);
    expect(await said(groupChatMessage(alex, 'anna@fabrikam.com'))).toMatch(/didn't understand/);
    expect(await said(groupChatMessage(nestor, 'anna@fabrikam.com'))).toMatch(/Why does the guest need access/);
    // The owner cannot finish it either: the request is Nestor's and waits for Alex's approval.
    expect(await said(groupChatMessage(alex, 'because I say so'))).toMatch(/didn't understand/);
    expect(await t.app.deps.requests.list({})).toEqual([]);
    const asked = await said(groupChatMessage(nestor, 'she designs our campaign'));
    expect(asked).toMatch(/waiting for approval by Alex Wilber/);
    const [request] = await t.app.deps.requests.list({});
    expect(request).toMatchObject({ requesterId: nestor.id, state: 'pending', approverIds: [alex.id] });
    expect(await t.app.deps.directory.findUserByMail('anna@fabrikam.com')).toBeUndefined();
  });

  it('then cancel stops only the sender’s own dialog', async () => {
    await t.say(groupChatMessage(nestor, 'invite'));
    await t.say(groupChatMessage(sanne, 'uitnodigen', { locale: 'nl-NL' }));
    expect(await said(groupChatMessage(alex, 'cancel'))).toMatch(/nothing to cancel/);
    expect(await said(groupChatMessage(sanne, 'annuleren', { locale: 'nl-NL' }))).toMatch(/ik ben gestopt/);
    expect(await said(groupChatMessage(nestor, 'Marketing'))).toMatch(/Which e-mail/);
  });

  it('then data-bearing answers go to the asker’s 1:1 chat with a short note in the group', async () => {
    const replies = await t.say(groupChatMessage(daan, 'audit', { locale: 'nl-NL' }));
    expect(replies).toEqual([expect.stringContaining('persoonlijke chat')]);
    const created = t.connector.created();
    expect(created).toHaveLength(1);
    expect(created[0].body.members[0].id).toBe(daan.id);
    await t.connector.waitFor(() => sentTo(`a:1on1-${daan.id}`).length > 0);
    expect(sentTo(`a:1on1-${daan.id}`).join()).toMatch(/wijziging|Er is nog niets|audit/i);
    // Nothing of it in the group chat.
    expect(t.connector.sent('19:groupchat-1@thread.v2')).toEqual([]);
  });

  it.each([
    ['my requests', nestor],
    ['pending', alex],
    ['settings', daan],
    ['check fabrikam.com', daan],
    ['whatif AllowToAddGuests false', daan],
    ['guests Marketing', alex],
    ['remove guest kari.hansen@fabrikam.com from Sales', daan],
  ])('then "%s" answers privately', async (text, who) => {
    const replies = await t.say(groupChatMessage(who, text));
    expect(replies).toEqual([expect.stringContaining('personal chat')]);
    const inOneOnOne = t.connector.sent().filter((c) => c.conversationId !== '19:groupchat-1@thread.v2');
    expect(inOneOnOne.length).toBeGreaterThan(0);
  });

  it('then a later personal message finds the 1:1 chat the bot opened', async () => {
    await t.say(groupChatMessage(alex, 'pending'));
    await t.say(message(alex, 'help', { conversationId: `a:1on1-${alex.id}` }));
    await t.say(groupChatMessage(alex, 'my requests'));
    expect(t.connector.created()).toHaveLength(1);
    expect(sentTo(`a:1on1-${alex.id}`)).toHaveLength(2);
  });

  it('then, when Teams will not open the 1:1 chat (403), the bot says to ask in a personal chat', async () => {
    t.connector.refusedUsers.add(daan.id);
    const replies = await t.say(groupChatMessage(daan, 'settings'));
    expect(replies).toEqual([expect.stringMatching(/Ask me in a personal chat/)]);
    expect(t.connector.sent()).toEqual([]);
  });
});

describe('when several private answers for one person are on their way at once', () => {
  const privately = ['pending', 'my requests', 'guests Marketing'];

  it('then their 1:1 chat is opened once and every answer arrives there', async () => {
    t.connector.latencyMs = 30; // the creations overlap
    const replies = await Promise.all(privately.map((text) => t.say(groupChatMessage(alex, text))));
    for (const r of replies) expect(r).toEqual([expect.stringContaining('personal chat')]);
    expect(t.connector.created()).toHaveLength(1);
    expect(sentTo(`a:1on1-${alex.id}`).length).toBeGreaterThanOrEqual(privately.length);
  });

  it('then the answers into the 1:1 chat are paced like approval cards', async () => {
    await t.close();
    t = await startTestApp({ pacer: new Pacer({ conversation: [[1, 400]], app: [[45, 1_000]] }) });
    await Promise.all(privately.map((text) => t.say(groupChatMessage(alex, text))));
    const chat = encodeURIComponent(`a:1on1-${alex.id}`);
    const times = t.connector.attempts
      .filter((a) => a.method === 'POST' && a.path.startsWith(`/v3/conversations/${chat}/activities`))
      .map((a) => a.at);
    expect(times.length).toBeGreaterThanOrEqual(privately.length);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(350);
  }, 30_000);
});

describe('when Teams keeps failing to open the 1:1 chat', () => {
  it('then the asker is told to ask in a personal chat, and nothing private shows in the group', async () => {
    t.connector.refuseNewConversations = true;
    t.connector.refusalStatus = 429;
    const replies = await t.say(groupChatMessage(alex, 'guests Marketing'));
    expect(replies).toEqual([expect.stringMatching(/Ask me in a personal chat/)]);
    expect(replies.join()).not.toContain('Kari');
    expect(t.connector.created().length).toBeGreaterThan(1); // retried before giving up
  });
});

describe('when people talk to the bot in a team channel', () => {
  it('then help and why answer in place', async () => {
    const [help] = await t.say(channelMessage(nestor, 'hulp', { team: marketingTeam }));
    expect(help).toContain('Wat ik voor je kan doen');
    expect(help).toContain('**uitnodigen** gaat verder in onze persoonlijke chat');
    const why = await said(channelMessage(nestor, 'why joe@tailspintoys.com Marketing', { team: marketingTeam }));
    expect(why).toMatch(/tailspintoys/);
    expect(t.connector.created()).toEqual([]);
  });

  it('then invite <email> means the team’s group and continues in the 1:1 chat', async () => {
    const replies = await t.say(channelMessage(nestor, 'invite anna@fabrikam.com', { team: marketingTeam }));
    expect(replies).toEqual([expect.stringContaining('personal chat')]);
    const oneOnOne = `a:1on1-${nestor.id}`;
    await t.connector.waitFor(() => sentTo(oneOnOne).length > 0);
    expect(sentTo(oneOnOne).join()).toMatch(/Why does the guest need access/);
    // Nestor answers in the personal chat; the request is for Marketing.
    const done = (await t.say(message(nestor, 'she designs our campaign', { conversationId: oneOnOne }))).join('\n');
    expect(done).toMatch(/waiting for approval by Alex Wilber/);
    const [request] = await t.app.deps.requests.list({});
    expect(request).toMatchObject({ groupId: marketing.id, requesterId: nestor.id });
  });

  it('then another named group wins over the team’s', async () => {
    await t.say(channelMessage(alex, 'invite bob@fabrikam.com to Sales because joint offer', { team: marketingTeam }));
    await t.app.deps.worker.idle();
    const [request] = await t.app.deps.requests.list({});
    expect(request.groupId).toBe(demoGroup('Sales').id);
  });

  it('then an owner’s invite in the team channel adds the guest to the team’s group, privately', async () => {
    const replies = await t.say(channelMessage(alex, 'invite bob@fabrikam.com', { team: marketingTeam }));
    expect(replies.join()).not.toContain('bob@fabrikam.com');
    await t.connector.waitFor(() => sentTo(`a:1on1-${alex.id}`).some((x) => /added to/.test(x)));
    const bob = await t.app.deps.directory.findUserByMail('bob@fabrikam.com');
    expect((await t.app.deps.directory.getGroup(marketing.id))!.members).toContain(bob!.id);
  });
});

describe('when Teams leaves the team’s group out of a channel message', () => {
  const bare = { id: '19:sales-team@thread.tacv2' };

  it('then the group is taken from the installation event', async () => {
    const sales = demoGroup('Sales');
    const install = {
      ...channelMessage(demoUser('Adele Vance'), 'x', { team: { ...bare, name: 'Sales', aadGroupId: sales.id } }),
      type: 'conversationUpdate',
      text: undefined,
      membersAdded: [{ id: '28:bot' }],
      channelData: {
        team: { ...bare, name: 'Sales', aadGroupId: sales.id },
        eventType: 'teamMemberAdded',
        tenant: { id: demoTenant.tenant.id },
      },
    };
    expect(await said(install)).toMatch(/^Hi Adele Vance!/);
    const text = 'uitnodigen piet@fabrikam.com omdat we samen offertes maken';
    await t.say(channelMessage(sanne, text, { team: bare, locale: 'nl-NL' }));
    await t.app.deps.worker.idle();
    const [request] = await t.app.deps.requests.list({});
    expect(request).toMatchObject({ groupId: sales.id, requesterId: sanne.id });
    // Sanne's answers came in Dutch, in her personal chat.
    expect(sentTo(`a:1on1-${sanne.id}`).join()).toMatch(/wacht op goedkeuring door Adele Vance/);
  });

  it('then the group is asked of the Bot Connector (team details)', async () => {
    t.connector.teams.set(bare.id, { id: bare.id, name: 'Marketing', aadGroupId: marketing.id });
    await t.say(channelMessage(alex, 'invite bob@fabrikam.com', { team: bare }));
    await t.connector.waitFor(() => sentTo(`a:1on1-${alex.id}`).some((x) => /added to \*\*Marketing\*\*/.test(x)));
    const path = `/v3/teams/${encodeURIComponent(bare.id)}`;
    const asked = t.connector.calls.filter((c) => c.method === 'GET' && c.path === path);
    expect(asked).toHaveLength(1);
  });

  it('then without any group the guided dialog asks which group, in the personal chat', async () => {
    await t.say(channelMessage(nestor, 'invite bob@fabrikam.com', { team: { id: '19:unknown@thread.tacv2' } }));
    await t.connector.waitFor(() => sentTo(`a:1on1-${nestor.id}`).some((x) => /To which group/.test(x)));
  });
});

describe('when a Dutch admin and a member use the same channel', () => {
  it('then each gets their own answer in their own language, privately where it carries data', async () => {
    const inDutch = { team: marketingTeam, locale: 'nl-NL' };
    const daanSays = await t.say(channelMessage(daan, 'instellingen Marketing', inDutch));
    expect(daanSays).toEqual([expect.stringContaining('persoonlijke chat')]);
    expect(await said(channelMessage(nestor, 'why joe@tailspintoys.com Marketing', { team: marketingTeam }))).toMatch(
      /tailspintoys/,
    );
    await t.connector.waitFor(() => sentTo(`a:1on1-${daan.id}`).length > 0);
    expect(sentTo(`a:1on1-${daan.id}`).join()).toMatch(/Marketing/);
    expect(t.connector.created().map((c) => c.body.members[0].id)).toEqual([daan.id]);
  });
});

import { channelMessage, groupChatMessage, message } from '../support/activities.js';
import { demoGroup, demoUser } from '../support/demoTenant.js';
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

const sentTo = (conversationId: string) => t.connector.sent(conversationId).map((c) => [c.body.text ?? '', ...(c.body.attachments ?? []).map((a: { content: unknown }) => JSON.stringify(a.content))].join('\n'));

describe('when people talk to the bot in a group chat', () => {
  it('then the @mention is removed before parsing, with leftover spaces and nbsp', async () => {
    const [help] = await t.say(groupChatMessage(nestor, 'help'));
    expect(help).toContain('What I can do for you');
    const odd = { ...groupChatMessage(nestor, 'help'), text: ' <at>Guest Access</at>&nbsp;\u00a0help \n' };
    expect((await t.say(odd)).join()).toContain('What I can do for you');
    const byName = { ...groupChatMessage(nestor, 'x', { mention: false }), text: '@Guest Access hulp' };
    expect((await t.say(byName)).join()).toContain('Wat ik voor je kan doen');
  });

  it('then the guided dialog reads the group name without the mention', async () => {
    expect((await t.say(groupChatMessage(nestor, 'invite'))).join()).toMatch(/To which group/);
    expect((await t.say(groupChatMessage(nestor, 'Marketing'))).join()).toMatch(/Which e-mail/);
  });

  it('then each person has their own dialog: another person’s message never continues it', async () => {
    expect((await t.say(groupChatMessage(nestor, 'invite'))).join()).toMatch(/To which group/);
    // The owner answers in the same chat: it is not an answer to Nestor's question.
    expect((await t.say(groupChatMessage(alex, 'Marketing'))).join()).toMatch(/didn't understand/);
    expect((await t.say(groupChatMessage(nestor, 'Marketing'))).join()).toMatch(/Which e-mail/);
    expect((await t.say(groupChatMessage(alex, 'anna@fabrikam.com'))).join()).toMatch(/didn't understand/);
    expect((await t.say(groupChatMessage(nestor, 'anna@fabrikam.com'))).join()).toMatch(/Why does the guest need access/);
    // The owner cannot finish it either: the request is Nestor's and waits for Alex's approval.
    expect((await t.say(groupChatMessage(alex, 'because I say so'))).join()).toMatch(/didn't understand/);
    expect(await t.app.deps.requests.list({})).toEqual([]);
    expect((await t.say(groupChatMessage(nestor, 'she designs our campaign'))).join()).toMatch(/waiting for approval by Alex Wilber/);
    const [request] = await t.app.deps.requests.list({});
    expect(request).toMatchObject({ requesterId: nestor.id, state: 'pending', approverIds: [alex.id] });
    expect(await t.app.deps.directory.findUserByMail('anna@fabrikam.com')).toBeUndefined();
  });

  it('then cancel stops only the sender’s own dialog', async () => {
    await t.say(groupChatMessage(nestor, 'invite'));
    await t.say(groupChatMessage(sanne, 'uitnodigen', { locale: 'nl-NL' }));
    expect((await t.say(groupChatMessage(alex, 'cancel'))).join()).toMatch(/nothing to cancel/);
    expect((await t.say(groupChatMessage(sanne, 'annuleren', { locale: 'nl-NL' }))).join()).toMatch(/ik ben gestopt/);
    expect((await t.say(groupChatMessage(nestor, 'Marketing'))).join()).toMatch(/Which e-mail/);
  });

  it('then data-bearing answers go to the asker’s 1:1 chat with a short note in the group', async () => {
    const replies = await t.say(groupChatMessage(daan, 'audit', { locale: 'nl-NL' }));
    expect(replies).toEqual([expect.stringContaining('persoonlijke chat')]);
    const created = t.connector.created();
    expect(created).toHaveLength(1);
    expect(created[0].body.members[0].id).toBe(`29:${daan.id}`);
    await t.connector.waitFor(() => sentTo(`a:1on1-29:${daan.id}`).length > 0);
    expect(sentTo(`a:1on1-29:${daan.id}`).join()).toMatch(/wijziging|Er is nog niets|audit/i);
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
    await t.say(message(alex, 'help', { conversationId: `a:1on1-29:${alex.id}` }));
    await t.say(groupChatMessage(alex, 'my requests'));
    expect(t.connector.created()).toHaveLength(1);
    expect(sentTo(`a:1on1-29:${alex.id}`)).toHaveLength(2);
  });

  it('then, when Teams will not open the 1:1 chat (403), the bot says to ask in a personal chat and shows nothing', async () => {
    t.connector.refusedUsers.add(`29:${daan.id}`);
    const replies = await t.say(groupChatMessage(daan, 'settings'));
    expect(replies).toEqual([expect.stringMatching(/Ask me in a personal chat/)]);
    expect(t.connector.sent()).toEqual([]);
  });
});

describe('when people talk to the bot in a team channel', () => {
  it('then help and why answer in place', async () => {
    const [help] = await t.say(channelMessage(nestor, 'help', { team: marketingTeam }));
    expect(help).toContain('What I can do for you');
    const why = (await t.say(channelMessage(nestor, 'why joe@tailspintoys.com Marketing', { team: marketingTeam }))).join();
    expect(why).toMatch(/tailspintoys/);
    expect(t.connector.created()).toEqual([]);
  });

  it('then invite <email> means the team’s group and continues in the 1:1 chat', async () => {
    const replies = await t.say(channelMessage(nestor, 'invite anna@fabrikam.com', { team: marketingTeam }));
    expect(replies).toEqual([expect.stringContaining('personal chat')]);
    const oneOnOne = `a:1on1-29:${nestor.id}`;
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

  it('then an owner’s invite in the team channel adds the guest to the team’s group, answered privately', async () => {
    const replies = await t.say(channelMessage(alex, 'invite bob@fabrikam.com', { team: marketingTeam }));
    expect(replies.join()).not.toContain('bob@fabrikam.com');
    await t.connector.waitFor(() => sentTo(`a:1on1-29:${alex.id}`).some((x) => /added to/.test(x)));
    const bob = await t.app.deps.directory.findUserByMail('bob@fabrikam.com');
    expect((await t.app.deps.directory.getGroup(marketing.id))!.members).toContain(bob!.id);
  });
});

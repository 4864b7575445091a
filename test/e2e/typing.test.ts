import { channelMessage, message } from '../support/activities.js';
import { demoGroup, demoUser } from '../support/demoTenant.js';
import { startTestApp, type TestApp } from '../support/testApp.js';

const alex = demoUser('Alex Wilber'); // owns Marketing: adds guests directly
const marketingTeam = { id: '19:marketing-team@thread.tacv2', aadGroupId: demoGroup('Marketing').id };

let t: TestApp;
beforeEach(async () => {
  // The directory takes a while to invite: the turn is slow.
  const slowly = () => new Promise<void>((resolve) => setTimeout(resolve, 1200));
  t = await startTestApp({ directoryFaults: { inviteGuest: slowly } });
});
afterEach(() => t.close());

const kinds = (conversationId: string) => t.connector.sent(conversationId).map((c) => c.body.type as string);

describe('when a turn takes a while', () => {
  it('then Teams shows the bot typing before the answer', async () => {
    const invite = message(alex, 'invite bob@fabrikam.com to Marketing', { expectReplies: false });
    await t.post({ ...invite, serviceUrl: t.connector.url });
    const seen = kinds(`a:personal-${alex.id}`);
    expect(seen[0]).toBe('typing');
    expect(seen).toContain('message');
    expect(seen.lastIndexOf('typing')).toBeLessThan(seen.indexOf('message'));
  });

  it('then no typing goes into a channel, nor into an expectReplies turn', async () => {
    const why = channelMessage(alex, 'why bob@fabrikam.com Marketing', { team: marketingTeam, expectReplies: false });
    await t.post({ ...why, serviceUrl: t.connector.url });
    await t.say(message(alex, 'invite carl@fabrikam.com to Marketing'));
    expect(t.connector.sent().filter((c) => c.body.type === 'typing')).toEqual([]);
  });
});

import { removeBotMention } from '../../src/bot/mentions.js';
import { dialogStateKey } from '../../src/bot/dialogState.js';

const bot = { id: '28:bot', name: 'Guest Access' };
const mention = { type: 'mention', text: '<at>Guest Access</at>', mentioned: bot };

describe('removing the bot’s mention', () => {
  it.each([
    ['<at>Guest Access</at> help', [mention], 'help'],
    ['<at>Guest Access</at>&nbsp;invite a@b.c to Marketing\n', [mention], 'invite a@b.c to Marketing'],
    ['\u00a0<at>Guest Access</at>\u00a0 why a@b.c Sales', [mention], 'why a@b.c Sales'],
    ['<at>Guest Access</at> hulp', [], 'hulp'], // the entity missing: the tag with the bot's name still goes
    ['@Guest Access help', [], 'help'],
    ['@guest access: my requests', [], 'my requests'],
    ['invite <at>Nestor Wilke</at>', [mention], 'invite <at>Nestor Wilke</at>'], // other people's mentions stay
    ['Guest Accessories', [], 'Guest Accessories'],
    ['invite a@b.c because line one\nline two', [], 'invite a@b.c because line one\nline two'],
  ])('%j → %j', (text, entities, expected) => {
    const activity = { type: 'message', text, entities, recipient: bot };
    expect(removeBotMention(activity)).toBe(expected);
    expect(activity.text).toBe(expected);
  });

  it('survives a malformed mention entity and a message without text', () => {
    const text = '<at>Guest Access</at> help';
    const odd = { type: 'message', text, entities: [{ type: 'mention' }], recipient: bot };
    expect(removeBotMention(odd)).toBe('help');
    expect(removeBotMention({ type: 'message', recipient: bot })).toBe('');
  });
});

describe('the dialog state key', () => {
  const from = (id: string) => ({ id: `29:${id}`, aadObjectId: id, name: id });
  it('is the conversation’s in a personal chat (unchanged from ConversationState)', () => {
    const conversation = { id: 'a:1', conversationType: 'personal' };
    const activity = { channelId: 'msteams', conversation, from: from('u1') };
    expect(dialogStateKey({ activity } as never)).toBe('msteams/conversations/a:1/');
  });
  it.each(['groupChat', 'channel'])('is per person in a %s', (conversationType) => {
    const conversation = { id: '19:g', conversationType, isGroup: true };
    const key = (user: string) =>
      dialogStateKey({ activity: { channelId: 'msteams', conversation, from: from(user) } } as never);
    expect(key('u1')).toBe('msteams/conversations/19:g/users/u1/');
    expect(key('u1')).not.toBe(key('u2'));
  });
});

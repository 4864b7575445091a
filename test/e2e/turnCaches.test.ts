import { message } from '../support/activities.js';
import { demoUser } from '../support/demoTenant.js';
import { startTestApp, type TestApp } from '../support/testApp.js';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(() => t.close());

const megan = demoUser('Megan Bowen'); // User Administrator
const alex = demoUser('Alex Wilber'); // owner of Marketing
const nestor = demoUser('Nestor Wilke'); // member of Marketing

const ask = async (who: typeof megan, text: string) => (await t.say(message(who, text))).join('\n');

describe('answers the bot remembers between turns', () => {
  it('when the directory changes, then why and settings <group> answer from the directory as it is now', async () => {
    const why = await ask(megan, 'why bob@fabrikam.com Marketing');
    const group = await ask(megan, 'settings Marketing');
    expect(why).toContain('You can invite bob@fabrikam.com and add them to Marketing right away.');
    expect(group).toContain('{"title":"Guests","value":"0"}');
    // Asked again, nothing changed: the same answer.
    expect(await ask(megan, 'why bob@fabrikam.com Marketing')).toBe(why);
    expect(await ask(megan, 'settings marketing')).toBe(group);

    // The owner adds bob: the directory changes, and so do the answers.
    await ask(alex, 'invite bob@fabrikam.com to Marketing');
    const whyAfter = await ask(megan, 'why bob@fabrikam.com Marketing');
    expect(whyAfter).toContain('bob@fabrikam.com is already a member of Marketing.');
    expect(whyAfter).not.toContain('right away');
    const groupAfter = await ask(megan, 'settings Marketing');
    expect(groupAfter).toContain('{"title":"Guests","value":"1"}');
    expect(groupAfter).toContain('{"title":"Members","value":"5"}');
  });

  it('when two people ask the same question in turn, then each gets the answer for them', async () => {
    for (let i = 0; i < 2; i += 1) {
      // The admin may add bob at once; a member needs the owner's approval.
      const admin = await ask(megan, 'why bob@fabrikam.com Marketing');
      const member = await ask(nestor, 'why bob@fabrikam.com Marketing');
      expect(admin).toContain('You are an administrator, so you can add guests directly.');
      expect(member).toContain('bob@fabrikam.com can join Marketing after approval by Alex Wilber.');
      expect(member).not.toContain('administrator');
      // Help lists what each person can do.
      expect(await ask(megan, 'help')).toContain('Your administrator role: User Administrator.');
      const nestorHelp = await ask(nestor, 'help');
      expect(nestorHelp).toContain('You are a member of 5 groups.');
      expect(nestorHelp).not.toContain('**settings**');
    }
  });

  it('when someone switches language, then the remembered answers come in the new language', async () => {
    const english = await ask(megan, 'settings Marketing');
    await ask(megan, 'language nl');
    const dutch = await ask(megan, 'settings Marketing');
    expect(english).toContain('Group settings');
    expect(dutch).not.toBe(english);
    expect(dutch).toContain('Groepsinstellingen');
  });
});

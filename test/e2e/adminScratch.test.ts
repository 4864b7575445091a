import { message } from '../support/activities.js';
import { cardProblems, cardText } from '../support/cards.js';
import { demoUser } from '../support/demoTenant.js';
import { startTestApp } from '../support/testApp.js';

it('scratch', async () => {
  const t = await startTestApp();
  const daan = demoUser('Daan de Vries');
  const alex = demoUser('Alex Wilber');
  const nestor = demoUser('Nestor Wilke');
  const lidia = demoUser('Lidia Holloway');
  const show = async (u: any, text: string, locale = 'en-US') => {
    const { body } = await t.post({ ...message(u, text, { locale }), serviceUrl: t.connector.url });
    for (const a of body.activities ?? []) {
      if (a.text) console.log(`>>> ${u.displayName}: ${text}\n${a.text}`);
      for (const at of a.attachments ?? []) console.log(`>>> ${u.displayName}: ${text} [card] problems=${JSON.stringify(cardProblems(at.content))}\n${cardText(at.content)}`);
    }
  };
  await show(daan, 'settings');
  await show(daan, 'instellingen Project Falcon', 'nl-NL');
  await show(daan, 'settings HR');
  await show(daan, 'check tailspintoys.com');
  await show(lidia, 'check anna@northwindtraders.com');
  await show(daan, 'check kari.hansen@fabrikam.com');
  await show(daan, 'check anna@fabrikam.com in Marketing');
  await show(nestor, 'why anna@fabrikam.com HR');
  await show(daan, 'whatif AllowToAddGuests false');
  await show(daan, 'watals teams allowGuestUser false', 'nl-NL');
  await show(daan, 'whatif foo bar');
  await show(alex, 'guests Marketing');
  await show(daan, 'guests Sales');
  await show(nestor, 'guests Sales');
  await show(daan, 'remove guest kari.hansen@fabrikam.com from Sales');
  await show(daan, 'audit');
  await t.close();
});

import { checkAddress } from '../../src/app/admin/checkAddress.js';
import { describeSettings } from '../../src/app/admin/describeSettings.js';
import { identifyUser } from '../../src/app/shared/identifyUser.js';
import { message } from '../support/activities.js';
import { demoUser } from '../support/demoTenant.js';
import { startTestApp, type TestApp } from '../support/testApp.js';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(() => t.close());

const megan = demoUser('Megan Bowen');

describe('answers built from the settings are built once per settings version and language', () => {
  it('then settings and check reuse their card until the directory changes, per language', async () => {
    const profile = (await identifyUser(t.app.deps.directory, { aadObjectId: megan.id }))!;
    const settings = () => describeSettings(t.app.deps, profile, undefined, 'en');
    const check = () => checkAddress(t.app.deps, profile, { target: 'kari.hansen@fabrikam.com' }, 'en');
    const first = await settings();
    const firstCheck = await check();
    const group = await describeSettings(t.app.deps, profile, 'Marketing', 'en');
    expect(group.kind).toBe('group');
    expect(await describeSettings(t.app.deps, profile, 'marketing', 'en')).toBe(group);
    expect(first.kind).toBe('tenant');
    expect(await settings()).toBe(first);
    expect(await check()).toBe(firstCheck);
    const dutch = await describeSettings(t.app.deps, profile, undefined, 'nl');
    expect(dutch).not.toBe(first);
    expect(JSON.stringify(dutch)).toContain('Instellingen voor gasttoegang');

    // A change in the directory (an owner adds a new guest) is a new version: everything is built again.
    await t.say(message(demoUser('Alex Wilber'), 'invite bob@fabrikam.com to Marketing'));
    expect(await settings()).not.toBe(first);
    expect(await describeSettings(t.app.deps, profile, 'Marketing', 'en')).not.toBe(group);
    const after = await check();
    expect(after).not.toBe(firstCheck);
    expect(JSON.stringify(after)).toEqual(JSON.stringify(firstCheck));
  });
});

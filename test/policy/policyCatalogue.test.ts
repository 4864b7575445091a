import { en, nl } from '../../src/i18n/catalogues/policy.js';
import { APPROVAL_REASONS, EFFECT_CODES, LAYERS, NOTE_CODES, PORTAL_KEYS, REASON_CODES, ROLE_KEYS } from '../../src/policy/index.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('policy texts in English and Dutch', () => {
  const families: [string, readonly string[]][] = [
    ['policy.reason', REASON_CODES],
    ['policy.note', NOTE_CODES],
    ['policy.approval', APPROVAL_REASONS],
    ['policy.layer', LAYERS],
    ['policy.portal', PORTAL_KEYS],
    ['policy.role', ROLE_KEYS],
    ['policy.effect', EFFECT_CODES],
    ['policy.value.sharing', ['disabled', 'existingExternalUserSharingOnly', 'externalUserSharingOnly', 'externalUserAndGuestSharing']],
    ['policy.value.invites', ['none', 'adminsAndGuestInviters', 'adminsGuestInvitersAndAllMembers', 'everyone']],
  ];

  test.each(families)('every %s has a text in both languages', (prefix, codes) => {
    for (const code of codes) {
      const key = `${prefix}.${code}` as keyof typeof en;
      expect([key, typeof en[key]]).toEqual([key, 'string']);
      expect([key, typeof nl[key]]).toEqual([key, 'string']);
    }
  });

  test('English and Dutch use the same placeholders', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) expect([key, placeholders(nl[key])]).toEqual([key, placeholders(en[key])]);
  });

  test('Dutch is translated, not copied (product names excepted)', () => {
    const same = (Object.keys(en) as (keyof typeof en)[]).filter((k) => en[k] === nl[k]);
    expect(same.sort()).toEqual(['policy.card.graph', 'policy.card.powershell', 'policy.explain.graph', 'policy.explain.powershell', 'policy.layer.sharePoint', 'policy.layer.teams'].sort());
  });

  test('Dutch admin-centre paths use Microsoft’s Dutch terms', () => {
    expect(nl['policy.portal.m365GroupsOrgSettings']).toBe('Microsoft 365-beheercentrum > Instellingen > Organisatie-instellingen > Services > Microsoft 365-groepen');
    expect(nl['policy.portal.sharePointOrgSharing']).toBe('SharePoint-beheercentrum > Beleid > Delen');
    expect(nl['policy.portal.teamsGuestAccess']).toBe('Teams-beheercentrum > Instellingen voor de hele organisatie > Gasttoegang');
    expect(nl['policy.portal.entraCollaborationRestrictions']).toContain('Instellingen voor externe samenwerking > Samenwerkingsbeperkingen');
  });
});

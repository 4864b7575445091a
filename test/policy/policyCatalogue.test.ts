import { en, nl } from '../../src/i18n/catalogues/policy.js';
import { ADMIN_CENTRE_PATHS } from '../../src/i18n/adminCentres.js';
import {
  APPROVAL_REASONS,
  EFFECT_CODES,
  LAYERS,
  NOTE_CODES,
  PORTAL_KEYS,
  REASON_CODES,
  ROLE_KEYS,
} from '../../src/policy/index.js';

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
    [
      'policy.value.sharing',
      ['disabled', 'existingExternalUserSharingOnly', 'externalUserSharingOnly', 'externalUserAndGuestSharing'],
    ],
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
    for (const key of Object.keys(en) as (keyof typeof en)[])
      expect([key, placeholders(nl[key])]).toEqual([key, placeholders(en[key])]);
  });

  test('Dutch is translated, not copied (product names excepted)', () => {
    const same = (Object.keys(en) as (keyof typeof en)[]).filter((k) => en[k] === nl[k]);
    expect(same.sort()).toEqual(
      [
        'policy.card.graph',
        'policy.card.powershell',
        'policy.explain.graph',
        'policy.explain.powershell',
        'policy.layer.sharePoint',
        'policy.layer.teams',
      ].sort(),
    );
  });

  test('Dutch admin-centre paths use Microsoft’s Dutch terms', () => {
    expect(nl['policy.portal.m365GroupsOrgSettings']).toBe(
      'Microsoft 365-beheercentrum > Instellingen > Organisatie-instellingen > Services > Microsoft 365-groepen',
    );
    expect(nl['policy.portal.sharePointOrgSharing']).toBe('SharePoint-beheercentrum > Beleid > Delen');
    // Microsoft Learn (microsoftteams/set-up-guests): guest access now sits under Users > Guest access.
    expect(nl['policy.portal.teamsGuestAccess']).toBe(
      'Teams-beheercentrum > Gebruikers > Gasttoegang > Gasttoegang in Teams toestaan',
    );
    expect(en['policy.portal.teamsGuestAccess']).toBe(
      'Teams admin center > Users > Guest access > Allow guest access in Teams',
    );
    expect(en['policy.portal.m365Groups']).toBe('Microsoft 365 admin center > Teams & groups > Active teams & groups');
    expect(nl['policy.portal.entraCrossTenantDefault']).toMatch(
      /^Microsoft Entra-beheercentrum > Entra ID > Externe identiteiten > Instellingen voor toegang tussen tenants/,
    );
    expect(nl['policy.portal.entraCollaborationRestrictions']).toContain(
      'Instellingen voor externe samenwerking > Samenwerkingsbeperkingen',
    );
  });
});

describe('the admin-centre table', () => {
  test('every path has English and Dutch side by side and the Microsoft Learn page it was checked against', () => {
    for (const [id, path] of Object.entries(ADMIN_CENTRE_PATHS)) {
      if (id === 'none') continue;
      expect([id, path.learn]).toEqual([id, expect.stringMatching(/^https:\/\/learn\.microsoft\.com\//)]);
      expect([id, path.en === path.nl]).toEqual([id, false]);
    }
  });

  test('no path uses the retired names (Azure Active Directory, compliance portal, Org-wide settings)', () => {
    for (const path of Object.values(ADMIN_CENTRE_PATHS)) {
      expect(`${path.en} ${path.nl}`).not.toMatch(
        /Azure Active Directory|compliance ?portal|Org-wide settings|hele organisatie/i,
      );
    }
  });

  test('Entra paths start at the Microsoft Entra admin center in both languages', () => {
    for (const [id, path] of Object.entries(ADMIN_CENTRE_PATHS)) {
      if (!id.startsWith('entra')) continue;
      expect(path.en.startsWith('Microsoft Entra admin center > Entra ID > ')).toBe(true);
      expect(path.nl.startsWith('Microsoft Entra-beheercentrum > Entra ID > ')).toBe(true);
    }
  });
});

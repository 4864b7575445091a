import { evaluateGuest, type GuestDecision } from '../../src/policy/index.js';
import {
  ADDR,
  assignLabel,
  ctxOf,
  G,
  groupUnified,
  label,
  siteUnknown,
  teamsGuests,
  teamsUnknown,
  U,
  type Patch,
} from '../support/policyFixtures.js';

/**
 * What an admin reads for a layer the directory can't know (where to look, with which command, what lets guests
 * through) and for the label and Teams layers when they do say no (what to change, with which command).
 */

function decide(patches: Patch[], email: string = ADDR.newGuest): GuestDecision {
  return evaluateGuest(ctxOf(...patches), { groupId: G.team, requesterId: U.owner, guestEmail: email });
}

const labelsOn = groupUnified({ EnableMIPLabels: 'true' });
const unknownLabel: Patch = (t) => t.sensitivityLabels.push({ id: 'l-q', displayName: 'Internal' });

describe('unverified layers: where an admin looks', () => {
  test('Teams guest access: the setting, the value that lets guests in, who and which command reads it', () => {
    expect(decide([teamsUnknown()]).unverified).toEqual([
      {
        code: 'TEAMS_GUEST_ACCESS_UNVERIFIED',
        layer: 'teams',
        setting: 'CsTeamsClientConfiguration.AllowGuestUser',
        allowingValue: 'true',
        fixRoles: ['teamsAdmin', 'globalAdmin'],
        where: { portalKey: 'teamsGuestAccess', powershell: 'Get-CsTeamsClientConfiguration -Identity Global' },
      },
    ]);
  });

  test('a site’s own sharing level: named by the site’s address, read with Get-SPOSite', () => {
    const site = 'https://contoso.sharepoint.com/sites/marketing';
    expect(decide([siteUnknown(G.team)]).unverified).toEqual([
      {
        code: 'SITE_SHARING_UNVERIFIED',
        layer: 'sharePoint',
        setting: 'site.sharingCapability',
        allowingValue: 'externalUserSharingOnly',
        fixRoles: ['sharePointAdmin', 'globalAdmin'],
        where: {
          portalKey: 'sharePointSiteSharing',
          powershell: `Get-SPOSite -Identity ${site} | Select-Object SharingCapability`,
        },
        subject: site,
      },
    ]);
  });

  test('a site whose address the snapshot does not give: named after the group, to be filled in', () => {
    const noAddress: Patch = (t) => {
      t.groups[0].site = {};
    };
    const [site] = decide([noAddress]).unverified;
    expect(site.subject).toBe('<site of Marketing>');
    expect(site.where.powershell).toBe('Get-SPOSite -Identity <site of Marketing> | Select-Object SharingCapability');
  });

  test('a label’s guest setting: named by the label, read with Get-Label by its id', () => {
    expect(decide([labelsOn, unknownLabel, assignLabel(G.team, 'l-q')]).unverified).toEqual([
      {
        code: 'LABEL_GUESTS_UNVERIFIED',
        layer: 'label',
        setting: 'SiteAndGroupProtectionAllowAccessToGuestUsers',
        allowingValue: 'true',
        fixRoles: ['complianceAdmin', 'globalAdmin'],
        where: { portalKey: 'purviewLabels', powershell: 'Get-Label -Identity l-q | Format-List Name,LabelActions' },
        subject: 'Internal',
      },
    ]);
  });

  test('the unverified list an admin gets can’t be changed by whoever reads it', () => {
    const [teams] = decide([teamsUnknown()]).unverified;
    expect(Object.isFrozen(teams)).toBe(true);
    expect(Object.isFrozen(teams.fixRoles)).toBe(true);
    expect(Object.isFrozen(teams.where)).toBe(true);
  });
});

describe('the label and Teams layers saying no: what to change', () => {
  test('a label without guests: Set-Label by the label’s id, the label named', () => {
    const d = decide([labelsOn, label('l-c', 'Confidential', false), assignLabel(G.team, 'l-c')]);
    expect(d.verdict).toBe('blocked');
    expect(d.blockers).toEqual([
      {
        code: 'LABEL_BLOCKS_GUESTS',
        layer: 'label',
        setting: 'SiteAndGroupProtectionAllowAccessToGuestUsers',
        currentValue: 'false',
        allowingValue: 'true',
        fixRoles: ['complianceAdmin', 'globalAdmin'],
        where: {
          portalKey: 'purviewLabels',
          powershell: 'Set-Label -Identity l-c -SiteAndGroupProtectionAllowAccessToGuestUsers $true',
        },
        propagation24h: true,
        subject: 'Confidential',
      },
    ]);
  });

  test('Teams guest access off: the guest joins the group, the team is out of reach, with the command to turn it on', () => {
    const d = decide([teamsGuests(false)]);
    expect(d.verdict).toBe('addNow');
    expect(d.access.team).toBe('no');
    expect(d.accessIssues).toEqual([
      {
        code: 'TEAMS_GUEST_ACCESS_OFF',
        layer: 'teams',
        setting: 'CsTeamsClientConfiguration.AllowGuestUser',
        currentValue: 'false',
        allowingValue: 'true',
        fixRoles: ['teamsAdmin', 'globalAdmin'],
        where: {
          portalKey: 'teamsGuestAccess',
          powershell: 'Set-CsTeamsClientConfiguration -Identity Global -AllowGuestUser $true',
        },
        propagation24h: true,
      },
    ]);
    expect(d.unverified).toEqual([]);
  });
});

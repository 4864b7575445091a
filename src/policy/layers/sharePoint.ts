import { blocker, type Blocker } from '../blocker.js';
import { compileDomainList, listChange, type DomainList } from '../domainList.js';
import type { EffectCode } from '../reasonCodes.js';
import type { SharePointSettings, SharingCapability, SharingDomainRestrictionMode } from '../tenantModel.js';

/**
 * Layer: SharePoint sharing. A site is never more permissive than the organisation: the effective level is the
 * more restrictive of the two. A guest already in the directory needs at least "existing guests"; a new guest
 * needs "new and existing guests". SharePoint's own domain lists are separate from Entra's and apply to every
 * guest. All of this decides access to the site, never membership of the group.
 */
const RANK: Readonly<Record<SharingCapability, number>> = {
  disabled: 0,
  existingExternalUserSharingOnly: 1,
  externalUserSharingOnly: 2,
  externalUserAndGuestSharing: 3,
};

export function sharingRank(capability: SharingCapability): number {
  return RANK[capability] ?? 0;
}

export function effectiveSharing(org: SharingCapability, site: SharingCapability): SharingCapability {
  // Stryker disable next-line EqualityOperator: at equal ranks site and org are the same level
  return sharingRank(site) < sharingRank(org) ? site : org;
}

/** The least permissive level that lets this guest in. */
export function neededSharing(guestIsNew: boolean): SharingCapability {
  return guestIsNew ? 'externalUserSharingOnly' : 'existingExternalUserSharingOnly';
}

const POWERSHELL_VALUE: Readonly<Record<SharingCapability, string>> = {
  disabled: 'Disabled',
  existingExternalUserSharingOnly: 'ExistingExternalUserSharingOnly',
  externalUserSharingOnly: 'ExternalUserSharingOnly',
  externalUserAndGuestSharing: 'ExternalUserAndGuestSharing',
};

/**
 * One issue per level (organisation, site) that is below what this guest needs: each must be fixed. A site level
 * that is unknown (`undefined`) raises no issue here: it is unverified, not allowing or blocking.
 */
export function siteSharingIssues(
  org: SharingCapability,
  site: SharingCapability | undefined,
  siteUrl: string,
  guestIsNew: boolean,
): Blocker[] {
  const needed = neededSharing(guestIsNew);
  const out: Blocker[] = [];
  if (sharingRank(org) < sharingRank(needed)) {
    out.push(
      blocker('SITE_SHARING_ORG_RESTRICTED', {
        setting: 'sharePoint.sharingCapability',
        currentValue: org,
        allowingValue: needed,
        powershell: `Set-SPOTenant -SharingCapability ${POWERSHELL_VALUE[needed]}`,
        graph: `PATCH /admin/sharepoint/settings {"sharingCapability":"${needed}"}`,
      }),
    );
  }
  if (site !== undefined && sharingRank(site) < sharingRank(needed)) {
    out.push(
      blocker('SITE_SHARING_SITE_RESTRICTED', {
        setting: 'site.sharingCapability',
        currentValue: site,
        allowingValue: needed,
        powershell: `Set-SPOSite -Identity ${siteUrl} -SharingCapability ${POWERSHELL_VALUE[needed]}`,
      }),
    );
  }
  return out;
}

export interface SharePointDomainPolicy {
  readonly mode: SharingDomainRestrictionMode;
  readonly allow: DomainList;
  readonly block: DomainList;
}

export function compileSharePointDomains(settings: SharePointSettings): SharePointDomainPolicy {
  return {
    // Stryker disable next-line StringLiteral: withDefaults has already given the mode its default
    mode: settings.sharingDomainRestrictionMode ?? 'none',
    // Stryker disable next-line StringLiteral: the rule is only compared with 'entryCoversSubdomains'
    allow: compileDomainList(settings.sharingAllowedDomainList, 'exactUnlessWildcard'),
    block: compileDomainList(settings.sharingBlockedDomainList, 'entryCoversSubdomains'),
  };
}

/** The SharePoint domain-list issue for `domain`, if any. */
export function siteDomainIssue(policy: SharePointDomainPolicy, domain: string): Blocker | undefined {
  if (policy.mode === 'allowList' && policy.allow.match(domain) === undefined) {
    const change = listChange(policy.allow, { add: domain });
    return blocker('SITE_DOMAIN_NOT_ALLOWED', {
      setting: 'sharingAllowedDomainList',
      currentValue: change.current,
      allowingValue: change.allowing,
      powershell: 'Set-SPOTenant -SharingDomainRestrictionMode AllowList -SharingAllowedDomainList "<domains>"',
      graph: 'PATCH /admin/sharepoint/settings {"sharingAllowedDomainList":[…]}',
      subject: domain,
    });
  }
  if (policy.mode === 'blockList') {
    const entry = policy.block.match(domain);
    if (entry !== undefined) {
      const change = listChange(policy.block, { remove: entry });
      return blocker('SITE_DOMAIN_BLOCKED', {
        setting: 'sharingBlockedDomainList',
        currentValue: change.current,
        allowingValue: change.allowing,
        powershell: 'Set-SPOTenant -SharingDomainRestrictionMode BlockList -SharingBlockedDomainList "<domains>"',
        graph: 'PATCH /admin/sharepoint/settings {"sharingBlockedDomainList":[…]}',
        subject: domain,
      });
    }
  }
  return undefined;
}

export function sharingEffect(capability: SharingCapability): EffectCode {
  switch (capability) {
    case 'disabled':
      return 'SP_ONLY_ORGANISATION';
    case 'existingExternalUserSharingOnly':
      return 'SP_EXISTING_ONLY';
    case 'externalUserSharingOnly':
      return 'SP_NEW_AND_EXISTING';
    case 'externalUserAndGuestSharing':
      return 'SP_ANYONE';
  }
}

export function sharePointDomainsEffect(mode: SharingDomainRestrictionMode): EffectCode {
  return mode === 'allowList'
    ? 'SP_DOMAINS_ALLOW_LIST'
    : mode === 'blockList'
      ? 'SP_DOMAINS_BLOCK_LIST'
      : 'SP_DOMAINS_UNRESTRICTED';
}

/**
 * Where an admin fixes a setting, and who may: English and Dutch side by side, as Microsoft's admin centres name
 * them today (English UI and Microsoft's Dutch UI), each with the Microsoft Learn page it was checked against
 * (November 2026). The policy catalogue's `policy.portal.*` and `policy.role.*` messages come from these tables only,
 * so a path is corrected in one place for both languages. Terms follow docs/glossary.md.
 *
 * Navigation starts at the admin centre's left menu; `(the group)` marks a step where the admin picks an item.
 */
export const ADMIN_CENTRE_PATHS = {
  none: {
    en: 'No setting: check the address you typed',
    nl: 'Geen instelling: controleer het adres dat je hebt getypt',
    learn: '',
  },
  entraGuestInviteSettings: {
    en: 'Microsoft Entra admin center > Entra ID > External Identities > External collaboration settings > Guest invite settings',
    nl:
      'Microsoft Entra-beheercentrum > Entra ID > Externe identiteiten > Instellingen voor externe samenwerking > ' +
      'Instellingen voor gastuitnodigingen',
    learn: 'https://learn.microsoft.com/entra/external-id/external-collaboration-settings-configure',
  },
  entraCollaborationRestrictions: {
    en: 'Microsoft Entra admin center > Entra ID > External Identities > External collaboration settings > Collaboration restrictions',
    nl:
      'Microsoft Entra-beheercentrum > Entra ID > Externe identiteiten > Instellingen voor externe samenwerking > ' +
      'Samenwerkingsbeperkingen',
    learn: 'https://learn.microsoft.com/entra/external-id/allow-deny-list',
  },
  entraGuestUserAccess: {
    en: 'Microsoft Entra admin center > Entra ID > External Identities > External collaboration settings > Guest user access',
    nl:
      'Microsoft Entra-beheercentrum > Entra ID > Externe identiteiten > Instellingen voor externe samenwerking > ' +
      'Toegang voor gastgebruikers',
    learn: 'https://learn.microsoft.com/entra/external-id/external-collaboration-settings-configure',
  },
  entraCrossTenantDefault: {
    en: 'Microsoft Entra admin center > Entra ID > External Identities > Cross-tenant access settings > Default settings',
    nl:
      'Microsoft Entra-beheercentrum > Entra ID > Externe identiteiten > Instellingen voor toegang tussen tenants > ' +
      'Standaardinstellingen',
    learn: 'https://learn.microsoft.com/entra/external-id/cross-tenant-access-settings-b2b-collaboration',
  },
  entraCrossTenantPartners: {
    en: 'Microsoft Entra admin center > Entra ID > External Identities > Cross-tenant access settings > Organizational settings',
    nl:
      'Microsoft Entra-beheercentrum > Entra ID > Externe identiteiten > Instellingen voor toegang tussen tenants > ' +
      'Organisatie-instellingen',
    learn: 'https://learn.microsoft.com/entra/external-id/cross-tenant-access-settings-b2b-collaboration',
  },
  entraUsers: {
    en: 'Microsoft Entra admin center > Entra ID > Users > All users > (the guest) > Edit properties > Settings > Account enabled',
    nl:
      'Microsoft Entra-beheercentrum > Entra ID > Gebruikers > Alle gebruikers > (de gast) > Eigenschappen bewerken > ' +
      'Instellingen > Account ingeschakeld',
    learn: 'https://learn.microsoft.com/entra/fundamentals/how-to-manage-user-profile-info',
  },
  entraGroups: {
    en: 'Microsoft Entra admin center > Entra ID > Groups > All groups > (the group) > Properties',
    nl: 'Microsoft Entra-beheercentrum > Entra ID > Groepen > Alle groepen > (de groep) > Eigenschappen',
    learn: 'https://learn.microsoft.com/entra/fundamentals/how-to-manage-groups',
  },
  m365GroupsOrgSettings: {
    en: 'Microsoft 365 admin center > Settings > Org settings > Services > Microsoft 365 Groups',
    nl: 'Microsoft 365-beheercentrum > Instellingen > Organisatie-instellingen > Services > Microsoft 365-groepen',
    learn: 'https://learn.microsoft.com/microsoft-365/admin/create-groups/manage-guest-access-in-groups',
  },
  m365Groups: {
    en: 'Microsoft 365 admin center > Teams & groups > Active teams & groups',
    nl: 'Microsoft 365-beheercentrum > Teams en groepen > Actieve teams en groepen',
    learn: 'https://learn.microsoft.com/microsoft-365/admin/create-groups/add-or-remove-members-from-groups',
  },
  m365GroupMembers: {
    en: 'Microsoft 365 admin center > Teams & groups > Active teams & groups > (the group) > Membership > Members',
    nl: 'Microsoft 365-beheercentrum > Teams en groepen > Actieve teams en groepen > (de groep) > Lidmaatschap > Leden',
    learn: 'https://learn.microsoft.com/microsoft-365/admin/create-groups/add-or-remove-members-from-groups',
  },
  m365GroupOwners: {
    en: 'Microsoft 365 admin center > Teams & groups > Active teams & groups > (the group) > Membership > Owners',
    nl: 'Microsoft 365-beheercentrum > Teams en groepen > Actieve teams en groepen > (de groep) > Lidmaatschap > Eigenaren',
    learn: 'https://learn.microsoft.com/microsoft-365/admin/create-groups/add-or-remove-members-from-groups',
  },
  purviewLabels: {
    en: 'Microsoft Purview portal > Solutions > Information Protection > Sensitivity labels > (the label) > Groups & sites',
    nl: 'Microsoft Purview-portal > Oplossingen > Information Protection > Gevoeligheidslabels > (het label) > Groepen en sites',
    learn: 'https://learn.microsoft.com/purview/sensitivity-labels-teams-groups-sites',
  },
  groupSettingPowerShell: {
    en: 'No admin-centre page: PowerShell or Microsoft Graph only',
    nl: 'Staat in geen enkel beheercentrum: alleen via PowerShell of Microsoft Graph',
    learn: 'https://learn.microsoft.com/microsoft-365/solutions/per-group-guest-access',
  },
  adDs: {
    en: 'On-premises Active Directory (AD DS tools); the change arrives with the next synchronisation',
    nl: 'On-premises Active Directory (AD DS-hulpprogramma’s); de wijziging komt mee met de volgende synchronisatie',
    learn: 'https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-sync-whatis',
  },
  exchangeGroups: {
    en: 'Exchange admin center > Recipients > Groups',
    nl: 'Exchange-beheercentrum > Geadresseerden > Groepen',
    learn:
      'https://learn.microsoft.com/exchange/recipients-in-exchange-online/manage-distribution-groups/manage-distribution-groups',
  },
  vivaEngage: {
    en: 'Viva Engage: connected groups can’t have guests; a non-connected external community can',
    nl: 'Viva Engage: verbonden groepen kunnen geen gasten hebben; een niet-verbonden externe community wel',
    learn: 'https://learn.microsoft.com/microsoft-365/admin/create-groups/manage-guest-access-in-groups',
  },
  sharePointOrgSharing: {
    en: 'SharePoint admin center > Policies > Sharing',
    nl: 'SharePoint-beheercentrum > Beleid > Delen',
    learn: 'https://learn.microsoft.com/sharepoint/turn-external-sharing-on-or-off',
  },
  sharePointSiteSharing: {
    en: 'SharePoint admin center > Sites > Active sites > (the site) > Settings > External file sharing',
    nl: 'SharePoint-beheercentrum > Sites > Actieve sites > (de site) > Instellingen > Extern delen van bestanden',
    learn: 'https://learn.microsoft.com/sharepoint/change-external-sharing-site',
  },
  sharePointDomains: {
    en: 'SharePoint admin center > Policies > Sharing > More external sharing settings > Limit external sharing by domain',
    nl: 'SharePoint-beheercentrum > Beleid > Delen > Meer instellingen voor extern delen > Extern delen beperken op domein',
    learn: 'https://learn.microsoft.com/sharepoint/restricted-domains-sharing',
  },
  teamsGuestAccess: {
    en: 'Teams admin center > Users > Guest access > Allow guest access in Teams',
    nl: 'Teams-beheercentrum > Gebruikers > Gasttoegang > Gasttoegang in Teams toestaan',
    learn: 'https://learn.microsoft.com/microsoftteams/set-up-guests',
  },
} as const;

/**
 * Role names as Microsoft's admin centres show them, in both languages (Microsoft Entra built-in roles and their
 * Dutch names in the Dutch Entra admin centre). `directoryName` is the English name the directory reports.
 */
export const ROLE_NAMES = {
  globalAdmin: { en: 'Global Administrator', nl: 'Globale beheerder' },
  userAdmin: { en: 'User Administrator', nl: 'Gebruikersbeheerder' },
  guestInviter: { en: 'Guest Inviter', nl: 'Gastuitnodiger' },
  securityAdmin: { en: 'Security Administrator', nl: 'Beveiligingsbeheerder' },
  groupsAdmin: { en: 'Groups Administrator', nl: 'Groepsbeheerder' },
  complianceAdmin: { en: 'Compliance Administrator', nl: 'Compliancebeheerder' },
  sharePointAdmin: { en: 'SharePoint Administrator', nl: 'SharePoint-beheerder' },
  teamsAdmin: { en: 'Teams Administrator', nl: 'Teams-beheerder' },
  exchangeAdmin: { en: 'Exchange Administrator', nl: 'Exchange-beheerder' },
  adDsAdmin: { en: 'on-premises Active Directory administrator', nl: 'beheerder van de on-premises Active Directory' },
  groupOwner: { en: 'group owner', nl: 'groepseigenaar' },
  requester: { en: 'you', nl: 'jijzelf' },
} as const;

/** Source for the role table's Dutch names. */
export const ROLE_NAMES_LEARN =
  'https://learn.microsoft.com/nl-nl/entra/identity/role-based-access-control/permissions-reference';

type PortalId = keyof typeof ADMIN_CENTRE_PATHS;
type RoleId = keyof typeof ROLE_NAMES;

/** `policy.portal.*` and `policy.role.*` catalogue entries for one language, built from the tables above. */
export function adminCentreMessages(lang: 'en' | 'nl') {
  const out: Record<string, string> = {};
  for (const [id, path] of Object.entries(ADMIN_CENTRE_PATHS)) out[`policy.portal.${id}`] = path[lang];
  for (const [id, role] of Object.entries(ROLE_NAMES)) out[`policy.role.${id}`] = role[lang];
  return out as { [K in `policy.portal.${PortalId}` | `policy.role.${RoleId}`]: string };
}

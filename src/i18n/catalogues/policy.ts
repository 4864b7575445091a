/**
 * Policy texts: every reason code, note, approval reason, layer, admin-centre path, role and effect, plus the
 * pieces explanations and cards are built from. Admin-centre paths follow the seed documents; Dutch uses
 * Microsoft's Dutch UI terms. Placeholders: {guest} {group} {domain} {subject} {names} {roles} {count} ….
 */
import { adminCentreMessages } from '../adminCentres.js';

export const en = {
  // where (admin-centre paths) and who (roles): one table for both languages, in ../adminCentres.ts
  ...adminCentreMessages('en'),
  // reasons: what stands in the way
  'policy.reason.ADDRESS_INVALID':
    '“{subject}” is not a valid e-mail address: it needs the form name@domain, with a domain such as fabrikam.com and no hidden or look-alike characters.',
  'policy.reason.REQUESTER_NOT_MEMBER':
    '{requester} is not a member or owner of {group}, and only they can ask for guests there.',
  'policy.reason.GROUP_NOT_FOUND': 'There is no group with id {subject} in this organisation.',
  'policy.reason.INVITES_DISABLED':
    'Nobody in this organisation may invite new guests: guest invitations are turned off in Entra ID.',
  'policy.reason.DOMAIN_POLICY_CONFLICT':
    'Entra ID has both a list of allowed and a list of blocked domains. That is a configuration error, so no new guest can be invited until one of the two is removed.',
  'policy.reason.DOMAIN_NOT_ALLOWED': 'Invitations may only go to listed domains, and {domain} is not on the list.',
  'policy.reason.DOMAIN_BLOCKED': 'Invitations to {domain} are blocked by the Entra ID block list.',
  'policy.reason.CROSS_TENANT_DEFAULT_BLOCKED':
    'Cross-tenant access blocks B2B collaboration with other Entra organisations by default, so also with {subject}: new guests can’t be invited, and guests from there can’t sign in.',
  'policy.reason.CROSS_TENANT_PARTNER_BLOCKED':
    'Cross-tenant access blocks B2B collaboration with {subject}: new guests can’t be invited, and guests from there can’t sign in.',
  'policy.reason.GUEST_ACCOUNT_DISABLED': '{guest} is in the directory, but the account is disabled.',
  'policy.reason.GROUP_DYNAMIC':
    '{group} has dynamic membership: its members come from a rule and can’t be added by hand.',
  'policy.reason.GROUP_ON_PREMISES':
    '{group} is synchronised from the on-premises Active Directory and can only be managed there.',
  'policy.reason.GROUP_DISTRIBUTION_LIST':
    '{group} is a distribution list, not a Microsoft 365 group; it is managed in Exchange.',
  'policy.reason.GROUP_MAIL_ENABLED_SECURITY':
    '{group} is a mail-enabled security group, not a Microsoft 365 group; it is managed in Exchange.',
  'policy.reason.GROUP_NOT_M365':
    '{group} is a security group, not a Microsoft 365 group, so guests are not added to it this way.',
  'policy.reason.GROUP_VIVA_ENGAGE':
    '{group} is connected to Viva Engage (Yammer), and connected groups don’t support guests.',
  'policy.reason.GUESTS_DISABLED_ORG':
    'Group owners may not add people outside the organisation to Microsoft 365 groups: no new guest can be invited into any group. A guest already in the directory can still be added.',
  'policy.reason.LABEL_BLOCKS_GUESTS': '{group} has the sensitivity label “{subject}”, which doesn’t allow guests.',
  'policy.reason.GUESTS_DISABLED_GROUP': 'Guests are turned off for {group} itself.',
  'policy.reason.NO_APPROVER':
    'Nobody else can approve this: {group} has no owner with an enabled account, and there is no (other) administrator to decide instead.',
  'policy.reason.NO_INVITER':
    'A new guest needs an invitation, and nobody who could approve may send one: no owner of {group} may invite guests, and there is no (other) administrator who may.',
  'policy.reason.GROUP_CONTENT_ACCESS_OFF':
    'Guests can’t reach group conversations and files in this organisation: {guest} would be a member without access.',
  'policy.reason.TEAMS_GUEST_ACCESS_OFF': 'Guest access in Teams is off, so {guest} can’t use the team of {group}.',
  'policy.reason.SITE_SHARING_ORG_RESTRICTED':
    'SharePoint sharing for the whole organisation doesn’t allow this guest, so {guest} can’t open the site of {group}.',
  'policy.reason.SITE_SHARING_SITE_RESTRICTED': 'The site of {group} doesn’t allow sharing with this guest.',
  'policy.reason.SITE_DOMAIN_NOT_ALLOWED':
    'SharePoint only shares with listed domains, and {domain} is not on that list.',
  'policy.reason.SITE_DOMAIN_BLOCKED': 'SharePoint blocks sharing with {domain}.',

  // notes
  'policy.note.INTERNAL_ADDRESS':
    '{guest} belongs to your own organisation, so this is not a guest: add them as a normal member.',
  'policy.note.ALREADY_MEMBER': '{guest} is already a member of {group}.',
  'policy.note.GUEST_EXISTS_IN_DIRECTORY': '{guest} is already a guest in the directory: no new invitation is needed.',
  'policy.note.GUEST_INVITATION_PENDING': '{guest} has not accepted the earlier invitation yet.',
  'policy.note.GUESTS_CANNOT_ACCESS_CONTENT': 'Guests can’t reach group conversations and files in this organisation.',
  'policy.note.GROUP_BASED_LICENSING':
    '{group} assigns licences to its members (group-based licensing); Microsoft advises against that for groups with guests.',
  'policy.note.LABEL_OVERRIDES_GROUP_SETTING':
    'The sensitivity label of {group} decides about guests; the group’s own guest setting does not count.',
  'policy.note.GUEST_DIRECTORY_VISIBILITY_SAME_AS_MEMBERS': 'Guests see the directory as members do.',
  'policy.note.GUEST_DIRECTORY_VISIBILITY_LIMITED':
    'Guests have limited access to properties and memberships of directory objects.',
  'policy.note.GUEST_DIRECTORY_VISIBILITY_RESTRICTED': 'Guests see only their own directory objects.',
  'policy.note.SETTINGS_PROPAGATION': 'After a setting is changed, it can take up to 24 hours to take effect.',

  // who decides
  'policy.approval.REQUESTER_IS_OWNER': 'You are an owner of {group}, so you can add guests directly.',
  'policy.approval.REQUESTER_IS_ADMIN': 'You are an administrator, so you can add guests directly.',
  'policy.approval.REQUESTER_IS_GROUPS_ADMIN':
    'You are a Groups Administrator and may manage the members of any group, so you can add this guest directly.',
  'policy.approval.OWNERS_APPROVE': 'The owners of {group} decide: {names}.',
  'policy.approval.OWNERS_MAY_NOT_INVITE':
    'A new guest needs an invitation, and no owner of {group} may send one in this organisation (owners must be administrators to approve). So an administrator who may invite and manage the group decides: {names}.',
  'policy.approval.NO_OWNERS': '{group} has no owner with an enabled account, so an administrator decides: {names}.',
  'policy.approval.NOBODY_MAY_INVITE': 'Nobody may send the invitation this guest needs.',
  'policy.approval.NO_ELIGIBLE_APPROVER': 'There is nobody else who can approve this.',

  // layers
  'policy.layer.input': 'The request',
  'policy.layer.requester': 'Requester',
  'policy.layer.entra': 'Entra ID external collaboration',
  'policy.layer.crossTenant': 'Cross-tenant access',
  'policy.layer.directory': 'Directory',
  'policy.layer.group': 'The group',
  'policy.layer.groups': 'Microsoft 365 Groups (organisation)',
  'policy.layer.label': 'Sensitivity label',
  'policy.layer.approval': 'Approval',
  'policy.layer.sharePoint': 'SharePoint',
  'policy.layer.teams': 'Teams',

  // effects of tenant-wide settings
  'policy.effect.INVITES_EVERYONE': 'Everyone may invite guests, guests included.',
  'policy.effect.INVITES_MEMBERS': 'Members, administrators and guest inviters may invite guests.',
  'policy.effect.INVITES_ADMINS_AND_INVITERS': 'Only administrators and guest inviters may invite guests.',
  'policy.effect.INVITES_NOBODY': 'Nobody may invite new guests.',
  'policy.effect.GUEST_VISIBILITY_SAME_AS_MEMBERS': 'Guests see the directory as members do.',
  'policy.effect.GUEST_VISIBILITY_LIMITED': 'Guests have limited access to the directory.',
  'policy.effect.GUEST_VISIBILITY_RESTRICTED': 'Guests see only their own directory objects.',
  'policy.effect.DOMAINS_UNRESTRICTED': 'Invitations may go to any domain.',
  'policy.effect.DOMAINS_ALLOW_LIST': 'Invitations may only go to the listed domains.',
  'policy.effect.DOMAINS_BLOCK_LIST': 'Invitations may go to any domain except the listed ones.',
  'policy.effect.DOMAINS_CONFLICT': 'Both an allow list and a block list: configuration error, no new invitations.',
  'policy.effect.CROSS_TENANT_DEFAULT_ALLOWED': 'B2B collaboration with other organisations is allowed by default.',
  'policy.effect.CROSS_TENANT_DEFAULT_BLOCKED':
    'B2B collaboration with other Entra organisations is blocked by default (consumer mail domains without an Entra tenant are not affected).',
  'policy.effect.CROSS_TENANT_PARTNER_ALLOWED': 'B2B collaboration with {subject} is allowed.',
  'policy.effect.CROSS_TENANT_PARTNER_BLOCKED': 'B2B collaboration with {subject} is blocked.',
  'policy.effect.GROUP_GUESTS_ALLOWED': 'Group owners may add guests to Microsoft 365 groups.',
  'policy.effect.GROUP_GUESTS_OFF':
    'No new guest can be invited into any Microsoft 365 group; guests already in the directory can still be added.',
  'policy.effect.GROUP_CONTENT_ALLOWED': 'Guest members can reach group content.',
  'policy.effect.GROUP_CONTENT_OFF': 'Guest members can’t reach group content.',
  'policy.effect.LABELS_ON': 'Sensitivity labels decide about guests for labelled groups.',
  'policy.effect.LABELS_OFF': 'Sensitivity labels don’t affect guests; per-group settings do.',
  'policy.effect.SP_ANYONE': 'SharePoint: anyone, including links without sign-in.',
  'policy.effect.SP_NEW_AND_EXISTING': 'SharePoint: new and existing guests.',
  'policy.effect.SP_EXISTING_ONLY': 'SharePoint: only guests already in the directory.',
  'policy.effect.SP_ONLY_ORGANISATION': 'SharePoint: only people in the organisation.',
  'policy.effect.SP_DOMAINS_UNRESTRICTED': 'SharePoint shares with any domain.',
  'policy.effect.SP_DOMAINS_ALLOW_LIST': 'SharePoint shares only with the listed domains.',
  'policy.effect.SP_DOMAINS_BLOCK_LIST': 'SharePoint shares with any domain except the listed ones.',
  'policy.effect.TEAMS_GUESTS_ON': 'Guests can use Teams.',
  'policy.effect.TEAMS_GUESTS_OFF': 'Guests can’t use Teams.',
  'policy.effect.TEAMS_GUESTS_UNVERIFIED':
    'Not known here: Microsoft Graph has no API for Teams guest access. Check it in the Teams admin center.',

  // value labels
  'policy.value.sharing.disabled': 'Only people in your organization',
  'policy.value.sharing.existingExternalUserSharingOnly': 'Existing guests',
  'policy.value.sharing.externalUserSharingOnly': 'New and existing guests',
  'policy.value.sharing.externalUserAndGuestSharing': 'Anyone',
  'policy.value.sharing.unknown': 'not known here',
  'policy.value.invites.none': 'No one in the organization can invite guests',
  'policy.value.invites.adminsAndGuestInviters': 'Only users assigned to specific admin roles can invite guests',
  'policy.value.invites.adminsGuestInvitersAndAllMembers':
    'Member users and users assigned to specific admin roles can invite guests',
  'policy.value.invites.everyone': 'Anyone in the organization can invite guests, including guests',

  // verdicts and headlines
  'policy.verdict.addNow': 'Can be added now',
  'policy.verdict.needsApproval': 'Needs approval',
  'policy.verdict.blocked': 'Blocked',
  'policy.verdict.nothingToDo': 'Nothing to do',
  'policy.headline.addNow': 'You can add {guest} to {group} right away.',
  'policy.headline.addNowInvite': 'You can invite {guest} and add them to {group} right away.',
  'policy.headline.needsApproval': '{guest} can join {group} after approval by {names}.',
  'policy.headline.blockedOne': '{guest} can’t join {group} yet: one thing stands in the way.',
  'policy.headline.blockedMany':
    '{count, plural, one {{guest} can’t join {group} yet: one thing stands in the way.} other {{guest} can’t join {group} yet: # things stand in the way.}}',
  'policy.headline.invalid': '“{guest}” is not an e-mail address I can use.',
  'policy.headline.groupNotFound': 'I can’t find the group for {guest}.',
  'policy.headline.internal': '{guest} is from your own organisation, not a guest.',
  'policy.headline.alreadyMember': '{guest} is already a member of {group}.',

  // explanation pieces
  'policy.explain.blockers': 'What stands in the way',
  'policy.explain.access': 'After joining, {guest} can use',
  'policy.explain.accessIssues': 'What keeps {guest} out of part of it',
  'policy.explain.notes': 'Good to know',
  'policy.explain.unverified': 'Not verified: the directory can’t tell',
  'policy.explain.ask': 'Ask {names} ({roles}).',
  'policy.explain.askRole': 'Ask someone with the role {roles}.',
  'policy.explain.askOwners': 'Ask an owner of {group}: {names}.',
  'policy.explain.checkAddress': 'Check the address and try again.',
  'policy.explain.noFix': 'This can’t be switched on.',
  'policy.explain.who': 'Who: {roles}',
  'policy.explain.whoNames': 'Who: {roles} ({names})',
  'policy.explain.where': 'Where: {portal}',
  'policy.explain.change': 'Change: `{setting}` from `{current}` to `{allowing}`',
  'policy.explain.powershell': 'PowerShell: `{command}`',
  'policy.explain.graph': 'Graph: `{call}`',
  'policy.explain.propagation': 'Takes up to 24 hours to take effect.',
  'policy.explain.invitation': '{guest} will get an invitation by e-mail.',
  'policy.explain.nobody': 'nobody',
  'policy.explain.and': '{first} and {last}',
  'policy.explain.others': '{count, plural, one {# other} other {# others}}',
  'policy.access.groupContent.yes': 'Group conversations and files: yes',
  'policy.access.groupContent.no': 'Group conversations and files: no',
  'policy.access.team.yes': 'The team: yes',
  'policy.access.team.no': 'The team: no',
  'policy.access.team.noTeam': 'The team: the group has no team',
  'policy.access.team.unverified': 'The team: not verified (whether Teams allows guests is not known here)',
  'policy.access.site.yes': 'The SharePoint site: yes ({level})',
  'policy.access.site.no': 'The SharePoint site: no ({level})',
  'policy.access.site.noSite': 'The SharePoint site: the group has no site',
  'policy.access.site.unverified':
    'The SharePoint site: not verified (the site’s own sharing setting is not known here)',

  // card labels
  'policy.card.title': 'Guest check',
  'policy.card.guest': 'Guest',
  'policy.card.group': 'Group',
  'policy.card.verdict': 'Outcome',
  'policy.card.approvers': 'Decides',
  'policy.card.invitation': 'Invitation',
  'policy.card.invitationRequired': 'Needed (new guest)',
  'policy.card.invitationNotNeeded': 'Not needed',
  'policy.card.layer': 'Layer',
  'policy.card.who': 'Who',
  'policy.card.where': 'Where',
  'policy.card.change': 'Change',
  'policy.card.powershell': 'PowerShell',
  'policy.card.graph': 'Graph',
  'policy.card.takesEffect': 'Takes effect',
  'policy.card.upTo24h': 'Up to 24 hours after the change',
  'policy.card.lookUp': 'Look up',
  'policy.card.allowingValue': 'Lets guests through',

  // unverified layers: unknown to the directory, neither allowing nor blocking
  'policy.unverified.TEAMS_GUEST_ACCESS_UNVERIFIED':
    'Whether guests can use Teams is not known here (Microsoft Graph has no API for it), so it is not counted either way.',
  'policy.unverified.SITE_SHARING_UNVERIFIED':
    'The sharing setting of the site of {group} is not known here (Microsoft Graph has no API for it), so it is not counted either way.',
  'policy.unverified.LABEL_GUESTS_UNVERIFIED':
    'Whether the sensitivity label “{subject}” allows guests is not known here (Microsoft Graph has no API for it), so it is not counted either way.',
} as const;

export const nl: { [K in keyof typeof en]: string } = {
  ...adminCentreMessages('nl'),
  'policy.reason.ADDRESS_INVALID':
    '“{subject}” is geen geldig e-mailadres: het moet de vorm naam@domein hebben, met een domein zoals fabrikam.com en zonder verborgen of nagemaakte tekens.',
  'policy.reason.REQUESTER_NOT_MEMBER':
    '{requester} is geen lid of eigenaar van {group}, en alleen leden kunnen daar gasten aanvragen.',
  'policy.reason.GROUP_NOT_FOUND': 'Er is geen groep met id {subject} in deze organisatie.',
  'policy.reason.INVITES_DISABLED':
    'Niemand in deze organisatie mag nieuwe gasten uitnodigen: gastuitnodigingen zijn uitgeschakeld in Entra ID.',
  'policy.reason.DOMAIN_POLICY_CONFLICT':
    'Entra ID heeft zowel een lijst met toegestane als een lijst met geblokkeerde domeinen. Dat is een configuratiefout, dus er kan geen nieuwe gast worden uitgenodigd tot een van de twee is verwijderd.',
  'policy.reason.DOMAIN_NOT_ALLOWED':
    'Uitnodigingen mogen alleen naar domeinen op de lijst, en {domain} staat er niet op.',
  'policy.reason.DOMAIN_BLOCKED': 'Uitnodigingen naar {domain} worden geblokkeerd door de blokkeerlijst van Entra ID.',
  'policy.reason.CROSS_TENANT_DEFAULT_BLOCKED':
    'Toegang tussen tenants blokkeert B2B-samenwerking met andere Entra-organisaties standaard, dus ook met {subject}: nieuwe gasten kunnen niet worden uitgenodigd, en gasten van daar kunnen zich niet aanmelden.',
  'policy.reason.CROSS_TENANT_PARTNER_BLOCKED':
    'Toegang tussen tenants blokkeert B2B-samenwerking met {subject}: nieuwe gasten kunnen niet worden uitgenodigd, en gasten van daar kunnen zich niet aanmelden.',
  'policy.reason.GUEST_ACCOUNT_DISABLED': '{guest} staat in de adreslijst, maar het account is uitgeschakeld.',
  'policy.reason.GROUP_DYNAMIC':
    '{group} heeft dynamisch lidmaatschap: de leden komen uit een regel en kunnen niet handmatig worden toegevoegd.',
  'policy.reason.GROUP_ON_PREMISES':
    '{group} wordt gesynchroniseerd vanuit de on-premises Active Directory en kan alleen daar worden beheerd.',
  'policy.reason.GROUP_DISTRIBUTION_LIST':
    '{group} is een distributielijst, geen Microsoft 365-groep; die wordt beheerd in Exchange.',
  'policy.reason.GROUP_MAIL_ENABLED_SECURITY':
    '{group} is een beveiligingsgroep met e-mail, geen Microsoft 365-groep; die wordt beheerd in Exchange.',
  'policy.reason.GROUP_NOT_M365':
    '{group} is een beveiligingsgroep, geen Microsoft 365-groep; gasten voeg je er niet op deze manier aan toe.',
  'policy.reason.GROUP_VIVA_ENGAGE':
    '{group} is verbonden met Viva Engage (Yammer), en verbonden groepen ondersteunen geen gasten.',
  'policy.reason.GUESTS_DISABLED_ORG':
    'Groepseigenaren mogen geen mensen buiten de organisatie aan Microsoft 365-groepen toevoegen: er kan geen nieuwe gast in een groep worden uitgenodigd. Een gast die al in de adreslijst staat, kan nog wel worden toegevoegd.',
  'policy.reason.LABEL_BLOCKS_GUESTS':
    '{group} heeft het gevoeligheidslabel “{subject}”, en dat staat geen gasten toe.',
  'policy.reason.GUESTS_DISABLED_GROUP': 'Gasttoegang is uitgeschakeld voor de groep {group} zelf.',
  'policy.reason.NO_APPROVER':
    'Niemand anders kan dit goedkeuren: {group} heeft geen eigenaar met een ingeschakeld account, en er is geen (andere) beheerder die in plaats daarvan beslist.',
  'policy.reason.NO_INVITER':
    'Een nieuwe gast heeft een uitnodiging nodig, en niemand die kan goedkeuren mag die versturen: geen eigenaar van {group} mag gasten uitnodigen, en er is geen (andere) beheerder die dat mag.',
  'policy.reason.GROUP_CONTENT_ACCESS_OFF':
    'Gasten kunnen in deze organisatie niet bij groepsgesprekken en -bestanden: {guest} wordt lid zonder toegang.',
  'policy.reason.TEAMS_GUEST_ACCESS_OFF':
    'Gasttoegang in Teams is uitgeschakeld, dus {guest} kan het team van {group} niet gebruiken.',
  'policy.reason.SITE_SHARING_ORG_RESTRICTED':
    'De instellingen voor delen in SharePoint staan deze gast voor de hele organisatie niet toe, dus {guest} kan de site van {group} niet openen.',
  'policy.reason.SITE_SHARING_SITE_RESTRICTED': 'De site van {group} staat delen met deze gast niet toe.',
  'policy.reason.SITE_DOMAIN_NOT_ALLOWED':
    'SharePoint deelt alleen met domeinen op de lijst, en {domain} staat daar niet op.',
  'policy.reason.SITE_DOMAIN_BLOCKED': 'SharePoint blokkeert delen met {domain}.',

  'policy.note.INTERNAL_ADDRESS':
    '{guest} hoort bij je eigen organisatie, dus dit is geen gast: voeg deze persoon toe als gewoon lid.',
  'policy.note.ALREADY_MEMBER': '{guest} is al lid van {group}.',
  'policy.note.GUEST_EXISTS_IN_DIRECTORY':
    '{guest} staat al als gast in de adreslijst: er is geen nieuwe uitnodiging nodig.',
  'policy.note.GUEST_INVITATION_PENDING': '{guest} heeft de eerdere uitnodiging nog niet geaccepteerd.',
  'policy.note.GUESTS_CANNOT_ACCESS_CONTENT':
    'Gasten kunnen in deze organisatie niet bij groepsgesprekken en -bestanden.',
  'policy.note.GROUP_BASED_LICENSING':
    '{group} wijst licenties toe aan de leden (licenties op basis van groepen); Microsoft raadt dat af voor groepen met gasten.',
  'policy.note.LABEL_OVERRIDES_GROUP_SETTING':
    'Het gevoeligheidslabel van {group} bepaalt of er gasten in mogen; de eigen gastinstelling van de groep telt dan niet mee.',
  'policy.note.GUEST_DIRECTORY_VISIBILITY_SAME_AS_MEMBERS': 'Gasten zien de adreslijst zoals leden die zien.',
  'policy.note.GUEST_DIRECTORY_VISIBILITY_LIMITED':
    'Gasten hebben beperkte toegang tot eigenschappen en lidmaatschappen van adreslijstobjecten.',
  'policy.note.GUEST_DIRECTORY_VISIBILITY_RESTRICTED': 'Gasten zien alleen hun eigen adreslijstobjecten.',
  'policy.note.SETTINGS_PROPAGATION':
    'Na een wijziging kan het tot 24 uur duren voordat een instelling van kracht wordt.',

  'policy.approval.REQUESTER_IS_OWNER': 'Je bent eigenaar van {group}, dus je kunt gasten direct toevoegen.',
  'policy.approval.REQUESTER_IS_ADMIN': 'Je bent beheerder, dus je kunt gasten direct toevoegen.',
  'policy.approval.REQUESTER_IS_GROUPS_ADMIN':
    'Je bent groepsbeheerder en mag de leden van elke groep beheren, dus je kunt deze gast direct toevoegen.',
  'policy.approval.OWNERS_APPROVE': 'De eigenaren van {group} beslissen: {names}.',
  'policy.approval.OWNERS_MAY_NOT_INVITE':
    'Een nieuwe gast heeft een uitnodiging nodig, en geen eigenaar van {group} mag die in deze organisatie versturen (eigenaren moeten beheerder zijn om goed te keuren). Daarom beslist een beheerder die mag uitnodigen en de groep mag beheren: {names}.',
  'policy.approval.NO_OWNERS':
    '{group} heeft geen eigenaar met een ingeschakeld account, dus een beheerder beslist: {names}.',
  'policy.approval.NOBODY_MAY_INVITE': 'Niemand mag de uitnodiging versturen die deze gast nodig heeft.',
  'policy.approval.NO_ELIGIBLE_APPROVER': 'Er is niemand anders die dit kan goedkeuren.',

  'policy.layer.input': 'De aanvraag',
  'policy.layer.requester': 'Aanvrager',
  'policy.layer.entra': 'Externe samenwerking in Entra ID',
  'policy.layer.crossTenant': 'Toegang tussen tenants',
  'policy.layer.directory': 'Adreslijst',
  'policy.layer.group': 'De groep',
  'policy.layer.groups': 'Microsoft 365-groepen (organisatie)',
  'policy.layer.label': 'Gevoeligheidslabel',
  'policy.layer.approval': 'Goedkeuring',
  'policy.layer.sharePoint': 'SharePoint',
  'policy.layer.teams': 'Teams',

  'policy.effect.INVITES_EVERYONE': 'Iedereen mag gasten uitnodigen, gasten ook.',
  'policy.effect.INVITES_MEMBERS': 'Leden, beheerders en gastuitnodigers mogen gasten uitnodigen.',
  'policy.effect.INVITES_ADMINS_AND_INVITERS': 'Alleen beheerders en gastuitnodigers mogen gasten uitnodigen.',
  'policy.effect.INVITES_NOBODY': 'Niemand mag nieuwe gasten uitnodigen.',
  'policy.effect.GUEST_VISIBILITY_SAME_AS_MEMBERS': 'Gasten zien de adreslijst zoals leden die zien.',
  'policy.effect.GUEST_VISIBILITY_LIMITED': 'Gasten hebben beperkte toegang tot de adreslijst.',
  'policy.effect.GUEST_VISIBILITY_RESTRICTED': 'Gasten zien alleen hun eigen adreslijstobjecten.',
  'policy.effect.DOMAINS_UNRESTRICTED': 'Uitnodigingen mogen naar elk domein.',
  'policy.effect.DOMAINS_ALLOW_LIST': 'Uitnodigingen mogen alleen naar de domeinen op de lijst.',
  'policy.effect.DOMAINS_BLOCK_LIST': 'Uitnodigingen mogen naar elk domein, behalve die op de lijst.',
  'policy.effect.DOMAINS_CONFLICT':
    'Zowel een lijst met toegestane als met geblokkeerde domeinen: configuratiefout, geen nieuwe uitnodigingen.',
  'policy.effect.CROSS_TENANT_DEFAULT_ALLOWED': 'B2B-samenwerking met andere organisaties is standaard toegestaan.',
  'policy.effect.CROSS_TENANT_DEFAULT_BLOCKED':
    'B2B-samenwerking met andere Entra-organisaties is standaard geblokkeerd (consumentendomeinen zonder Entra-tenant vallen erbuiten).',
  'policy.effect.CROSS_TENANT_PARTNER_ALLOWED': 'B2B-samenwerking met {subject} is toegestaan.',
  'policy.effect.CROSS_TENANT_PARTNER_BLOCKED': 'B2B-samenwerking met {subject} is geblokkeerd.',
  'policy.effect.GROUP_GUESTS_ALLOWED': 'Groepseigenaren mogen gasten toevoegen aan Microsoft 365-groepen.',
  'policy.effect.GROUP_GUESTS_OFF':
    'Er kan in geen enkele Microsoft 365-groep een nieuwe gast worden uitgenodigd; gasten die al in de adreslijst staan, kunnen nog wel worden toegevoegd.',
  'policy.effect.GROUP_CONTENT_ALLOWED': 'Gastleden hebben toegang tot groepsinhoud.',
  'policy.effect.GROUP_CONTENT_OFF': 'Gastleden hebben geen toegang tot groepsinhoud.',
  'policy.effect.LABELS_ON': 'Gevoeligheidslabels bepalen voor groepen met een label of er gasten in mogen.',
  'policy.effect.LABELS_OFF': 'Gevoeligheidslabels tellen niet mee voor gasten; de instellingen per groep wel.',
  'policy.effect.SP_ANYONE': 'SharePoint: iedereen, ook met koppelingen zonder aanmelden.',
  'policy.effect.SP_NEW_AND_EXISTING': 'SharePoint: nieuwe en bestaande gasten.',
  'policy.effect.SP_EXISTING_ONLY': 'SharePoint: alleen gasten die al in de adreslijst staan.',
  'policy.effect.SP_ONLY_ORGANISATION': 'SharePoint: alleen personen in de organisatie.',
  'policy.effect.SP_DOMAINS_UNRESTRICTED': 'SharePoint deelt met elk domein.',
  'policy.effect.SP_DOMAINS_ALLOW_LIST': 'SharePoint deelt alleen met de domeinen op de lijst.',
  'policy.effect.SP_DOMAINS_BLOCK_LIST': 'SharePoint deelt met elk domein, behalve die op de lijst.',
  'policy.effect.TEAMS_GUESTS_ON': 'Gasten kunnen Teams gebruiken.',
  'policy.effect.TEAMS_GUESTS_OFF': 'Gasten kunnen Teams niet gebruiken.',
  'policy.effect.TEAMS_GUESTS_UNVERIFIED':
    'Hier niet bekend: Microsoft Graph heeft geen API voor gasttoegang in Teams. Controleer het in het Teams-beheercentrum.',

  'policy.value.sharing.disabled': 'Alleen personen in je organisatie',
  'policy.value.sharing.existingExternalUserSharingOnly': 'Bestaande gasten',
  'policy.value.sharing.externalUserSharingOnly': 'Nieuwe en bestaande gasten',
  'policy.value.sharing.externalUserAndGuestSharing': 'Iedereen',
  'policy.value.sharing.unknown': 'hier niet bekend',
  'policy.value.invites.none': 'Niemand in de organisatie kan gasten uitnodigen',
  'policy.value.invites.adminsAndGuestInviters':
    'Alleen gebruikers met specifieke beheerdersrollen kunnen gasten uitnodigen',
  'policy.value.invites.adminsGuestInvitersAndAllMembers':
    'Leden en gebruikers met specifieke beheerdersrollen kunnen gasten uitnodigen',
  'policy.value.invites.everyone': 'Iedereen in de organisatie kan gasten uitnodigen, ook gasten',

  'policy.verdict.addNow': 'Kan direct worden toegevoegd',
  'policy.verdict.needsApproval': 'Goedkeuring nodig',
  'policy.verdict.blocked': 'Geblokkeerd',
  'policy.verdict.nothingToDo': 'Niets te doen',
  'policy.headline.addNow': 'Je kunt {guest} direct toevoegen aan {group}.',
  'policy.headline.addNowInvite': 'Je kunt {guest} direct uitnodigen en toevoegen aan {group}.',
  'policy.headline.needsApproval': '{guest} kan lid worden van {group} na goedkeuring door {names}.',
  'policy.headline.blockedOne': '{guest} kan nog geen lid worden van {group}: er is één belemmering.',
  'policy.headline.blockedMany':
    '{count, plural, one {{guest} kan nog geen lid worden van {group}: er is één belemmering.} other {{guest} kan nog geen lid worden van {group}: er zijn # belemmeringen.}}',
  'policy.headline.invalid': '“{guest}” is geen geldig e-mailadres.',
  'policy.headline.groupNotFound': 'Ik kan de groep voor {guest} niet vinden.',
  'policy.headline.internal': '{guest} is van je eigen organisatie, geen gast.',
  'policy.headline.alreadyMember': '{guest} is al lid van {group}.',

  'policy.explain.blockers': 'Wat de toegang tegenhoudt',
  'policy.explain.access': 'Na het toevoegen kan {guest} gebruiken',
  'policy.explain.accessIssues': 'Waardoor {guest} niet overal bij kan',
  'policy.explain.notes': 'Goed om te weten',
  'policy.explain.unverified': 'Niet gecontroleerd: de adreslijst kan het niet zien',
  'policy.explain.ask': 'Vraag het aan {names} ({roles}).',
  'policy.explain.askRole': 'Vraag het aan iemand met de rol {roles}.',
  'policy.explain.askOwners': 'Vraag het aan een eigenaar van {group}: {names}.',
  'policy.explain.checkAddress': 'Controleer het adres en probeer het opnieuw.',
  'policy.explain.noFix': 'Dit kun je niet inschakelen.',
  'policy.explain.who': 'Wie: {roles}',
  'policy.explain.whoNames': 'Wie: {roles} ({names})',
  'policy.explain.where': 'Waar: {portal}',
  'policy.explain.change': 'Wijzig: `{setting}` van `{current}` naar `{allowing}`',
  'policy.explain.powershell': 'PowerShell: `{command}`',
  'policy.explain.graph': 'Graph: `{call}`',
  'policy.explain.propagation': 'Het kan tot 24 uur duren voordat dit van kracht wordt.',
  'policy.explain.invitation': '{guest} krijgt een uitnodiging per e-mail.',
  'policy.explain.nobody': 'niemand',
  'policy.explain.and': '{first} en {last}',
  'policy.explain.others': '{count, plural, one {nog # ander} other {nog # anderen}}',
  'policy.access.groupContent.yes': 'Groepsgesprekken en -bestanden: ja',
  'policy.access.groupContent.no': 'Groepsgesprekken en -bestanden: nee',
  'policy.access.team.yes': 'Het team: ja',
  'policy.access.team.no': 'Het team: nee',
  'policy.access.team.noTeam': 'Het team: de groep heeft geen team',
  'policy.access.team.unverified': 'Het team: niet gecontroleerd (of Teams gasten toelaat, is hier niet bekend)',
  'policy.access.site.yes': 'De SharePoint-site: ja ({level})',
  'policy.access.site.no': 'De SharePoint-site: nee ({level})',
  'policy.access.site.noSite': 'De SharePoint-site: de groep heeft geen site',
  'policy.access.site.unverified':
    'De SharePoint-site: niet gecontroleerd (de eigen deelinstelling van de site is hier niet bekend)',

  'policy.card.title': 'Gastcontrole',
  'policy.card.guest': 'Gast',
  'policy.card.group': 'Groep',
  'policy.card.verdict': 'Uitkomst',
  'policy.card.approvers': 'Wie beslist',
  'policy.card.invitation': 'Uitnodiging',
  'policy.card.invitationRequired': 'Nodig (nieuwe gast)',
  'policy.card.invitationNotNeeded': 'Niet nodig',
  'policy.card.layer': 'Laag',
  'policy.card.who': 'Wie',
  'policy.card.where': 'Waar',
  'policy.card.change': 'Wijzigen',
  'policy.card.powershell': 'PowerShell',
  'policy.card.graph': 'Graph',
  'policy.card.takesEffect': 'Van kracht',
  'policy.card.upTo24h': 'Binnen 24 uur na de wijziging',
  'policy.card.lookUp': 'Opzoeken',
  'policy.card.allowingValue': 'Laat gasten toe',
  'policy.unverified.TEAMS_GUEST_ACCESS_UNVERIFIED':
    'Of gasten Teams kunnen gebruiken, is hier niet bekend (Microsoft Graph heeft er geen API voor), dus het telt niet mee.',
  'policy.unverified.SITE_SHARING_UNVERIFIED':
    'De deelinstelling van de site van {group} is hier niet bekend (Microsoft Graph heeft er geen API voor), dus die telt niet mee.',
  'policy.unverified.LABEL_GUESTS_UNVERIFIED':
    'Of het gevoeligheidslabel “{subject}” gasten toestaat, is hier niet bekend (Microsoft Graph heeft er geen API voor), dus het telt niet mee.',
};

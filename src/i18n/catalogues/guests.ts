/**
 * The tenant's guests: the list for admins, resending invitations, deleting guest accounts, and the owners' periodic
 * guest reviews. Admin-centre names follow Microsoft's Dutch UI (Gastgebruikers, Verwijderde gebruikers).
 */
export const en = {
  // guests (tenant-wide)
  'guests.refuse':
    'Only administrators (Global Administrator or User Administrator) can see all of the organisation’s guests. For a group you own: **guests** Group.',
  'guests.title.all': 'Guests of {tenant}',
  'guests.title.pending': 'Guests who haven’t accepted their invitation',
  'guests.title.stale': 'Stale guests (no sign-in for over {days} days)',
  'guests.title.domain': 'Guests from {domain}',
  'guests.subtitle': '{from}–{to} of {total}, by name.',
  'guests.none': 'No guests match.',
  'guests.heading': '{name} · {mail}',
  'guests.invited': 'invited {date} by {name}',
  'guests.invitedOn': 'invited {date}',
  'guests.groups': 'groups: {names}',
  'guests.noGroups': 'in no group',
  'guests.lastSignIn': 'last sign-in {date}',
  'guests.neverSignedIn': 'never signed in',
  'guests.signInUnknown': 'last sign-in unknown',
  'guests.stale': '⚠️ stale',
  'guests.footer':
    'Filters: **guests pending**, **guests stale**, **guests domain** fabrikam.com. All as CSV: `npm run export-guests`. **resend invitation** address · **delete guest** address.',
  'guests.more': 'More',
  'guests.previous': 'Previous',
  'guests.invalidDomain': '**{domain}** is not a domain. For example: `guests domain fabrikam.com`.',

  // resend invitation
  'resend.invalid':
    '**{address}** is not a valid e-mail address. For example: `resend invitation ray@woodgrovebank.com`.',
  'resend.sent': 'A new invitation went to **{guest}** ({mail}). Recorded in the audit log.',
  'resend.sentReset':
    'The redemption of **{guest}** was reset and a new invitation went to {mail}: they can accept it again, with the right account. Recorded in the audit log.',
  'resend.forbidden':
    'Only administrators and the person who invited (approved) a guest can send their invitation again.',
  'resend.forbiddenReset':
    'Only administrators (Global Administrator or User Administrator) can reset a guest’s redemption.',
  'resend.notFound':
    '{address} is not a guest of this organisation. To invite someone new: **invite** address **to** Group.',
  'resend.notGuest': '{name} is a colleague, not a guest: there is no invitation to send.',
  'resend.disabled':
    'The account of **{guest}** is disabled. Enable it first in the Microsoft 365 admin center (Users > Guest users).',
  'resend.alreadyAccepted':
    '**{guest}** has accepted the invitation already. If they accepted it with the wrong account, an administrator can type **resend invitation** {mail} **reset**.',
  'resend.blocked': 'Invitations to {domain} are blocked now (by: {layers}), so no new invitation can be sent.',
  'resend.failed': 'Sending the invitation failed: {error}. Nothing changed; try again.',

  // delete guest
  'delete.refuse': 'Only administrators (Global Administrator or User Administrator) can delete guests.',
  'delete.invalid': '**{address}** is not a valid e-mail address. For example: `delete guest sam.jones@outlook.com`.',
  'delete.notFound': '{address} is not in this organisation’s directory: nothing to delete.',
  'delete.notGuest': '{name} is a colleague, not a guest: this command deletes guest accounts only.',
  'delete.title': 'Delete a guest',
  'delete.confirm':
    'Delete the guest account of **{guest}** from the directory? They lose everything below at once. The account can be restored from **Deleted users** in the Microsoft 365 admin center for 30 days; after that it is gone for good.',
  'delete.fact.guest': 'Guest',
  'delete.fact.address': 'Address',
  'delete.fact.state': 'State',
  'delete.fact.groups': 'Groups',
  'delete.fact.teams': 'Teams',
  'delete.fact.sites': 'SharePoint sites',
  'delete.none': 'none',
  'delete.deletedTitle': '✅ Guest deleted',
  'delete.deleted': '{name} deleted the guest account of {guest}. It can be restored from Deleted users for 30 days.',
  'delete.alreadyTitle': 'Already deleted',
  'delete.already': 'This guest account no longer exists: nothing to do.',
  'delete.cancelled': 'Cancelled: nothing was deleted.',
  'delete.failed': 'Deleting failed: {error}. Nothing changed; try again.',
  'delete.confirmLabel': 'Delete',
  'delete.cancelLabel': 'Cancel',
  'delete.note': 'Deleted through the directory and recorded in the audit log.',

  // reviews (cards for owners)
  'review.title': 'Review the guests of {group}',
  'review.text':
    'Should these guests keep access to **{group}**? Choose Keep or Remove for each. Guests nobody keeps by {due} are removed from the group.',
  'review.textOwnerless':
    '**{group}** has no owner, so administrators review its guests. Choose Keep or Remove for each. Guests nobody keeps by {due} are removed from the group.',
  'review.closedTitle': 'Guest review of {group}: closed',
  'review.closedText': 'This review is closed. What was decided:',
  'review.added': 'added {date} by {name}',
  'review.addedUnknown': 'added before the bot kept records',
  'review.kept': '✓ Kept by {name}',
  'review.removed': '✗ Removed by {name}',
  'review.removing': '✗ {name} chose Remove; removing from the group…',
  'review.removedAuto': '✗ Removed: nobody kept this guest in time',
  'review.keep': 'Keep',
  'review.remove': 'Remove',
  'review.keepAll': 'Keep all ({count})',
  'review.more':
    '{count, plural, one {One more guest appears here as you decide these; Keep all keeps that one too.} other {# more guests appear here as you decide these; Keep all keeps them too.}}',
  'review.footer': 'A review every {days} days. Every decision is recorded in the audit log.',
  'review.tell.closed': 'The guest review of **{group}** is closed: {kept} kept, {removed} removed.',
  'review.tell.unconfirmed': 'Nobody kept {names} in time, so they were removed from the group.',
  'review.action.forbidden':
    'Only the owners of **{group}** (or administrators, when it has no owner) can decide on its guest review.',
  'review.action.notFound': 'This review doesn’t exist (any more).',
  'review.action.already': 'Already decided; the card shows where the review stands.',

  // reviews (progress for admins)
  'reviews.refuse':
    'Only administrators (Global Administrator or User Administrator) can see the progress of guest reviews.',
  'reviews.off': 'Guest reviews are off (REVIEW_DAYS=0).',
  'reviews.none': 'No guest review has started yet. They start every {days} days.',
  'reviews.title': '**Guest review of {date}** (open until {due})',
  'reviews.summary':
    '{groups, plural, one {# group} other {# groups}} · {guests, plural, one {{decided} of # guest decided} other {{decided} of # guests decided}} · {kept} kept · {removed} removed',
  'reviews.noGroups': 'No group had guests to review.',
  'reviews.group': '**{group}** ({reviewers}): {decided} of {total} decided, {kept} kept, {removed} removed · {state}',
  'reviews.ownerless': 'no owner, so administrators',
  'reviews.state.open': 'open',
  'reviews.state.closed': 'closed',
  'reviews.next': 'Next review: {date}.',

  // audit lines
  'guests.audit.deleted': 'deleted the guest account of {guest}',
  'guests.audit.resent': 'sent the invitation of {guest} again',
  'guests.audit.reviewKept': 'kept {guest} in {group} (guest review)',
  'guests.audit.reviewRemoved': 'chose to remove {guest} from {group} (guest review)',
  'guests.audit.reviewClosed': 'closed the guest review of {group}',
  'guests.audit.cycleStarted': 'started a guest review',

  // help
  'guests.help.tenant': '**guests** [pending | stale | domain fabrikam.com]: every guest of the organisation',
  'guests.help.resend': '**resend invitation** someone@example.com [reset]: send a guest’s invitation again',
  'guests.help.delete': '**delete guest** someone@example.com: delete a guest account (restorable for 30 days)',
  'guests.help.reviews': '**reviews**: how the owners’ guest reviews are going',
} as const;

export const nl: { [K in keyof typeof en]: string } = {
  'guests.refuse':
    'Alleen beheerders (Globale beheerder of Gebruikersbeheerder) kunnen alle gasten van de organisatie zien. Voor een groep waarvan je eigenaar bent: **gasten** Groep.',
  'guests.title.all': 'Gasten van {tenant}',
  'guests.title.pending': 'Gasten die hun uitnodiging nog niet hebben geaccepteerd',
  'guests.title.stale': 'Inactieve gasten (langer dan {days} dagen niet aangemeld)',
  'guests.title.domain': 'Gasten van {domain}',
  'guests.subtitle': '{from}–{to} van {total}, op naam.',
  'guests.none': 'Geen gasten gevonden.',
  'guests.heading': '{name} · {mail}',
  'guests.invited': 'uitgenodigd {date} door {name}',
  'guests.invitedOn': 'uitgenodigd {date}',
  'guests.groups': 'groepen: {names}',
  'guests.noGroups': 'in geen enkele groep',
  'guests.lastSignIn': 'laatst aangemeld {date}',
  'guests.neverSignedIn': 'nooit aangemeld',
  'guests.signInUnknown': 'laatste aanmelding onbekend',
  'guests.stale': '⚠️ inactief',
  'guests.footer':
    'Filters: **gasten openstaand**, **gasten inactief**, **gasten domein** fabrikam.com. Alles als CSV: `npm run export-guests`. **uitnodiging opnieuw** adres · **gast wissen** adres.',
  'guests.more': 'Meer',
  'guests.previous': 'Vorige',
  'guests.invalidDomain': '**{domain}** is geen domein. Bijvoorbeeld: `gasten domein fabrikam.com`.',

  'resend.invalid':
    '**{address}** is geen geldig e-mailadres. Bijvoorbeeld: `uitnodiging opnieuw ray@woodgrovebank.com`.',
  'resend.sent': 'Er is een nieuwe uitnodiging naar **{guest}** ({mail}) gestuurd. Vastgelegd in het auditlogboek.',
  'resend.sentReset':
    'De inwisseling van **{guest}** is opnieuw ingesteld en er is een nieuwe uitnodiging naar {mail} gestuurd: de gast kan die opnieuw accepteren, met het juiste account. Vastgelegd in het auditlogboek.',
  'resend.forbidden':
    'Alleen beheerders en degene die een gast heeft uitgenodigd (goedgekeurd) kunnen de uitnodiging opnieuw versturen.',
  'resend.forbiddenReset':
    'Alleen beheerders (Globale beheerder of Gebruikersbeheerder) kunnen de inwisseling van een gast opnieuw instellen.',
  'resend.notFound':
    '{address} is geen gast van deze organisatie. Iemand nieuw uitnodigen: **uitnodigen** adres **voor** Groep.',
  'resend.notGuest': '{name} is een collega, geen gast: er is geen uitnodiging om te versturen.',
  'resend.disabled':
    'Het account van **{guest}** is uitgeschakeld. Schakel het eerst in via het Microsoft 365-beheercentrum (Gebruikers > Gastgebruikers).',
  'resend.alreadyAccepted':
    '**{guest}** heeft de uitnodiging al geaccepteerd. Is dat met het verkeerde account gebeurd, dan kan een beheerder **uitnodiging opnieuw** {mail} **reset** typen.',
  'resend.blocked':
    'Uitnodigingen naar {domain} worden nu geblokkeerd (door: {layers}), dus er kan geen nieuwe uitnodiging worden verstuurd.',
  'resend.failed': 'Het versturen van de uitnodiging is mislukt: {error}. Er is niets veranderd; probeer het opnieuw.',

  'delete.refuse': 'Alleen beheerders (Globale beheerder of Gebruikersbeheerder) kunnen gasten wissen.',
  'delete.invalid': '**{address}** is geen geldig e-mailadres. Bijvoorbeeld: `gast wissen sam.jones@outlook.com`.',
  'delete.notFound': '{address} staat niet in de adreslijst van deze organisatie: er is niets te wissen.',
  'delete.notGuest': '{name} is een collega, geen gast: met deze opdracht wis je alleen gastaccounts.',
  'delete.title': 'Een gast wissen',
  'delete.confirm':
    'Het gastaccount van **{guest}** uit de adreslijst verwijderen? De gast verliest in één keer alles hieronder. Het account kan 30 dagen lang worden hersteld via **Verwijderde gebruikers** in het Microsoft 365-beheercentrum; daarna is het definitief weg.',
  'delete.fact.guest': 'Gast',
  'delete.fact.address': 'Adres',
  'delete.fact.state': 'Status',
  'delete.fact.groups': 'Groepen',
  'delete.fact.teams': 'Teams',
  'delete.fact.sites': 'SharePoint-sites',
  'delete.none': 'geen',
  'delete.deletedTitle': '✅ Gast gewist',
  'delete.deleted':
    '{name} heeft het gastaccount van {guest} verwijderd. Het kan 30 dagen lang worden hersteld via Verwijderde gebruikers.',
  'delete.alreadyTitle': 'Al gewist',
  'delete.already': 'Dit gastaccount bestaat niet meer: er is niets te doen.',
  'delete.cancelled': 'Geannuleerd: er is niets gewist.',
  'delete.failed': 'Wissen is mislukt: {error}. Er is niets veranderd; probeer het opnieuw.',
  'delete.confirmLabel': 'Wissen',
  'delete.cancelLabel': 'Annuleren',
  'delete.note': 'Gewist via de adreslijst en vastgelegd in het auditlogboek.',

  'review.title': 'Beoordeel de gasten van {group}',
  'review.text':
    'Moeten deze gasten toegang houden tot **{group}**? Kies per gast Behouden of Verwijderen. Gasten die niemand vóór {due} behoudt, worden uit de groep verwijderd.',
  'review.textOwnerless':
    '**{group}** heeft geen eigenaar, dus beheerders beoordelen de gasten. Kies per gast Behouden of Verwijderen. Gasten die niemand vóór {due} behoudt, worden uit de groep verwijderd.',
  'review.closedTitle': 'Gastbeoordeling van {group}: afgesloten',
  'review.closedText': 'Deze beoordeling is afgesloten. Wat er is besloten:',
  'review.added': 'toegevoegd {date} door {name}',
  'review.addedUnknown': 'toegevoegd voordat de bot dit bijhield',
  'review.kept': '✓ Behouden door {name}',
  'review.removed': '✗ Verwijderd door {name}',
  'review.removing': '✗ {name} koos Verwijderen; wordt uit de groep verwijderd…',
  'review.removedAuto': '✗ Verwijderd: niemand heeft deze gast op tijd behouden',
  'review.keep': 'Behouden',
  'review.remove': 'Verwijderen',
  'review.keepAll': 'Alles behouden ({count})',
  'review.more':
    '{count, plural, one {Nog één gast verschijnt hier zodra je over deze beslist; Alles behouden behoudt die ook.} other {Nog # gasten verschijnen hier zodra je over deze beslist; Alles behouden behoudt die ook.}}',
  'review.footer': 'Elke {days} dagen een beoordeling. Elke beslissing wordt vastgelegd in het auditlogboek.',
  'review.tell.closed': 'De gastbeoordeling van **{group}** is afgesloten: {kept} behouden, {removed} verwijderd.',
  'review.tell.unconfirmed': 'Niemand heeft {names} op tijd behouden, dus zijn ze uit de groep verwijderd.',
  'review.action.forbidden':
    'Alleen de eigenaren van **{group}** (of beheerders, als de groep geen eigenaar heeft) kunnen beslissen over de gastbeoordeling.',
  'review.action.notFound': 'Deze beoordeling bestaat niet (meer).',
  'review.action.already': 'Al besloten; de kaart laat zien hoe de beoordeling ervoor staat.',

  'reviews.refuse':
    'Alleen beheerders (Globale beheerder of Gebruikersbeheerder) kunnen de voortgang van gastbeoordelingen zien.',
  'reviews.off': 'Gastbeoordelingen staan uit (REVIEW_DAYS=0).',
  'reviews.none': 'Er is nog geen gastbeoordeling gestart. Ze starten elke {days} dagen.',
  'reviews.title': '**Gastbeoordeling van {date}** (open tot {due})',
  'reviews.summary':
    '{groups, plural, one {# groep} other {# groepen}} · {guests, plural, one {over {decided} van # gast besloten} other {over {decided} van de # gasten besloten}} · {kept} behouden · {removed} verwijderd',
  'reviews.noGroups': 'Geen enkele groep had gasten om te beoordelen.',
  'reviews.group':
    '**{group}** ({reviewers}): over {decided} van de {total} besloten, {kept} behouden, {removed} verwijderd · {state}',
  'reviews.ownerless': 'geen eigenaar, dus beheerders',
  'reviews.state.open': 'open',
  'reviews.state.closed': 'afgesloten',
  'reviews.next': 'Volgende beoordeling: {date}.',

  'guests.audit.deleted': 'gastaccount van {guest} gewist',
  'guests.audit.resent': 'uitnodiging van {guest} opnieuw verstuurd',
  'guests.audit.reviewKept': '{guest} behouden in {group} (gastbeoordeling)',
  'guests.audit.reviewRemoved': 'gekozen om {guest} uit {group} te verwijderen (gastbeoordeling)',
  'guests.audit.reviewClosed': 'gastbeoordeling van {group} afgesloten',
  'guests.audit.cycleStarted': 'een gastbeoordeling gestart',

  'guests.help.tenant': '**gasten** [openstaand | inactief | domein fabrikam.com]: alle gasten van de organisatie',
  'guests.help.resend':
    '**uitnodiging opnieuw** iemand@voorbeeld.nl [reset]: de uitnodiging van een gast opnieuw versturen',
  'guests.help.delete': '**gast wissen** iemand@voorbeeld.nl: een gastaccount verwijderen (30 dagen herstelbaar)',
  'guests.help.reviews': '**beoordelingen**: hoe de gastbeoordelingen door eigenaren verlopen',
} as const;

export const en = {
  'request.card.title': 'Guest request for {group}',
  'request.state.pending': '⏳ Waiting for approval',
  'request.state.approved':
    '{count, plural, one {✅ Approved: adding the guest…} other {✅ Approved: adding the guests…}}',
  'request.state.provisioning': '{count, plural, one {⚙️ Adding the guest…} other {⚙️ Adding the guests…}}',
  'request.state.completed':
    '{count, plural, one {✅ Done: the guest was added} other {✅ Done: the guests were added}}',
  'request.state.failed': '{count, plural, one {⚠️ Adding the guest failed} other {⚠️ Adding the guests failed}}',
  'request.state.rejected': '⛔ Rejected',
  'request.state.cancelled': '↩️ Cancelled by the requester',
  'request.state.expired': '⌛ Expired: nobody decided in time',
  'request.label.refresh': 'Refresh',
  'request.label.requester': 'Requested by',
  'request.label.group': 'Group',
  'request.label.guests': 'Guests',
  'request.label.requestId': 'Request',
  'request.label.created': 'Asked',
  'request.label.expires': 'Expires',
  'request.label.approvers': 'Approvers',
  'request.label.justification': 'Reason',
  'request.label.comment': 'Comment (optional)',
  'request.label.commentPlaceholder': 'Add a note for the requester',
  'request.label.approve': 'Approve',
  'request.label.reject': 'Reject',
  'request.label.cancel': 'Cancel request',
  'request.label.retry': 'Retry',
  'request.decision.approved': 'Approved by {name} on {date}',
  'request.decision.rejected': 'Rejected by {name} on {date}',
  'request.decision.cancelled': 'Cancelled by {name} on {date}',
  'request.decision.expired': 'Expired on {date}',
  'request.decision.comment': 'Comment: {comment}',
  'request.basis.owners': 'An owner of the group decides.',
  'request.basis.inviters':
    'An invitation is needed and no owner of this group may invite guests (owners must be administrators to approve), so the admins decide.',
  'request.basis.admins': 'This group has no owner with an enabled account, so the admins decide.',
  'request.basis.noApprovers': 'Nobody in the directory may approve this request.',
  'request.error.failed': 'What went wrong: {error}',
  'request.failure.DIRECTORY_WRITE_FAILED': 'the directory could not save the change; it will be tried again',
  'request.failure.GROUP_DYNAMIC_MEMBERSHIP': 'the group’s members come from a rule and cannot be added by hand',
  'request.failure.GROUP_MAIL_ENABLED': 'distribution lists and mail-enabled security groups are managed in Exchange',
  'request.failure.GROUP_NOT_FOUND': 'the group no longer exists',
  'request.failure.GROUP_ON_PREMISES_SYNCED': 'the group is managed in the on-premises Active Directory',
  'request.failure.INTERNAL_ADDRESS': 'the address belongs to this organisation, so it cannot be invited as a guest',
  'request.failure.INVALID_EMAIL': 'the address is not a valid e-mail address',
  'request.failure.USER_NOT_FOUND': 'the guest’s account no longer exists',
  'request.failure.INVITES_DISABLED': 'the organisation’s guest invite settings do not let this app send invitations',
  'request.failure.DOMAIN_BLOCKED': 'the organisation’s collaboration settings do not allow invitations to this domain',
  'request.failure.DIRECTORY_ACCESS_DENIED':
    'the app lacks the permission for this change; an administrator must grant it',
  'request.failure.DIRECTORY_AUTH_FAILED':
    'the app could not sign in to Microsoft Graph; an administrator must check its credentials',
  'request.failure.DIRECTORY_UNAVAILABLE': 'Microsoft Graph is busy or unreachable; it will be tried again',
  'request.failure.DIRECTORY_REFUSED':
    'Microsoft Graph refused the change; an administrator can find the details in the logs',
  'request.failure.UNEXPECTED': 'something unexpected went wrong; an administrator can find the details in the logs',
  'request.failure.OTHER': 'the directory refused the change (code {code})',
  'request.guestAdded': '{email}: added',
  'request.guestInvited': '{email}: invited and added',
  'request.guestPending': '{email}: not added yet',
  'request.guestFailed': '{email}: {error}',
  'request.noJustification': '(no reason given)',
  'request.unknownUser': 'someone no longer in the directory',

  'request.created':
    'Your request **{id}** to add {guests} to **{group}** is waiting for approval by {approvers}. I will tell you when they decide.',
  'request.addedDirectly':
    '{count, plural, one {{guests} has been added to **{group}**.} other {{guests} have been added to **{group}**.}}',
  'request.addedInvited':
    '{count, plural, one {{guests} has been invited and added to **{group}**. The invitation e-mail is on its way.} other {{guests} have been invited and added to **{group}**. The invitation e-mails are on their way.}}',
  'request.addFailed': "I couldn't add {email} to **{group}**: {error}. Nothing else changed; try again later.",
  'request.blockedIntro':
    "{count, plural, one {This guest can't be added to **{group}**:} other {These # guests can't be added to **{group}**:}}",
  'request.nothingToDoIntro': 'Nothing to do for:',
  'request.alreadyMember': '{email} is already a member of **{group}**.',
  'request.internal':
    '{email} is a colleague in this organisation, not a guest: add them as a member in Teams or Outlook.',
  'request.duplicate': '{email} is already waiting for approval in request **{id}**.',
  'request.invalidAddress': '**{address}** is not a valid e-mail address.',
  'request.noAddresses':
    'Whom should I add? Give one or more e-mail addresses, for example `invite anna@fabrikam.com to Marketing because project X`.',
  'request.groupNotFound': "I can't find a group called **{query}**.",
  'request.groupSuggestions': 'Did you mean: {names}?',
  'request.groupAmbiguous': '**{query}** matches several groups: {names}. Which one?',
  'request.justificationRequired': 'Why does the guest need access? Put the reason after `because …`.',
  'request.tooManyGuests': 'At most {max} guests per request, please. Split the list over more requests.',

  'request.tell.completed':
    '{count, plural, one {Good news: {guests} can now use **{group}** (request {id}).} other {Good news: {guests} can now use **{group}** (request {id}).}}',
  'request.tell.failed': 'Adding {guests} to **{group}** failed (request {id}): {error}. The approvers can retry.',
  'request.tell.rejected': '{name} rejected your request {id} to add {guests} to **{group}**.',
  'request.tell.rejectedComment': '{name} rejected your request {id} to add {guests} to **{group}**: "{comment}"',
  'request.tell.expired':
    '{days, plural, one {Your request {id} to add {guests} to **{group}** expired: nobody decided within # day.} other {Your request {id} to add {guests} to **{group}** expired: nobody decided within # days.}}',
  'request.tell.reminder':
    'Reminder: {requester} is waiting for your decision on request {id} (add {guests} to **{group}**).',
  'request.tell.cancelled': '{requester} cancelled request {id} (add {guests} to **{group}**).',

  'request.action.forbidden': "You can't decide on this request: only its current approvers can.",
  'request.action.forbiddenCancel': 'Only the person who asked can cancel this request.',
  'request.action.notFound': 'I can’t find that request.',
  'request.action.notInvolved': 'This request is between its requester and its approvers.',
  'request.action.already':
    '{state, select, approved {{name} already approved this request.} rejected {{name} already rejected this request.} cancelled {{name} already cancelled this request.} other {{name} already decided on this request.}}',
  'request.action.alreadyState':
    '{state, select, pending {This request is still waiting for approval.} approved {This request is already approved; the guests are being added.} provisioning {The guests of this request are being added right now.} completed {This request is already done: the guests were added.} failed {Adding the guests of this request failed; the approvers can retry.} rejected {This request was already rejected.} cancelled {This request was already cancelled.} expired {This request has already expired.} other {This request has already been dealt with.}}',
  'request.action.blockedNow': 'The settings changed since this request was made, so it can’t be approved now:',
  'request.action.ownRequest': "You can't approve your own request.",
  'request.cancelled': 'Request **{id}** is cancelled.',

  'request.list.mineTitle': 'Your guest requests',
  'request.list.pendingTitle': 'Waiting for your decision',
  'request.list.none': 'You have no guest requests.',
  'request.list.nonePending': 'No requests are waiting for you.',
  'request.list.item': '**{id}** · {group} · {guests} · {state} · {date}',
  'request.list.more':
    '{count, plural, one {One more is waiting: {ids}. Open its card in this chat, or decide on the ones above first.} other {# more are waiting: {ids}. Open their cards in this chat, or decide on the ones above first.}}',

  'dialog.askGroup': 'To which group should I add the guest? Your groups: {groups}',
  'dialog.askGroupNone': "You aren't a member of any group I can add guests to.",
  'dialog.askGroupHidden':
    '{count, plural, one {Not listed: {names}. It is managed elsewhere (dynamic membership, synced from on-premises, Viva Engage or a distribution list), so I can’t add guests there.} other {Not listed: {names}. They are managed elsewhere (dynamic membership, synced from on-premises, Viva Engage, distribution lists), so I can’t add guests there.}}',
  'dialog.askGuests':
    'Which e-mail address should I invite? For more than one guest, separate the addresses with commas.',
  'dialog.askJustification': 'Why does the guest need access?',
  'dialog.retryGroup': "I didn't find that group among yours. Type its name or number, or **cancel**.",
  'dialog.retryGuests': 'Please give valid e-mail addresses, e.g. anna@fabrikam.com, or **cancel**.',
  'dialog.retryJustification': 'A short reason, please (or **cancel**).',
  'dialog.leaveAsk':
    'You are in the middle of inviting a guest, and “{command}” is a command, not an answer. Stop the invitation and do that instead?',
  'dialog.leaveYes': 'Yes, stop',
  'dialog.leaveNo': 'No, carry on',
  'dialog.left': 'OK, I stopped the invitation; nothing was sent.',
  'request.word.approved': 'approved',
  'request.word.rejected': 'rejected',
  'request.word.cancelled': 'cancelled',
  'request.word.expired': 'expired',
  'request.word.pending': 'waiting',
  'request.word.provisioning': 'being added',
  'request.word.completed': 'done',
  'request.word.failed': 'failed',
} as const;

export const nl: { [K in keyof typeof en]: string } = {
  'request.card.title': 'Gastaanvraag voor {group}',
  'request.state.pending': '⏳ Wacht op goedkeuring',
  'request.state.approved':
    '{count, plural, one {✅ Goedgekeurd: de gast wordt toegevoegd…} other {✅ Goedgekeurd: de gasten worden toegevoegd…}}',
  'request.state.provisioning':
    '{count, plural, one {⚙️ De gast wordt toegevoegd…} other {⚙️ De gasten worden toegevoegd…}}',
  'request.state.completed':
    '{count, plural, one {✅ Klaar: de gast is toegevoegd} other {✅ Klaar: de gasten zijn toegevoegd}}',
  'request.state.failed':
    '{count, plural, one {⚠️ Het toevoegen van de gast is mislukt} other {⚠️ Het toevoegen van de gasten is mislukt}}',
  'request.state.rejected': '⛔ Afgewezen',
  'request.state.cancelled': '↩️ Ingetrokken door de aanvrager',
  'request.state.expired': '⌛ Verlopen: niemand heeft op tijd beslist',
  'request.label.refresh': 'Vernieuwen',
  'request.label.requester': 'Aangevraagd door',
  'request.label.group': 'Groep',
  'request.label.guests': 'Gasten',
  'request.label.requestId': 'Aanvraag',
  'request.label.created': 'Aangevraagd',
  'request.label.expires': 'Verloopt',
  'request.label.approvers': 'Goedkeurders',
  'request.label.justification': 'Reden',
  'request.label.comment': 'Opmerking (optioneel)',
  'request.label.commentPlaceholder': 'Een toelichting voor de aanvrager',
  'request.label.approve': 'Goedkeuren',
  'request.label.reject': 'Afwijzen',
  'request.label.cancel': 'Aanvraag intrekken',
  'request.label.retry': 'Opnieuw proberen',
  'request.decision.approved': 'Goedgekeurd door {name} op {date}',
  'request.decision.rejected': 'Afgewezen door {name} op {date}',
  'request.decision.cancelled': 'Ingetrokken door {name} op {date}',
  'request.decision.expired': 'Verlopen op {date}',
  'request.decision.comment': 'Opmerking: {comment}',
  'request.basis.owners': 'Een eigenaar van de groep beslist.',
  'request.basis.inviters':
    'Er is een uitnodiging nodig en geen eigenaar van deze groep mag gasten uitnodigen (eigenaren moeten beheerder zijn om goed te keuren), dus beslissen de beheerders.',
  'request.basis.admins': 'Deze groep heeft geen eigenaar met een ingeschakeld account, dus beslissen de beheerders.',
  'request.basis.noApprovers': 'Niemand in de adreslijst mag deze aanvraag goedkeuren.',
  'request.error.failed': 'Wat er misging: {error}',
  'request.failure.DIRECTORY_WRITE_FAILED': 'de adreslijst kon de wijziging niet opslaan; dit wordt opnieuw geprobeerd',
  'request.failure.GROUP_DYNAMIC_MEMBERSHIP':
    'de leden van de groep komen uit een regel en kunnen niet handmatig worden toegevoegd',
  'request.failure.GROUP_MAIL_ENABLED':
    'distributielijsten en beveiligingsgroepen met e-mail worden beheerd in Exchange',
  'request.failure.GROUP_NOT_FOUND': 'de groep bestaat niet meer',
  'request.failure.GROUP_ON_PREMISES_SYNCED': 'de groep wordt beheerd in de on-premises Active Directory',
  'request.failure.INTERNAL_ADDRESS':
    'het adres hoort bij deze organisatie en kan dus niet als gast worden uitgenodigd',
  'request.failure.INVALID_EMAIL': 'het adres is geen geldig e-mailadres',
  'request.failure.USER_NOT_FOUND': 'het account van de gast bestaat niet meer',
  'request.failure.INVITES_DISABLED':
    'de instellingen voor gastuitnodigingen van de organisatie staan deze app niet toe uitnodigingen te versturen',
  'request.failure.DOMAIN_BLOCKED':
    'de samenwerkingsinstellingen van de organisatie staan geen uitnodigingen naar dit domein toe',
  'request.failure.DIRECTORY_ACCESS_DENIED':
    'de app mist de machtiging voor deze wijziging; een beheerder moet die verlenen',
  'request.failure.DIRECTORY_AUTH_FAILED':
    'de app kon niet aanmelden bij Microsoft Graph; een beheerder moet de referenties controleren',
  'request.failure.DIRECTORY_UNAVAILABLE': 'Microsoft Graph is bezet of onbereikbaar; dit wordt opnieuw geprobeerd',
  'request.failure.DIRECTORY_REFUSED':
    'Microsoft Graph weigerde de wijziging; een beheerder vindt de details in het logboek van de bot',
  'request.failure.UNEXPECTED':
    'er ging iets onverwachts mis; een beheerder vindt de details in het logboek van de bot',
  'request.failure.OTHER': 'de adreslijst heeft de wijziging geweigerd (code {code})',
  'request.guestAdded': '{email}: toegevoegd',
  'request.guestInvited': '{email}: uitgenodigd en toegevoegd',
  'request.guestPending': '{email}: nog niet toegevoegd',
  'request.guestFailed': '{email}: {error}',
  'request.noJustification': '(geen reden opgegeven)',
  'request.unknownUser': 'iemand die niet meer in de adreslijst staat',

  'request.created':
    'Je aanvraag **{id}** om {guests} toe te voegen aan **{group}** wacht op goedkeuring door {approvers}. Ik laat je weten wat er besloten is.',
  'request.addedDirectly':
    '{count, plural, one {{guests} is toegevoegd aan **{group}**.} other {{guests} zijn toegevoegd aan **{group}**.}}',
  'request.addedInvited':
    '{count, plural, one {{guests} is uitgenodigd en toegevoegd aan **{group}**. De uitnodiging is per e-mail onderweg.} other {{guests} zijn uitgenodigd en toegevoegd aan **{group}**. De uitnodigingen zijn per e-mail onderweg.}}',
  'request.addFailed':
    'Ik kon {email} niet toevoegen aan **{group}**: {error}. Verder is er niets veranderd; probeer het later opnieuw.',
  'request.blockedIntro':
    '{count, plural, one {Deze gast kan niet worden toegevoegd aan **{group}**:} other {Deze # gasten kunnen niet worden toegevoegd aan **{group}**:}}',
  'request.nothingToDoIntro': 'Niets te doen voor:',
  'request.alreadyMember': '{email} is al lid van **{group}**.',
  'request.internal':
    '{email} is een collega in deze organisatie, geen gast: voeg deze persoon als lid toe in Teams of Outlook.',
  'request.duplicate': '{email} wacht al op goedkeuring in aanvraag **{id}**.',
  'request.invalidAddress': '**{address}** is geen geldig e-mailadres.',
  'request.noAddresses':
    'Wie moet ik toevoegen? Geef een of meer e-mailadressen, bijvoorbeeld `uitnodigen anna@fabrikam.com voor Marketing omdat project X`.',
  'request.groupNotFound': 'Ik kan geen groep vinden met de naam **{query}**.',
  'request.groupSuggestions': 'Bedoel je: {names}?',
  'request.groupAmbiguous': '**{query}** past bij meerdere groepen: {names}. Welke bedoel je?',
  'request.justificationRequired': 'Waarom heeft de gast toegang nodig? Zet de reden achter `omdat …`.',
  'request.tooManyGuests': 'Er kunnen maximaal {max} gasten in één aanvraag. Verdeel de lijst over meer aanvragen.',

  'request.tell.completed':
    '{count, plural, one {Goed nieuws: {guests} kan nu met **{group}** werken (aanvraag {id}).} other {Goed nieuws: {guests} kunnen nu met **{group}** werken (aanvraag {id}).}}',
  'request.tell.failed':
    'Het toevoegen van {guests} aan **{group}** is mislukt (aanvraag {id}): {error}. De goedkeurders kunnen het opnieuw proberen.',
  'request.tell.rejected': '{name} heeft je aanvraag {id} om {guests} toe te voegen aan **{group}** afgewezen.',
  'request.tell.rejectedComment':
    '{name} heeft je aanvraag {id} om {guests} toe te voegen aan **{group}** afgewezen: "{comment}"',
  'request.tell.expired':
    '{days, plural, one {Je aanvraag {id} om {guests} toe te voegen aan **{group}** is verlopen: niemand heeft binnen # dag een besluit genomen.} other {Je aanvraag {id} om {guests} toe te voegen aan **{group}** is verlopen: niemand heeft binnen # dagen een besluit genomen.}}',
  'request.tell.reminder':
    'Herinnering: {requester} wacht op je beslissing over aanvraag {id} ({guests} toevoegen aan **{group}**).',
  'request.tell.cancelled': '{requester} heeft aanvraag {id} ingetrokken ({guests} toevoegen aan **{group}**).',

  'request.action.forbidden': 'Je kunt niet over deze aanvraag beslissen: alleen de huidige goedkeurders kunnen dat.',
  'request.action.forbiddenCancel': 'Alleen de aanvrager kan deze aanvraag intrekken.',
  'request.action.notFound': 'Ik kan die aanvraag niet vinden.',
  'request.action.notInvolved': 'Deze aanvraag is alleen zichtbaar voor de aanvrager en de goedkeurders.',
  'request.action.already':
    '{state, select, approved {{name} heeft deze aanvraag al goedgekeurd.} rejected {{name} heeft deze aanvraag al afgewezen.} cancelled {{name} heeft deze aanvraag al ingetrokken.} other {{name} heeft al over deze aanvraag beslist.}}',
  'request.action.alreadyState':
    '{state, select, pending {Deze aanvraag wacht nog op goedkeuring.} approved {Deze aanvraag is al goedgekeurd; de gasten worden toegevoegd.} provisioning {De gasten van deze aanvraag worden nu toegevoegd.} completed {Deze aanvraag is al afgehandeld: de gasten zijn toegevoegd.} failed {Het toevoegen van de gasten van deze aanvraag is mislukt; de goedkeurders kunnen het opnieuw proberen.} rejected {Deze aanvraag is al afgewezen.} cancelled {Deze aanvraag is al ingetrokken.} expired {Deze aanvraag is al verlopen.} other {Deze aanvraag is al afgehandeld.}}',
  'request.action.blockedNow':
    'De instellingen zijn gewijzigd sinds deze aanvraag is ingediend, dus je kunt hem nu niet goedkeuren:',
  'request.action.ownRequest': 'Je kunt je eigen aanvraag niet goedkeuren.',
  'request.cancelled': 'Aanvraag **{id}** is ingetrokken.',

  'request.list.mineTitle': 'Je gastaanvragen',
  'request.list.pendingTitle': 'Wachten op jouw beslissing',
  'request.list.none': 'Je hebt geen gastaanvragen.',
  'request.list.nonePending': 'Er wachten geen aanvragen op jou.',
  'request.list.item': '**{id}** · {group} · {guests} · {state} · {date}',
  'request.list.more':
    '{count, plural, one {Er wacht er nog één: {ids}. Open de kaart in deze chat, of beslis eerst over de aanvragen hierboven.} other {Er wachten er nog #: {ids}. Open de kaarten in deze chat, of beslis eerst over de aanvragen hierboven.}}',

  'dialog.askGroup': 'Aan welke groep moet ik de gast toevoegen? Je groepen: {groups}',
  'dialog.askGroupNone': 'Je bent geen lid van een groep waaraan ik gasten kan toevoegen.',
  'dialog.askGroupHidden':
    '{count, plural, one {Niet in de lijst: {names}. Die groep wordt elders beheerd (dynamisch lidmaatschap, gesynchroniseerd vanuit on-premises, Viva Engage of een distributielijst), dus daar kan ik geen gasten toevoegen.} other {Niet in de lijst: {names}. Die groepen worden elders beheerd (dynamisch lidmaatschap, gesynchroniseerd vanuit on-premises, Viva Engage, distributielijsten), dus daar kan ik geen gasten toevoegen.}}',
  'dialog.askGuests': 'Welk e-mailadres moet ik uitnodigen? Voor meer gasten zet je komma’s tussen de adressen.',
  'dialog.askJustification': 'Waarom heeft de gast toegang nodig?',
  'dialog.retryGroup': 'Die groep staat niet tussen je groepen. Typ de naam of het nummer, of **annuleren**.',
  'dialog.retryGuests': 'Typ een geldig e-mailadres, bijvoorbeeld anna@fabrikam.com, of **annuleren**.',
  'dialog.retryJustification': 'Geef een korte reden, of typ **annuleren**.',
  'dialog.leaveAsk':
    'Je bent bezig een gast uit te nodigen, en “{command}” is een opdracht, geen antwoord. Wil je met de uitnodiging stoppen en dit doen?',
  'dialog.leaveYes': 'Ja, stoppen',
  'dialog.leaveNo': 'Nee, doorgaan',
  'dialog.left': 'Oké, ik ben met de uitnodiging gestopt; er is niets verstuurd.',
  'request.word.approved': 'goedgekeurd',
  'request.word.rejected': 'afgewezen',
  'request.word.cancelled': 'ingetrokken',
  'request.word.expired': 'verlopen',
  'request.word.pending': 'wacht op goedkeuring',
  'request.word.provisioning': 'wordt toegevoegd',
  'request.word.completed': 'afgehandeld',
  'request.word.failed': 'mislukt',
};

export const en = {
  'common.error': 'Sorry, something went wrong on my side. Please try again in a moment.',
  'common.unknownCommand': "I didn't understand that. Type **help** to see what I can do for you.",
  'common.didYouMean':
    "I didn't understand **{typed}**. Did you mean **{suggestion}**? Type **help** to see what I can do for you.",
  'common.wrongTenant': 'This bot serves one organisation only.',
  'common.wrongChannel': 'This bot works in Microsoft Teams only.',
  'common.welcome':
    'Hi {name}! I help you get guests into Microsoft 365 groups: I check the settings first and ask the owners for you. Type **help** to see what you can do.',
  'common.help.title': 'What I can do for you',
  'common.help.member': '**invite** someone@example.com **to** Group **because** reason: ask to add a guest',
  'common.help.myRequests': '**my requests**: your guest requests and their state',
  'common.help.cancel': '**cancel** id: withdraw one of your requests',
  'common.help.why': '**why** someone@example.com Group: why a guest can or cannot join a group',
  'common.help.owner': 'As an owner you add guests to your groups directly with **invite**.',
  'common.help.pending': '**pending**: approvals waiting for you',
  'common.help.guests': '**guests** Group: the guests of a group you own',
  'common.help.remove': '**remove guest** someone@example.com **from** Group: remove a guest from a group you own',
  'common.help.settings': '**settings** [Group]: every guest-access setting of the tenant or one group',
  'common.help.check': '**check** domain-or-address [**in** Group]: can this address be invited and added?',
  'common.help.whatif': '**whatif** setting value: what would happen if you changed a setting',
  'common.help.audit': '**audit** [n]: the last n changes from the audit log',
  'common.help.roleMember':
    '{count, plural, =0 {You are not a member of any group yet.} one {You are a member of # group.} other {You are a member of # groups.}}',
  'common.help.roleOwner': '{count, plural, one {You own # group.} other {You own # groups.}}',
  'common.help.roleAdmin':
    '{count, plural, one {Your administrator role: {roles}.} other {Your administrator roles: {roles}.}}',
  'common.notInDirectory': "I can't find you in this organisation's directory, so I can't act for you.",
  'common.dialogCancelled': 'OK, I stopped. Nothing was sent.',
  'common.nothingToCancel': 'There is nothing to cancel right now.',
  'common.unknownAction': 'This card action is not known, or no longer exists. Type **help** to see what I can do.',
} as const;

export const nl: { [K in keyof typeof en]: string } = {
  'common.error': 'Sorry, er ging bij mij iets mis. Probeer het over een paar minuten opnieuw.',
  'common.unknownCommand': 'Dat begreep ik niet. Typ **hulp** om te zien wat ik voor je kan doen.',
  'common.didYouMean':
    'Ik begreep **{typed}** niet. Bedoelde je **{suggestion}**? Typ **hulp** om te zien wat ik voor je kan doen.',
  'common.wrongTenant': 'Deze bot is er voor één organisatie, en dat is niet de jouwe.',
  'common.wrongChannel': 'Deze bot werkt alleen in Microsoft Teams.',
  'common.welcome':
    'Hallo {name}! Ik help je gasten toe te voegen aan Microsoft 365-groepen: ik controleer eerst de instellingen en vraag de eigenaren om goedkeuring. Typ **hulp** om te zien wat je kunt doen.',
  'common.help.title': 'Wat ik voor je kan doen',
  'common.help.member': '**uitnodigen** iemand@voorbeeld.nl **voor** Groep **omdat** reden: een gast laten toevoegen',
  'common.help.myRequests': '**mijn aanvragen**: je gastaanvragen en hun status',
  'common.help.cancel': '**annuleren** id: een van je aanvragen intrekken',
  'common.help.why': '**waarom** iemand@voorbeeld.nl Groep: waarom een gast wel of niet lid kan worden',
  'common.help.owner': 'Als eigenaar voeg je met **uitnodigen** gasten direct toe aan je groepen.',
  'common.help.pending': '**openstaand**: goedkeuringen die op jou wachten',
  'common.help.guests': '**gasten** Groep: de gasten van een groep waarvan je eigenaar bent',
  'common.help.remove': '**gast verwijderen** iemand@voorbeeld.nl **uit** Groep: een gast uit je groep verwijderen',
  'common.help.settings': '**instellingen** [Groep]: alle instellingen voor gasttoegang van de tenant of een groep',
  'common.help.check': '**controleer** domein-of-adres [**in** Groep]: kan dit adres worden uitgenodigd en toegevoegd?',
  'common.help.whatif': '**watals** instelling waarde: wat er gebeurt als je een instelling wijzigt',
  'common.help.audit': '**audit** [n]: de laatste n wijzigingen uit het auditlogboek',
  'common.help.roleMember':
    '{count, plural, =0 {Je bent nog geen lid van een groep.} one {Je bent lid van # groep.} other {Je bent lid van # groepen.}}',
  'common.help.roleOwner':
    '{count, plural, one {Je bent eigenaar van # groep.} other {Je bent eigenaar van # groepen.}}',
  'common.help.roleAdmin': '{count, plural, one {Je beheerdersrol: {roles}.} other {Je beheerdersrollen: {roles}.}}',
  'common.notInDirectory':
    'Ik kan je niet vinden in de adreslijst van deze organisatie, dus ik kan niets namens jou doen.',
  'common.dialogCancelled': 'Oké, ik ben gestopt. Er is niets verstuurd.',
  'common.nothingToCancel': 'Er is nu niets om te annuleren.',
  'common.unknownAction': 'Deze kaartactie ken ik niet, of niet meer. Typ **hulp** om te zien wat ik kan doen.',
} as const;

/** Approval mails (Outlook actionable messages and the plain HTML around them). Plain text: no markdown. */
export const en = {
  'mail.approval.subject': 'Approval needed: guest access to {group} (request {id})',
  'mail.approval.reminderSubject': 'Reminder: approval needed for guest access to {group} (request {id})',
  'mail.approval.heading': 'Guest request for {group}',
  'mail.approval.intro': '{requester} asks to add guests to the group {group}. Please approve or reject the request.',
  'mail.approval.reminderIntro': '{requester} is still waiting for a decision on adding guests to the group {group}.',
  'mail.approval.howOutlook': 'In Outlook, decide with the Approve and Reject buttons on the card in this message.',
  'mail.approval.howTeams':
    'You can also decide in Microsoft Teams: open your chat with Guest Access and type "pending".',
  'mail.approval.teamsLink': 'Open the chat with Guest Access in Teams',
  'mail.approval.expires': 'If nobody decides, the request expires on {date}.',
  'mail.approval.whyUnreachable':
    'You get this mail because you may approve guests for {group} and Guest Access could not reach you in ' +
    'Microsoft Teams.',
  'mail.approval.whyAlways': 'You get this mail because you may approve guests for {group}.',
  'mail.unreachable.tellMailed':
    'I could not reach {names} in Teams (the Guest Access app is not installed for them), so I sent them your ' +
    'request {id} to add {guests} to **{group}** by mail: they can decide in Outlook.',
};

export const nl: { [K in keyof typeof en]: string } = {
  'mail.approval.subject': 'Goedkeuring gevraagd: gasttoegang tot {group} (aanvraag {id})',
  'mail.approval.reminderSubject': 'Herinnering: goedkeuring gevraagd voor gasttoegang tot {group} (aanvraag {id})',
  'mail.approval.heading': 'Gastaanvraag voor {group}',
  'mail.approval.intro':
    '{requester} vraagt om gasten toe te voegen aan de groep {group}. Keur de aanvraag goed of wijs haar af.',
  'mail.approval.reminderIntro': '{requester} wacht nog op een beslissing over gasten voor de groep {group}.',
  'mail.approval.howOutlook': 'In Outlook beslis je met de knoppen Goedkeuren en Afwijzen op de kaart in dit bericht.',
  'mail.approval.howTeams':
    'Je kunt ook in Microsoft Teams beslissen: open je chat met Guest Access en typ "openstaand".',
  'mail.approval.teamsLink': 'Open de chat met Guest Access in Teams',
  'mail.approval.expires': 'Als niemand beslist, verloopt de aanvraag op {date}.',
  'mail.approval.whyUnreachable':
    'Je krijgt deze mail omdat je gasten voor {group} mag goedkeuren en Guest Access je niet kon bereiken in ' +
    'Microsoft Teams.',
  'mail.approval.whyAlways': 'Je krijgt deze mail omdat je gasten voor {group} mag goedkeuren.',
  'mail.unreachable.tellMailed':
    'Ik kon {names} niet bereiken in Teams (de app Gasttoegang is niet voor hen geïnstalleerd), dus ik heb hun je ' +
    'aanvraag {id} om {guests} toe te voegen aan **{group}** per mail gestuurd: zij kunnen in Outlook beslissen.',
};

export const en = {
  'teams.unreachable.tellSome':
    'I could not reach {names} in Teams (the Guest Access app is not installed for them, or they blocked it), so they have not seen your request {id} to add {guests} to **{group}**. The other approvers have it.',
  'teams.unreachable.tellAll':
    'I could not reach {names} in Teams (the Guest Access app is not installed for them, or they blocked it), so nobody has seen your request {id} to add {guests} to **{group}** yet. Ask them to open the Guest Access app in Teams, or ask an administrator to install it for them.',
  'teams.language.hint': 'Liever Nederlands? Typ **taal nl**.',
  'teams.language.pinned':
    'OK: I will answer you in {language} from now on, here and in messages I send you. **language auto** lets your words and Teams decide again.',
  'teams.language.auto': 'OK: I follow the language of your commands again (else your Teams language).',
  'teams.language.usage':
    'I answer you in {current}. Choose with **language en**, **language nl** (Dutch) or **language auto**.',
  'teams.language.name.en': 'English',
  'teams.language.name.nl': 'Dutch',
  'teams.help.language': '**language** en|nl|auto: the language I answer you in',
  'teams.help.inGroupChat':
    'Here I answer **help**, **why** and **invite** (your own dialog). Answers with request or directory data come to our personal chat.',
  'teams.help.inChannel':
    'Here I answer **help** and **why**; **invite** continues in our personal chat (this team’s group unless you name another), and so do answers with request or directory data.',
  'teams.private.sent': 'I sent you the answer in our personal chat, so it stays between us.',
  'teams.private.inviteMoved': 'Let’s continue in our personal chat: I sent you the next step there.',
  'teams.private.askPersonal':
    'I can’t open a personal chat with you from here, and this answer is not for everyone in this conversation. Ask me in a personal chat: find **Guest Access** under Apps in Teams.',
  'teams.unreachable.pendingTitle': 'Requests with approvers I could not reach',
  'teams.unreachable.pendingItem': '**{id}** · {group} · not reachable: {names}',
  'teams.unreachable.pendingHint':
    'They need the Guest Access app in Teams (install it for them, or ask them to open it).',
} as const;

export const nl: { [K in keyof typeof en]: string } = {
  'teams.unreachable.tellSome':
    'Ik kon {names} niet bereiken in Teams (de app Gasttoegang is niet voor hen geïnstalleerd, of ze hebben hem geblokkeerd), dus zij hebben je aanvraag {id} om {guests} toe te voegen aan **{group}** niet gezien. De andere goedkeurders hebben de aanvraag wel gekregen.',
  'teams.unreachable.tellAll':
    'Ik kon {names} niet bereiken in Teams (de app Gasttoegang is niet voor hen geïnstalleerd, of ze hebben hem geblokkeerd), dus niemand heeft je aanvraag {id} om {guests} toe te voegen aan **{group}** nog gezien. Vraag hen de app Gasttoegang in Teams te openen, of vraag een beheerder de app voor hen te installeren.',
  'teams.language.hint': 'Prefer English? Type **language en**.',
  'teams.language.pinned':
    'Oké: ik antwoord je voortaan in het {language}, hier en in berichten die ik je stuur. Met **taal auto** bepalen je opdrachten en je Teams-taal het weer.',
  'teams.language.auto': 'Oké: ik volg weer de taal van je opdrachten (anders je Teams-taal).',
  'teams.language.usage':
    'Ik antwoord je in het {current}. Kies met **taal nl**, **taal en** (Engels) of **taal auto**.',
  'teams.language.name.en': 'Engels',
  'teams.language.name.nl': 'Nederlands',
  'teams.help.language': '**taal** nl|en|auto: de taal waarin ik je antwoord',
  'teams.help.inGroupChat':
    'Hier beantwoord ik **hulp**, **waarom** en **uitnodigen** (je eigen gesprek). Antwoorden met aanvraag- of adreslijstgegevens komen in onze persoonlijke chat.',
  'teams.help.inChannel':
    'Hier beantwoord ik **hulp** en **waarom**; **uitnodigen** gaat verder in onze persoonlijke chat (de groep van dit team, tenzij je een andere noemt), net als antwoorden met aanvraag- of adreslijstgegevens.',
  'teams.private.sent': 'Ik heb je het antwoord in onze persoonlijke chat gestuurd, zodat het tussen ons blijft.',
  'teams.private.inviteMoved': 'We gaan verder in onze persoonlijke chat: daar staat de volgende vraag.',
  'teams.private.askPersonal':
    'Ik kan van hieruit geen persoonlijke chat met je openen, en dit antwoord is niet voor iedereen in dit gesprek. Vraag het me in een persoonlijke chat: zoek **Gasttoegang** onder Apps in Teams.',
  'teams.unreachable.pendingTitle': 'Aanvragen met goedkeurders die ik niet kon bereiken',
  'teams.unreachable.pendingItem': '**{id}** · {group} · niet bereikbaar: {names}',
  'teams.unreachable.pendingHint':
    'Zij hebben de app Gasttoegang in Teams nodig (installeer die voor hen, of vraag hen de app te openen).',
} as const;

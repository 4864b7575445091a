import { decisionView, explainDecision, type Audience } from '../../src/app/explanation/explainDecision.js';
import type { Language } from '../../src/i18n/i18n.js';
import { evaluateGuest, type PolicyContext } from '../../src/policy/index.js';
import {
  ADDR,
  blockedDomains,
  ctxOf,
  G,
  groupKind,
  groupUnified,
  invitesFrom,
  owners,
  siteSharing,
  teamsGuests,
  U,
  type Patch,
} from '../support/policyFixtures.js';

function explain(
  patches: Patch[],
  input: { requester?: string; email?: string; group?: string },
  lang: Language,
  audience: Audience,
) {
  const ctx: PolicyContext = ctxOf(...patches);
  const d = evaluateGuest(ctx, {
    groupId: input.group ?? G.team,
    requesterId: input.requester ?? U.member,
    guestEmail: input.email ?? ADDR.newGuest,
  });
  return { d, ctx, text: explainDecision(d, ctx, lang, audience), view: decisionView(d, ctx, lang, audience) };
}

const guestsOffOrg = groupUnified({ AllowToAddGuests: 'false' });

describe('explainDecision: the headline a member understands, on the first line', () => {
  test.each([
    {
      case: 'owner adds',
      requester: U.owner,
      lang: 'en',
      headline: 'You can invite new.guest@fabrikam.com and add them to Marketing right away.',
    },
    {
      case: 'owner adds an existing guest',
      requester: U.owner,
      email: ADDR.existingGuest,
      lang: 'nl',
      headline: 'Je kunt existing@partner.org direct toevoegen aan Marketing.',
    },
    {
      case: 'member needs the owner',
      requester: U.member,
      lang: 'nl',
      headline: 'new.guest@fabrikam.com kan lid worden van Marketing na goedkeuring door Olga Owner.',
    },
    {
      case: 'blocked once',
      patches: [guestsOffOrg],
      lang: 'en',
      headline: 'new.guest@fabrikam.com can’t join Marketing yet: one thing stands in the way.',
    },
    {
      case: 'blocked twice',
      patches: [guestsOffOrg, blockedDomains(['fabrikam.com'])],
      lang: 'nl',
      headline: 'new.guest@fabrikam.com kan nog geen lid worden van Marketing: er zijn 2 belemmeringen.',
    },
    {
      case: 'internal',
      email: ADDR.internal,
      lang: 'nl',
      headline: 'colleague@contoso.com is van je eigen organisatie, geen gast.',
    },
    {
      case: 'already a member',
      email: ADDR.guestMember,
      lang: 'en',
      headline: 'already@partner.org is already a member of Marketing.',
    },
    {
      case: 'malformed',
      email: 'jan(at)fabrikam',
      lang: 'en',
      headline: '“jan\\(at\\)fabrikam” is not an e-mail address I can use.',
    },
    {
      case: 'unknown group',
      group: 'g-missing',
      lang: 'nl',
      headline: 'Ik kan de groep voor new.guest@fabrikam.com niet vinden.',
    },
  ] as {
    case: string;
    patches?: Patch[];
    requester?: string;
    email?: string;
    group?: string;
    lang: Language;
    headline: string;
  }[])('$case ($lang)', ({ patches, requester, email, group, lang, headline }) => {
    const { text, view } = explain(patches ?? [], { requester, email, group }, lang, 'member');
    expect(text.split('\n')[0]).toBe(headline);
    expect(view.headline).toBe(headline);
  });
});

describe('explainDecision: per blocker what, who and where, by audience', () => {
  test('a member is told whom to ask, by name, and no PowerShell', () => {
    const { text } = explain([guestsOffOrg], {}, 'nl', 'member');
    expect(text).toContain(
      '- **Microsoft 365-groepen (organisatie):** Groepseigenaren mogen geen mensen buiten de organisatie aan Microsoft 365-groepen toevoegen: er kan geen nieuwe gast in een groep worden uitgenodigd. Een gast die al in de adreslijst staat, kan nog wel worden toegevoegd.',
    );
    expect(text).toContain('Vraag het aan Ada Admin (Globale beheerder).');
    expect(text).not.toContain('PowerShell');
    expect(text).not.toContain('Microsoft 365-beheercentrum');
  });

  test('an owner also learns where it is set', () => {
    const { text } = explain([guestsOffOrg], { requester: U.owner }, 'nl', 'owner');
    expect(text).toContain(
      'Waar: Microsoft 365-beheercentrum > Instellingen > Organisatie-instellingen > Services > Microsoft 365-groepen',
    );
    expect(text).not.toContain('PowerShell');
  });

  test('an admin gets the setting, its values, the path, PowerShell, Graph and the 24 hours', () => {
    const { text } = explain([guestsOffOrg], { requester: U.admin }, 'en', 'admin');
    expect(text).toContain('Who: Global Administrator (Ada Admin)');
    expect(text).toContain(
      'Where: Microsoft 365 admin center > Settings > Org settings > Services > Microsoft 365 Groups',
    );
    expect(text).toContain('Change: `Group.Unified.AllowToAddGuests` from `false` to `true`');
    expect(text).toContain('PowerShell: `Update-MgBetaDirectorySetting -DirectorySettingId setting-group-unified`');
    expect(text).toContain('Graph: `PATCH /groupSettings/setting-group-unified');
    expect(text).toContain('Takes up to 24 hours to take effect.');
  });

  test('the most specific role holder is named: a SharePoint Administrator for site issues', () => {
    const { text } = explain([siteSharing(G.team, 'disabled')], {}, 'en', 'member');
    expect(text).toContain('Ask Sara SharePoint (SharePoint Administrator).');
  });

  test('nobody holding the role: fall back to Global Administrators, and without those, name the role', () => {
    expect(explain([teamsGuests(false)], {}, 'en', 'member').text).toContain('Ask Ada Admin (Global Administrator).');
    const patches: Patch[] = [teamsGuests(false), (t) => t.users.forEach((u) => (u.roles = []))];
    expect(explain(patches, {}, 'nl', 'member').text).toContain(
      'Vraag het aan iemand met de rol Teams-beheerder of Globale beheerder.',
    );
  });

  test('not a member of the group: ask an owner', () => {
    expect(explain([], { requester: U.outsider }, 'en', 'member').text).toContain(
      'Ask an owner of Marketing: Olga Owner.',
    );
  });

  test('a Viva Engage group: nobody can switch it on', () => {
    const { text } = explain([groupKind(G.team, 'vivaEngage')], {}, 'nl', 'owner');
    expect(text).toContain('Dit kun je niet inschakelen.');
    expect(text).toContain('Waar: Viva Engage: verbonden groepen kunnen geen gasten hebben');
  });

  // Changed: a Guest Inviter who does not own the group never decides; the admins do, and the owners' reason is told.
  test('when no owner may invite, the explanation says why the owners can’t decide', () => {
    const { text, view } = explain([invitesFrom('adminsAndGuestInviters')], {}, 'nl', 'member');
    expect(text.split('\n')[1]).toBe(
      'Een nieuwe gast heeft een uitnodiging nodig, en geen eigenaar van Marketing mag die in deze organisatie versturen (eigenaren moeten beheerder zijn om goed te keuren). Daarom beslist een beheerder die mag uitnodigen en de groep mag beheren: Ada Admin of Uri Useradmin.',
    );
    expect(view.approvalText).toBe(text.split('\n')[1]);
  });

  test('a group without owners: an administrator decides', () => {
    expect(explain([owners(G.team, [])], {}, 'en', 'member').text).toContain(
      'Marketing has no owner with an enabled account, so an administrator decides: Ada Admin or Uri Useradmin.',
    );
  });
});

describe('explainDecision: access after joining', () => {
  test('group content, team and site, with what keeps the guest out and who fixes it', () => {
    const { text } = explain([teamsGuests(false)], { requester: U.owner }, 'en', 'admin');
    expect(text).toContain(
      '**After joining, new.guest@fabrikam.com can use**\n- Group conversations and files: yes\n- The team: no\n- The SharePoint site: yes (New and existing guests)',
    );
    expect(text).toContain(
      '- **Teams:** Guest access in Teams is off, so new.guest@fabrikam.com can’t use the team of Marketing.',
    );
    expect(text).toContain('Where: Teams admin center > Users > Guest access > Allow guest access in Teams');
    expect(text).toContain('PowerShell: `Set-CsTeamsClientConfiguration -Identity Global -AllowGuestUser $true`');
  });

  test('in Dutch, for a group without a team', () => {
    const { text } = explain([], { group: G.plain, requester: U.owner }, 'nl', 'member');
    expect(text).toContain('- Het team: de groep heeft geen team\n- De SharePoint-site: de groep heeft geen site');
  });

  test('members are not told about directory visibility; admins are', () => {
    expect(explain([], {}, 'en', 'member').text).not.toContain('directory objects');
    expect(explain([], {}, 'en', 'admin').text).toContain(
      'Guests have limited access to properties and memberships of directory objects.',
    );
  });
});

describe('explainDecision: user text is escaped', () => {
  const hostile: Patch = (t) => {
    const g = t.groups.find((x) => x.id === G.team)!;
    g.displayName = '[Click](https://evil.example) **now** ${x}';
    const owner = t.users.find((u) => u.id === U.owner)!;
    owner.displayName = 'Olga_<b>Owner</b>';
  };

  test('group and people names cannot become links, markup or template bindings', () => {
    const { text, view } = explain([hostile], {}, 'en', 'member');
    expect(text.split('\n')[0]).toBe(
      'new.guest@fabrikam.com can join \\[Click\\]\\(https://evil.example\\) \\*\\*now\\*\\* $\\{x} after approval by Olga\\_\\<b\\>Owner\\</b\\>.',
    );
    expect(JSON.stringify(view)).not.toContain('${');
    expect(JSON.stringify(view)).not.toContain('](https://evil');
  });

  test('a malformed address is echoed escaped and clipped', () => {
    const { d, text } = explain([], { email: `[a](https://evil)${'x'.repeat(500)}` }, 'en', 'member');
    expect(d.guestEmail).toHaveLength(320);
    expect(text).not.toContain('](https://evil');
  });
});

describe('decisionView', () => {
  test('facts, blockers with who/where for an owner, access and notes, in Dutch', () => {
    const { view } = explain([guestsOffOrg, teamsGuests(false)], { requester: U.owner }, 'nl', 'owner');
    expect(view).toMatchObject({
      verdict: 'blocked',
      headlineColor: 'Attention',
      title: 'Gastcontrole',
      facts: [
        { title: 'Gast', value: 'new.guest@fabrikam.com' },
        { title: 'Groep', value: 'Marketing' },
        { title: 'Uitkomst', value: 'Geblokkeerd' },
      ],
      blockersTitle: 'Wat de toegang tegenhoudt',
      blockers: [
        {
          what: 'Groepseigenaren mogen geen mensen buiten de organisatie aan Microsoft 365-groepen toevoegen: er kan geen nieuwe gast in een groep worden uitgenodigd. Een gast die al in de adreslijst staat, kan nog wel worden toegevoegd.',
          facts: [
            { title: 'Laag', value: 'Microsoft 365-groepen (organisatie)' },
            { title: 'Wie', value: 'Vraag het aan Ada Admin (Globale beheerder).' },
            {
              title: 'Waar',
              value:
                'Microsoft 365-beheercentrum > Instellingen > Organisatie-instellingen > Services > Microsoft 365-groepen',
            },
            { title: 'Van kracht', value: 'Binnen 24 uur na de wijziging' },
          ],
        },
      ],
      access: [
        { text: 'Groepsgesprekken en -bestanden: ja' },
        { text: 'Het team: nee' },
        { text: 'De SharePoint-site: ja (Nieuwe en bestaande gasten)' },
      ],
      accessIssues: [
        {
          what: 'Gasttoegang in Teams is uitgeschakeld, dus new.guest@fabrikam.com kan het team van Marketing niet gebruiken.',
        },
      ],
    });
    expect(view.notes.map((n) => n.text)).toContain(
      'Na een wijziging kan het tot 24 uur duren voordat een instelling van kracht wordt.',
    );
  });

  test('needs approval: who decides and whether an invitation goes out', () => {
    const { view } = explain([], {}, 'en', 'member');
    expect(view.headlineColor).toBe('Warning');
    expect(view.facts).toEqual([
      { title: 'Guest', value: 'new.guest@fabrikam.com' },
      { title: 'Group', value: 'Marketing' },
      { title: 'Outcome', value: 'Needs approval' },
      { title: 'Decides', value: 'Olga Owner' },
      { title: 'Invitation', value: 'Needed (new guest)' },
    ]);
  });

  test('an admin sees the change, PowerShell and Graph as facts', () => {
    const { view } = explain([guestsOffOrg], { requester: U.admin }, 'en', 'admin');
    expect(view.blockers[0].facts.map((f) => f.title)).toEqual([
      'Layer',
      'Who',
      'Where',
      'Change',
      'PowerShell',
      'Graph',
      'Takes effect',
    ]);
  });
});

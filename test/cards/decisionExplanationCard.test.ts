import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { decisionView, type Audience } from '../../src/app/explanation/explainDecision.js';
import { buildDecisionExplanationCard, type DecisionExplanationView } from '../../src/cards/decisionExplanationCard.js';
import type { Language } from '../../src/i18n/i18n.js';
import { evaluateGuest } from '../../src/policy/index.js';
import { ADDR, blockedDomains, ctxOf, G, groupUnified, teamsGuests, U, type Patch } from '../support/policyFixtures.js';

const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js');

/** Parse problems (unknown types, bad enum values) land in the context; the rest in validateProperties(). */
function cardProblems(card: object): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  for (const e of parsed.validateProperties().validationEvents) problems.push(e.message);
  return problems;
}

function view(
  patches: Patch[],
  requester: string,
  email: string,
  lang: Language,
  audience: Audience,
): DecisionExplanationView {
  const ctx = ctxOf(...patches);
  return decisionView(
    evaluateGuest(ctx, { groupId: G.team, requesterId: requester, guestEmail: email }),
    ctx,
    lang,
    audience,
  );
}

const hostile: Patch = (t) => {
  t.groups.find((g) => g.id === G.team)!.displayName = '${x} [a](https://evil) **b** ${ $root.title }';
  t.users.find((u) => u.id === U.owner)!.displayName = '${owner} [o](https://evil)';
};

describe('decisionExplanation card', () => {
  test('the template holds bindings only, no text of its own', () => {
    const template = readFileSync(new URL('../../cards/decisionExplanation.json', import.meta.url), 'utf8');
    const texts = [...template.matchAll(/"(?:text|title|value)":\s*"([^"]*)"/g)].map((m) => m[1]);
    expect(texts.length).toBeGreaterThan(5);
    for (const text of texts) expect(text).toMatch(/^\$\{[^}]+\}$/);
  });

  test.each([
    {
      case: 'blocked, admin, English',
      patches: [groupUnified({ AllowToAddGuests: 'false' }), blockedDomains(['fabrikam.com']), teamsGuests(false)],
      requester: U.admin,
      email: ADDR.newGuest,
      lang: 'en',
      audience: 'admin',
    },
    {
      case: 'blocked, member, Dutch',
      patches: [groupUnified({ AllowToAddGuests: 'false' })],
      requester: U.member,
      email: ADDR.newGuest,
      lang: 'nl',
      audience: 'member',
    },
    {
      case: 'needs approval, hostile names',
      patches: [hostile],
      requester: U.member,
      email: ADDR.newGuest,
      lang: 'en',
      audience: 'owner',
    },
    {
      case: 'blocked, hostile names, admin',
      patches: [hostile, groupUnified({ AllowToAddGuests: 'false' })],
      requester: U.admin,
      email: ADDR.newGuest,
      lang: 'nl',
      audience: 'admin',
    },
    {
      case: 'add now, nothing to say',
      patches: [],
      requester: U.owner,
      email: ADDR.existingGuest,
      lang: 'en',
      audience: 'member',
    },
    {
      case: 'internal address',
      patches: [],
      requester: U.member,
      email: ADDR.internal,
      lang: 'nl',
      audience: 'member',
    },
    {
      case: 'malformed hostile address',
      patches: [],
      requester: U.member,
      email: '${x}[a](https://evil)',
      lang: 'en',
      audience: 'admin',
    },
  ] as { case: string; patches: Patch[]; requester: string; email: string; lang: Language; audience: Audience }[])(
    '$case: valid Adaptive Card 1.5, every binding expanded, user text inert',
    ({ patches, requester, email, lang, audience }) => {
      const v = view(patches, requester, email, lang, audience);
      const card = buildDecisionExplanationCard(v);
      const json = JSON.stringify(card);
      expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
      expect(cardProblems(card)).toEqual([]);
      expect(json).not.toContain('${');
      expect(json).not.toContain('](https://evil');
      expect(json).toContain(JSON.stringify(v.headline).slice(1, -1));
    },
  );

  test('the validation used above does catch a broken card', () => {
    const broken = buildDecisionExplanationCard({
      ...view([], U.member, ADDR.newGuest, 'en', 'member'),
      headlineColor: 'Purple' as 'Good',
    });
    expect(cardProblems(broken)).toEqual(['Invalid value "Purple" for property "color".']);
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Bogus' }] })).toHaveLength(1);
  });

  test('sections appear only when they have content', () => {
    const blocked = JSON.stringify(
      buildDecisionExplanationCard(
        view([groupUnified({ AllowToAddGuests: 'false' })], U.member, ADDR.newGuest, 'en', 'member'),
      ),
    );
    expect(blocked).toContain('What stands in the way');
    expect(blocked).toContain(
      'Group owners may not add people outside the organisation to Microsoft 365 groups: no new guest can be invited into any group.',
    );
    const internal = JSON.stringify(buildDecisionExplanationCard(view([], U.member, ADDR.internal, 'en', 'member')));
    expect(internal).not.toContain('What stands in the way');
    expect(internal).not.toContain('can use');
    expect(internal).toContain('Good to know');
  });

  test('hostile text reaches the card escaped, as data', () => {
    const json = JSON.stringify(buildDecisionExplanationCard(view([hostile], U.member, ADDR.newGuest, 'en', 'member')));
    expect(json).toContain('$\\\\{x} \\\\[a\\\\]\\\\(https://evil\\\\) \\\\*\\\\*b\\\\*\\\\*');
    expect(json).toContain('$\\\\{owner}');
  });
});

import { evaluateGuest } from '../../src/policy/index.js';
import { allowedDomains, blockedDomains, ctxOf, G, spDomains, U, type Patch } from '../support/policyFixtures.js';

function codes(patches: Patch[], email: string): string[] {
  const d = evaluateGuest(ctxOf(...patches), { groupId: G.team, requesterId: U.owner, guestEmail: email });
  return [...d.blockers, ...d.accessIssues].map((b) => b.code);
}

// Decided: a block entry covers its subdomains; an allow entry only itself unless written as a wildcard;
// a wildcard covers subdomains, not the domain itself. Case and IDN form never matter.
describe('domain lists: case, IDN and subdomains', () => {
  test.each([
    { list: 'block', entry: 'fabrikam.com', email: 'a@fabrikam.com', blocked: true },
    { list: 'block', entry: 'fabrikam.com', email: 'a@eu.sales.fabrikam.com', blocked: true },
    { list: 'block', entry: 'bam.com', email: 'a@fabrikam.com', blocked: false },
    { list: 'block', entry: 'FABRIKAM.COM', email: 'a@Fabrikam.Com', blocked: true },
    { list: 'block', entry: '@fabrikam.com', email: 'a@fabrikam.com', blocked: true },
    { list: 'block', entry: '*.fabrikam.com', email: 'a@fabrikam.com', blocked: false },
    { list: 'block', entry: '*.fabrikam.com', email: 'a@eu.fabrikam.com', blocked: true },
    { list: 'block', entry: 'münchen.de', email: 'a@xn--mnchen-3ya.de', blocked: true },
    { list: 'block', entry: 'xn--mnchen-3ya.de', email: 'a@MÜNCHEN.de', blocked: true },
    { list: 'allow', entry: 'fabrikam.com', email: 'a@fabrikam.com', blocked: false },
    { list: 'allow', entry: 'fabrikam.com', email: 'a@eu.fabrikam.com', blocked: true },
    { list: 'allow', entry: '*.fabrikam.com', email: 'a@eu.fabrikam.com', blocked: false },
    { list: 'allow', entry: '*.fabrikam.com', email: 'a@fabrikam.com', blocked: true },
    { list: 'allow', entry: '.fabrikam.com', email: 'a@eu.fabrikam.com', blocked: false },
    { list: 'allow', entry: ' Fabrikam.COM ', email: 'a@fabrikam.com', blocked: false },
    { list: 'allow', entry: 'bücher.example', email: 'a@xn--bcher-kva.example', blocked: false },
    { list: 'allow', entry: 'not a domain', email: 'a@fabrikam.com', blocked: true },
  ])('Entra $list list [$entry], $email → blocked: $blocked', ({ list, entry, email, blocked }) => {
    const patch = list === 'block' ? blockedDomains([entry]) : allowedDomains([entry]);
    const expected = list === 'block' ? 'DOMAIN_BLOCKED' : 'DOMAIN_NOT_ALLOWED';
    expect(codes([patch], email)).toEqual(blocked ? [expected] : []);
  });

  test.each([
    { mode: 'blockList', entry: 'fabrikam.com', email: 'a@eu.fabrikam.com', issue: 'SITE_DOMAIN_BLOCKED' },
    { mode: 'blockList', entry: '*.fabrikam.com', email: 'a@fabrikam.com', issue: undefined },
    { mode: 'allowList', entry: 'fabrikam.com', email: 'a@eu.fabrikam.com', issue: 'SITE_DOMAIN_NOT_ALLOWED' },
    { mode: 'allowList', entry: '*.fabrikam.com', email: 'a@eu.fabrikam.com', issue: undefined },
    { mode: 'allowList', entry: 'münchen.de', email: 'a@xn--mnchen-3ya.de', issue: undefined },
  ] as const)('SharePoint $mode [$entry], $email → $issue', ({ mode, entry, email, issue }) => {
    expect(codes([spDomains(mode, [entry])], email)).toEqual(issue ? [issue] : []);
  });

  test('SharePoint lists only count in their mode', () => {
    const listsWithoutMode: Patch = (t) => {
      t.sharePoint.sharingBlockedDomainList = ['fabrikam.com'];
      t.sharePoint.sharingAllowedDomainList = ['northwind.example'];
    };
    expect(codes([listsWithoutMode], 'a@fabrikam.com')).toEqual([]);
  });
});

describe('a long domain list as an admin reads it in the fix', () => {
  function firstBlocker(patches: Patch[], email: string) {
    const d = evaluateGuest(ctxOf(...patches), { groupId: G.team, requesterId: U.owner, guestEmail: email });
    return [...d.blockers, ...d.accessIssues][0];
  }
  const seven = ['a.com', 'b.com', 'c.com', 'd.com', 'e.com', 'f.com', 'fabrikam.com'];

  test('a block list of seven: five shown and how many more; the fix is the list without the entry', () => {
    expect(firstBlocker([blockedDomains(seven)], 'x@sales.fabrikam.com')).toMatchObject({
      code: 'DOMAIN_BLOCKED',
      currentValue: '[a.com, b.com, c.com, d.com, e.com, … +2]',
      allowingValue: '[a.com, b.com, c.com, d.com, e.com, … +1]',
      subject: 'sales.fabrikam.com',
    });
  });

  test('a block list of six: the fix shows all five that stay', () => {
    expect(firstBlocker([blockedDomains(seven.slice(1))], 'x@fabrikam.com')).toMatchObject({
      currentValue: '[b.com, c.com, d.com, e.com, f.com, … +1]',
      allowingValue: '[b.com, c.com, d.com, e.com, f.com]',
    });
  });

  test('an allow list: the fix is its last four entries with the domain added, “…” for the rest', () => {
    const six = seven.slice(0, 6);
    expect(firstBlocker([allowedDomains(six)], 'x@fabrikam.com')).toMatchObject({
      code: 'DOMAIN_NOT_ALLOWED',
      currentValue: '[a.com, b.com, c.com, d.com, e.com, … +1]',
      allowingValue: '[…, c.com, d.com, e.com, f.com, fabrikam.com]',
    });
    expect(firstBlocker([allowedDomains(six.slice(2))], 'x@fabrikam.com')).toMatchObject({
      currentValue: '[c.com, d.com, e.com, f.com]',
      allowingValue: '[c.com, d.com, e.com, f.com, fabrikam.com]',
    });
  });

  test('an entry that is no domain is left out of what is shown; “@domain” and “.domain” entries are shown as written', () => {
    expect(firstBlocker([blockedDomains(['not a domain', '@fabrikam.com'])], 'x@fabrikam.com')).toMatchObject({
      currentValue: '[@fabrikam.com]',
      allowingValue: '[]',
    });
    expect(
      firstBlocker([spDomains('blockList', ['.fabrikam.com', 'fabrikam.com'])], 'x@eu.fabrikam.com'),
    ).toMatchObject({
      code: 'SITE_DOMAIN_BLOCKED',
      currentValue: '[.fabrikam.com, fabrikam.com]',
      allowingValue: '[fabrikam.com]',
    });
  });
});

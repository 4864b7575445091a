import { domainToASCII } from 'node:url';
import fc from 'fast-check';
import { domainToAscii, normaliseDomain, normaliseEmail, punycodeEncode } from '../../src/policy/index.js';

describe('normaliseEmail', () => {
  test.each([
    ['jan@fabrikam.com', 'jan@fabrikam.com', 'fabrikam.com'],
    ['  Jan.de.Vries@Fabrikam.COM\t', 'jan.de.vries@fabrikam.com', 'fabrikam.com'],
    ["o'brien+tag@sub.example.co.uk", "o'brien+tag@sub.example.co.uk", 'sub.example.co.uk'],
    ['jan@münchen.de', 'jan@xn--mnchen-3ya.de', 'xn--mnchen-3ya.de'],
    ['JAN@MÜNCHEN.DE', 'jan@xn--mnchen-3ya.de', 'xn--mnchen-3ya.de'],
    ['jan@xn--mnchen-3ya.de', 'jan@xn--mnchen-3ya.de', 'xn--mnchen-3ya.de'],
    ['taro@例え.テスト', 'taro@xn--r8jz45g.xn--zckzah', 'xn--r8jz45g.xn--zckzah'],
    ['a@例え。テスト', 'a@xn--r8jz45g.xn--zckzah', 'xn--r8jz45g.xn--zckzah'],
    ['Ünal@fabrikam.com', 'ünal@fabrikam.com', 'fabrikam.com'],
    ['a@1.2.3.com', 'a@1.2.3.com', '1.2.3.com'],
  ])('%s → %s', (raw, email, domain) => {
    const n = normaliseEmail(raw);
    expect(n).toEqual({ ok: true, email, local: email.slice(0, email.lastIndexOf('@')), domain });
  });

  test.each([
    '',
    '   ',
    'jan',
    '@fabrikam.com',
    'jan@',
    'jan@@fabrikam.com',
    'a@b@fabrikam.com',
    'jan@fabrikam',
    'jan@.fabrikam.com',
    'jan@fabrikam..com',
    'jan@fabrikam.com.',
    'jan@-fabrikam.com',
    'jan@fabrikam-.com',
    'jan@fab_rikam.com',
    'jan@[10.0.0.1]',
    'jan@10.0.0.1',
    '.jan@fabrikam.com',
    'jan.@fabrikam.com',
    'j..an@fabrikam.com',
    'j an@fabrikam.com',
    '"jan"@fabrikam.com',
    'jan@fab rikam.com',
    'jan\u00a0x@fabrikam.com',
    `${'a'.repeat(65)}@fabrikam.com`,
    `a@${'b'.repeat(64)}.com`,
    `a@${'b.'.repeat(130)}com`,
    '[a](https://evil)@fabrikam.com',
  ])('refuses %j', (raw) => {
    expect(normaliseEmail(raw)).toEqual({ ok: false, code: 'ADDRESS_INVALID' });
  });

  test('normalising twice changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.constantFrom('fabrikam.com', 'MÜNCHEN.de', 'xn--bcher-kva.example', 'A.B.C'), (local, domain) => {
        const once = normaliseEmail(`${local}@${domain}`);
        if (!once.ok) return;
        expect(normaliseEmail(once.email)).toEqual(once);
      }),
      { numRuns: 200 },
    );
  });

  test('a domain alone', () => {
    expect(normaliseDomain(' Bücher.Example ')).toBe('xn--bcher-kva.example');
    expect(normaliseDomain('*.example.com')).toBeUndefined();
  });
});

describe('Punycode (RFC 3492) and IDNA ToASCII', () => {
  // RFC 3492 §7.1 sample strings; the encoder keeps basic code points as they are.
  test.each([
    ['\u0644\u064A\u0647\u0645\u0627\u0628\u062A\u0643\u0644\u0645\u0648\u0634\u0639\u0631\u0628\u064A\u061F', 'egbpdaj6bu4bxfgehfvwxn'],
    ['\u4ED6\u4EEC\u4E3A\u4EC0\u4E48\u4E0D\u8BF4\u4E2D\u6587', 'ihqwcrb4cv8a8dqg056pqjye'],
    ['\u0050\u0072\u006F\u010D\u0070\u0072\u006F\u0073\u0074\u011B\u006E\u0065\u006D\u006C\u0075\u0076\u00ED\u010D\u0065\u0073\u006B\u0079', 'Proprostnemluvesky-uyb24dma41a'],
    ['3\u5E74B\u7D44\u91D1\u516B\u5148\u751F', '3B-ww4c5e180e575a65lsy2b'],
    ['\u3072\u3068\u3064\u5C4B\u6839\u306E\u4E0B2', '2-u9tlzr9756bt3uc0v'],
    ['münchen', 'mnchen-3ya'],
  ])('encode %s', (input, output) => {
    expect(punycodeEncode(input)).toBe(output);
  });

  test.each([
    ['münchen.de', 'xn--mnchen-3ya.de'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['例え.テスト', 'xn--r8jz45g.xn--zckzah'],
    ['straße.de', 'xn--strae-oqa.de'],
    ['fabrikam.com', 'fabrikam.com'],
    ['FABRIKAM.com', 'fabrikam.com'],
  ])('%s → %s', (unicode, ascii) => {
    expect(domainToAscii(unicode)).toBe(ascii);
  });

  test('agrees with the WHATWG URL host parser for lower-case international labels', () => {
    // One script per label: Node applies the IDNA bidi rules to mixed right-to-left labels and refuses them.
    const scripts = ['abcdefghijklmnopqrstuvwxyz0123456789äöüéèêçñøåæßłžšđğış-', 'αβγδεζηθλμξπσω', 'абвгджзщюя', 'אבגדהוזחט', 'ابتثجحخدمنه', '中文日本語漢字例', '한국어도메인'];
    const label = fc
      .constantFrom(...scripts)
      .chain((script) => fc.array(fc.constantFrom(...script.split('')), { minLength: 1, maxLength: 12 }))
      .map((cs) => cs.join(''))
      .filter((l) => !l.startsWith('-') && !l.endsWith('-') && l.slice(2, 4) !== '--');
    let compared = 0;
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 3 }), (labels) => {
        const domain = `${labels.join('.')}.example`;
        const expected = domainToASCII(domain);
        if (expected === '') return;
        compared += 1;
        expect(domainToAscii(domain)).toBe(expected);
      }),
      { numRuns: 200 },
    );
    expect(compared).toBeGreaterThan(150);
  });
});

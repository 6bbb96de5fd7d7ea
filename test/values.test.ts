import {
  cleanId,
  cleanText,
  fixMojibake,
  isBlank,
  isErrorValue,
  normalizeEmail,
  normalizeHandle,
  normalizePhone,
  numberText,
  parseBool,
  parseCount,
  parseDate,
  parseMoney,
  platformOfUrl,
} from '../src/core/values';
import type { Cell } from '../src/core/types';

const iso = (t: number | undefined): string | undefined => (t === undefined ? undefined : new Date(t).toISOString());

describe('cleanText', () => {
  test.each<[Cell, string]>([
    [null, ''],
    [undefined, ''],
    ['  plain  ', 'plain'],
    ['\uFEFFFirst Name', 'First Name'],
    ["'90503", '90503'],
    ["\uFEFF'00501", '00501'],
    ["'jane'", 'jane'],
    ["'", ''],
    ['"Jane Doe"', 'Jane Doe'],
    ['""quoted twice""', 'quoted twice'],
    ['\u201CSmart\u201D', 'Smart'],
    ['Jane  Doe', 'Jane Doe'],
    ['Jane \t Doe', 'Jane Doe'],
    ['Jane\u00A0Doe', 'Jane Doe'],
    ['line one \n line two', 'line one\nline two'],
    ['JosÃ©', 'José'],
    ['It\u00e2\u0080\u0099s', 'It\u2019s'],
    ['Itâ€™s', 'It\u2019s'],
    ['BjÃ¶rk GuÃ°mundsdÃ³ttir', 'Björk Guðmundsdóttir'],
    ['ZoÃ«  Ã‰lise', 'Zoë Élise'],
    ['Café', 'Café'],
    ['Ã€ bientôt', 'Ã€ bientôt'], // mixed correct text: left alone
    [7022550000000, '7022550000000'],
    [1e21, '1000000000000000000000'],
    [12.5, '12.5'],
    [0.0000001, '0.0000001'],
    [true, 'TRUE'],
    [false, 'FALSE'],
    ['7.02255E+12', '7.02255E+12'],
  ])('%p → %p', (input, want) => {
    expect(cleanText(input)).toBe(want);
  });

  test('a Date at midnight becomes an ISO date, another time an ISO instant', () => {
    expect(cleanText(new Date(2024, 2, 12))).toBe('2024-03-12');
    expect(cleanText(new Date(Date.UTC(2024, 2, 12, 10, 30, 5, 1)))).toMatch(/^2024-03-12T10:30:05\.001Z$|^2024-03-1\d$/);
    expect(cleanText(new Date(NaN))).toBe('');
  });
});

describe('fixMojibake', () => {
  test.each<[string, string]>([
    ['JosÃ©', 'José'],
    ['\u00e2\u0080\u0099', '\u2019'],
    ['\u00f0\u009f\u0098\u008a', '\u{1F60A}'],
    ['MÃ¼ller', 'Müller'],
    ['Ã±', 'ñ'],
    ['ÃƒÂ©', 'é'], // mis-decoded twice
    ['José', 'José'],
    ['Müller', 'Müller'],
    ['plain ascii', 'plain ascii'],
    ['Â', 'Â'], // a lone lead byte is not valid UTF-8
    ['Ã©tÃ© 😀', 'Ã©tÃ© 😀'], // a real character beyond Latin-1: the whole string was not mis-decoded
  ])('%p → %p', (input, want) => {
    expect(fixMojibake(input)).toBe(want);
  });
});

describe('numberText', () => {
  test.each<[number, string]>([
    [7.02255e12, '7022550000000'],
    [1234, '1234'],
    [-5, '-5'],
    [1e22, '10000000000000000000000'],
    [1.5e-7, '0.00000015'],
  ])('%p → %p', (n, want) => expect(numberText(n)).toBe(want));
});

describe('isBlank', () => {
  test.each<[Cell, boolean]>([
    [null, true],
    [undefined, true],
    ['', true],
    ['   ', true],
    ['\uFEFF', true],
    ['x', false],
    [0, false],
    [false, false],
    [new Date(0), false],
  ])('%p → %p', (v, want) => expect(isBlank(v)).toBe(want));
});

describe('isErrorValue', () => {
  test.each<[Cell, boolean]>([
    ['#N/A', true], ['#REF!', true], ['#VALUE!', true], ['#DIV/0!', true], ['#NAME?', true], ['#NUM!', true], ['#NULL!', true],
    ['#ERROR!', true], ['#SPILL!', true], ['#CALC!', true], [' #n/a ', true],
    ['#1001', false], ['#', false], ['N/A', false], ['', false], [null, false], [0, false],
  ])('%p → %p', (v, want) => expect(isErrorValue(v)).toBe(want));
});

describe('parseCount', () => {
  test.each<[Cell, number | undefined]>([
    [1234, 1234],
    ['1234', 1234],
    ['1,234', 1234],
    ['1,234,567', 1234567],
    ['12 345', 12345],
    ['12\u00A0345', 12345],
    ['1.234', 1234],
    ['1.234.567', 1234567],
    ['12,34,567', 1234567], // Indian grouping
    ["1'234", 1234],
    ['1.2k', 1200],
    ['1.2K', 1200],
    ['1,2k', 1200],
    ['15k', 15000],
    ['3M', 3000000],
    ['3.5m', 3500000],
    ['2B', 2000000000],
    ['1.5 million', 1500000],
    ['10K+', 10000],
    ['0', 0],
    ["'42", 42],
    ['"1,234"', 1234],
    ['', undefined],
    ['abc', undefined],
    ['12x', undefined],
    ['1,23,4', undefined],
    [true, undefined],
    [null, undefined],
    [NaN, undefined],
  ])('%p → %p', (v, want) => expect(parseCount(v)).toBe(want));
});

describe('parseMoney', () => {
  test.each<[Cell, number | undefined]>([
    [12.5, 12.5],
    ['12.50', 12.5],
    ['$1,234.56', 1234.56],
    ['(12.34)', -12.34],
    ['($33.62)', -33.62],
    ['-$0.93', -0.93],
    ['$-0.93', -0.93],
    ['-0.93', -0.93],
    ['\u22120.93', -0.93],
    ['0.93-', -0.93],
    ['$22.50', 22.5],
    ['0,25', 0.25],
    ['"0,25"', 0.25],
    ['1.250,00', 1250],
    ['1 250,00', 1250],
    ['1,250.00', 1250],
    ['"1,250.00"', 1250],
    ['1,250', 1250],
    ['12,5', 12.5],
    ['€12', 12],
    ['12 €', 12],
    ['£9.99', 9.99],
    ['¥1,200', 1200],
    ['12.00 USD', 12],
    ['USD 12.00', 12],
    ['EUR 1.234,56', 1234.56],
    ["CHF 1'234.50", 1234.5],
    ['R$ 10,00', 10],
    ['kr 99,00', 99],
    ['A$15', 15],
    ['0', 0],
    ['$0.00', 0],
    ['', undefined],
    ['-', undefined],
    ['N/A', undefined],
    ['free', undefined],
    ['1e5', undefined],
    ['2024-01-02', undefined],
    ['12 items', undefined],
    [true, undefined],
    [null, undefined],
  ])('%p → %p', (v, want) => expect(parseMoney(v)).toBe(want));
});

describe('parseBool', () => {
  test.each<[Cell, boolean | undefined]>([
    [true, true],
    [false, false],
    [1, true],
    [0, false],
    [2, undefined],
    ['TRUE', true],
    ['FALSE', false],
    ['true', true],
    ['yes', true],
    ['Yes', true],
    ['no', false],
    ['Y', true],
    ['n', false],
    ['1', true],
    ['0', false],
    ['x', true],
    ['X', true],
    ['✓', true],
    [' yes ', true],
    ["'TRUE", true],
    ['', undefined],
    ['maybe', undefined],
    [null, undefined],
  ])('%p → %p', (v, want) => expect(parseBool(v)).toBe(want));
});

describe('parseDate', () => {
  test.each<[Cell, string | undefined]>([
    ['2026-05-12 12:08:27 -0700', '2026-05-12T19:08:27.000Z'],
    ['2026-05-12 12:08:27 +0530', '2026-05-12T06:38:27.000Z'],
    ['2024-03-12T10:00:00+01:00', '2024-03-12T09:00:00.000Z'],
    ['2024-03-12T10:00:00.250Z', '2024-03-12T10:00:00.250Z'],
    ['2024-03-12T10:00:00Z', '2024-03-12T10:00:00.000Z'],
    ['2024-03-12', '2024-03-12T00:00:00.000Z'],
    ['2024/03/12', '2024-03-12T00:00:00.000Z'],
    ['2021-11-11 01:22:22', '2021-11-11T01:22:22.000Z'],
    ['2025-08-02 01:00:44 UTC', '2025-08-02T01:00:44.000Z'],
    ['2024-03-12 10:00 PST', '2024-03-12T18:00:00.000Z'],
    ['05/12/26', '2026-05-12T00:00:00.000Z'],
    ['5/12/2026', '2026-05-12T00:00:00.000Z'],
    ['12/31/99', '1999-12-31T00:00:00.000Z'],
    ['13/05/2026', '2026-05-13T00:00:00.000Z'],
    ['12.05.2026', '2026-05-12T00:00:00.000Z'],
    ['1.2.2024', '2024-02-01T00:00:00.000Z'],
    ['03/12/2024 14:05:00', '2024-03-12T14:05:00.000Z'],
    ['03/12/2024 2:05 PM', '2024-03-12T14:05:00.000Z'],
    ['03/12/2024 12:05 AM', '2024-03-12T00:05:00.000Z'],
    ['Dec 8, 2024', '2024-12-08T00:00:00.000Z'],
    ['December 8, 2024', '2024-12-08T00:00:00.000Z'],
    ['Dec 8, 2024 3:04 PM', '2024-12-08T15:04:00.000Z'],
    ['Sept. 3, 2024', '2024-09-03T00:00:00.000Z'],
    ['12 Mar 2024', '2024-03-12T00:00:00.000Z'],
    ['1st March 2024', '2024-03-01T00:00:00.000Z'],
    ['08-Dec-24', '2024-12-08T00:00:00.000Z'],
    ['Sat, 12 Mar 2024 10:00:00 GMT', '2024-03-12T10:00:00.000Z'],
    ['Tue Mar 12 2024 10:00:00 GMT+0100 (Central European Standard Time)', '2024-03-12T09:00:00.000Z'],
    [1736791494, '2025-01-13T18:04:54.000Z'],
    ['1736791494', '2025-01-13T18:04:54.000Z'],
    [1736791494000, '2025-01-13T18:04:54.000Z'],
    ['1736791494000', '2025-01-13T18:04:54.000Z'],
    [45000, '2023-03-15T00:00:00.000Z'],
    [45000.5, '2023-03-15T12:00:00.000Z'],
    ['45000', '2023-03-15T00:00:00.000Z'],
    [20240312, '2024-03-12T00:00:00.000Z'],
    ["'2024-03-12", '2024-03-12T00:00:00.000Z'],
    ['02/30/2024', undefined],
    ['2023-02-29', undefined],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['13/13/2024', undefined],
    ['not a date', undefined],
    ['Dec 8', undefined],
    ['2024-03-12 banana', undefined],
    ['', undefined],
    [0, undefined],
    [-5, undefined],
    [true, undefined],
    [null, undefined],
  ])('%p → %p', (v, want) => expect(iso(parseDate(v))).toBe(want));

  test('DMY order reads an ambiguous slash date day first; an unambiguous one either way', () => {
    expect(iso(parseDate('05/12/2026', 'DMY'))).toBe('2026-12-05T00:00:00.000Z');
    expect(iso(parseDate('05/12/2026', 'MDY'))).toBe('2026-05-12T00:00:00.000Z');
    expect(iso(parseDate('25/12/2026', 'MDY'))).toBe('2026-12-25T00:00:00.000Z');
    expect(iso(parseDate('12/25/2026', 'DMY'))).toBe('2026-12-25T00:00:00.000Z');
  });

  test('a Date value is its own instant', () => {
    const d = new Date(Date.UTC(2024, 2, 12, 10));
    expect(parseDate(d)).toBe(d.getTime());
    expect(parseDate(new Date(NaN))).toBeUndefined();
  });
});

describe('IDs, phones, emails', () => {
  test.each<[Cell, string]>([
    ["'90503", '90503'],
    ['"90503"', '90503'],
    ['\'"+1 555 0100"', '+1 555 0100'],
    ['7.02255E+12', '7.02255E+12'],
    [7022550000000, '7022550000000'],
    ['1295862231402459136', '1295862231402459136'],
  ])('cleanId %p → %p', (v, want) => expect(cleanId(v)).toBe(want));

  test.each<[Cell, string]>([
    ['+1 (555) 123-4567', '+15551234567'],
    ["'+1 555-123-4567", '+15551234567'],
    ['"555-123-4567"', '5551234567'],
    ['0044 20 7946 0958', '+442079460958'],
    ['7.02255E+12', ''],
    ['123', ''],
    [5551234567, '5551234567'],
  ])('normalizePhone %p → %p', (v, want) => expect(normalizePhone(v)).toBe(want));

  test.each<[Cell, string]>([
    ['Jane@Example.COM ', 'jane@example.com'],
    ['"jane@example.com"', 'jane@example.com'],
    ['Jane Doe <Jane@Example.com>', 'jane@example.com'],
    ['mailto:a@b.co', 'a@b.co'],
    ['jane.doe', ''],
    ['jane@', ''],
    ['', ''],
    [null, ''],
  ])('normalizeEmail %p → %p', (v, want) => expect(normalizeEmail(v)).toBe(want));
});

describe('normalizeHandle', () => {
  test.each<[Cell, string]>([
    ['@Jane.Doe', 'jane.doe'],
    ['jane.doe', 'jane.doe'],
    ['  @@jane_doe  ', 'jane_doe'],
    ["'@jane", 'jane'],
    ['https://www.instagram.com/jane.doe', 'jane.doe'],
    ['https://www.instagram.com/jane.doe/', 'jane.doe'],
    ['https://instagram.com/Jane.Doe/?hl=en', 'jane.doe'],
    ['https://www.instagram.com/_u/jane.doe', 'jane.doe'],
    ['instagram.com/jane.doe', 'jane.doe'],
    ['www.instagram.com/jane.doe', 'jane.doe'],
    ['https://www.instagram.com/stories/jane.doe/3312/', 'jane.doe'],
    ['https://www.instagram.com/p/Cx1234/', ''],
    ['https://x.com/JaneDoe', 'janedoe'],
    ['https://twitter.com/JaneDoe/status/1', 'janedoe'],
    ['https://mobile.twitter.com/janedoe', 'janedoe'],
    ['https://twitter.com/intent/user?screen_name=JaneDoe', 'janedoe'],
    ['https://twitter.com/intent/user?user_id=1295862231402459136', ''],
    ['https://www.tiktok.com/@jane.doe', 'jane.doe'],
    ['https://www.tiktok.com/@jane.doe?lang=en', 'jane.doe'],
    ['https://www.threads.net/@jane.doe', 'jane.doe'],
    ['https://www.threads.com/@jane.doe', 'jane.doe'],
    ['https://www.threads.com/jane.doe', 'jane.doe'],
    ['https://bsky.app/profile/jane.bsky.social', 'jane.bsky.social'],
    ['https://bsky.app/profile/did:plc:abc123', 'did:plc:abc123'],
    ['https://www.facebook.com/jane.doe', 'jane.doe'],
    ['https://m.facebook.com/jane.doe/', 'jane.doe'],
    ['https://www.facebook.com/profile.php?id=100012345', '100012345'],
    ['https://www.linkedin.com/in/jane-doe-1a2b3c/', 'jane-doe-1a2b3c'],
    ['https://uk.linkedin.com/in/jane-doe', 'jane-doe'],
    ['https://www.pinterest.com/janedoe/', 'janedoe'],
    ['https://www.pinterest.co.uk/janedoe/boards/', 'janedoe'],
    ['https://www.youtube.com/@JaneDoe', 'janedoe'],
    ['@jane@mastodon.social', 'jane@mastodon.social'],
    ['jane@mastodon.social', 'jane@mastodon.social'],
    ['https://mastodon.social/@Jane', 'jane@mastodon.social'],
    ['https://example.com/about', ''],
    ['#N/A', ''],
    ['#REF!', ''],
    ['#ERROR!', ''],
    ['-', ''],
    ['—', ''],
    ['?', ''],
    ['...', ''],
    ["''", ''],
    ['n/a', ''],
    ['N/A', ''],
    ['', ''],
    [null, ''],
    [12345, '12345'],
  ])('%p → %p', (v, want) => expect(normalizeHandle(v)).toBe(want));

  test.each<[Cell, string | undefined]>([
    ['https://www.instagram.com/jane', 'instagram'],
    ['https://x.com/jane', 'x'],
    ['https://twitter.com/jane', 'x'],
    ['https://www.tiktok.com/@jane', 'tiktok'],
    ['https://www.threads.net/@jane', 'threads'],
    ['https://bsky.app/profile/jane.bsky.social', 'bluesky'],
    ['https://www.facebook.com/jane', 'facebook'],
    ['https://www.linkedin.com/in/jane', 'linkedin'],
    ['https://pinterest.com/jane', 'pinterest'],
    ['jane', undefined],
    ['https://example.com/jane', undefined],
  ])('platformOfUrl %p → %p', (v, want) => expect(platformOfUrl(v)).toBe(want));
});

describe('round trips (fast-check)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fc = require('fast-check') as typeof import('fast-check');

  test('counts formatted the US, German, French and Swiss ways read back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2e9 }), (n) => {
        for (const locale of ['en-US', 'de-DE', 'fr-FR', 'de-CH']) expect(parseCount(n.toLocaleString(locale))).toBe(n);
      }),
    );
  });

  test('money with two decimals, US and European, with symbols and negatives, reads back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e10 }), (cents) => {
        const x = cents / 100;
        const us = x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
        const de = x.toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
        expect(parseMoney(us)).toBe(x);
        expect(parseMoney('$' + us)).toBe(x);
        expect(parseMoney(de)).toBe(x);
        expect(parseMoney(de + ' €')).toBe(x);
        expect(parseMoney(x.toLocaleString('en-US', { style: 'currency', currency: 'USD' }))).toBe(x);
        expect(parseMoney(x.toLocaleString('de-DE', { style: 'currency', currency: 'EUR' }))).toBe(x);
        expect(parseMoney(x.toFixed(2))).toBe(x);
        if (x > 0) {
          expect(parseMoney('(' + us + ')')).toBe(-x);
          expect(parseMoney('-$' + us)).toBe(-x);
        }
      }),
    );
  });

  test('instants written as ISO, Unix seconds/ms, serials and US dates read back', () => {
    // Unix seconds are told from serials by size: from 1e8 (March 1973) on; social data starts decades later.
    fc.assert(
      fc.property(fc.integer({ min: 1e8, max: Date.UTC(2099, 0, 1) / 1000 }), (sec) => {
        const t = sec * 1000;
        const d = new Date(t);
        expect(parseDate(d.toISOString())).toBe(t);
        expect(parseDate(d.toUTCString())).toBe(t);
        expect(parseDate(sec)).toBe(t);
        expect(parseDate(t)).toBe(t);
        const day = t - (t % 86400000);
        expect(parseDate(day / 86400000 + 25569)).toBe(day);
        const us = `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`;
        expect(parseDate(us)).toBe(day);
        const dmy = `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`;
        expect(parseDate(dmy)).toBe(day);
        const named = d.toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
        expect(parseDate(named)).toBe(day);
      }),
    );
  });

  test('any text that went through UTF-8 → Latin-1 or Windows-1252 comes back', () => {
    const latin1 = (s: string) => Array.from(Buffer.from(s, 'utf8'), (b) => String.fromCharCode(b)).join('');
    const cp1252 = (s: string) => new TextDecoder('windows-1252').decode(Buffer.from(s, 'utf8'));
    const words = fc.array(fc.constantFrom('José', 'Müller', 'Zoë', 'Ñandú', 'Łódź', 'Ærø', 'straße', 'naïve', '’', '“hi”', '😊', 'café', 'plain', 'Øre'), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(words, (ws) => {
        const s = ws.join(' ');
        expect(fixMojibake(latin1(s))).toBe(s);
        expect(fixMojibake(cp1252(s))).toBe(s);
        expect(fixMojibake(s)).toBe(s);
      }),
    );
  });

  test('every profile URL form of a handle normalises to the handle', () => {
    // platform routes (x.com/i, instagram.com/p, …) are not users
    const reserved = ['i', 'p', 'tv', 'reel', 'reels', 'home', 'search', 'explore', 'hashtag', 'settings', 'share', 'pages', 'groups', 'events', 'watch', 'pin', 'ideas', 'today', 'about', 'legal', 'direct', 'accounts', 'messages', 'notifications', 'marketplace', 'sharer', 'photo', 'developer', 'stories', 'intent', 'people'];
    const handle = fc.stringMatching(/^[a-z0-9_]([a-z0-9._]{0,20}[a-z0-9_])?$/).filter((h) => reserved.indexOf(h) < 0 && h !== '_u');
    fc.assert(
      fc.property(handle, (h) => {
        const forms = [
          h, '@' + h, '@' + h.toUpperCase(), `https://www.instagram.com/${h}/`, `https://instagram.com/_u/${h}`, `instagram.com/${h}`,
          `https://x.com/${h}`, `https://twitter.com/${h}?s=20`, `https://www.tiktok.com/@${h}`, `https://www.threads.net/@${h}`,
          `https://www.threads.com/@${h}`, `https://www.facebook.com/${h}`, `https://www.linkedin.com/in/${h}/`, `https://www.pinterest.com/${h}/`,
          `"@${h}"`, `'@${h}`,
        ];
        for (const f of forms) expect(normalizeHandle(f)).toBe(h);
        expect(normalizeHandle(`https://bsky.app/profile/${h}.bsky.social`)).toBe(`${h}.bsky.social`);
        expect(normalizeHandle(`@${h}@mastodon.social`)).toBe(`${h}@mastodon.social`);
      }),
    );
  });
});

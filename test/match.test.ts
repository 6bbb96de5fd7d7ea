import { createMatcher, CONFIDENT } from '../src/core/match';
import { foldText, givenNameKeys, isNickname, jaroWinkler, nameTokens, similarNames } from '../src/core/names';
import { NICKNAMES } from '../src/core/nicknames';
import type { Customer, Follower } from '../src/core/types';

let nextKey = 0;
function customer(name: string, extra: Partial<Customer> = {}): Customer {
  const emails = extra.emails ?? [];
  return {
    key: emails[0] ?? `${name} #${nextKey++}`,
    emails,
    names: name ? [name] : [],
    handles: [],
    phones: [],
    orders: 1,
    spent: 10,
    currency: 'USD',
    ...extra,
  };
}

const follower = (handle: string, name?: string): Follower => ({ index: 0, handle, name });

// Customers with ordinary, varied names around the ones a test is about, so that term frequencies are realistic.
const FILLER = [
  'Olivia Brown', 'Liam Smith', 'Noah Johnson', 'Emma Williams', 'Ava Jones', 'Sophia Miller', 'Mason Davis', 'Isabella Wilson',
  'Lucas Moore', 'Mia Taylor', 'Ethan Anderson', 'Amelia Thomas', 'Harper Jackson', 'Evelyn White', 'Logan Harris', 'Ella Martin',
  'James Smith', 'Mary Smith', 'Robert Smith', 'Linda Smith', 'David Smith', 'Susan Smith', 'Karen Smith', 'Paul Smith',
];
const filler = () => FILLER.map((n) => customer(n));

/** The ladder of the best candidate for a follower: level id per comparison. */
function ladder(customers: Customer[], f: Follower) {
  const m = createMatcher(customers);
  const [best] = m.candidates(f);
  return { best, levels: best ? Object.fromEntries(best.levels.map((l) => [l.comparison, l.level])) : {}, match: m(f) };
}

describe('names', () => {
  it('folds accents and scripts: José = Jose, Müller = Mueller = Muller, Łukasz = Lukasz', () => {
    expect(nameTokens('José')).toEqual(nameTokens('Jose'));
    expect(nameTokens('Müller')).toEqual(nameTokens('Mueller'));
    expect(nameTokens('Müller')).toEqual(nameTokens('Muller'));
    expect(nameTokens('Łukasz Żukowski')).toEqual(['lukasz', 'zukowski']);
    expect(nameTokens('Søren Ødegaard')).toEqual(nameTokens('Soren Odegaard'));
    expect(nameTokens('Иван Петров')).toEqual(['ivan', 'petrov']);
    expect(nameTokens('Νίκος Παπαδόπουλος')).toEqual(['nikos', 'papadopoulos']);
    expect(foldText('Straße')).toBe('strasse');
  });

  it('drops titles, keeps O’Brien whole, reads "Jane\'s" as Jane', () => {
    expect(nameTokens('Dr. Sean O’Brien')).toEqual(['sean', 'obrien']);
    expect(nameTokens("Jane's Ceramics")).toEqual(['jane', 'ceramics']);
    expect(nameTokens('  ')).toEqual([]);
  });

  it('knows nicknames both ways and not unrelated names', () => {
    expect(isNickname('jen', 'jennifer')).toBe(true);
    expect(isNickname('jennifer', 'jen')).toBe(true);
    expect(isNickname('bill', 'william')).toBe(true);
    expect(isNickname('liz', 'elizabeth')).toBe(true);
    expect(isNickname('jenny', 'jen')).toBe(true); // spellings of one nickname
    expect(isNickname('kate', 'katie')).toBe(true);
    expect(isNickname('robert', 'william')).toBe(false); // both have Bill, but are not one name
    expect(isNickname('jane', 'john')).toBe(false);
    expect(givenNameKeys('bob')).toContain('robert');
  });

  it('keeps the nickname data compact', () => {
    expect(NICKNAMES.length).toBeLessThan(40000);
    expect(NICKNAMES.split('|').length).toBeGreaterThan(1000);
  });

  it('measures near spellings', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(similarNames('catherine', 'catherin')).toBe(true);
    expect(similarNames('garcia', 'garica')).toBe(true);
    expect(similarNames('grishsenjik', 'gishsenjik')).toBe(true);
    expect(similarNames('smith', 'jones')).toBe(false);
    expect(similarNames('ann', 'amy')).toBe(false);
  });
});

describe('the ladder, comparison by comparison', () => {
  const HANDLE = 'handle written in an order';
  const EMAIL = 'email local part vs handle';
  const NAME = 'name vs display name and handle';

  it('handle written in the order = follower handle: confident on its own', () => {
    const cs = [...filler(), customer('Jane Doe', { emails: ['jd@example.com'], handles: ['jane.doe.makes'] })];
    const { levels, match } = ladder(cs, follower('jane.doe.makes'));
    expect(levels[HANDLE]).toBe('handle');
    expect(match!.confident).toBe(true);
    expect(match!.evidence[0]).toBe('handle written in an order');
    // a different account with the same letters is not the same handle
    expect(ladder(cs, follower('janedoemakes')).levels[HANDLE]).not.toBe('handle');
  });

  it('email local part = handle, when it is not just the name: confident', () => {
    const cs = [...filler(), customer('Jane Doe', { emails: ['sunnyfox77@gmail.com'] })];
    const { levels, match } = ladder(cs, follower('sunny.fox77'));
    expect(levels[EMAIL]).toBe('email=handle');
    expect(match!.confident).toBe(true);
    expect(match!.evidence).toContain('email matches handle');
  });

  it('email local part = handle apart from digits', () => {
    const cs = [...filler(), customer('Jane Doe', { emails: ['sunnyfox77@gmail.com'] })];
    expect(ladder(cs, follower('sunnyfox_2024')).levels[EMAIL]).toBe('email~handle');
  });

  it('email that spells the name counts less: the name already says it', () => {
    const cs = [...filler(), customer('Jane Doe', { emails: ['jane.doe@gmail.com'] })];
    const named = ladder(cs, follower('jane.doe')).best.levels.find((l) => l.comparison === EMAIL)!;
    const unrelated = ladder([...filler(), customer('Jane Doe', { emails: ['sunnyfox77@gmail.com'] })], follower('sunnyfox77'))
      .best.levels.find((l) => l.comparison === EMAIL)!;
    expect(named.level).toBe('email=handle-name');
    expect(named.weight).toBeLessThan(unrelated.weight);
  });

  it('email local part inside the handle', () => {
    const cs = [...filler(), customer('Jane Doe', { emails: ['fernandmoss@gmail.com'] })];
    expect(ladder(cs, follower('fernandmoss_studio')).levels[EMAIL]).toBe('email-in-handle');
  });

  it('full name = display name, with and without the name in the handle', () => {
    const cs = [...filler(), customer('Adaeze Oyelaran')];
    expect(ladder(cs, follower('adaeze.oyelaran', 'Adaeze Oyelaran')).levels[NAME]).toBe('full+handle');
    const plain = ladder(cs, follower('blue_heron_22', 'Adaeze Oyelaran'));
    expect(plain.levels[NAME]).toBe('full');
    expect(plain.match!.evidence).toContain('name matches Adaeze Oyelaran');
  });

  it('accents and transliteration do not stop an exact name match', () => {
    const cs = [...filler(), customer('José Müller'), customer('Ivan Petrov'), customer('Łukasz Kowalczyk')];
    expect(ladder(cs, follower('x1', 'Jose Mueller')).levels[NAME]).toBe('full');
    expect(ladder(cs, follower('x2', 'JOSE MULLER')).levels[NAME]).toBe('full');
    expect(ladder(cs, follower('x3', 'Иван Петров')).levels[NAME]).toBe('full');
    expect(ladder(cs, follower('x4', 'Lukasz Kowalczyk')).levels[NAME]).toBe('full');
  });

  it('name tokens inside the handle: janedoe, jane_doe_designs, doejane', () => {
    const cs = [...filler(), customer('Adaeze Oyelaran')];
    for (const h of ['adaezeoyelaran', 'adaeze_oyelaran_designs', 'oyelaranadaeze', 'itsadaezeoyelaran']) {
      expect([h, ladder(cs, follower(h)).levels[NAME]]).toEqual([h, 'full-in-handle']);
    }
  });

  it('initial and surname: "A. Oyelaran" and jdoe-style handles', () => {
    const cs = [...filler(), customer('Adaeze Oyelaran')];
    expect(ladder(cs, follower('x', 'A. Oyelaran')).levels[NAME]).toBe('initial');
    expect(ladder(cs, follower('aoyelaran')).levels[NAME]).toBe('initial');
  });

  it('nicknames: Jen ~ Jennifer, Bill ~ William, in the display name or the handle', () => {
    const cs = [...filler(), customer('Jennifer Oyelaran'), customer('William Nakashima')];
    const jen = ladder(cs, follower('x', 'Jen Oyelaran'));
    expect(jen.levels[NAME]).toBe('nickname');
    expect(jen.match!.evidence[0]).toBe('nickname Jen for Jennifer Oyelaran');
    expect(ladder(cs, follower('billnakashima')).levels[NAME]).toBe('nickname');
  });

  it('near spellings of the first name or the surname', () => {
    const cs = [...filler(), customer('Katherine Oyelaran'), customer('Adaeze Nakashima')];
    expect(ladder(cs, follower('x', 'Katherin Oyelaran')).levels[NAME]).toBe('near-first');
    expect(ladder(cs, follower('y', 'Adaeze Nakashmia')).levels[NAME]).toBe('near-last');
  });

  it('another first name with the same surname is a relative at best', () => {
    const cs = [...filler(), customer('Adaeze Oyelaran', { emails: ['oyelaranfamily@example.com'] })];
    // not even a candidate on the name alone
    expect(createMatcher(cs)(follower('x', 'Tunde Oyelaran'))).toBeNull();
    // found through the email (a family account?), the other first name counts far less than hers would
    const other = ladder(cs, follower('oyelaranfamily', 'Tunde Oyelaran')).best.levels.find((l) => l.comparison === NAME)!;
    const hers = ladder(cs, follower('oyelaranfamily', 'Adaeze Oyelaran')).best.levels.find((l) => l.comparison === NAME)!;
    expect(other.level).toBe('first-differs');
    expect(hers.level).toBe('full');
    expect(other.weight).toBeLessThan(hers.weight - 10);
  });

  it('a first name alone is never confident', () => {
    const cs = [...filler(), customer('Adaeze Oyelaran')];
    const { levels, match } = ladder(cs, follower('x', 'Adaeze'));
    expect(levels[NAME]).toBe('first-only');
    expect(match === null || !match.confident).toBe(true);
  });

  it('surname alone, first name alone in the handle, both names near', () => {
    const cs = [...filler(), customer('Adaeze Oyelaran'), customer('Katherine Nakashima', { emails: ['knstudio@example.com'] })];
    expect(ladder(cs, follower('x', 'Oyelaran')).levels[NAME]).toBe('surname-only');
    expect(ladder(cs, follower('adaeze_bakes')).levels[NAME]).toBe('first-only-handle');
    // (two misspelt names block on nothing: the email found this one)
    expect(ladder(cs, follower('kn.studio', 'Catherine Nakashma')).levels[NAME]).toBe('near-both');
  });

  it('"carol" inside carolyncruz is no first name when the display name says Carolyn', () => {
    const cs = [...filler(), customer('Carol Oyelaran')];
    const { levels } = ladder(cs, follower('carolynoyelaran', 'Carolyn Oyelaran'));
    expect(levels[NAME]).not.toBe('full-in-handle');
    expect(levels[NAME]).not.toBe('full+handle');
  });

  it('a two-letter nickname counts only standing alone in the handle', () => {
    const cs = [...filler(), customer('Edward Oyelaran')];
    expect(ladder(cs, follower('ed.oyelaran')).levels[NAME]).toBe('nickname');
    expect(ladder(cs, follower('fredoyelaran')).levels[NAME]).not.toBe('nickname');
  });

  it('a display name that names someone else weighs against', () => {
    const cs = [...filler(), customer('Adaeze Oyelaran', { emails: ['fernandmoss@gmail.com'] })];
    const { best } = ladder(cs, follower('fernandmoss', 'James Weber'));
    expect(best.levels.find((l) => l.comparison === NAME)!).toMatchObject({ level: 'name-differs' });
    expect(best.levels.find((l) => l.comparison === NAME)!.weight).toBeLessThan(0);
  });

  it('a display name that names no one (a shop, a phrase) is its own level, and a script the folding cannot read says nothing', () => {
    const cs = [...filler(), customer('Adaeze Oyelaran', { emails: ['fernandmoss@gmail.com'] })];
    expect(ladder(cs, follower('fernandmoss', 'Salty Moth')).best.levels.find((l) => l.comparison === NAME)).toMatchObject({ level: 'display-no-name' });
    expect(ladder(cs, follower('fernandmoss', '김민준')).best.levels.find((l) => l.comparison === NAME)).toBeUndefined();
  });
});

describe('rare values count more (term frequencies from the customer list)', () => {
  it('a shared Smith counts less than a shared Oyelaran', () => {
    const cs = [...filler(), customer('Ada Smith'), customer('Ada Oyelaran')];
    const weightOf = (name: string) =>
      createMatcher(cs)
        .candidates(follower('x', name))[0]
        .levels.find((l) => l.comparison === 'name vs display name and handle')!.weight;
    expect(weightOf('Ada Oyelaran')).toBeGreaterThan(weightOf('Ada Smith') + 3);
  });

  it('a rare name alone is confident, a common one less sure', () => {
    const cs = [...filler(), customer('Ada Smith'), customer('Ada Oyelaran')];
    const m = createMatcher(cs);
    const common = m(follower('x', 'Ada Smith'))!;
    const rare = m(follower('y', 'Ada Oyelaran'))!;
    expect(rare.confident).toBe(true);
    expect(rare.confidence).toBeGreaterThanOrEqual(CONFIDENT);
    expect(common.confidence).toBeLessThan(rare.confidence);
  });
});

describe('confidence and margin', () => {
  it('two customers called Maria Garcia and a follower Maria Garcia: Possible at best', () => {
    const cs = [...filler(), customer('Maria Garcia', { emails: ['mg1@example.com'] }), customer('Maria Garcia', { emails: ['mg2@example.com'] })];
    const m = createMatcher(cs)(follower('maria.garcia', 'Maria Garcia'));
    expect(m === null || !m.confident).toBe(true);
    if (m) expect(m.evidence).toContain('another customer fits as well');
  });

  it('the same name is settled by stronger evidence for one of them', () => {
    const cs = [
      ...filler(),
      customer('Maria Garcia', { emails: ['mg1@example.com'] }),
      customer('Maria Garcia', { emails: ['lemonfinch42@example.com'] }),
    ];
    const m = createMatcher(cs)(follower('lemonfinch42', 'Maria Garcia'))!;
    expect(m.confident).toBe(true);
    expect(cs[m.customer].key).toBe('lemonfinch42@example.com');
  });

  it('confidence has two decimals and stays within 0..1', () => {
    const cs = [...filler(), customer('Adaeze Oyelaran')];
    const m = createMatcher(cs);
    for (const f of [follower('x', 'Adaeze Oyelaran'), follower('y', 'A. Oyelaran'), follower('adaeze')]) {
      const r = m(f);
      if (!r) continue;
      expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
      expect(Math.round(r.confidence * 100) / 100).toBe(r.confidence);
    }
  });

  it('no candidate → null; a blank follower → null; no customers → null', () => {
    const cs = [...filler(), customer('Adaeze Oyelaran')];
    expect(createMatcher(cs)(follower('zzqx_1999'))).toBeNull();
    expect(createMatcher(cs)(follower(''))).toBeNull();
    expect(createMatcher([])(follower('jane.doe', 'Jane Doe'))).toBeNull();
  });
});

describe('blocking', () => {
  it('scores only customers that share a key with the follower, never all of them', () => {
    const many: Customer[] = [];
    for (let i = 0; i < 3000; i++) many.push(customer(`Person${i} Family${i % 700}`, { emails: [`p${i}@example.com`] }));
    many.push(customer('Adaeze Oyelaran', { emails: ['ada@example.com'] }));
    const m = createMatcher(many);
    expect(m.candidates(follower('adaeze.oyelaran', 'Adaeze Oyelaran')).length).toBeLessThan(5);
    expect(m.candidates(follower('nobody_here')).length).toBe(0);
    const found = m(follower('adaeze.oyelaran', 'Adaeze Oyelaran'))!;
    expect(many[found.customer].key).toBe('ada@example.com');
  });
});

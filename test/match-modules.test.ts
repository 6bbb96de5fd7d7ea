// Unit tests of the matcher's parts: views, frequency tables, the ladder's levels, the blocking index, the decision.
import { createMatcher } from '../src/core/match';
import { createBlocking } from '../src/core/match/blocking';
import { CONFIDENT, MARGIN_BITS, SHOWN, decide, evidenceOf } from '../src/core/match/decide';
import { buildFrequencies, fullNameKey, fullNameCounts, nameCoincidence, nameCoincidenceByName, shownNames } from '../src/core/match/frequencies';
import { LADDER, scorePair, type LevelHit, type NameMemo } from '../src/core/match/levels';
import { customerView, customerViews, followerView, nameViews, readableTokens } from '../src/core/match/views';
import { FITTED, U_SCALE_FITTED } from '../src/core/match/weights';
import { fitUScales } from './fixtures/match-fit';
import { generateMatchProblem } from './fixtures/match-problem';
import { generateWorldProblem } from './fixtures/match-problem-world';
import type { Customer, Follower } from '../src/core/types';

let next = 0;
const customer = (name: string, extra: Partial<Customer> = {}): Customer => ({
  key: extra.emails?.[0] ?? `${name} #${next++}`,
  emails: [],
  names: [name],
  handles: [],
  phones: [],
  orders: 1,
  spent: 10,
  ...extra,
});
const follower = (handle: string, name?: string, email?: string): Follower => ({ index: 0, handle, name, email });
const FILLER = ['Olivia Brown', 'Liam Smith', 'Noah Johnson', 'Emma Williams', 'Ava Jones', 'Sophia Miller', 'Mason Davis', 'Lucas Moore', 'Mia Taylor', 'James Smith'];

/** The ladder for one pair: level id per comparison and the total weight (prior 0). */
function levels(c: Customer, f: Follower, others: Customer[] = FILLER.map((n) => customer(n)), repeated?: [string, number][]) {
  const all = [...others, c];
  const views = all.map(customerView);
  const tf = buildFrequencies(views, 1000, repeated);
  const hits: LevelHit[] = [];
  const weight = scorePair(followerView(f, tf.isGivenName), views[views.length - 1], tf, 0, hits);
  return { weight, by: Object.fromEntries(hits.map((h) => [h.comparison, h])) as Record<string, LevelHit> };
}
const NAME = 'name vs display name and handle';
const EMAIL = 'email local part vs handle';

describe('views', () => {
  it('reads a two-surname name also as first name + first surname', () => {
    expect(nameViews('Julia Santos Ibáñez').map((v) => [v.first, v.last])).toEqual([
      ['julia', 'ibanez'],
      ['julia', 'santos'],
    ]);
    // a middle given name is not a surname
    expect(nameViews('Mary Ann Smith').map((v) => [v.first, v.last])).toEqual([['mary', 'smith']]);
  });

  it('keeps display tokens the folding can read; other scripts say nothing', () => {
    expect(readableTokens('Иван Петров')).toEqual(['ivan', 'petrov']);
    expect(readableTokens('김민준')).toEqual([]);
    expect(readableTokens('Wei 王')).toEqual(['wei']);
  });

  it('knows which name an email local part spells', () => {
    const v = customerView(customer('Betty Williams', { emails: ['betty.w@gmail.com', 'bwilliams@x.com', 'sunnyfox@y.com'] }));
    expect(v.locals.map((l) => l.named && l.named.kind)).toEqual(['first-initial', 'initial-last', null]);
  });
});

describe('shared name views', () => {
  it('gives customers who write a name alike one view of it, and a follower the same weight through the memo', () => {
    const all = [customer('Fang Liu'), customer('Fang Liu', { emails: ['fang.liu@x.com'] }), customer('Fang Lu'), ...FILLER.map((n) => customer(n))];
    const views = customerViews(all);
    expect(views[0].names[0]).toBe(views[1].names[0]);
    expect(views[2].names[0]).not.toBe(views[0].names[0]);
    const tf = buildFrequencies(views, 1000);
    for (const f of [follower('fang.liu', 'Fang Liu'), follower('fangliu88'), follower('sunnyfox', 'Fang L.')]) {
      const fv = followerView(f, tf.isGivenName);
      const memo: NameMemo = new Map();
      for (const v of views) {
        // the first pass fills the memo, the second reads it: both equal the ladder walked in full (detail)
        const full = scorePair(fv, v, tf, 0, []);
        expect(scorePair(fv, v, tf, 0, null, memo)).toBe(full);
      }
      for (const v of views) expect(scorePair(fv, v, tf, 0, null, memo)).toBe(scorePair(fv, v, tf, 0, []));
      expect(memo.size).toBeLessThan(views.reduce((n, v) => n + v.names.length, 0));
    }
  });
});

describe('frequencies', () => {
  it('counts the full names the followers show, one-word names aside', () => {
    const r = fullNameCounts(['Jean Muller', 'Jean Mueller', 'JEAN MÜLLER Studio', 'Ann Lee', undefined, 'Prakash']);
    expect(r).toEqual([['jean muller', 3], ['ann lee', 1]]);
    expect(fullNameKey('Dr. José García López')).toBe('jose lopez');
  });

  it("the followers' names count in the shares: a surname many followers show is common", () => {
    const views = FILLER.map((n) => customerView(customer(n)));
    const alone = buildFrequencies(views, 1000);
    const shown = buildFrequencies(views, 1000, fullNameCounts(Array.from({ length: 40 }, (_, i) => `Person${i} Oyelaran`)));
    expect(shown.last('oyelaran')).toBeGreaterThan(3 * alone.last('oyelaran'));
    expect(shown.followersNamed('person1', 'oyelaran')).toBe(1);
  });

  it('a row repeated on the Followers tab shows its name once', () => {
    expect(fullNameCounts(['Ann Lee', 'Ann Lee', 'Ann Lee'], ['ann', 'ann', 'ann.lee'])).toEqual([['ann lee', 2]]);
  });

  it('namesakes measured among the followers: first names and surnames that go together make whole names commoner', () => {
    const none = () => 0;
    // ten first names × ten surnames drawn independently: as many shared whole names as the shares predict
    const independent: [string, number][] = [];
    for (let a = 0; a < 10; a++) for (let b = 0; b < 10; b++) independent.push([`f${a} l${b}`, 1]);
    expect(nameCoincidence(shownNames(independent), none)).toBe(1);
    // the same people, but each first name goes with one surname (a culture, a family): every name shared
    const together: [string, number][] = [];
    for (let a = 0; a < 10; a++) together.push([`f${a} l${a}`, 10]);
    expect(nameCoincidence(shownNames(together), none)).toBeGreaterThan(5);
    // two customers of that name who both follow explain their pair: no namesake in that
    expect(nameCoincidence(shownNames(together), () => 10)).toBe(1);
    expect(nameCoincidence(undefined, none)).toBe(1);
  });

  it("a small culture's names are lifted more than the list's average: Fang Liu is commoner than Fang's and Liu's shares times the list's factor", () => {
    const none = () => 0;
    // most followers: twenty first names × twenty surnames drawn independently; a few: five names × three surnames
    const names: [string, number][] = [];
    for (let a = 0; a < 20; a++) for (let b = 0; b < 20; b++) names.push([`f${a} l${b}`, 1]);
    for (const f of ['fang', 'wei', 'jing', 'min', 'lei']) for (const l of ['liu', 'wang', 'zhang']) names.push([`${f} ${l}`, 2]);
    const shown = shownNames(names);
    const overall = nameCoincidence(shown, none);
    const by = nameCoincidenceByName(shown, none, overall);
    expect(by.first.get('fang')!).toBeGreaterThan(2 * overall);
    expect(by.last.get('liu')!).toBeGreaterThan(2 * overall);
    expect(by.first.get('f3')!).toBeLessThan(by.first.get('fang')!);
    const views = [...FILLER, 'Fang Liu'].map((n) => customerView(customer(n)));
    const tf = buildFrequencies(views, 1000, names);
    expect(tf.full('fang', 'liu')).toBeGreaterThan(2 * tf.coincidence * tf.first('fang') * tf.last('liu'));
    // a name the followers do not show keeps the list's factor
    expect(tf.full('zora', 'quillfeather')).toBeCloseTo(tf.coincidence * tf.first('zora') * tf.last('quillfeather'), 12);
  });

  it('a customer who follows counts once in the shares: seen in both lists is not "seen twice, so rare"', () => {
    const names = ['Zora Quillfeather', 'Amos Thistlewood', ...FILLER];
    const views = names.map((n) => customerView(customer(n)));
    // both lists hold the same people (every customer follows): a name is not rarer for being seen in both
    const tf = buildFrequencies(views, names.length, fullNameCounts(names));
    const alone = buildFrequencies(views, names.length);
    expect(tf.last('quillfeather')).toBeGreaterThan(0.9 * alone.last('quillfeather'));
    expect(tf.last('quillfeather')).toBeLessThan(1.1 * alone.last('quillfeather'));
    expect(tf.full('zora', 'quillfeather')).toBeCloseTo(tf.coincidence * tf.first('zora') * tf.last('quillfeather'), 12);
  });

  it('a shared rare surname is rarer than a shared Smith; unseen names fall back on the prior', () => {
    const tf = buildFrequencies(FILLER.map((n) => customerView(customer(n))), 1000);
    expect(tf.last('smith')).toBeGreaterThan(tf.last('oyelaran'));
    expect(tf.first('james')).toBeGreaterThan(tf.first('zebedee'));
    expect(tf.isGivenName('olivia')).toBe(true);
    expect(tf.isGivenName('moth')).toBe(false);
  });
});

describe('the ladder', () => {
  it('every level of every comparison has its fitted m in weights.ts: one place per weight', () => {
    for (const cmp of LADDER) for (const level of cmp.levels) expect(FITTED[level.id]).toBeDefined();
  });

  it("a word pair shared but for digits (velvetybrush35@, @velvetybrush) is priced by the counted scale of its u", () => {
    const hit = levels(customer('Ada Quill', { emails: ['velvetybrush35@gmail.com'] }), follower('velvetybrush')).by[EMAIL];
    expect(hit.level).toBe('email~handle');
    const scale = U_SCALE_FITTED['email~handle'];
    expect(scale).toBeGreaterThan(5); // counted on the training problems: far more often shared than argued
    // (twelve letters: the argued share is at its floor, an exact string's 1e-7)
    expect(hit.weight).toBeCloseTo(Math.log2(FITTED["email~handle"].m / (scale * Math.max(1e-7, 1e-5 * Math.pow(0.5, 12 - 5)))), 9);
  });

  it("the u scales are counted over every pair: the blocked pairs hold each different-person pair at a scaled level", () => {
    for (const p of [generateMatchProblem({ seed: 5, customers: 300, followers: 700 }), generateWorldProblem({ seed: 5, customers: 300, followers: 700 })]) {
      const fit = fitUScales([p]);
      const views = p.customers.map(customerView);
      const tf = buildFrequencies(views, p.followers.length, fullNameCounts(p.followers.map((f) => f.name)));
      const counted = new Map<string, number>();
      p.followers.forEach((f, i) => {
        const fv = followerView(f, tf.isGivenName);
        views.forEach((v, j) => {
          if (p.customers[j].key === p.truth[i]) return;
          const hits: LevelHit[] = [];
          scorePair(fv, v, tf, 0, hits);
          for (const h of hits) counted.set(h.level, (counted.get(h.level) ?? 0) + 1);
        });
      });
      expect(fit.map((x) => x.level)).toEqual(['full+other', 'full+handle', 'full', 'full-in-handle', 'near+handle', 'email~handle']);
      for (const x of fit) expect(x.observed).toBe(counted.get(x.level) ?? 0);
      expect(fit.reduce((n, x) => n + x.observed, 0)).toBeGreaterThan(0);
    }
  });

  it('a near surname that is itself a common surname says little (Patil for Patel); a typo of a rare one says more', () => {
    const patels = ['Ravi Patil', 'Amit Patil', 'Neha Patil', 'Raj Patil'].map((n) => customer(n));
    const near = levels(customer('Prakash Patel'), follower('prakashpatil.303', 'Prakash Patil'), [...FILLER.map((n) => customer(n)), ...patels]);
    const typo = levels(customer('Prakash Oyelaran'), follower('p_oyelaren', 'Prakash Oyelaren'));
    expect(near.by[NAME].level).toBe('near-last');
    expect(typo.by[NAME].level).toBe('near-last');
    expect(near.by[NAME].weight).toBeLessThan(typo.by[NAME].weight - 2);
  });

  it('an email local part equal to the handle is strong when it spells a rare name, weak for a common first name', () => {
    const rare = levels(customer('Vincenzo Dalvecchio', { emails: ['vincenzo.d@gmail.com'] }), follower('vincenzo.d'));
    const common = levels(customer('James Smith', { emails: ['james@gmail.com'] }), follower('james'));
    expect(rare.by[EMAIL].level).toBe('email=handle-name');
    expect(rare.weight).toBeGreaterThan(common.weight + 3);
  });

  it('@jtaylor and jtaylor@ are one piece of evidence: the email adds little once the handle gave initial and surname', () => {
    const c = customer('James Taylor', { emails: ['jtaylor@gmail.com'] });
    const handleOnly = levels(c, follower('jtaylor'));
    const noEmail = levels(customer('James Taylor'), follower('jtaylor'));
    expect(handleOnly.by[NAME].level).toBe('initial');
    expect(handleOnly.by[EMAIL].level).toBe('email=handle-name');
    // priced given the name agrees: a J. Taylor who writes @jtaylor is as likely to write jtaylor@
    expect(handleOnly.by[EMAIL].weight).toBeLessThan(3);
    expect(handleOnly.weight - noEmail.weight).toBeLessThan(3);
  });

  it('"Joe Taylor" is not James Taylor: a two-letter given name in the display name is a name, not a particle', () => {
    const c = customer('James Taylor', { emails: ['jtaylor@gmail.com'] });
    const joe = levels(c, follower('jtaylor', 'Joe Taylor'));
    const unnamed = levels(c, follower('jtaylor'));
    expect(joe.by[NAME].level).toBe('first-differs');
    expect(joe.weight).toBeLessThan(unnamed.weight - 3);
    // with a prior of about 1 in 5,000 (-12.3 bits) the pair is not a confident link
    expect(joe.weight - 12.3).toBeLessThan(Math.log2(0.7 / 0.3));
  });

  it('the same name and digits in email and handle (ana.silva90@, @ana_silva90) is strong for a rare name, not for one many followers show', () => {
    const rare = levels(customer('Ana Oyelaranwe', { emails: ['ana.oyelaranwe90@gmail.com'] }), follower('ana_oyelaranwe90', 'Ana Oyelaranwe'));
    const crowd: [string, number][] = [['ana silva', 25]];
    const common = levels(customer('Ana Silva', { emails: ['ana.silva90@gmail.com'] }), follower('ana_silva90', 'Ana Silva'), undefined, crowd);
    expect(rare.by[EMAIL].level).toBe('email=handle-digits');
    expect(common.by[EMAIL].level).toBe('email=handle-digits');
    expect(rare.weight).toBeGreaterThan(common.weight + 5);
    // a prior of about 1 in 5,000 (-12.3 bits) leaves 25 namesakes' case short of a confident link
    expect(common.weight).toBeLessThan(12.3 + Math.log2(0.7 / 0.3));
  });

  it('a word-pair email and handle with other digits is stronger the longer the words (velvetybrush3003@, @velvetybrush42)', () => {
    const long = levels(customer('Emma Lopez', { emails: ['velvetybrush3003@icloud.com'] }), follower('velvetybrush42'));
    const short = levels(customer('Emma Lopez', { emails: ['mossy3003@icloud.com'] }), follower('mossy42'));
    expect(long.by[EMAIL].level).toBe('email~handle');
    expect(short.by[EMAIL].level).toBe('email~handle');
    expect(long.by[EMAIL].weight).toBeGreaterThan(short.by[EMAIL].weight + 5);
  });

  it('an email that spells the name beside a handle that does not argues more against than a chosen word does', () => {
    const named = levels(customer('Julia Boyd', { emails: ['juliaboyd85@gmail.com'] }), follower('ruby_makes8666', 'Julia Boyd'));
    const chosen = levels(customer('Julia Boyd', { emails: ['cedar_spoon@gmail.com'] }), follower('ruby_makes8666', 'Julia Boyd'));
    expect(named.by[EMAIL].level).toBe('named-email-differs');
    expect(chosen.by[EMAIL].level).toBe('email-differs');
    expect(named.by[EMAIL].weight).toBeLessThan(chosen.by[EMAIL].weight);
  });

  it('a first name alone inside an email says nothing on its own (francesco in francescoferretti1998@)', () => {
    const r = levels(customer('Francesco Ferretti', { emails: ['francescoferretti1998@gmail.com'] }), follower('ferri.francesco'));
    expect(r.by[EMAIL].level).not.toBe('email-in-handle');
  });

  it('first name and surname initial: "James S." and @james.s', () => {
    expect(levels(customer('James Simmons'), follower('jsx', 'James S.')).by[NAME].level).toBe('first+initial');
    expect(levels(customer('Betty Wainwright'), follower('betty.w')).by[NAME].level).toBe('first+initial');
    // a display name that names no one leaves the handle to speak
    expect(levels(customer('Vunui Shilaidrino'), follower('vunui.s', 'Happy Clay')).by[NAME].level).toBe('first+initial');
  });

  it('a first name inside the handle beside a phrase display name (@draibuel13, "Cosmic Nest") is weak evidence for, not against', () => {
    const phrase = levels(customer('Draibuel Bergvostumeier'), follower('draibuel13', 'Cosmic Nest'));
    expect(phrase.by[NAME].level).toBe('first-only-handle');
    expect(phrase.by[NAME].weight).toBeGreaterThan(0);
    // a display name of another person still argues against
    expect(levels(customer('Draibuel Bergvostumeier'), follower('draibuel13', 'Maria Lopez')).by[NAME].level).toBe('name-differs');
  });

  it('a two-letter surname counts in the handle only as its whole other half (@dakaio.wu, not @wuthering.dakaio)', () => {
    expect(levels(customer('Dakaio Wu'), follower('dakaio.wu')).by[NAME].level).toBe('full-in-handle');
    expect(levels(customer('Dakaio Wu'), follower('wu_dakaio')).by[NAME].level).toBe('full-in-handle');
    expect(levels(customer('Dakaio Wu'), follower('dakaio.wuxi')).by[NAME].level).not.toBe('full-in-handle');
  });

  it('a handle that spells the whole name keeps its weight beside a typo, a nickname or a phrase display name', () => {
    const typo = levels(customer('Shilah Sonleim'), follower('shilah.sonleim.toast', 'Shiilah Sonleim'));
    const plain = levels(customer('Shilah Sonleim'), follower('plum_needle', 'Shiilah Sonleim'));
    expect(typo.by[NAME].level).toBe('near+handle');
    expect(plain.by[NAME].level).toBe('near-first');
    expect(typo.weight).toBeGreaterThan(plain.weight + 2);
    const phrase = levels(customer('Hannah Falkbraibauer'), follower('hannah.falkbraibauer', 'Dusty Notes'));
    expect(phrase.by[NAME].level).toBe('full-in-handle');
    // "Martinez" shown: the "martin" inside @thomas.martinez is the display's surname, not customer Martin's
    expect(levels(customer('Thomas Martin'), follower('thomas.martinez', 'Thomas Martinez')).by[NAME].level).not.toMatch(/handle/);
  });

  it('a short local part with digits equal to the handle is strong (rm48@ and @rm48); a phrase display name is moot beside it', () => {
    const c = customer('Ronald Marbraiham', { emails: ['rm48@web.de'] });
    const r = levels(c, follower('rm48', 'Moon Vibes'));
    expect(r.by[EMAIL].level).toBe('email=handle');
    expect(r.by[NAME].level).toBe('display-no-name');
    expect(r.by[NAME].weight).toBe(0);
    // a short word without digits is not a chosen string: shop@ and @shop
    expect(levels(customer('Ronald Marbraiham', { emails: ['shop@web.de'] }), follower('shop')).by[EMAIL]?.level).not.toBe('email=handle');
    // without the exact string, a phrase display name still argues for a brand account
    expect(levels(customer('Ronald Marbraiham'), follower('moonvibes', 'Moon Vibes')).by[NAME].weight).toBeLessThan(0);
  });

  it('"Pooja P." is not Pooja Patel when the handle spells another surname of that initial', () => {
    expect(levels(customer('Pooja Patel'), follower('pooja.patil', 'Pooja P.')).by[NAME].level).not.toBe('first+initial');
    expect(levels(customer('Pooja Patel'), follower('pooja.p', 'Pooja P.')).by[NAME].level).toBe('first+initial');
  });

  it('surname-first handles and two-surname names: santos.julia95 for Julia Santos Ibáñez', () => {
    expect(levels(customer('Julia Santos Ibáñez'), follower('santos.julia95')).by[NAME].level).toBe('full-in-handle');
  });

  it('the whole name plus a name word the customer lacks is weaker than the whole name', () => {
    const c = customer('Luis Cabrera Moreno');
    expect(levels(c, follower('x1', 'Luis Moreno Valtuaga')).by[NAME].level).toBe('full+other');
    expect(levels(c, follower('x1', 'Luis Moreno Valtuaga')).weight).toBeLessThan(levels(c, follower('x2', 'Luis Moreno')).weight - 2);
  });

  it('other followers showing the same full name make it weaker', () => {
    const c = customer('Jean Muller');
    const alone = levels(c, follower('jeanm', 'Jean Mueller'));
    const shared = levels(c, follower('jeanm', 'Jean Mueller'), undefined, [['jean muller', 4]]);
    expect(shared.by[NAME].weight).toBeLessThan(alone.by[NAME].weight - 1);
  });

  it("a follower's email from the Followers tab is exact evidence", () => {
    const r = levels(customer('Ann Lee', { emails: ['ann.lee@work.example'] }), follower('sunnyfox', undefined, 'Ann.Lee@work.example'));
    expect(r.by["follower's email"].level).toBe('same-email');
    const m = createMatcher([...FILLER.map((n) => customer(n)), customer('Ann Lee', { emails: ['ann.lee@work.example'] })]);
    expect(m(follower('sunnyfox', 'Salty Moth', 'ann.lee@work.example'))).toMatchObject({ confident: true });
  });

  it('a handle written in an order (an Etsy buyer username in Customer.handles) is strong evidence', () => {
    const m = createMatcher([...FILLER.map((n) => customer(n)), customer('Jing Kim', { handles: ['midnightwave1994'] })]);
    expect(m(follower('midnightwave1994', '김静'))).toMatchObject({ confident: true });
  });
});

describe('blocking', () => {
  it('blocks by whole email, handle, local part and names, in arrays of customer numbers', () => {
    const views = [customer('Ann Lee', { emails: ['ann.lee@x.com'] }), customer('Bo Chan', { handles: ['bochan'] }), customer('Cy Dee')].map(customerView);
    const b = createBlocking(views);
    const ids = (f: Follower) => {
      const out: number[] = [];
      b.candidateIds(followerView(f), out, []);
      return out;
    };
    expect(ids(follower('zz', undefined, 'ann.lee@x.com'))).toEqual([0]);
    expect(ids(follower('bochan'))).toEqual([1]);
    expect(ids(follower('annlee'))).toEqual([0]);
    expect(ids(follower('q', 'Cy Dee'))).toEqual([2]);
    expect(ids(follower('q', 'Zed Zed'))).toEqual([]);
  });

  it('first name and surname initial find the customer when no pair of names does: "Wei Y.", @patricia.a', () => {
    const views = [customer('Wei Yang'), customer('Wei Zhang'), customer('Patricia Ashvizoby'), customer('Patricia Brown')].map(customerView);
    const b = createBlocking(views);
    const ids = (f: Follower) => {
      const out: number[] = [];
      b.candidateIds(followerView(f), out, []);
      return out;
    };
    expect(ids(follower('papercraft98', 'Wei Y.'))).toEqual([0]);
    expect(ids(follower('patricia.a'))).toEqual([2]);
    expect(ids(follower('patricia.c'))).toEqual([]);
  });

  it('a first name alone is looked up beside a phrase display name, not beside another name', () => {
    const views = [customer('Draibuel Bergvostumeier'), ...FILLER.map((n) => customer(n))].map(customerView);
    const b = createBlocking(views);
    const weak = (f: Follower) => {
      const w: (number[] | undefined)[] = [];
      b.candidateIds(followerView(f, (t) => ['maria', 'lopez'].includes(t)), [], w);
      return w.filter(Boolean).flat();
    };
    expect(weak(follower('draibuel13', 'Cosmic Nest'))).toEqual([0]);
    expect(weak(follower('draibuel13', 'Maria Lopez'))).toEqual([]);
  });

  it('an email stem without digits finds its few customers, but not when dozens share it (user1@ … user100@ for @user_12)', () => {
    const stems = Array.from({ length: 100 }, (_, i) => customer('Person ' + i, { emails: [`user${i + 1}@example.com`] }));
    const views = [customer('Fern Moss', { emails: ['fernandmoss90@x.com'] }), ...stems].map(customerView);
    const b = createBlocking(views);
    const ids = (f: Follower) => {
      const out: number[] = [];
      b.candidateIds(followerView(f), out, []);
      return out;
    };
    expect(ids(follower('fernandmoss12'))).toEqual([0]);
    // the exact local part still finds its one customer; the stem shared by 100 adds none of the others
    expect(ids(follower('user_12'))).toEqual([12]);
    expect(ids(follower('user_500'))).toEqual([]);
  });
});

describe('decide', () => {
  const byIndex = (a: number, b: number) => a < b;
  it('confident needs CONFIDENT and MARGIN_BITS over the runner-up; ties go to the earlier key', () => {
    expect(decide([10], byIndex)).toMatchObject({ top: 0, confident: true, close: 0 });
    expect(decide([10, 10 - MARGIN_BITS + 1], byIndex)).toMatchObject({ top: 0, confident: false, close: 1 });
    expect(decide([5, 5], byIndex)).toMatchObject({ top: 0, close: 1 });
    expect(decide([Math.log2(CONFIDENT / (1 - CONFIDENT)) - 0.1], byIndex)!.confident).toBe(false);
  });

  it('nothing shown below SHOWN or without candidates', () => {
    expect(decide([], byIndex)).toBeNull();
    expect(decide([Math.log2(SHOWN / 2)], byIndex)).toBeNull();
  });

  it('evidence: what spoke for the match, strongest first', () => {
    const hits: LevelHit[] = [
      { comparison: 'a', level: 'x', weight: 3, says: 'weak' },
      { comparison: 'b', level: 'y', weight: 9, says: 'strong' },
      { comparison: 'c', level: 'z', weight: -2, says: 'against' },
    ];
    expect(evidenceOf(hits, 2)).toEqual(['strong', 'weak', '2 other customers fit as well']);
  });
});

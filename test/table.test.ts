import { FIELDS, fieldOfHeader, normHeader } from '../src/core/fields';
import { cellOf, dateOrder, guessKind, readFollowers, readTable, rowNumber } from '../src/core/table';
import { InputError, type Grid, type TableKind } from '../src/core/types';

const src = (name: string, grid: Grid) => ({ name, grid });

describe('guessKind', () => {
  test.each<[string, TableKind | null]>([
    ['Followers', 'followers'],
    ['followers (Instagram)', 'followers'],
    ['IG FOLLOWERS', 'followers'],
    ['Following', 'following'],
    ['Already following', 'following'],
    ['Orders', 'orders'],
    ['orders_export_1', 'orders'],
    ['Sales 2024', 'orders'],
    ['Customers', 'orders'],
    ['Transactions', 'orders'],
    ['Purchases', 'orders'],
    ['Engagement', 'engagement'],
    ['Interactions', 'engagement'],
    ['Comments', 'engagement'],
    ['Activity log', 'engagement'],
    ['Sheet1', null],
    ['', null],
  ])('%p → %p', (name, kind) => expect(guessKind(name)).toBe(kind));
});

describe('normHeader', () => {
  test.each<[string, string]>([
    ['\uFEFFFirst Name', 'first name'],
    ['Created date (UTC)', 'created date utc'],
    ['followersCount', 'followers count'],
    ['profile_pic_url', 'profile pic url'],
    ['Order #', 'order number'],
    ['#posts', 'number posts'],
    ['First Name (Billing)', 'first name billing'],
    ['Subtotal ($)', 'subtotal'],
    ['Do not contact?', 'do not contact'],
    ['E-Mail', 'e mail'],
    ['Prénom', 'prenom'],
    ['URL', 'url'],
    ['@', '@'],
    ['  HANDLE  ', 'handle'],
    ["'Email", 'email'],
  ])('%p → %p', (h, want) => expect(normHeader(h)).toBe(want));
});

describe('synonym tables', () => {
  test.each(Object.keys(FIELDS) as TableKind[])('%s: every synonym is normalised and belongs to one field only', (kind) => {
    const seen = new Map<string, string>();
    for (const [field, syns] of Object.entries(FIELDS[kind])) {
      for (const s of syns) {
        expect(normHeader(s)).toBe(s);
        const other = seen.get(s);
        if (other !== undefined && other !== field) throw new Error(`${kind}: "${s}" is in ${other} and ${field}`);
        seen.set(s, field);
      }
    }
  });

  test.each<[TableKind, string, string | undefined]>([
    ['followers', 'Username', 'handle'],
    ['followers', '@', 'handle'],
    ['followers', 'Instagram', 'handle'],
    ['followers', 'Profile URL', 'url'],
    ['followers', 'fullName', 'name'],
    ['followers', 'Followers', 'followers'],
    ['followers', 'Following', 'following'],
    ['followers', 'Posts', 'posts'],
    ['followers', 'Bio', 'bio'],
    ['followers', 'isPrivate', 'private'],
    ['followers', 'is_verified', 'verified'],
    ['followers', 'imgUrl', 'hasPicture'],
    ['followers', 'Shoe size', undefined],
    ['orders', 'Billing Name', 'name'],
    ['orders', 'Buyer User ID', 'buyerUsername'],
    ['orders', 'Total Spent', 'totalSpent'],
    ['engagement', 'Type', 'type'],
    ['engagement', 'Comments', 'comments'],
    ['following', 'Account address', 'handle'],
  ])('%s: %p names %p', (kind, header, field) => expect(fieldOfHeader(kind, header)).toBe(field));
});

describe('readTable: header row', () => {
  test('the header row may sit below a title, notes and blank rows (row 7)', () => {
    const grid: Grid = [
      ['Instagram followers export'],
      ['Exported 2024-03-12 by a tool'],
      [''],
      ['Notes: handles below were copied by hand'],
      [null, null],
      ['Followers', '', ''], // a title that happens to be a field name: fewer fields than the real header row
      ['Username', 'Full name', 'Followers'],
      ['@jane.doe', 'Jane Doe', '1,234'],
      ['bob_smith', 'Bob Smith', '1.2k'],
    ];
    const t = readTable(src('Followers', grid), 'followers');
    expect(t.headerIndex).toBe(6);
    expect(t.columns).toMatchObject({ handle: 0, name: 1, followers: 2 });
    expect(t.rows).toHaveLength(2);
    expect(rowNumber(t, 0)).toBe(8);
    expect(rowNumber(t, 1)).toBe(9);
    const f = readFollowers(t);
    expect(f.map((x) => [x.handle, x.name, x.followers])).toEqual([
      ['jane.doe', 'Jane Doe', 1234],
      ['bob_smith', 'Bob Smith', 1200],
    ]);
  });

  test('a title row that names one field does not beat a single-column header row naming the handle', () => {
    const t = readTable(src('F', [['Followers'], ['Handle'], ['@a']]), 'followers');
    expect(t.headerIndex).toBe(1);
    expect(t.columns.handle).toBe(0);
  });

  test('a summary row naming more fields loses to the header row that names the handle', () => {
    const grid: Grid = [['Followers', 'Following', 'Posts'], ['1200', '300', '45'], [], ['Username', 'Full name'], ['@a', 'A']];
    const t = readTable(src('F', grid), 'followers');
    expect(t.headerIndex).toBe(3);
    expect(readFollowers(t).map((f) => f.handle)).toEqual(['a']);
  });

  test('the header row is looked for in the first 10 rows only', () => {
    const grid: Grid = [...Array.from({ length: 10 }, () => ['junk']), ['Handle'], ['@a']];
    expect(() => readTable(src('Followers', grid), 'followers')).toThrow(InputError);
    const ok = readTable(src('Followers', grid.slice(1)), 'followers');
    expect(ok.headerIndex).toBe(9);
  });

  test('duplicated headers: the first one wins', () => {
    const t = readTable(src('F', [['Handle', 'Name', 'Handle', 'Name'], ['first', 'First Name', 'second', 'Second Name']]), 'followers');
    expect(t.columns.handle).toBe(0);
    expect(t.columns.name).toBe(1);
    expect(cellOf(t, 0, 'handle')).toBe('first');
  });

  test('the best synonym wins whatever the column order', () => {
    const t = readTable(
      src('Orders', [['Total', 'Order Value', 'Adjusted Order Total', 'Order Total', 'Email'], [1, 2, 3, 4, 'a@b.co']]),
      'orders',
    );
    expect(t.headers[t.columns.total]).toBe('Total');
    const etsy = readTable(src('Orders', [['Order Value', 'Adjusted Order Total', 'Order Total', 'Full Name'], [1, 2, 3, 'x']]), 'orders');
    expect(etsy.headers[etsy.columns.total]).toBe('Order Total');
    expect(etsy.headers[etsy.columns.subtotal]).toBe('Order Value');
  });

  test('headers match whatever their case, spacing, punctuation or BOM', () => {
    const t = readTable(src('F', [['\uFEFF  USER_NAME ', 'FULL-NAME', 'Followers Count:', 'is Private?'], ['a', 'A', '5', 'no']]), 'followers');
    expect(t.columns).toMatchObject({ handle: 0, name: 1, followers: 2, private: 3 });
    expect(t.headers[0]).toBe('USER_NAME');
  });

  test('overrides name the column by its header text and win over synonyms', () => {
    const grid: Grid = [['Handle', 'Insta', 'Name'], ['wrong', 'right', 'X']];
    const t = readTable(src('F', grid), 'followers', { handle: 'insta' });
    expect(t.columns.handle).toBe(1);
    expect(readFollowers(t)[0].handle).toBe('right');
    // an override that names no column falls back to the synonyms
    expect(readTable(src('F', grid), 'followers', { handle: 'Gone' }).columns.handle).toBe(0);
    // an override can make a row the header row on its own, even below a title that names a handle synonym
    const only = readTable(src('F', [['Instagram'], ['Insta'], ['x']]), 'followers', { handle: 'Insta' });
    expect(only.headerIndex).toBe(1);
    expect(only.columns.handle).toBe(0);
  });

  test('blank rows are kept so output lines up; cellOf is undefined for an absent field', () => {
    const t = readTable(src('F', [['Handle', 'Bio'], ['a', 'hi'], ['', ''], [], ['b']]), 'followers');
    expect(t.rows).toHaveLength(4);
    const f = readFollowers(t);
    expect(f.map((x) => x.handle)).toEqual(['a', '', '', 'b']);
    expect(f.map((x) => x.index)).toEqual([0, 1, 2, 3]);
    expect(f[1]).toEqual({ index: 1, handle: '' });
    expect(cellOf(t, 0, 'followers')).toBeUndefined();
    expect(cellOf(t, 3, 'bio')).toBeUndefined();
    expect(cellOf(t, 99, 'handle')).toBeUndefined();
  });
});

describe('readTable: missing fields', () => {
  const messageOf = (fn: () => unknown): string => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return (e as Error).message;
    }
    throw new Error('did not throw');
  };

  test('followers without a handle: the message names the source, what was looked for and the columns found', () => {
    const msg = messageOf(() => readTable(src('Followers', [['Name', 'Email'], ['Jane', 'j@x.co']]), 'followers'));
    expect(msg).toMatch(/^Followers: no handle column found \(looked for Handle, Username, Profile URL/);
    expect(msg).toMatch(/Columns found: Name, Email\.$/);
  });

  test('the columns found come from the first non-blank row when no row names a field', () => {
    const msg = messageOf(() => readTable(src('My tab', [[], ['Shoe', 'Hat'], ['1', '2']]), 'followers'));
    expect(msg).toContain('My tab: no handle column found');
    expect(msg).toContain('Columns found: Shoe, Hat.');
  });

  test('an empty grid says so', () => {
    expect(messageOf(() => readTable(src('Followers', []), 'followers'))).toMatch(/^Followers: .*empty/);
    expect(messageOf(() => readTable(src('Followers', [[''], ['']]), 'followers'))).toMatch(/empty/);
  });

  test('orders need someone to match: email, a name, first name, a handle or a buyer username', () => {
    const msg = messageOf(() => readTable(src('Orders', [['Order ID', 'Total', 'Currency'], ['1', '9', 'USD']]), 'orders'));
    expect(msg).toMatch(/^Orders: no customer column found/);
    expect(msg).toContain('Columns found: Order ID, Total, Currency.');
    for (const h of ['Email', 'Billing Name', 'First Name', 'Instagram', 'Buyer User ID', 'Ship Name']) {
      expect(() => readTable(src('Orders', [['Order ID', h], ['1', 'x']]), 'orders')).not.toThrow();
    }
  });

  test('engagement needs a handle; following needs a handle or a URL', () => {
    expect(messageOf(() => readTable(src('Engagement', [['Type', 'Date'], ['like', '2024-01-01']]), 'engagement'))).toMatch(
      /^Engagement: no handle column found.*Columns found: Type, Date\.$/,
    );
    expect(readTable(src('Following', [['URL'], ['https://x.com/a']]), 'following').columns.url).toBe(0);
    expect(() => readTable(src('Following', [['Date'], ['x']]), 'following')).toThrow(/Following: no handle column/);
  });

  test('very long header cells are shortened in the message', () => {
    const msg = messageOf(() => readTable(src('Long', [['x'.repeat(50000), 'y'.repeat(50000)], ['a', 'b']]), 'followers'));
    expect(msg.length).toBeLessThan(2000);
    expect(msg).toContain('x'.repeat(39) + '…, ' + 'y'.repeat(39) + '…');
  });

  test('a long header list is shortened', () => {
    const headers = Array.from({ length: 40 }, (_, i) => `Col ${i}`);
    const msg = messageOf(() => readTable(src('F', [headers, headers]), 'followers'));
    expect(msg).toContain('(10 more)');
  });
});

describe('readFollowers', () => {
  test('parses counts, booleans, dates, pictures and falls back from handle to URL', () => {
    const grid: Grid = [
      ['Username', 'Profile URL', 'Name', 'Bio', 'Followers', 'Following', 'Posts', 'Profile pic URL', 'Private', 'Verified', 'Website', 'Joined', 'Last post', 'Platform'],
      ['@Jane.Doe', '', 'Jane Doe', 'Baker ', '1,234', '1.2k', '3M', 'https://cdn.example/p.jpg', 'no', 'TRUE', 'https://jane.example', '2020-01-02', 'Dec 8, 2024', 'Instagram'],
      ['', 'https://www.instagram.com/_u/bob', '', '', '', '', '', '', 'yes', '', '0', '', '', ''],
      ['carl', '', '', '', 5, 6, 7, true, false, 1, '', 43832, new Date(Date.UTC(2024, 0, 5)), ''],
      ['dina', '', '', '', '', '', '', 'https://scontent.cdninstagram.com/v/t51.2885-19/44884218_345707102882519_2446069589734326272_n.jpg', '', '', '', '', '', ''],
    ];
    const f = readFollowers(readTable(src('Followers', grid), 'followers'));
    expect(f[0]).toEqual({
      index: 0,
      handle: 'jane.doe',
      name: 'Jane Doe',
      bio: 'Baker',
      followers: 1234,
      following: 1200,
      posts: 3000000,
      hasPicture: true,
      isPrivate: false,
      verified: true,
      externalUrl: 'https://jane.example',
      joined: Date.UTC(2020, 0, 2),
      lastPost: Date.UTC(2024, 11, 8),
      platform: 'instagram',
    });
    expect(f[1]).toEqual({ index: 1, handle: 'bob', hasPicture: false, isPrivate: true, platform: 'instagram' });
    expect(f[2]).toMatchObject({ handle: 'carl', followers: 5, following: 6, posts: 7, hasPicture: true, isPrivate: false, verified: true, joined: Date.UTC(2020, 0, 2), lastPost: Date.UTC(2024, 0, 5) });
    expect(f[3].hasPicture).toBe(false); // Instagram's default avatar
  });

  test('spreadsheet errors (#N/A, #REF!) are unknown values, not text, and never a handle', () => {
    const grid: Grid = [
      ['Username', 'Full Name', 'Followers', 'Has profile picture', 'Private', 'Joined', 'Website'],
      ['#N/A', '#N/A', '#N/A', '#N/A', '#N/A', '#N/A', '#N/A'],
      ['jane.doe', '#REF!', '#VALUE!', '#N/A', '#DIV/0!', '#NAME?', '#ERROR!'],
    ];
    const f = readFollowers(readTable(src('Followers', grid), 'followers'));
    expect(f[0].handle).toBe('');
    expect(f[1]).toEqual({ index: 1, handle: 'jane.doe' });
  });

  test('a name built from First Name + Last Name (LinkedIn), the platform from the URL', () => {
    const t = readTable(src('F', [['First Name', 'Last Name', 'URL'], ['Jane', 'Doe', 'https://www.linkedin.com/in/jane-doe'], ['', 'Solo', 'https://www.linkedin.com/in/solo']]), 'followers');
    expect(readFollowers(t)).toEqual([
      { index: 0, handle: 'jane-doe', name: 'Jane Doe', platform: 'linkedin' },
      { index: 1, handle: 'solo', name: 'Solo', platform: 'linkedin' },
    ]);
  });

  test('the shared bot dataset layout is read (0/1 flags, #counts)', () => {
    const t = readTable(
      src('train', [
        ['profile pic', 'nums/length username', 'fullname words', 'external URL', 'private', '#posts', '#followers', '#follows', 'fake'],
        ['1', '0.27', '0', '0', '0', '32', '1000', '955', '0'],
      ]),
      'followers',
      { handle: 'nums/length username' },
    );
    const [f] = readFollowers(t);
    expect(f).toMatchObject({ hasPicture: true, isPrivate: false, posts: 32, followers: 1000, following: 955 });
    expect(f.externalUrl).toBeUndefined();
  });
});

describe('dateOrder', () => {
  const t = (dates: string[]) => readTable(src('F', [['Handle', 'Joined'], ...dates.map((d, i) => [`u${i}`, d])]), 'followers');
  test.each<[string[], 'MDY' | 'DMY']>([
    [['05/03/2024', '06/04/2024'], 'MDY'], // nothing settles it: the US reading
    [['05/03/2024', '25/03/2024'], 'DMY'],
    [['05/03/2024', '03/25/2024'], 'MDY'],
    [['25/03/2024', '03/25/2024'], 'MDY'], // contradictory: the default
    [["'25-03-2024"], 'DMY'],
    [['2024-03-25', 'Dec 8, 2024'], 'MDY'],
  ])('%p → %p', (dates, want) => expect(dateOrder(t(dates), 'joined')).toBe(want));

  test('readFollowers reads a day-first column day-first throughout; absent fields are MDY', () => {
    const table = t(['05/03/2024', '25/03/2024']);
    expect(readFollowers(table).map((f) => f.joined)).toEqual([Date.UTC(2024, 2, 5), Date.UTC(2024, 2, 25)]);
    expect(dateOrder(table, 'lastPost')).toBe('MDY');
  });
});

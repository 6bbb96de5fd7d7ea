// `followback import` and `followback score` (through main, with an in-memory file system) on the variants real
// downloads and exports have: what each file was found to hold, files without purchases, scrapers' JSON.
import Papa from 'papaparse';
import { main, type Io } from '../src/cli/main';
import { abandonedCheckouts, csvText, etsyItems, germanHtml, paidShopify, shopifyTransactions, signUps, tiktokProfile } from './fixtures/variants';

function memIo(files: Record<string, string>) {
  const written: Record<string, string> = {};
  let out = '';
  let err = '';
  const io: Io = {
    readFile(path) {
      const f = files[path];
      if (f === undefined) throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: 'ENOENT' });
      return new TextEncoder().encode(f);
    },
    writeFile: (path, data) => void (written[path] = data),
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
  };
  return { io, written, out: () => out, err: () => err };
}
const table = (csv: string): string[][] => Papa.parse<string[]>(csv.trim()).data;
const column = (rows: string[][], header: string) => rows.slice(1).map((r) => r[rows[0].indexOf(header)]);

describe('followback import', () => {
  test('a German followers_1.html and a TikTok Profile download: per file platform, list, rows; the empty list said as such', () => {
    const m = memIo({
      'followers_1.html': germanHtml('Follower', ['lumi.vakk', 'teo_brask']),
      'user_data_tiktok.json': tiktokProfile(null, ['nix.o']),
    });
    expect(main(['import', 'followers_1.html', 'user_data_tiktok.json', '--out', 'f.csv'], m.io)).toBe(0);
    expect(m.err()).toMatch(/followers_1\.html: Instagram followers \(HTML\): 2 accounts/);
    expect(m.err()).toMatch(/user_data_tiktok\.json: TikTok followers \(JSON\): this download's followers list is empty/);
    expect(m.err()).toMatch(/user_data_tiktok\.json: skipped, it is a following list \(add --following to import it\)/);
    expect(column(table(m.written['f.csv']), 'Handle')).toEqual(['lumi.vakk', 'teo_brask']);
  });

  test('LinkedIn 2021 Connections.csv: imported by name, with an Email column the follower reader finds', () => {
    const m = memIo({ 'Connections.csv': 'First Name,Last Name,Email Address,Company,Position,Connected On\nAstra,Belwood,astra.b@example.test,,,17 Feb 2021\n' });
    expect(main(['import', 'Connections.csv', '--out', 'f.csv'], m.io)).toBe(0);
    const rows = table(m.written['f.csv']);
    expect(rows[0]).toEqual(['Handle', 'Name', 'Profile URL', 'Followed on', 'Platform', 'Email']);
    expect(rows[1]).toEqual(['astra belwood', 'Astra Belwood', '', '2021-02-17', 'linkedin', 'astra.b@example.test']);
    expect(m.err()).toMatch(/Connections\.csv: LinkedIn connections \(CSV, names and emails, no profile links\): 1 account; 1 with an email/);
  });

  test('scrapers: private-API pages → handles, names and the profile columns', () => {
    const page = { users: [{ pk: '1', username: 'kesta.morrow', full_name: 'Kesta Morrow', is_private: true, is_verified: false, profile_pic_url: 'https://cdn.example/p.jpg' }], next_max_id: null, has_more: false };
    const m = memIo({ 'followers_page1.json': JSON.stringify(page) });
    expect(main(['import', 'followers_page1.json', '--out', 'f.csv'], m.io)).toBe(0);
    const rows = table(m.written['f.csv']);
    expect(rows[0]).toEqual(['Handle', 'Name', 'Profile URL', 'Followed on', 'Platform', 'Private', 'Verified', 'Profile pic URL']);
    expect(rows[1]).toEqual(['kesta.morrow', 'Kesta Morrow', 'https://www.instagram.com/kesta.morrow', '', 'instagram', 'TRUE', 'FALSE', 'https://cdn.example/p.jpg']);
  });

  test('a file it cannot read names what it expected and what it found', () => {
    const m = memIo({ 'user_data_tiktok.json': JSON.stringify({ Profile: { 'Profile Info': {} } }) });
    expect(main(['import', 'user_data_tiktok.json'], m.io)).toBe(1);
    expect(m.err()).toMatch(/user_data_tiktok\.json: a TikTok download without a Follower or Following list .*Expected a TikTok data download/);
  });
});

describe('followback score', () => {
  const followers = 'Username,Full name\norla.venn,Orla Venn\ntova.quillan0,Tova Quillan0\nmarentoll85,Maren T\n';

  test('an abandoned-checkouts file beside a real orders file: a warning naming it on stderr, no customer from it, exit 0', () => {
    const m = memIo({ 'f.csv': followers, 'abandoned.csv': csvText(abandonedCheckouts(4)), 'orders.csv': csvText(paidShopify()) });
    expect(main(['score', 'f.csv', '--orders', 'abandoned.csv', '--orders', 'orders.csv', '--now', '2026-06-01'], m.io)).toBe(0);
    expect(m.err()).toMatch(/followback: abandoned\.csv: Financial Status and Paid at are empty on every row/);
    const rows = table(m.out());
    expect(column(rows, 'Customer')[0]).toMatch(/^Orla Venn/);
    expect(column(rows, 'Customer')[1]).toBe('');
  });

  test('a transactions export and a sign-ups export as the only orders: both named, scoring still done', () => {
    const m = memIo({ 'f.csv': followers, 'transactions.csv': csvText(shopifyTransactions()), 'customers.csv': csvText(signUps()) });
    expect(main(['score', 'f.csv', '--orders', 'transactions.csv', '--orders', 'customers.csv'], m.io)).toBe(0);
    expect(m.err()).toMatch(/followback: transactions\.csv: this is a transactions export/);
    expect(m.err()).toMatch(/followback: customers\.csv: every customer in it has 0 Total Orders/);
    expect(column(table(m.out()), 'Customer ID').every((c) => c === '')).toBe(true);
  });

  test('the Etsy username in Buyer (…) links the follower of that handle', () => {
    const m = memIo({ 'f.csv': followers, 'etsy.csv': csvText(etsyItems()) });
    expect(main(['score', 'f.csv', '--orders', 'etsy.csv', '--now', '2026-06-01'], m.io)).toBe(0);
    const rows = table(m.out());
    expect(column(rows, 'Customer')[2]).toMatch(/^Maren Tollefsen · 1 order · 10\.70/);
  });

  test('an Etsy file re-saved by a spreadsheet as tab-separated under a .csv name reads the same', () => {
    const tsv = etsyItems().map((r) => r.join('\t')).join('\n') + '\n';
    const m = memIo({ 'f.csv': followers, 'EtsySoldOrderItems.csv': tsv });
    expect(main(['score', 'f.csv', '--orders', 'EtsySoldOrderItems.csv', '--now', '2026-06-01'], m.io)).toBe(0);
    expect(column(table(m.out()), 'Customer')[2]).toMatch(/^Maren Tollefsen · 1 order · 10\.70/);
  });

  test('a followers .json from a scraper is read through the import reader', () => {
    const profiles = [{ username: 'orla.venn', full_name: 'Orla Venn', follower_count: 420, following_count: 300, media_count: 55, biography: 'Potter' }, { username: 'x', full_name: 'NA' }];
    const m = memIo({ 'followers.json': JSON.stringify(profiles), 'orders.csv': csvText(paidShopify()) });
    expect(main(['score', 'followers.json', '--orders', 'orders.csv', '--now', '2026-06-01'], m.io)).toBe(0);
    const rows = table(m.out());
    expect(rows[0].slice(0, 9)).toEqual(['Handle', 'Name', 'Profile URL', 'Followed on', 'Platform', 'Bio', 'Followers count', 'Following count', 'Posts']);
    expect(column(rows, 'Name')).toEqual(['Orla Venn', '']);
    expect(column(rows, 'Customer')[0]).toMatch(/^Orla Venn/);
  });

  test('a scraper CSV: a bio with CRLF inside an LF file stays one cell; NA and [] are unknown; True/False flags', () => {
    const scraped = 'username,full_name,bio,is_private\nkessa.wynd,NA,"Clay\r\nand glaze",True\nmott.kr,Mott Kr,[],False\n';
    const m = memIo({ 'scraped.csv': scraped });
    expect(main(['score', 'scraped.csv', '--now', '2026-06-01'], m.io)).toBe(0);
    const rows = table(m.out());
    expect(column(rows, 'username')).toEqual(['kessa.wynd', 'mott.kr']);
    expect(column(rows, 'bio')[0]).toBe('Clay\nand glaze');
  });

  test('a scraper CSV without a header row: one line naming the file and saying so, exit 1', () => {
    const m = memIo({ 'scraped.csv': 'kessa.wynd,Kessa Wynd,True,1234\nmott.kr,NA,False,88\n' });
    expect(main(['score', 'scraped.csv'], m.io)).toBe(1);
    expect(m.err()).toMatch(/^followback: scraped\.csv: the first row holds a follower .*no header row/);
  });

  test('a .json that holds no followers list is refused with the file named', () => {
    const m = memIo({ 'following.json': JSON.stringify({ relationships_following: [] }) });
    expect(main(['score', 'following.json'], m.io)).toBe(1);
    expect(m.err()).toMatch(/^followback: following\.json: it holds no followers list/);
  });
});

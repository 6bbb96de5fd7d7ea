// What the command line refuses that used to slip through: a CSV row wider than its header (a comma inside an
// unquoted value) in every reader, and an --out the file system will not take (folder, full disk, permissions).
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { main, type Io } from '../src/cli/main';
import { checkInputFile, readCsvFile, streamCsvFile } from '../src/cli/csv';
import { checkOutPath, nodeOutFs, writeOutFile, type OutFs } from '../src/cli/out-file';
import { readLayout } from '../src/cli/score-parts';

const enc = (s: string) => new TextEncoder().encode(s);

function run(files: Record<string, string>, args: string[]) {
  const out = { stdout: '', stderr: '', written: {} as Record<string, string> };
  const io: Io = {
    readFile: (p) => {
      if (!(p in files)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return enc(files[p]);
    },
    writeFile: (p, d) => void (out.written[p] = d),
    stdout: (s) => void (out.stdout += s),
    stderr: (s) => void (out.stderr += s),
  };
  const code = main(['score', ...args, '--now', '2026-11-25', '--out', 'out.csv'], io);
  return { code, ...out };
}

const FOLLOWERS = 'Username,Full Name,Bio,Followers\njane.doe,Jane Doe,Ceramics,812\nmarco,Marco Rossi,Bread,1520\nlena.k,Lena K,Tea,90\n';

describe('a row with more fields than its header', () => {
  test('followers: one line naming the file, the row and both counts; nothing written', () => {
    const bad = FOLLOWERS.replace('marco,Marco Rossi,Bread,1520', 'marco,Marco Rossi,Bread, pastry, cakes,1520');
    const r = run({ 'f.csv': bad }, ['f.csv']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('followback: f.csv: row 3 has 6 fields, the header 4: is a comma inside an unquoted value?\n');
    expect(r.written).toEqual({});
  });

  test('the row is counted from the top of the file when the header is below a title row', () => {
    const bad = 'Instagram followers export\n' + FOLLOWERS + 'zed,Zed,a,b,c\n';
    const r = run({ 'f.csv': bad }, ['f.csv']);
    expect(r.stderr).toMatch(/^followback: f\.csv: row 6 has 5 fields, the header 4:/);
  });

  test('trailing empty fields (Excel saving the sheet again) and short rows are read as blanks', () => {
    const padded = FOLLOWERS.replace(/\n/g, ',,,\n').replace('lena.k,Lena K,Tea,90,,,', 'lena.k,Lena K');
    const r = run({ 'f.csv': padded }, ['f.csv']);
    expect(r.stderr).not.toMatch(/fields/);
    expect(r.code).toBe(0);
    expect(r.written['out.csv'].split('\n')[3]).toMatch(/^lena\.k,Lena K,,,/);
  });

  test('a wide header row makes wide rows fine: only fields past the header are extra', () => {
    const r = run({ 'f.csv': FOLLOWERS.replace('Followers\n', 'Followers,,\n').replace('1520', '1520,x,y') }, ['f.csv']);
    expect(r.code).toBe(0);
  });

  test('orders read in their columns only, orders read whole, engagement and following', () => {
    const orders = 'Order ID,Email,Total,Billing Name\n1,jane@example.com,10.00,Jane Doe\n2,m@example.com,5.00,Marco, Rossi\n';
    expect(run({ 'f.csv': FOLLOWERS, 'o.csv': orders }, ['f.csv', '--orders', 'o.csv']).stderr).toBe(
      'followback: o.csv: row 3 has 5 fields, the header 4: is a comma inside an unquoted value?\n',
    );
    const narrow = 'Order ID,Email,Total,Billing Name,Notes,Tags\n1,jane@example.com,10.00,Jane Doe,,\n2,m@example.com,5.00,Marco,gift, wrap,x\n';
    expect(run({ 'f.csv': FOLLOWERS, 'o.csv': narrow }, ['f.csv', '--orders', 'o.csv']).stderr).toMatch(/^followback: o\.csv: row 3 has 7 fields, the header 6:/);
    const engagement = 'Username,Interaction,Date\n@lena.k,comment,2026-11-20\n@jane.doe,comment, nice,2026-11-21\n';
    expect(run({ 'f.csv': FOLLOWERS, 'e.csv': engagement }, ['f.csv', '--engagement', 'e.csv']).stderr).toMatch(/^followback: e\.csv: row 3 has 4 fields, the header 3:/);
    const following = 'Username\nlena.k\njane.doe,Jane\n';
    expect(run({ 'f.csv': FOLLOWERS, 'g.csv': following }, ['f.csv', '--following', 'g.csv']).stderr).toMatch(/^followback: g\.csv: row 3 has 2 fields, the header 1:/);
  });

  test('the streamed reader refuses it in any part of the file, with the row counted across parts', () => {
    const rows = ['Username,Interaction,Date'];
    for (let i = 0; i < 30000; i++) rows.push(`@user${i},like,2026-11-20`);
    rows[25000] = '@user,like,2026-11-20,extra';
    const bytes = enc(rows.join('\n') + '\n');
    const parts: number[] = [];
    const stream = () => streamCsvFile('e.csv', () => bytes, (p) => parts.push(p.length), readLayout('engagement', 'e.csv'));
    expect(stream).toThrow('e.csv: row 25001 has 4 fields, the header 3: is a comma inside an unquoted value?');
    // the same file read whole says the same
    expect(() => readCsvFile('e.csv', () => bytes, readLayout('engagement', 'e.csv'))).toThrow('e.csv: row 25001 has 4 fields');
    rows[25000] = '@user,like,2026-11-20,,';
    const padded = enc(rows.join('\n') + '\n');
    let total = 0;
    streamCsvFile('e.csv', () => padded, (p) => (total += p.length), readLayout('engagement', 'e.csv'));
    expect(total).toBe(30001);
  });
});

/** A file system whose calls fail with `code` where `at` says, recording what is left behind. */
function failingFs(code: string, at: 'write' | 'rename'): OutFs & { files: Map<string, string> } {
  const files = new Map<string, string>([['held.csv', 'precious']]);
  const fail = () => {
    throw Object.assign(new Error(`${code}: refused`), { code });
  };
  return {
    files,
    statSync: (p) => (files.has(p) ? { isDirectory: () => false, isFile: () => true } : undefined),
    writeFileSync: (p, d) => {
      files.set(p, d.slice(0, 3)); // a partial write, then the failure
      if (at === 'write') fail();
    },
    renameSync: (from, to) => {
      if (at === 'rename') fail();
      files.set(to, files.get(from)!);
      files.delete(from);
    },
    unlinkSync: (p) => void files.delete(p),
    writeInPlace: fail,
  };
}

describe('--out the file system refuses: one line naming the file and what to do, nothing left behind', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fb-out-'));

  test('a folder is refused before any work', () => {
    expect(() => checkOutPath(dir)).toThrow(`${dir}: is a folder: name a file, e.g. --out FOLDER/scored.csv; nothing was written`);
  });

  test('a full disk (/dev/full) is ENOSPC', () => {
    expect(() => writeOutFile('/dev/full', 'a,b\n')).toThrow('/dev/full: the disk is full: free some space or name a file on another disk; nothing was written');
  });

  test('a folder that does not exist, a file used as a folder', () => {
    expect(() => writeOutFile(join(dir, 'nope', 'x.csv'), 'a\n')).toThrow(/nope\/x\.csv: its folder does not exist/);
    writeFileSync(join(dir, 'plain'), 'x');
    expect(() => writeOutFile(join(dir, 'plain', 'x.csv'), 'a\n')).toThrow(/plain\/x\.csv: part of the path is a file, not a folder/);
    expect(readdirSync(dir)).toEqual(['plain']);
  });

  test('a real write goes to a temporary file first, then takes the name', () => {
    const out = join(dir, 'scored.csv');
    writeOutFile(out, 'a,b\n', nodeOutFs);
    expect(readFileSync(out, 'utf8')).toBe('a,b\n');
    expect(readdirSync(dir).sort()).toEqual(['plain', 'scored.csv']);
  });

  test.each([
    ['EACCES', 'write', /held\.csv: cannot be written \(permission denied\): choose a folder you can write to/],
    ['EROFS', 'write', /held\.csv: is on a read-only disk/],
    ['ENOSPC', 'write', /held\.csv: the disk is full/],
    ['EBUSY', 'rename', /held\.csv: is in use by another program \(a spreadsheet that has it open\?\): close it and run again/],
    ['EPERM', 'rename', /held\.csv: cannot be written \(not permitted\)/],
    ['EIO', 'write', /held\.csv: cannot be written \(EIO\); nothing was written/],
  ] as const)('%s on %s: the old file stays as it was and the temporary one is removed', (code, at, message) => {
    const fs = failingFs(code, at);
    expect(() => writeOutFile('held.csv', 'new,rows\n', fs, 7)).toThrow(message);
    expect([...fs.files]).toEqual([['held.csv', 'precious']]);
  });
});

describe('an input file that cannot be read is refused before the others are read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fb-in-'));
  const followers = join(dir, 'followers.csv');
  writeFileSync(followers, 'username,full_name\nada,Ada Lovelace\n');
  mkdirSync(join(dir, 'exports'));
  const unreadable = (code: string) => ({
    statSync: () => ({ isDirectory: () => false }),
    accessSync: () => {
      throw Object.assign(new Error(code), { code });
    },
  });

  test.each([
    [join(dir, 'nope.csv'), /nope\.csv: file not found$/],
    [join(dir, 'exports'), /exports: is a folder, not a file$/],
    [join(followers, 'x.csv'), /x\.csv: part of the path is a file, not a folder$/],
  ])('%s', (path, message) => {
    expect(() => checkInputFile(path)).toThrow(message);
  });

  test.each([
    ['EACCES', /held\.csv: cannot be read \(permission denied\): copy it somewhere you can read/],
    ['EBUSY', /held\.csv: is in use by another program: close it and run again/],
    ['EIO', /held\.csv: cannot be read \(EIO\)$/],
  ])('%s, which root on Linux cannot provoke', (code, message) => {
    expect(() => checkInputFile('held.csv', unreadable(code))).toThrow(message);
  });

  test('the command line names the missing file at once, whichever flag names it, and writes nothing', () => {
    // a followers file that reading would refuse: the missing file is named first, so nothing was read
    const damaged = join(dir, 'damaged.csv');
    writeFileSync(damaged, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    for (const flag of ['--orders', '--engagement', '--following', '--history']) {
      const out = join(dir, `out${flag}.csv`);
      const r = spawnSync(process.execPath, [join(__dirname, '..', 'bin', 'followback.js'), 'score', damaged, flag, join(dir, 'gone.csv'), '--out', out], { encoding: 'utf8' });
      expect([flag, r.status, r.stderr.trim()]).toEqual([flag, 1, `followback: ${join(dir, 'gone.csv')}: file not found`]);
      expect(readdirSync(dir)).not.toContain(`out${flag}.csv`);
    }
  });
});

// `followback score … --history FILE`: the history's follows, "not now" and "never" shape today's queue, today's
// ticks use up the daily limit (in --time-zone's day), and an unreadable history row is named on standard error.
import Papa from 'papaparse';
import { main, type Io } from '../src/cli/main';

function io(files: Record<string, string>) {
  const out = { stdout: '', stderr: '' };
  const fake: Io = {
    readFile: (p) => {
      if (!(p in files)) throw Object.assign(new Error(`ENOENT: no such file, open '${p}'`), { code: 'ENOENT' });
      return new TextEncoder().encode(files[p]);
    },
    writeFile: () => undefined,
    stdout: (s) => (out.stdout += s),
    stderr: (s) => (out.stderr += s),
  };
  return { fake, out };
}

const followers = ['Username,Full name,Followers,Following,Posts,Has profile picture', ...Array.from({ length: 30 }, (_, i) => `person${i},Person ${i},${200 + i},${150 + i},${20 + i},yes`)].join('\n');
// Everyone engaged recently: all are worth following, so the queue is only a matter of the limit and the history.
const engagement = ['Username,Type,Date', ...Array.from({ length: 30 }, (_, i) => `person${i},mention,2026-11-28\nperson${i},comment,2026-11-29`)].join('\n');
const NOW = '2026-12-02T20:00:00Z'; // 2026-12-03 in Tokyo
const history = [
  'When,Handle,Platform,Action,Score,Recommendation,Reason',
  '2026-12-02T09:00:00Z,person1,instagram,followed,60,Follow back,',
  '2026-12-02T09:00:00Z,person2,instagram,followed,60,Follow back,',
  '2026-12-02T09:00:00Z,person3,instagram,followed,60,Follow back,',
  '2026-12-02T09:05:00Z,person3,instagram,undone,60,Follow back,',
  '2026-12-01T09:00:00Z,person4,instagram,followed,60,Follow back,',
  '2026-11-30T09:00:00Z,person5,instagram,never,60,Follow back,',
  '2026-11-30T09:00:00Z,person6,instagram,not now,60,Follow back,',
  '2026-11-20T09:00:00Z,person7,instagram,not now,60,Follow back,',
  'soon,person8,instagram,followed,60,Follow back,',
].join('\n');

function score(extra: string[]) {
  const { fake, out } = io({ 'f.csv': followers, 'h.csv': history, 'e.csv': engagement });
  const code = main(['score', 'f.csv', '--engagement', 'e.csv', '--history', 'h.csv', '--daily-limit', '10', '--now', NOW, '--platform', 'instagram', ...extra], fake);
  const rows = Papa.parse<string[]>(out.stdout.trim()).data;
  const col = (h: string) => rows[0].indexOf(h);
  const by = new Map(rows.slice(1).map((r) => [r[0], { rec: r[col('Recommendation')], queue: r[col('Follow queue')] }]));
  return { code, out, by };
}

test('follows in the history are Already following; never and not now stay out; undone is undone', () => {
  const { code, by, out } = score(['--time-zone', 'UTC']);
  expect(code).toBe(0);
  for (const h of ['person1', 'person2', 'person4']) expect(by.get(h)!.rec).toBe('Already following');
  expect(by.get('person3')!.rec).not.toBe('Already following');
  for (const h of ['person5', 'person6']) expect(by.get(h)!.queue).toBe('');
  // 2 followed today (UTC) of a limit of 10: 8 queued.
  const queued = [...by.values()].filter((r) => r.queue !== '').length;
  expect(queued).toBe(8);
  expect(out.stderr).toMatch(/8 queued for today \(2 followed today already\)/);
  expect(out.stderr).toMatch(/h\.csv \(row 10, column "When"\): "soon" is not a date; the row is skipped/);
});

test('today is the time zone’s day: in Tokyo it is already tomorrow, so the full limit is queued', () => {
  const { by } = score(['--time-zone', 'Asia/Tokyo']);
  expect([...by.values()].filter((r) => r.queue !== '').length).toBe(10);
});

test('a not-now of 10 days keeps person7 (snoozed 12 days ago) out no longer, but 14 days does', () => {
  // A limit that queues everyone left, so only the snooze decides (scores alone may rank person7 past 10).
  const all = ['--time-zone', 'UTC', '--daily-limit', '30'];
  expect(score([...all, '--not-now-days', '10']).by.get('person7')!.queue).not.toBe('');
  expect(score([...all, '--not-now-days', '14']).by.get('person7')!.queue).toBe('');
});

test('an unknown time zone is a usage error naming it', () => {
  const { code, out } = score(['--time-zone', 'Mars/Olympus']);
  expect(code).toBe(2);
  expect(out.stderr).toMatch(/--time-zone: unknown time zone "Mars\/Olympus"/);
});

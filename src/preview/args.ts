// `npm start -- --followers F.csv [--orders O.csv]... [--engagement E.csv] [--following G.csv]`

export interface PreviewArgs {
  followers?: string;
  orders: string[];
  engagement: string[];
  following: string[];
  help: boolean;
}

export const USAGE = `Usage: npm start [-- --followers FILE.csv [--orders FILE.csv]... [--engagement FILE.csv] [--following FILE.csv]]
Serves the real add-on (dist/Code.js, dist/Sidebar.html) on an emulated spreadsheet at http://127.0.0.1:$PORT (default 8080).
Without files it opens on the add-on's example workbook. Files are CSV (the preview reads no XLSX).`;

export function parseArgs(argv: string[]): PreviewArgs {
  const out: PreviewArgs = { orders: [], engagement: [], following: [], help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') {
      out.help = true;
      continue;
    }
    const m = /^--(followers|orders|engagement|following)(?:=(.*))?$/.exec(a);
    if (!m) throw new Error(`unknown argument ${a}\n${USAGE}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined || value === '' || value.startsWith('--')) throw new Error(`--${m[1]} needs a file name`);
    if (m[1] === 'followers') {
      if (out.followers) throw new Error('--followers may be given once');
      out.followers = value;
    } else out[m[1] as 'orders' | 'engagement' | 'following'].push(value);
  }
  if (!out.help && !out.followers && (out.orders.length || out.engagement.length || out.following.length)) {
    throw new Error('--followers FILE is needed when other files are given');
  }
  return out;
}

/** The tabs the files become: names the add-on finds by (Followers, Orders, Orders 2, Engagement, Following). */
export function tabsOf(args: PreviewArgs): { file: string; tab: string }[] {
  const tabs: { file: string; tab: string }[] = [];
  if (args.followers) tabs.push({ file: args.followers, tab: 'Followers' });
  const add = (files: string[], base: string) => files.forEach((file, i) => tabs.push({ file, tab: i === 0 ? base : `${base} ${i + 1}` }));
  add(args.orders, 'Orders');
  add(args.engagement, 'Engagement');
  add(args.following, 'Following');
  return tabs;
}

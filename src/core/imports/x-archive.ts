// X (Twitter) archive: data/follower.js and data/following.js, a JavaScript assignment of a JSON array:
//   window.YTD.follower.part0 = [ {"follower": {"accountId": "1295862231402459136", "userLink": "…"}} ]
// X gives account ids only, no @handles. Ids reach 19 digits, beyond a double's exact range: they stay text,
// and a bare number in the file is quoted before JSON.parse so it never passes through a double.
import { buildRows, type RawEntry } from './rows';
import type { ImportKind, ParseOutcome } from './types';

const HEAD = /^\s*window\.YTD\.([A-Za-z_]+)\.part\d+\s*=\s*/;

export function looksLikeXArchive(text: string): boolean {
  return HEAD.test(text.slice(0, 200));
}

export function parseXArchive(text: string): ParseOutcome {
  const head = HEAD.exec(text);
  if (!head) return 'expected "window.YTD.follower.part0 = [ … ]"';
  const name = head[1].toLowerCase();
  const kind: ImportKind | undefined = name === 'follower' ? 'followers' : name === 'following' ? 'following' : undefined;
  if (!kind) return `this is X's "${head[1]}" file, not follower.js or following.js`;
  const body = text.slice(head[0].length).trim().replace(/;\s*$/, '').replace(/("accountId"\s*:\s*)(\d+)/g, '$1"$2"');
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    return `damaged file: the list after "window.YTD.${head[1]}.part0 =" is not valid JSON (${(e as Error).message})`;
  }
  if (!Array.isArray(data)) return 'expected a list after "window.YTD.…part0 ="';
  const entries: RawEntry[] = data.map((it) => {
    const inner = it && typeof it === 'object' ? (it as Record<string, unknown>)[head[1]] : undefined;
    if (!inner || typeof inner !== 'object') return {};
    const o = inner as Record<string, unknown>;
    const id = typeof o.accountId === 'string' ? o.accountId.trim() : '';
    if (!/^\d+$/.test(id)) return {};
    const link = typeof o.userLink === 'string' && o.userLink ? o.userLink : `https://twitter.com/intent/user?user_id=${id}`;
    return { handle: id, url: link };
  });
  const { rows, skipped } = buildRows('x', entries);
  if (data.length > 0 && rows.length === 0) return `no "accountId" in the ${head[1]} entries`;
  return [{ kind, platform: 'x', format: `X ${kind} (account ids only)`, rows, skipped }];
}

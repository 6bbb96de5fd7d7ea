// The date forms the platforms' downloads write for "followed on". All read as UTC: the files carry no
// zone (or say UTC), and only the day matters for a follow list.

const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, sept: 8, oct: 9, nov: 10, dec: 11,
};

/** Unix seconds (Meta, TikTok) or milliseconds → epoch ms; undefined for anything else. */
export function fromUnix(v: unknown): number | undefined {
  const n = typeof v === 'string' && /^\d{9,13}$/.test(v.trim()) ? Number(v) : v;
  if (typeof n !== 'number' || !isFinite(n) || n <= 0) return undefined;
  return n < 1e11 ? Math.round(n * 1000) : Math.round(n);
}

function hour12(h: number, ampm: string | undefined): number {
  if (!ampm) return h;
  const pm = ampm.toLowerCase() === 'pm';
  return (h % 12) + (pm ? 12 : 0);
}

function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number | undefined {
  if (mo < 0 || mo > 11 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return undefined;
  const t = Date.UTC(y, mo, d, h, mi, s);
  return new Date(t).getUTCDate() === d ? t : undefined;
}

/**
 * "2021-11-11 01:22:22" and "2025-08-02 01:00:44 UTC" (TikTok), ISO 8601 with or without zone (Bluesky),
 * "12 Mar 2024" (LinkedIn), "Jan 13, 2025 6:04 pm" / "Jan 13, 2025, 6:04 PM" (Meta HTML), unix seconds.
 */
export function parseFollowDate(v: unknown): number | undefined {
  if (typeof v === 'number') return fromUnix(v);
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  if (!s) return undefined;
  if (/^\d{9,13}$/.test(s)) return fromUnix(s);
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i.exec(s);
  if (m) {
    const base = utc(+m[1], +m[2] - 1, +m[3], +(m[4] || 0), +(m[5] || 0), +(m[6] || 0));
    if (base === undefined) return undefined;
    const zone = m[7];
    if (!zone || /^(z|utc|gmt)$/i.test(zone)) return base;
    const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
    const offset = (+z[2] * 60 + +z[3]) * 60000 * (z[1] === '-' ? -1 : 1);
    return base - offset;
  }
  // LinkedIn's 2018 Connections.csv: "1/8/18, 6:14 PM" (US month first)
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4}),?(?:\s+(\d{1,2}):(\d{2})\s*([ap]m)?)?$/i.exec(s);
  if (m) {
    const y = m[3].length === 2 ? 2000 + +m[3] : +m[3];
    return utc(y, +m[1] - 1, +m[2], m[4] ? hour12(+m[4], m[6]) : 0, +(m[5] || 0));
  }
  m = /^(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4})$/i.exec(s);
  if (m) {
    const mo = MONTHS[m[2].slice(0, 3).toLowerCase()];
    return mo === undefined ? undefined : utc(+m[3], mo, +m[1]);
  }
  m = /^([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]m)?)?$/i.exec(s);
  if (m) {
    const mo = MONTHS[m[1].slice(0, 3).toLowerCase()];
    if (mo === undefined) return undefined;
    return utc(+m[3], mo, +m[2], m[4] ? hour12(+m[4], m[7]) : 0, +(m[5] || 0), +(m[6] || 0));
  }
  return undefined;
}

/** epoch ms → "YYYY-MM-DD" (UTC), the form written to the sheet and the CSV. */
export function isoDay(ms: number | undefined): string {
  if (ms === undefined || !isFinite(ms)) return '';
  return new Date(ms).toISOString().slice(0, 10);
}

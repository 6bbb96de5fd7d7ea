// Score, recommendation and reasons for one follower, from the three pieces of evidence.
// Each part is points out of its weight (Settings.weights), so the reasons can be read straight
// off the numbers that made the score.
import type { BotAssessment, Customer, Engagement, EngagementType, Match, Recommendation, ResultRow, Settings } from './types';

export interface Evidence {
  match: Match | null;
  customer?: Customer;
  customerText: string;
  engagement?: Engagement;
  bot: BotAssessment;
  alreadyFollowing: boolean;
}

/**
 * Share of the model's five inputs that must be known before a row may be called `Likely bot`: three. With only a
 * picture and a bio known, `Likely bot` was right 0.76 of the time on the Kaggle collection left out
 * (node scripts/eval-bot-model.mjs, pictureAndBio), below the bar; the counts alone held 0.84–0.98.
 */
export const MIN_BOT_COVERAGE = 0.6;

/** A row with none of the bot model's inputs gets the base rate, and says so. */
export const HANDLE_ONLY = 'Bot risk unknown: only a handle. Add followers, following and posts columns (a follower export with profile data) for a real check.';

/** Points an engagement total is worth: saturating, so one fan cannot outweigh a customer. */
const ENGAGEMENT_SCALE = 15;

export interface Parts {
  customer: number;
  engagement: number;
  genuine: number;
}

/** Customer strength 0..1: a confident match counts most, repeat buyers a little more. */
export function customerStrength(match: Match | null, customer?: Customer): number {
  if (!match || !customer) return 0;
  if (!match.confident) return 0.4 * match.confidence;
  const repeat = Math.min(1, Math.log2(Math.max(1, customer.orders)) / Math.log2(5));
  return 0.85 + 0.15 * repeat;
}

export function engagementStrength(e?: Engagement): number {
  return e ? 1 - Math.exp(-Math.max(0, e.points) / ENGAGEMENT_SCALE) : 0;
}

export function scoreParts(ev: Evidence, settings: Settings): Parts {
  const w = settings.weights;
  return {
    customer: w.customer * customerStrength(ev.match, ev.customer),
    engagement: w.engagement * engagementStrength(ev.engagement),
    genuine: w.genuine * (1 - ev.bot.risk),
  };
}

export function recommend(score: number, botRisk: number, ev: Evidence, settings: Settings): Recommendation {
  if (ev.alreadyFollowing) return 'Already following';
  // A confident customer is a real buyer, whatever the profile looks like; engagement does not
  // clear a bot, because bots like and comment on everything.
  // A handle alone says nothing measurable about a bot (scripts/eval-bot-model.mjs): too little to call one.
  const confidentCustomer = !!ev.match?.confident;
  if (!confidentCustomer && botRisk >= settings.botThreshold && ev.bot.coverage >= MIN_BOT_COVERAGE) return 'Likely bot';
  if (score >= settings.followThreshold) return 'Follow back';
  if (score >= settings.considerThreshold) return 'Consider';
  return 'Skip';
}

const TYPE_WORDS: Record<EngagementType, [string, string]> = {
  mention: ['mention', 'mentions'],
  tag: ['tag', 'tags'],
  share: ['share', 'shares'],
  comment: ['comment', 'comments'],
  dm: ['DM', 'DMs'],
  save: ['save', 'saves'],
  like: ['like', 'likes'],
};
const TYPE_ORDER: EngagementType[] = ['mention', 'tag', 'share', 'comment', 'dm', 'save', 'like'];

export function describeEngagement(e: Engagement, now: number): string {
  const counts = TYPE_ORDER.filter((t) => (e.counts[t] ?? 0) > 0).map((t) => {
    const n = Math.round(e.counts[t] ?? 0);
    return `${n} ${TYPE_WORDS[t][n === 1 ? 0 : 1]}`;
  });
  let when = '';
  if (e.last !== undefined) {
    const days = Math.max(0, Math.floor((now - e.last) / 86400000));
    when = days === 0 ? ', latest today' : days === 1 ? ', latest yesterday' : `, latest ${days} days ago`;
  }
  return counts.length ? `${counts.join(', ')}${when}` : `engagement ${round1(e.points)} points${when}`;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** The first `max` labels of the factors toward (sign 1) or against (sign -1) a bot, joined. */
function factorLabels(bot: Evidence['bot'], sign: 1 | -1, max: number): string {
  let text = '';
  let n = 0;
  for (const f of bot.factors) {
    if (n >= max) break;
    if (f.weight * sign > 0) text += (n++ ? ', ' : '') + f.label;
  }
  return text;
}

/** Plain-language reasons, most important first, from the same numbers that made the score. */
export function reasonsFor(ev: Evidence, parts: Parts, botRisk: number, rec: Recommendation, settings: Settings, now: number): string[] {
  const out: { weight: number; text: string }[] = [];
  if (ev.alreadyFollowing) out.push({ weight: 1000, text: 'You already follow them' });
  if (ev.match && ev.customer) {
    const how = ev.match.evidence.slice(0, 2).join(', ');
    out.push(
      ev.match.confident
        ? { weight: 500 + parts.customer, text: `Customer${how ? ` (${how})` : ''}` }
        : { weight: 100 + parts.customer, text: `Possible customer, check by hand${how ? ` (${how})` : ''}` },
    );
  }
  if (ev.engagement && ev.engagement.points > 0) {
    out.push({ weight: 200 + parts.engagement, text: `Engaged: ${describeEngagement(ev.engagement, now)}` });
  }
  if (botRisk >= settings.botThreshold && ev.bot.coverage >= MIN_BOT_COVERAGE) {
    out.push({ weight: rec === 'Likely bot' ? 900 : 150, text: `Bot signs: ${factorLabels(ev.bot, 1, 3) || 'profile looks automated'}` });
  } else if (botRisk >= 50) {
    out.push({ weight: 120, text: `Some bot signs: ${factorLabels(ev.bot, 1, 2) || 'unusual profile'}` });
  } else if (botRisk < 25) {
    const against = factorLabels(ev.bot, -1, 2);
    if (against) out.push({ weight: 50, text: `Looks genuine: ${against}` });
  }
  if (ev.bot.coverage === 0) out.push({ weight: 10, text: HANDLE_ONLY });
  else if (ev.bot.coverage < MIN_BOT_COVERAGE) out.push({ weight: 10, text: 'Little profile data: add followers, following and posts columns for a surer bot check' });
  if (!out.length || (rec === 'Skip' && !ev.match && !ev.engagement)) out.push({ weight: 5, text: 'No purchases or engagement found' });
  return out.sort((a, b) => b.weight - a.weight).map((r) => r.text);
}

export function scoreFollower(ev: Evidence, settings: Settings, now: number): ResultRow {
  const parts = scoreParts(ev, settings);
  const score = Math.max(0, Math.min(100, Math.round(parts.customer + parts.engagement + parts.genuine)));
  const botRisk = Math.max(0, Math.min(100, Math.round(ev.bot.risk * 100)));
  const recommendation = recommend(score, botRisk, ev, settings);
  return {
    score,
    recommendation,
    botRisk,
    customer: ev.customerText,
    customerId: ev.match?.confident && ev.customer ? ev.customer.key : '',
    matchConfidence: ev.match ? Math.round(ev.match.confidence * 100) / 100 : '',
    engagement: ev.engagement ? round1(ev.engagement.points) : 0,
    reasons: reasonsFor(ev, parts, botRisk, recommendation, settings, now).join('; '),
    queue: '',
  };
}

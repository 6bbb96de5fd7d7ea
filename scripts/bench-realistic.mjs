// A realistic problem for `npm run bench`, generated apart from bench-data.mjs: names from many cultures drawn with
// Zipf-like frequencies (so a follower's name is shared by many customers, as in a real shop), customers in a
// Shopify orders export (one row per line item) and an Etsy Sold Orders export, and a heavy-tailed engagement log.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import anyAscii from 'any-ascii';

/** mulberry32: a small seeded generator, so every run writes the same files. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Common given names and surnames of each culture, most common first (the order sets the Zipf rank), and how
// much of a small shop's audience the culture is.
const CULTURES = [
  { weight: 30, first: 'james mary john patricia robert jennifer michael linda david elizabeth william barbara richard susan joseph jessica thomas sarah christopher karen charles lisa daniel nancy matthew betty anthony sandra mark margaret emily ashley olivia emma ava sophia liam noah ethan chloe grace jack harry amelia', last: 'smith johnson williams brown jones miller davis wilson anderson taylor thomas moore jackson martin white harris clark lewis robinson walker young allen king wright scott hill green adams baker nelson carter mitchell roberts turner phillips campbell parker evans edwards collins stewart murphy cook morgan' },
  { weight: 14, first: 'maría josé juan carlos luis ana lucía sofía miguel jorge alejandro diego valentina camila daniela fernando javier pedro rosa carmen isabel antonio manuel francisco gabriela andrés paula ricardo elena martín', last: 'garcía rodríguez martínez hernández lópez gonzález pérez sánchez ramírez torres flores rivera gómez díaz reyes cruz morales ortiz gutiérrez chávez ramos ruiz álvarez mendoza castillo jiménez vargas romero herrera medina aguilar vega' },
  { weight: 7, first: 'wei fang na min jing li jun yan tao ming hui xin yu hao lei jie ying chen xiu lan qiang ping yong mei', last: 'wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng liang' },
  { weight: 7, first: 'aarav priya rahul ananya arjun divya rohan sneha vikram pooja amit neha raj kavya sanjay deepa arun lakshmi ravi meera anil sunita', last: 'patel sharma singh kumar gupta shah mehta reddy iyer nair rao joshi desai agarwal verma chopra malhotra bhat das menon' },
  { weight: 4, first: 'anh linh minh huong thu trang hoa lan mai nam tuan hung duc long phuong thao ngoc quang', last: 'nguyen tran le pham hoang phan vu vo dang bui do ho ngo duong ly' },
  { weight: 3, first: 'minjun seoyeon jiwoo hyun jisoo yuna jiho minseo seojun eunji dohyun haeun', last: 'kim lee park choi jung kang cho yoon jang lim han oh' },
  { weight: 5, first: 'mohammed ahmed fatima ali omar aisha yusuf layla hassan mariam khalid nour ibrahim zainab samir hana', last: 'ali hassan hussein ahmed mohamed khan ibrahim abdullah rahman said haddad nasser saleh mansour' },
  { weight: 4, first: 'chinedu ngozi oluwaseun adaeze emeka funmilayo tunde chiamaka ifeanyi yetunde kelechi bola', last: 'okafor adeyemi okonkwo balogun eze nwosu adebayo ogunleye obi chukwu okeke afolabi' },
  { weight: 6, first: 'lukas anna leon mia felix lena jonas hannah paul laura maximilian sophie jan lea tim marie', last: 'müller schmidt schneider fischer weber meyer wagner becker schulz hoffmann koch richter klein wolf' },
  { weight: 4, first: 'александр елена дмитрий ольга сергей наталья иван анна михаил татьяна андрей мария', last: 'иванов смирнов кузнецов попов васильев петров соколов михайлов новиков федоров' },
  { weight: 3, first: 'haruto yui sota hina yuto aoi riku sakura ren yuna', last: 'sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato' },
  { weight: 5, first: 'louis emma gabriel jade léa hugo chloé arthur manon jules camille théo', last: 'martin bernard dubois thomas robert richard petit durand leroy moreau simon laurent' },
  { weight: 4, first: 'giulia francesco sofia alessandro aurora lorenzo ginevra matteo chiara andrea', last: 'rossi russo ferrari esposito bianchi romano colombo ricci marino greco' },
  { weight: 4, first: 'ana joão maria pedro beatriz lucas mariana gabriel juliana rafael', last: 'silva santos oliveira souza lima pereira ferreira costa rodrigues almeida' },
].map((c) => ({ weight: c.weight, first: c.first.split(' '), last: c.last.split(' ') }));

/** Draws an index 0…n-1 with probability ∝ 1 / (rank + 1)^s (Zipf). */
function zipf(n, s) {
  const cum = [];
  let total = 0;
  for (let k = 0; k < n; k++) cum.push((total += 1 / Math.pow(k + 1, s)));
  return (r) => {
    const x = r() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** A count around `median`, spread `sigma` in log space (Box-Muller): real accounts' counts are log-normal-ish. */
function logNormal(r, median, sigma) {
  const z = Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  return Math.round(median * Math.exp(sigma * z));
}

const title = (w) => w.charAt(0).toUpperCase() + w.slice(1);
const ascii = (w) => anyAscii(w).toLowerCase().replace(/[^a-z0-9]/g, '');

function csvLine(cells) {
  return cells.map((c) => (/[",\n\r]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',');
}

/** A person of a culture drawn by its weight, given name and surname by their Zipf rank within it. */
function personMaker(r) {
  const weights = CULTURES.map((c) => c.weight);
  const sum = weights.reduce((a, b) => a + b, 0);
  const pickCulture = () => {
    let x = r() * sum;
    for (let i = 0; i < weights.length; i++) if ((x -= weights[i]) < 0) return CULTURES[i];
    return CULTURES[0];
  };
  const firsts = new Map(CULTURES.map((c) => [c, zipf(c.first.length, 0.9)]));
  const lasts = new Map(CULTURES.map((c) => [c, zipf(c.last.length, 1.1)]));
  return () => {
    const c = pickCulture();
    return { first: c.first[firsts.get(c)(r)], last: c.last[lasts.get(c)(r)] };
  };
}

const WORDS = 'plant coffee studio makes art clay daily life shop home vintage wild lunar golden sunny moss fern honey'.split(' ');

/** Followers as a scraper writes them: many display-name styles, handles built from names or not, 15 % bots. */
function makeFollowers(n, r, person) {
  const used = new Set();
  const unique = (h) => {
    let x = h.slice(0, 28);
    while (used.has(x)) x = `${h.slice(0, 24)}${Math.floor(r() * 10000)}`;
    used.add(x);
    return x;
  };
  const out = [];
  for (let i = 0; i < n; i++) {
    const p = person();
    const f = ascii(p.first);
    const l = ascii(p.last);
    const bot = r() < 0.15;
    const s = r();
    const handle = unique(
      bot
        ? `${f}${Math.floor(r() * 1e6)}${r() < 0.5 ? '_' + Math.floor(r() * 100) : ''}`
        : s < 0.3
          ? `${f}.${l}`
          : s < 0.5
            ? `${f}_${l}${Math.floor(r() * 100)}`
            : s < 0.62
              ? `${f}${l[0]}`
              : s < 0.72
                ? `the${l}s`
                : s < 0.82
                  ? `${f}${WORDS[Math.floor(r() * WORDS.length)]}`
                  : `${WORDS[Math.floor(r() * WORDS.length)]}_${WORDS[Math.floor(r() * WORDS.length)]}${Math.floor(r() * 1000)}`,
    );
    const d = r();
    const display = bot
      ? ''
      : d < 0.6
        ? `${title(p.first)} ${title(p.last)}`
        : d < 0.72
          ? title(p.first)
          : d < 0.78
            ? `${title(p.first)} ${title(p.last)[0]}.`
            : d < 0.84
              ? `${title(p.first)} ${title(p.last)} 🌿`
              : d < 0.9
                ? `${title(p.last)} Studio`
                : '';
    out.push({ ...p, handle, display, bot });
  }
  return out;
}

function followerCsv(people, r) {
  const lines = ['username,full_name,biography,followers_count,following_count,media_count,profile_pic_url,is_private,is_verified'];
  for (const p of people) {
    lines.push(
      csvLine([
        p.handle,
        p.display,
        p.bot ? '' : r() < 0.5 ? 'Handmade things, slow mornings' : r() < 0.5 ? 'Mum of two | ceramics' : '',
        p.bot ? Math.floor(r() * 40) : logNormal(r, 300, 1.1),
        p.bot ? 800 + Math.floor(r() * 7000) : logNormal(r, 350, 0.8),
        p.bot ? Math.floor(r() * 4) : logNormal(r, 120, 1.2),
        p.bot && r() < 0.7 ? '' : `https://cdn.example/p/${p.handle}.jpg`,
        r() < 0.25 ? 'True' : 'False',
        'False',
      ]),
    );
  }
  return lines.join('\n') + '\n';
}

/** Customers: some of them followers (same person), the rest strangers drawn from the same name frequencies. */
function makeCustomers(n, followers, r, person) {
  const out = [];
  const genuine = followers.filter((f) => !f.bot);
  const used = new Set();
  for (let i = 0; i < n; i++) {
    const follower = r() < 0.45 ? genuine[Math.floor(r() * genuine.length)] : null;
    const p = follower ?? person();
    const f = ascii(p.first);
    const l = ascii(p.last);
    const e = r();
    const local = follower && e < 0.2 ? follower.handle.replace(/[^a-z0-9._]/g, '') : e < 0.6 ? `${f}.${l}${r() < 0.3 ? Math.floor(r() * 100) : ''}` : e < 0.75 ? `${f[0]}${l}` : `${WORDS[Math.floor(r() * WORDS.length)]}${Math.floor(r() * 10000)}`;
    const domain = ['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com', 'mail.example'][Math.floor(r() * 5)];
    // an address is one person's: a second Maria Garcia at gmail gets a number, as the provider would make her
    let email = `${local}${i % 7 === 0 ? i : ''}@${domain}`;
    while (used.has(email)) email = `${local}${Math.floor(r() * 1000)}@${domain}`;
    used.add(email);
    out.push({ first: p.first, last: p.last, email, follower });
  }
  return out;
}

const SHOPIFY = 'Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,Billing Address2,Billing Company,Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,Outstanding Balance,Employee,Location,Device ID,Id,Tags,Risk Level,Source,Lineitem discount,Tax 1 Name,Tax 1 Value,Tax 2 Name,Tax 2 Value,Tax 3 Name,Tax 3 Value,Tax 4 Name,Tax 4 Value,Tax 5 Name,Tax 5 Value,Phone,Receipt Number,Duties,Billing Province Name,Shipping Province Name,Payment ID,Payment Terms Name,Next Payment Due At,Payment References'.split(',');
const COL = Object.fromEntries(SHOPIFY.map((h, i) => [h, i]));
const ITEMS = ['Stoneware mug', 'Soy candle', 'Art print A4', 'Linen tote', 'Card set', 'Ceramic vase', 'Gift wrap'];

const isoDate = (r) => {
  const d = new Date(Date.UTC(2025, 11, 1) + Math.floor(r() * 360) * 86_400_000 + Math.floor(r() * 86_400) * 1000);
  return d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' -0800');
};

/** Shopify orders, one row per line item, order fields on the first row only, until `rows` rows are written. */
function shopifyCsv(customers, rows, r) {
  const lines = [SHOPIFY.join(',')];
  const repeat = zipf(customers.length, 0.7);
  let order = 1000;
  let written = 0;
  let first = 0;
  while (written < rows) {
    // every customer orders once, then repeat buyers (a heavy tail) until the rows are written
    const c = first < customers.length ? customers[first++] : customers[repeat(r)];
    order++;
    const items = 1 + Math.floor(r() * r() * 6);
    const status = r() < 0.04 ? 'refunded' : r() < 0.02 ? 'voided' : 'paid';
    const name = `${title(c.first)} ${title(c.last)}`;
    const when = isoDate(r);
    for (let k = 0; k < items && written < rows; k++, written++) {
      const row = new Array(SHOPIFY.length).fill('');
      row[COL['Name']] = `#${order}`;
      row[COL['Email']] = c.email;
      row[COL['Created at']] = when;
      row[COL['Lineitem quantity']] = 1 + Math.floor(r() * 2);
      row[COL['Lineitem name']] = ITEMS[Math.floor(r() * ITEMS.length)];
      row[COL['Lineitem price']] = (8 + Math.floor(r() * 70)).toFixed(2);
      row[COL['Lineitem sku']] = `SKU-${Math.floor(r() * 500)}`;
      row[COL['Lineitem requires shipping']] = 'true';
      row[COL['Lineitem taxable']] = 'true';
      row[COL['Lineitem fulfillment status']] = 'fulfilled';
      row[COL['Vendor']] = 'Moss & Clay';
      if (k === 0) {
        row[COL['Financial Status']] = status;
        row[COL['Paid at']] = when;
        row[COL['Fulfillment Status']] = 'fulfilled';
        row[COL['Accepts Marketing']] = r() < 0.4 ? 'yes' : 'no';
        row[COL['Currency']] = 'USD';
        row[COL['Subtotal']] = (15 + Math.floor(r() * 150)).toFixed(2);
        row[COL['Shipping']] = '6.00';
        row[COL['Taxes']] = '2.40';
        row[COL['Total']] = (20 + Math.floor(r() * 160)).toFixed(2);
        row[COL['Billing Name']] = name;
        row[COL['Billing City']] = 'Seattle';
        row[COL['Billing Zip']] = `'98${String(Math.floor(r() * 1000)).padStart(3, '0')}`;
        row[COL['Billing Country']] = 'US';
        row[COL['Shipping Name']] = r() < 0.9 ? name : `${title(CULTURES[0].first[Math.floor(r() * 10)])} ${title(c.last)}`;
        row[COL['Notes']] = c.follower && r() < 0.04 ? `saw you on insta @${c.follower.handle}\nlove the mugs` : '';
        row[COL['Payment Method']] = 'Shopify Payments';
        row[COL['Refunded Amount']] = status === 'refunded' ? row[COL['Total']] : '0.00';
        row[COL['Id']] = String(6000000000000 + order);
        row[COL['Source']] = 'web';
      }
      lines.push(csvLine(row));
    }
  }
  return lines.join('\n') + '\n';
}

const ETSY = 'Sale Date,Order ID,Buyer User ID,Full Name,First Name,Last Name,Number of Items,Payment Method,Date Shipped,Street 1,Street 2,Ship City,Ship State,Ship Zipcode,Ship Country,Currency,Order Value,Coupon Code,Coupon Details,Discount Amount,Shipping Discount,Shipping,Sales Tax,Order Total,Status,Card Processing Fees,Order Net,Adjusted Order Total,Adjusted Card Processing Fees,Adjusted Net Order Amount,Buyer,Order Type,Payment Type,InPerson Discount,InPerson Location,SKU'.split(',');

/** Etsy Sold Orders: one row per order, no email; the buyer's Etsy username is often their social handle. */
function etsyCsv(customers, r) {
  const lines = [ETSY.join(',')];
  let id = 3100000000;
  for (const c of customers) {
    const orders = 1 + Math.floor(r() * r() * 4);
    const user = c.follower && r() < 0.5 ? c.follower.handle.replace(/[^a-z0-9_]/gi, '') : `${ascii(c.first)}${ascii(c.last).slice(0, 4)}${Math.floor(r() * 1000)}`;
    c.etsyUser = user;
    for (let k = 0; k < orders; k++) {
      const d = new Date(Date.UTC(2025, 11, 1) + Math.floor(r() * 360) * 86_400_000);
      const date = `${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCFullYear()).slice(2)}`;
      const total = (12 + Math.floor(r() * 90)).toFixed(2);
      const full = r() < 0.05 ? `${title(c.first)}  ${title(c.last)}` : `${title(c.first)} ${title(c.last)}`;
      const row = Object.fromEntries(ETSY.map((h) => [h, '']));
      Object.assign(row, {
        'Sale Date': date,
        'Order ID': String(id++),
        'Buyer User ID': user,
        'Full Name': full,
        'First Name': title(c.first),
        'Last Name': title(c.last),
        'Number of Items': 1 + Math.floor(r() * 3),
        'Payment Method': 'Visa',
        'Date Shipped': date,
        'Ship City': 'Portland',
        'Ship State': 'OR',
        'Ship Zipcode': '97201',
        'Ship Country': 'United States',
        Currency: 'USD',
        'Order Value': total,
        Shipping: '4.50',
        'Sales Tax': '0.00',
        'Order Total': total,
        Status: r() < 0.03 ? 'Canceled' : 'Completed',
        'Card Processing Fees': '0.90',
        'Order Net': total,
        'Adjusted Order Total': '0',
        'Adjusted Card Processing Fees': '0',
        'Adjusted Net Order Amount': '0',
        Buyer: `${full} (${user})`,
        'Order Type': 'online',
        'Payment Type': 'online_cc',
      });
      lines.push(csvLine(ETSY.map((h) => row[h])));
    }
  }
  return lines.join('\n') + '\n';
}

/** Engagement: a few followers engage a lot (Zipf), some engagers do not follow; dates over the last year. */
function engagementCsv(followers, rows, r) {
  const order = followers.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const who = zipf(order.length, 0.8);
  const kinds = ['like', 'like', 'like', 'like', 'like', 'comment', 'comment', 'story reply', 'share', 'mention', 'save', 'tag'];
  const lines = ['Username,Interaction,Date'];
  for (let i = 0; i < rows; i++) {
    const handle = r() < 0.15 ? `visitor_${Math.floor(r() * 40000)}` : followers[order[who(r)]].handle;
    const d = new Date(Date.UTC(2025, 11, 1) + Math.floor(r() * 360) * 86_400_000);
    lines.push(`${r() < 0.5 ? '@' : ''}${handle},${kinds[Math.floor(r() * kinds.length)]},${d.toISOString().slice(0, 10)}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * Writes followers.csv, shopify-orders.csv, etsy-orders.csv and engagement.csv to `dir`; returns their paths and
 * `truth`: per customer, the follower handle they are (null for a customer who does not follow), email, Etsy user.
 * Defaults: the realistic problem (50,000 followers; 20,000 customers, 17,000 of them in about 104,000
 * Shopify rows and 5,000 in Etsy, 2,000 in both; 200,000 engagement rows).
 */
export function writeRealisticData(dir, { followers = 50000, customers = 20000, shopifyRows = 104000, engagementRows = 200000, seed = 2026 } = {}) {
  const r = rng(seed);
  const person = personMaker(r);
  const people = makeFollowers(followers, r, person);
  const buyers = makeCustomers(customers, people, r, person);
  // 85 % of the customers buy on Shopify, 25 % on Etsy: a tenth on both
  const shopify = buyers.filter((_, i) => i % 20 < 17);
  const etsy = buyers.filter((_, i) => i % 20 >= 15);
  const paths = { followers: join(dir, 'followers.csv'), orders: [join(dir, 'shopify-orders.csv'), join(dir, 'etsy-orders.csv')], engagement: join(dir, 'engagement.csv') };
  writeFileSync(paths.followers, followerCsv(people, r));
  writeFileSync(paths.orders[0], shopifyCsv(shopify, shopifyRows, r));
  writeFileSync(paths.orders[1], etsyCsv(etsy, r));
  writeFileSync(paths.engagement, engagementCsv(people, engagementRows, r));
  // who each customer is, for measuring the links (scripts/realistic-match.mjs): not written to the files
  const truth = buyers.map((c) => ({ handle: c.follower ? c.follower.handle : null, email: c.email, etsyUser: c.etsyUser ?? null }));
  return { ...paths, truth };
}

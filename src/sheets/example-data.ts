// Insert example data: Followers, Orders (Shopify's orders export layout), Engagement (with post links) and
// Following tabs, so a new user sees scoring, Say thanks and Make room work within a minute. Built on demand (no top-level work); never overwrites a tab.
import type { Cell } from '../core/types';

const DAY = 86400000;

// Example data is built when asked for, not when the bundle loads (every custom-function call loads it).

// [handle, full name, bio, followers, following, posts, picture, private, website]
const people = (): [string, string, string, number, number, number, 0 | 1, 0 | 1, string][] => [
  ['maria.lopez', 'María López', 'Ceramics lover · Austin TX', 812, 640, 233, 1, 0, ''],
  ['tomcrafts', 'Tom Becker', 'Woodworker. Dad. Coffee.', 1204, 388, 517, 1, 0, 'https://tombecker.example'],
  ['priya_makes', 'Priya Raman', 'Knitting & slow fashion 🧶', 2310, 901, 412, 1, 0, ''],
  ['the.wren.studio', 'Wren Studio', 'Small-batch candles, Portland', 5400, 1100, 890, 1, 0, 'https://wrenstudio.example'],
  ['jdoe_photo', 'Jane Doe', 'Film photography · she/her', 640, 512, 156, 1, 0, ''],
  ['sam.okafor', 'Sam Okafor', 'Plants, pots and pottery', 322, 298, 87, 1, 1, ''],
  ['lucy_in_clay', 'Lucy Chen', 'Learning the wheel one bowl at a time', 190, 240, 44, 1, 0, ''],
  ['marco.rossi', 'Marco Rossi', 'Chef · Milano → NYC', 3020, 870, 610, 1, 0, ''],
  ['hannah.b', 'Hannah Brooks', 'Teacher, reader, tea drinker', 415, 380, 120, 1, 0, ''],
  ['oliverbakes', 'Oliver Grant', 'Sourdough every Sunday', 980, 455, 301, 1, 0, ''],
  ['aisha.designs', 'Aisha Khan', 'Interior stylist', 7600, 1500, 1203, 1, 0, 'https://aishakhan.example'],
  ['ben.walker', 'Ben Walker', '', 210, 305, 33, 1, 0, ''],
  ['chloe.m', 'Chloé Martin', 'Paris · céramique', 1450, 620, 389, 1, 0, ''],
  ['daniel_kim', 'Daniel Kim', 'Runner. Maker. Husband.', 530, 410, 140, 1, 0, ''],
  ['ella.rose.art', 'Ella Rose', 'Watercolour artist — commissions open', 2890, 760, 705, 1, 0, 'https://ellarose.example'],
  ['finn.obrien', "Finn O'Brien", 'Dublin', 288, 301, 61, 1, 0, ''],
  ['grace.home', 'Grace Lee', 'Home, garden, handmade', 1770, 1020, 432, 1, 0, ''],
  ['hugo.ceramica', 'Hugo Silva', 'Potter in Lisbon', 3300, 690, 980, 1, 0, ''],
  ['isla.knits', 'Isla Fraser', 'Knitwear designer', 4100, 830, 770, 1, 0, 'https://islaknits.example'],
  ['jack.turner', 'Jack Turner', '', 95, 140, 12, 0, 0, ''],
  ['kate.reads', 'Kate Morgan', 'Books and mugs', 640, 590, 210, 1, 0, ''],
  ['leo.martins', 'Leo Martins', 'Coffee roaster', 1380, 700, 320, 1, 0, ''],
  ['mia.wong', 'Mia Wong', 'Florist 🌸', 2250, 980, 640, 1, 0, ''],
  ['noah.james', 'Noah James', '', 150, 210, 25, 1, 1, ''],
  ['olivia.crafts', 'Olivia Scott', 'Macramé & more', 860, 720, 260, 1, 0, ''],
  ['paul.n', 'Paul Nguyen', 'Dad jokes and ceramics', 410, 430, 98, 1, 0, ''],
  ['quinn.makes', 'Quinn Avery', 'Jewellery maker', 1930, 610, 540, 1, 0, ''],
  ['rosa.garden', 'Rosa Díaz', 'Urban gardener', 720, 650, 190, 1, 0, ''],
  ['sophie.t', 'Sophie Taylor', 'Slow living', 530, 520, 170, 1, 0, ''],
  ['theo.b', 'Theo Baker', 'Illustrator', 2600, 480, 830, 1, 0, 'https://theobaker.example'],
  ['uma.patel', 'Uma Patel', 'Yoga teacher', 1100, 800, 350, 1, 0, ''],
  ['victor.h', 'Victor Hugo', 'Not that one', 330, 300, 77, 1, 0, ''],
  ['willow.and.co', 'Willow & Co', 'Gift shop · Bath', 4200, 1300, 950, 1, 0, 'https://willowandco.example'],
  ['xavi.ramos', 'Xavi Ramos', 'Barcelona', 260, 280, 40, 1, 0, ''],
  ['yara.n', 'Yara Nassar', 'Textile artist', 1500, 560, 480, 1, 0, ''],
  ['zoe.clarke', 'Zoe Clarke', 'Mum of two · Leeds', 370, 400, 130, 1, 0, ''],
  ['adam.fox', 'Adam Fox', '', 120, 180, 15, 1, 0, ''],
  ['bella.studio', 'Bella Studio', 'Pottery classes in Bristol', 3900, 1200, 720, 1, 0, 'https://bellastudio.example'],
  ['carl.j', 'Carl Johnson', 'Fishing, family', 240, 260, 60, 1, 0, ''],
  ['dana.weaves', 'Dana Cohen', 'Weaver', 980, 530, 300, 1, 0, ''],
  ['eric.lund', 'Eric Lund', 'Stockholm · design', 1700, 640, 410, 1, 0, ''],
  ['fatima.z', 'Fatima Zahra', 'Calligraphy', 2100, 700, 600, 1, 0, ''],
  ['george.p', 'George Price', '', 80, 95, 9, 0, 0, ''],
  ['holly.ann', 'Holly Ann', 'Vintage finds', 690, 610, 240, 1, 0, ''],
  ['ivan.petrov', 'Ivan Petrov', 'Photographer', 1250, 720, 380, 1, 0, ''],
  ['julia.s', 'Julia Schmidt', 'Berlin · Keramik', 560, 480, 150, 1, 0, ''],
  ['kai.nakamura', 'Kai Nakamura', 'Tea ceremony', 870, 400, 260, 1, 0, ''],
  ['laura.b', 'Laura Bianchi', '', 300, 330, 55, 1, 0, ''],
  ['mateo.g', 'Mateo García', 'Surf · Sayulita', 1440, 900, 500, 1, 0, ''],
  ['nina.art', 'Nina Novak', 'Painter', 2050, 650, 620, 1, 0, ''],
  ['owen.d', 'Owen Davies', 'Cardiff', 210, 250, 35, 1, 0, ''],
  ['penny.lane', 'Penny Lane', 'Music & mugs', 760, 700, 210, 1, 0, ''],
  // Accounts that look like bots, spam or fakes.
  ['user83726152', '', '', 3, 7480, 0, 0, 0, ''],
  ['free.followers.now', 'Free Followers', 'Get 10k followers FAST 💯 DM us', 12, 7100, 2, 0, 0, 'https://free-followerz.example'],
  ['crypto_gains_4u', 'Crypto Gains', '💰 Turn $100 into $10,000 💰 click link', 45, 6900, 3, 1, 0, 'https://crypto-gains.example'],
  ['b3st_d3als_2024', 'b3st_d3als_2024', '', 8, 5200, 0, 0, 0, ''],
  ['anna83920174', 'anna', '', 2, 4800, 0, 0, 1, ''],
  ['promo.boost.77777', 'Promo Boost', 'Promote your page! Cheap shoutouts', 20, 7400, 1, 0, 0, ''],
  ['hot_singles_near_u', 'Hot Singles', 'link in bio 🔥🔥🔥', 5, 7490, 0, 0, 0, 'https://spam.example'],
];

function followersTab(): Cell[][] {
  const header = ['Username', 'Full name', 'Bio', 'Followers', 'Following', 'Posts', 'Profile picture', 'Private', 'Website'];
  const rows = people().map((p) => [p[0], p[1], p[2], p[3], p[4], p[5], p[6] ? 'yes' : 'no', p[7] ? 'yes' : 'no', p[8]] as Cell[]);
  return [header, ...rows];
}

const shopifyHeaders = (): string[] => [
  'Name', 'Email', 'Financial Status', 'Paid at', 'Fulfillment Status', 'Fulfilled at', 'Accepts Marketing', 'Currency', 'Subtotal',
  'Shipping', 'Taxes', 'Total', 'Discount Code', 'Discount Amount', 'Shipping Method', 'Created at', 'Lineitem quantity',
  'Lineitem name', 'Lineitem price', 'Lineitem compare at price', 'Lineitem sku', 'Lineitem requires shipping', 'Lineitem taxable',
  'Lineitem fulfillment status', 'Billing Name', 'Billing Street', 'Billing Address1', 'Billing Address2', 'Billing Company',
  'Billing City', 'Billing Zip', 'Billing Province', 'Billing Country', 'Billing Phone', 'Shipping Name', 'Shipping Street',
  'Shipping Address1', 'Shipping Address2', 'Shipping Company', 'Shipping City', 'Shipping Zip', 'Shipping Province',
  'Shipping Country', 'Shipping Phone', 'Notes', 'Note Attributes', 'Cancelled at', 'Payment Method', 'Payment Reference',
  'Refunded Amount', 'Vendor', 'Outstanding Balance', 'Employee', 'Location', 'Device ID', 'Id', 'Tags', 'Risk Level', 'Source',
  'Lineitem discount', 'Phone', 'Receipt Number',
];

interface Order {
  email: string;
  name: string;
  city: string;
  zip: string;
  province: string;
  items: [string, number, number][]; // name, quantity, price
  daysAgo: number;
  status?: 'refunded' | 'cancelled';
  notes?: string;
}

const products = (): Record<string, string> => ({
  'Speckled Mug': 'MUG-SPK',
  'Stoneware Bowl': 'BWL-STN',
  'Bud Vase': 'VAS-BUD',
  'Serving Platter': 'PLT-SRV',
  'Gift Card': 'GFT-25',
  'Planter (Large)': 'PLN-LG',
});

const orders = (): Order[] => [
  { email: 'maria.lopez@gmail.com', name: 'Maria Lopez', city: 'Austin', zip: '78704', province: 'TX', items: [['Speckled Mug', 2, 28], ['Stoneware Bowl', 1, 42]], daysAgo: 12 },
  { email: 'maria.lopez@gmail.com', name: 'Maria Lopez', city: 'Austin', zip: '78704', province: 'TX', items: [['Bud Vase', 1, 34]], daysAgo: 75 },
  { email: 'tbecker@fastmail.com', name: 'Thomas Becker', city: 'Madison', zip: '53703', province: 'WI', items: [['Serving Platter', 1, 88]], daysAgo: 30, notes: 'Found you on Instagram @tomcrafts' },
  { email: 'priya.raman@outlook.com', name: 'Priya Raman', city: 'Seattle', zip: '98103', province: 'WA', items: [['Speckled Mug', 4, 28], ['Gift Card', 1, 25], ['Bud Vase', 2, 34]], daysAgo: 5, notes: 'Gift for my sister! (IG: @priya_makes)' },
  { email: 'hello@wrenstudio.example', name: 'Wren Studio', city: 'Portland', zip: '97214', province: 'OR', items: [['Stoneware Bowl', 6, 42]], daysAgo: 40 },
  { email: 'jane.doe@example.com', name: 'Jane Doe', city: 'Denver', zip: '80205', province: 'CO', items: [['Speckled Mug', 1, 28]], daysAgo: 90 },
  { email: 'oliver.grant@gmail.com', name: 'Oliver Grant', city: 'Boston', zip: '02118', province: 'MA', items: [['Planter (Large)', 1, 64], ['Speckled Mug', 2, 28]], daysAgo: 20 },
  { email: 'hugo.silva@sapo.pt', name: 'Hugo Silva', city: 'Lisboa', zip: '1100-148', province: '', items: [['Bud Vase', 1, 34]], daysAgo: 60 },
  { email: 'kate.morgan@icloud.com', name: 'Kate Morgan', city: 'Chicago', zip: '60614', province: 'IL', items: [['Speckled Mug', 1, 28]], daysAgo: 15, status: 'refunded' },
  { email: 'ben.walker@yahoo.com', name: 'Ben Walker', city: 'Phoenix', zip: '85004', province: 'AZ', items: [['Serving Platter', 1, 88]], daysAgo: 8, status: 'cancelled' },
  { email: 'grace.home@gmail.com', name: 'Grace Lee', city: 'San Jose', zip: '95112', province: 'CA', items: [['Stoneware Bowl', 2, 42], ['Planter (Large)', 1, 64]], daysAgo: 3 },
  { email: 'isla@islaknits.example', name: 'Isla Fraser', city: 'Edinburgh', zip: 'EH1 1YZ', province: '', items: [['Gift Card', 2, 25]], daysAgo: 120 },
  { email: 'r.diaz@gmail.com', name: 'Rosa Díaz', city: 'Miami', zip: '33130', province: 'FL', items: [['Planter (Large)', 2, 64]], daysAgo: 45 },
  { email: 'customer8812@gmail.com', name: 'Alex Morgan', city: 'Dallas', zip: '75201', province: 'TX', items: [['Speckled Mug', 1, 28]], daysAgo: 33 },
];

function shopifyDate(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} -0700`;
}

function ordersTab(now: number): Cell[][] {
  const SHOPIFY = shopifyHeaders();
  const PRODUCTS = products();
  const col = (h: string) => SHOPIFY.indexOf(h);
  const rows: Cell[][] = [SHOPIFY.slice()];
  orders().forEach((o, k) => {
    const number = `#${1001 + k}`;
    const created = shopifyDate(now - o.daysAgo * DAY - (k % 7) * 3600000);
    const subtotal = o.items.reduce((s, [, q, p]) => s + q * p, 0);
    const shipping = subtotal >= 100 ? 0 : 8;
    const taxes = Math.round(subtotal * 0.0825 * 100) / 100;
    const total = Math.round((subtotal + shipping + taxes) * 100) / 100;
    o.items.forEach(([item, qty, price], i) => {
      const row: Cell[] = SHOPIFY.map(() => '');
      const set = (h: string, v: Cell) => (row[col(h)] = v);
      set('Name', number);
      set('Email', o.email);
      set('Created at', created);
      set('Lineitem quantity', qty);
      set('Lineitem name', item);
      set('Lineitem price', price);
      set('Lineitem sku', PRODUCTS[item]);
      set('Lineitem requires shipping', item === 'Gift Card' ? 'false' : 'true');
      set('Lineitem taxable', 'true');
      set('Lineitem fulfillment status', o.status === 'cancelled' ? 'pending' : 'fulfilled');
      set('Lineitem discount', 0);
      set('Vendor', 'Clay & Co');
      if (i === 0) {
        // Order-level fields only on an order's first row, as Shopify writes them.
        set('Financial Status', o.status === 'refunded' ? 'refunded' : o.status === 'cancelled' ? 'voided' : 'paid');
        set('Paid at', o.status === 'cancelled' ? '' : created);
        set('Fulfillment Status', o.status === 'cancelled' ? 'unfulfilled' : 'fulfilled');
        set('Fulfilled at', o.status === 'cancelled' ? '' : shopifyDate(now - (o.daysAgo - 2) * DAY));
        set('Accepts Marketing', k % 3 === 0 ? 'yes' : 'no');
        set('Currency', o.city === 'Lisboa' || o.city === 'Edinburgh' ? (o.city === 'Lisboa' ? 'EUR' : 'GBP') : 'USD');
        set('Subtotal', subtotal);
        set('Shipping', shipping);
        set('Taxes', taxes);
        set('Total', total);
        set('Discount Amount', 0);
        set('Shipping Method', shipping ? 'Standard' : 'Free shipping');
        set('Billing Name', o.name);
        set('Billing Street', `${100 + k * 7} Main St`);
        set('Billing Address1', `${100 + k * 7} Main St`);
        set('Billing City', o.city);
        set('Billing Zip', `'${o.zip}`); // Shopify writes zips with a leading apostrophe
        set('Billing Province', o.province);
        set('Billing Country', o.province ? 'US' : o.city === 'Lisboa' ? 'PT' : 'GB');
        set('Billing Phone', `'+1 555 01${String(10 + k).padStart(2, '0')}`);
        set('Shipping Name', o.name);
        set('Shipping Street', `${100 + k * 7} Main St`);
        set('Shipping Address1', `${100 + k * 7} Main St`);
        set('Shipping City', o.city);
        set('Shipping Zip', `'${o.zip}`);
        set('Shipping Province', o.province);
        set('Shipping Country', o.province ? 'US' : o.city === 'Lisboa' ? 'PT' : 'GB');
        set('Notes', o.notes || '');
        set('Cancelled at', o.status === 'cancelled' ? shopifyDate(now - (o.daysAgo - 1) * DAY) : '');
        set('Payment Method', 'Shopify Payments');
        set('Payment Reference', `c${30000000 + k * 1117}.1`);
        set('Refunded Amount', o.status === 'refunded' ? total : 0);
        set('Outstanding Balance', 0);
        set('Id', 5400000000 + k * 1013);
        set('Risk Level', 'Low');
        set('Source', 'web');
      }
      rows.push(row);
    });
  });
  return rows;
}

const engagement = (): [string, string, number][] => [
  ['priya_makes', 'comment', 2], ['priya_makes', 'like', 2], ['priya_makes', 'mention', 9], ['maria.lopez', 'comment', 4],
  ['the.wren.studio', 'share', 6], ['the.wren.studio', 'mention', 20], ['mia.wong', 'comment', 1], ['mia.wong', 'comment', 11],
  ['mia.wong', 'tag', 15], ['theo.b', 'mention', 3], ['theo.b', 'share', 3], ['ella.rose.art', 'comment', 7],
  ['ella.rose.art', 'like', 8], ['quinn.makes', 'save', 5], ['quinn.makes', 'comment', 25], ['hugo.ceramica', 'comment', 14],
  ['hannah.b', 'like', 2], ['hannah.b', 'like', 9], ['daniel_kim', 'like', 40], ['bella.studio', 'tag', 10],
  ['bella.studio', 'mention', 12], ['fatima.z', 'dm', 6], ['olivia.crafts', 'comment', 18], ['kai.nakamura', 'share', 21],
  ['crypto_gains_4u', 'comment', 1], ['free.followers.now', 'dm', 2], ['nina.art', 'like', 5], ['yara.n', 'comment', 30],
];

/** What a few of the example's mentions and comments say (the Say thanks list shows them). */
const WORDS: Record<string, string> = {
  priya_makes: 'Wrapped my sister’s birthday mugs today 🎁 from @clayandco',
  'the.wren.studio': 'Our candles look even better in these bowls by @clayandco',
  'mia.wong': 'Spring bouquets in the speckled vase 🌸',
  'theo.b': 'Sketched my morning coffee in my favourite mug',
  'bella.studio': 'Class night! Everyone loved the glazes',
  'quinn.makes': 'How do you get this glaze?! 😍',
  'maria.lopez': 'The bowl arrived and it’s perfect',
};

function engagementTab(now: number): Cell[][] {
  const rows: Cell[][] = [['Username', 'Type', 'Date', 'Post', 'Permalink', 'Comment text']];
  engagement().forEach(([handle, type, daysAgo], i) => {
    const day = new Date(Math.floor((now - daysAgo * DAY) / DAY) * DAY);
    // Mentions, tags, shares and comments carry the post's address, as an Instagram export does (on a reserved
    // domain here: the add-on holds no address it could fetch).
    const thanked = type === 'mention' || type === 'tag' || type === 'share' || type === 'comment';
    const link = thanked ? `https://instagram.example/p/Ex${(1000 + i * 37).toString(36)}/` : '';
    rows.push([`@${handle}`, type, day, `Post ${1 + (i % 6)}`, link, thanked ? WORDS[handle] || '' : '']);
  });
  return rows;
}

// [handle, full name, followed days ago, followers, following, posts, picture]: accounts the shop follows.
const followed = (): [string, string, number, number, number, number, 0 | 1][] => [
  ['maria.lopez', 'María López', 400, 812, 640, 233, 1], // a customer who follows back
  ['priya_makes', 'Priya Raman', 300, 2310, 901, 412, 1],
  ['mia.wong', 'Mia Wong', 200, 2250, 980, 640, 1],
  ['customer8812', 'Alex Morgan', 700, 140, 210, 30, 1], // a customer (orders) who does not follow back
  ['clay.supply.co', 'Clay Supply Co', 900, 15400, 820, 1300, 1], // not following back from here on
  ['glaze.daily', 'Glaze Daily', 620, 48000, 310, 2100, 1],
  ['pottery.weekly', 'Pottery Weekly', 1100, 9100, 1500, 880, 1],
  ['studio.kiln', 'Studio Kiln', 45, 3300, 900, 410, 1],
  ['market.maker', 'Market Maker', 210, 780, 690, 150, 1],
  ['old.friend.shop', 'Old Friend Shop', 1500, 420, 500, 60, 1],
  ['follow4follow_8812', '', 30, 4, 7300, 0, 0], // bots
  ['cheap.likes.4u', 'Cheap Likes', 90, 11, 6900, 1, 0],
];

function followingTab(now: number): Cell[][] {
  const rows: Cell[][] = [['Username', 'Full name', 'Followed on', 'Followers', 'Following', 'Posts', 'Profile picture']];
  for (const [h, name, daysAgo, followers, following, posts, pic] of followed()) {
    rows.push([h, name, new Date(Math.floor((now - daysAgo * DAY) / DAY) * DAY), followers, following, posts, pic ? 'yes' : 'no']);
  }
  return rows;
}

export interface ExampleResult {
  added: string[];
  skipped: string[];
}

export function insertExamples(now = Date.now()): ExampleResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const tabs: [string, Cell[][]][] = [
    ['Followers', followersTab()],
    ['Orders', ordersTab(now)],
    ['Engagement', engagementTab(now)],
    ['Following', followingTab(now)],
  ];
  const result: ExampleResult = { added: [], skipped: [] };
  for (const [name, values] of tabs) {
    if (ss.getSheetByName(name)) {
      result.skipped.push(name);
      continue;
    }
    const sheet = ss.insertSheet(name);
    const width = values[0].length;
    if (width > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
    if (values.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), values.length - sheet.getMaxRows());
    sheet.getRange(1, 1, values.length, width).setValues(values);
    sheet.setFrozenRows(1);
    result.added.push(name);
  }
  const followers = ss.getSheetByName('Followers');
  if (followers) followers.activate();
  const said = result.added.length
    ? `Added example tabs: ${result.added.join(', ')}. Now choose Score followers.`
    : 'Nothing added.';
  const kept = result.skipped.length ? ` Kept your existing ${result.skipped.join(', ')} tab${result.skipped.length > 1 ? 's' : ''} unchanged.` : '';
  ss.toast(said + kept, 'Followback', 10);
  return result;
}

// Generates a realistic, seeded workbook as CSV files for the benchmark: followers as a scraper writes
// them, a full-width Shopify orders export (one row per line item) and an engagement log.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = 'james mary john patricia robert jennifer michael linda william elizabeth david barbara richard susan joseph jessica thomas sarah charles karen christopher nancy daniel lisa matthew betty anthony margaret mark sandra donald ashley steven kimberly paul emily andrew donna joshua michelle kenneth carol kevin amanda brian melissa george deborah timothy stephanie ronald rebecca edward sharon jason laura jeffrey cynthia ryan kathleen jacob amy gary angela nicholas shirley eric anna jonathan brenda stephen pamela larry emma justin nicole scott helen brandon samantha benjamin katherine samuel christine gregory debra alexander rachel frank carolyn patrick janet raymond catherine jack maria dennis heather jerry diane tyler ruth aaron julie jose olivia adam joyce nathan virginia henry victoria douglas kelly zachary lauren peter christina kyle joan ethan evelyn walter judith noah megan jeremy andrea christian cheryl keith hannah roger jacqueline terry martha gerald gloria harold teresa sean ann austin sara carl madison arthur frances lawrence kathryn dylan janice jesse jean jordan abigail bryan alice billy julia joe judy bruce sophia gabriel grace logan denise albert amber willie doris alan marilyn juan danielle wayne beverly elijah isabella randy theresa roy diana vincent natalie ralph brittany eugene charlotte russell marie bobby kayla mason alexis philip lori louis'.split(' ');
const LAST = 'smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez wilson anderson thomas taylor moore jackson martin lee perez thompson white harris sanchez clark ramirez lewis robinson walker young allen king wright scott torres nguyen hill flores green adams nelson baker hall rivera campbell mitchell carter roberts gomez phillips evans turner diaz parker cruz edwards collins reyes stewart morris morales murphy cook rogers gutierrez ortiz morgan cooper peterson bailey reed kelly howard ramos kim cox ward richardson watson brooks chavez wood james bennett gray mendoza ruiz hughes price alvarez castillo sanders patel myers long ross foster jimenez powell jenkins perry russell sullivan bell coleman butler henderson barnes gonzales fisher vasquez simmons romero jordan patterson alexander hamilton graham reynolds griffin wallace moreno west cole hayes bryant herrera gibson ellis tran medina aguilar stevens murray ford castro marshall owens harrison fernandez mcdonald woods washington kennedy wells vargas henry chen freeman webb tucker guzman burns crawford olson simpson porter hunter gordon mendez silva shaw snyder mason dixon munoz hunt hicks holmes palmer wagner black robertson boyd rose stone salazar fox warren mills meyer rice schmidt garza daniels ferguson nichols stephens soto weaver ryan gardner payne grant dunn kelley spencer hawkins arnold pierce vazquez hansen peters santos hart bradley knight elliott cunningham duncan armstrong hudson carroll lane riley andrews alvarado ray delgado berry perkins hoffman johnston matthews pena richards contreras willis carpenter lawrence sandoval'.split(' ');

const SHOPIFY_HEADER = 'Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,Billing Address2,Billing Company,Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,Outstanding Balance,Employee,Location,Device ID,Id,Tags,Risk Level,Source,Lineitem discount,Tax 1 Name,Tax 1 Value,Phone,Receipt Number,Duties,Billing Province Name,Shipping Province Name,Payment ID,Payment Terms Name,Next Payment Due At,Payment References'.split(',');

function csvLine(cells) {
  return cells.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',');
}

/** Writes followers.csv, orders.csv and engagement.csv to `dir`; returns their paths. */
export function writeBenchData(dir, { followers = 50000, orderRows = 100000, engagementRows = 200000, seed = 7 } = {}) {
  const r = rng(seed);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const people = [];
  for (let i = 0; i < followers; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const bot = r() < 0.15;
    const style = r();
    const handle = bot
      ? `${first}${Math.floor(r() * 1e6)}_${Math.floor(r() * 100)}`
      : style < 0.4
        ? `${first}.${last}${i}`
        : style < 0.7
          ? `${first}${last}_${i}`
          : `${first[0]}${last}.studio${i}`;
    people.push({ first, last, handle, bot });
  }
  const f = ['username,full_name,bio,followersCount,followingCount,postsCount,profile_pic_url,is_private'];
  for (const p of people) {
    f.push(
      csvLine([
        p.handle,
        p.bot ? '' : `${p.first[0].toUpperCase()}${p.first.slice(1)} ${p.last[0].toUpperCase()}${p.last.slice(1)}`,
        p.bot ? '' : 'Maker, plant lover, coffee first',
        p.bot ? Math.floor(r() * 30) : Math.floor(r() * 3000),
        p.bot ? 1000 + Math.floor(r() * 6000) : Math.floor(r() * 1500),
        p.bot ? Math.floor(r() * 3) : Math.floor(r() * 400),
        p.bot && r() < 0.7 ? '' : `https://cdn.example/p/${p.handle}.jpg`,
        r() < 0.2 ? 'TRUE' : 'FALSE',
      ]),
    );
  }
  const o = [SHOPIFY_HEADER.join(',')];
  let order = 1000;
  let rows = 0;
  while (rows < orderRows) {
    order++;
    const buyer = r() < 0.6 ? people[Math.floor(r() * people.length)] : { first: pick(FIRST), last: pick(LAST), handle: '' };
    const items = 1 + Math.floor(r() * 5);
    const name = `${buyer.first} ${buyer.last}`;
    const email = r() < 0.5 && buyer.handle ? `${buyer.handle.replace(/[^a-z0-9.]/g, '')}@example.com` : `${buyer.first}.${buyer.last}${order}@mail.example`;
    const status = r() < 0.05 ? 'refunded' : 'paid';
    for (let k = 0; k < items && rows < orderRows; k++, rows++) {
      const row = Object.fromEntries(SHOPIFY_HEADER.map((h) => [h, '']));
      row['Name'] = `#${order}`;
      row['Email'] = email;
      row['Lineitem quantity'] = 1 + Math.floor(r() * 3);
      row['Lineitem name'] = pick(['Mug', 'Candle', 'Print', 'Tote bag', 'Card set']);
      row['Lineitem price'] = (5 + Math.floor(r() * 60)).toFixed(2);
      row['Lineitem sku'] = `SKU-${Math.floor(r() * 1000)}`;
      if (k === 0) {
        Object.assign(row, {
          'Financial Status': status,
          'Paid at': '2026-05-12 12:08:27 -0700',
          'Fulfillment Status': 'fulfilled',
          Currency: 'USD',
          Subtotal: '40.00',
          Shipping: '5.00',
          Taxes: '3.20',
          Total: (10 + Math.floor(r() * 200)).toFixed(2),
          'Created at': '2026-05-12 12:08:27 -0700',
          'Billing Name': name,
          'Billing City': 'Portland',
          'Billing Zip': "'97201",
          'Billing Country': 'US',
          'Shipping Name': name,
          Notes: r() < 0.05 && buyer.handle ? `Found you on IG @${buyer.handle}\nthanks!` : '',
          'Payment Method': 'Shopify Payments',
          Id: String(5000000000000 + order),
          Source: 'web',
        });
      }
      o.push(csvLine(SHOPIFY_HEADER.map((h) => row[h])));
    }
  }
  const e = ['Username,Interaction,Date'];
  const types = ['like', 'like', 'like', 'like', 'comment', 'comment', 'share', 'mention', 'save', 'tag'];
  for (let i = 0; i < engagementRows; i++) {
    const p = people[Math.floor(Math.pow(r(), 2) * people.length)];
    const day = 1 + Math.floor(r() * 28);
    e.push(csvLine([`@${p.handle}`, pick(types), `2026-${String(1 + Math.floor(r() * 11)).padStart(2, '0')}-${String(day).padStart(2, '0')}`]));
  }
  const paths = { followers: join(dir, 'followers.csv'), orders: join(dir, 'orders.csv'), engagement: join(dir, 'engagement.csv') };
  writeFileSync(paths.followers, f.join('\n') + '\n');
  writeFileSync(paths.orders, o.join('\n') + '\n');
  writeFileSync(paths.engagement, e.join('\n') + '\n');
  return paths;
}

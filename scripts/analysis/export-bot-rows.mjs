// Analysis only: writes the three labelled collections, as the model reads them, to one CSV for
// scripts/analysis/bot-ceiling.py (collection, group, label and the six inputs every row can carry on both platforms).
//   node scripts/analysis/export-bot-rows.mjs /tmp/bot-rows.csv
import { writeFileSync } from 'node:fs';
import { loadCollections, loadFitModule } from '../fit-bot-model.mjs';

const out = process.argv[2] || '/tmp/bot-rows.csv';
const fit = await loadFitModule();
const { collections } = loadCollections(fit);
const lines = ['collection,group,label,posts,followers,following,picture,bio,link'];
for (const c of collections) {
  c.measures.forEach((m, i) => {
    const group = c.groups ? c.groups[i] : c.name;
    lines.push([c.name, group, c.labels[i], m.posts, m.followers, m.following, m.hasPicture ? 1 : 0, m.bioLength, c.links[i] ? 1 : 0].join(','));
  });
}
writeFileSync(out, lines.join('\n') + '\n');
console.log(`${lines.length - 1} rows written to ${out}`);

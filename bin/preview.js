#!/usr/bin/env node
// `npm start`: the real add-on (dist/Code.js, dist/Sidebar.html) on an emulated spreadsheet in the browser
// (build/preview.js, bundled from src/preview/main.ts).
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { execFileSync } = require('node:child_process');

const preview = join(__dirname, '..', 'build', 'preview.js');
if (!existsSync(preview)) {
  execFileSync(process.execPath, [join(__dirname, '..', 'scripts', 'build.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
}
require(preview).main(process.argv.slice(2));

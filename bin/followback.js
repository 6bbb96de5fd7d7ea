#!/usr/bin/env node
// `npx followback …`: runs the bundled command line, building it first on a fresh clone.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { execFileSync } = require('node:child_process');

const cli = join(__dirname, '..', 'build', 'cli.js');
if (!existsSync(cli)) {
  execFileSync(process.execPath, [join(__dirname, '..', 'scripts', 'build.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
}
Promise.resolve(require(cli).main(process.argv.slice(2))).then((code) => {
  process.exitCode = code;
});
if (process.env.FOLLOWBACK_STATS) {
  // For `npm run bench`: the peak resident memory of this whole run, in KB, and the CPU time of both threads in ms
  // (a figure that a busy shared machine moves less than the wall time).
  process.on('exit', () => {
    const u = process.resourceUsage();
    process.stderr.write(`followback: maxRSS=${u.maxRSS} cpu=${Math.round((u.userCPUTime + u.systemCPUTime) / 1000)}\n`);
  });
}

// Builds dist/ and build/ only when they are missing (or FOLLOWBACK_REBUILD is set): `npm test` builds before jest,
// and a test file that rebuilt while another read dist/Code.js would hand it half a file.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const OUTPUTS = ['dist/Code.js', 'dist/Sidebar.html', 'build/cli.js', 'build/preview.js'];

export function ensureBuilt(): void {
  if (!process.env.FOLLOWBACK_REBUILD && OUTPUTS.every((f) => existsSync(join(ROOT, f)))) return;
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
}

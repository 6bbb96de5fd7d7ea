// Builds dist/ once per test file (`node scripts/build.mjs`, as `npm run build` does) and says where
// the built files are.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const DIST = join(ROOT, 'dist');
export const SIDEBAR_HTML = join(DIST, 'Sidebar.html');

export function buildDist(): void {
  try {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    const stderr = (e as { stderr?: Buffer }).stderr;
    throw new Error(`npm run build failed: ${stderr ? stderr.toString() : (e as Error).message}`);
  }
}

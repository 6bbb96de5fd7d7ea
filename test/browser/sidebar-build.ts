// Builds dist/ once per test file (`node scripts/build.mjs`, as `npm run build` does), then copies
// Code.js and Sidebar.html to a folder of this test file's own: other test files build dist/ at the same
// time, and a file read while another build rewrites it would be half a file.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { ensureBuilt } from '../built';

export const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');

export interface Built {
  /** folder holding only Code.js, for gas-local */
  codeDir: string;
  sidebarHtml: string;
}

function complete(dir: string): boolean {
  try {
    new vm.Script(readFileSync(join(dir, 'Code.js'), 'utf8'));
    return /<\/html>\s*$/.test(readFileSync(join(dir, 'Sidebar.html'), 'utf8'));
  } catch {
    return false;
  }
}

export function buildDist(): Built {
  try {
    ensureBuilt();
  } catch (e) {
    const stderr = (e as { stderr?: Buffer }).stderr;
    throw new Error(`npm run build failed: ${stderr ? stderr.toString() : (e as Error).message}`);
  }
  const codeDir = mkdtempSync(join(tmpdir(), 'followback-sidebar-'));
  for (let attempt = 0; attempt < 20; attempt++) {
    copyFileSync(join(DIST, 'Code.js'), join(codeDir, 'Code.js'));
    copyFileSync(join(DIST, 'Sidebar.html'), join(codeDir, 'Sidebar.html'));
    if (complete(codeDir)) {
      // gas-local loads every .js of its folder; the page is read from here too.
      return { codeDir, sidebarHtml: join(codeDir, 'Sidebar.html') };
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  }
  throw new Error('dist/Code.js or dist/Sidebar.html stayed incomplete (another build writing?)');
}

export function removeBuilt(built: Built | undefined): void {
  if (built) rmSync(built.codeDir, { recursive: true, force: true });
}

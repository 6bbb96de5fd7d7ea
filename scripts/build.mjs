// Builds dist/ for clasp: Code.js (one IIFE plus a top-level function per export, with its JSDoc),
// Sidebar.html (script and styles inlined) and appsscript.json.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const GLOBAL = 'Followback';
const MAX_CODE_BYTES = 350 * 1024;

function fail(message) {
  console.error(`build: ${message}`);
  process.exit(1);
}

/** Every `export function` of the entry with its JSDoc and parameter names, in source order. */
export function readExports(source) {
  const found = [];
  const re = /(\/\*\*(?:(?!\*\/)[\s\S])*\*\/\s*)?export\s+(async\s+)?function\s*(\*?)\s*([A-Za-z_$][\w$]*)\s*(?:<[^>]*>)?\s*\(([^)]*)\)/g;
  for (let m; (m = re.exec(source)); ) {
    if (m[2] || m[3]) fail(`export ${m[4]} must be a plain function (not async or a generator)`);
    const params = m[5]
      .split(',')
      .map((p) => p.trim().replace(/^\.\.\./, ''))
      .filter(Boolean)
      .map((p) => p.split(/[?:=\s]/)[0]);
    found.push({ name: m[4], doc: (m[1] || '').trim(), params });
  }
  return found;
}

async function buildCode() {
  const entry = join(root, 'src/server/index.ts');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const iife = result.outputFiles[0].text;
  // Evaluating the IIFE in an empty context proves its top level touches no Apps Script service.
  const ctx = vm.createContext({});
  vm.runInContext(iife, ctx);
  const exported = Object.keys(ctx[GLOBAL]);
  const declared = readExports(readFileSync(entry, 'utf8'));
  const byName = new Map(declared.map((d) => [d.name, d]));
  for (const name of exported) {
    if (!byName.has(name)) fail(`export ${name} of src/server/index.ts is not a plain \`export function\` declaration`);
  }
  for (const name of exported) {
    if (typeof ctx[GLOBAL][name] !== 'function') fail(`export ${name} is not a function at run time`);
  }
  const globals = declared
    .filter((d) => exported.includes(d.name))
    .map((d) => `${d.doc ? d.doc + '\n' : ''}function ${d.name}(${d.params.join(', ')}) {\n  return ${GLOBAL}.${d.name}.apply(this, arguments);\n}\n`)
    .join('\n');
  const code = `${globals}\n${iife}`;
  if (Buffer.byteLength(code) > MAX_CODE_BYTES) fail(`dist/Code.js is ${Buffer.byteLength(code)} bytes, over the ${MAX_CODE_BYTES}-byte budget`);
  writeFileSync(join(dist, 'Code.js'), code);
  return { bytes: Buffer.byteLength(code), exports: exported.length };
}

async function buildSidebar() {
  const dir = join(root, 'src/client');
  const htmlPath = join(dir, 'sidebar.html');
  if (!existsSync(htmlPath)) return null;
  const js = await build({
    entryPoints: [join(dir, 'sidebar.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const css = existsSync(join(dir, 'sidebar.css')) ? readFileSync(join(dir, 'sidebar.css'), 'utf8') : '';
  // `</script` inside the bundle would close the tag early.
  const script = js.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  const html = readFileSync(htmlPath, 'utf8')
    .replace('/*INLINE_CSS*/', () => css)
    .replace('/*INLINE_JS*/', () => script);
  writeFileSync(join(dist, 'Sidebar.html'), html);
  return { bytes: Buffer.byteLength(html) };
}

/** The command line and the local preview: Node programs, kept out of Code.js. */
async function buildNode() {
  const entries = { cli: 'src/cli/main.ts', preview: 'src/preview/main.ts' };
  const built = [];
  for (const [name, file] of Object.entries(entries)) {
    if (!existsSync(join(root, file))) continue;
    await build({
      entryPoints: [join(root, file)],
      outfile: join(root, 'build', `${name}.js`),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      sourcemap: true,
      logLevel: 'silent',
    });
    built.push(`build/${name}.js`);
  }
  return built;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(dist, { recursive: true });
  copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));
  try {
    const code = await buildCode();
    const sidebar = await buildSidebar();
    const node = await buildNode();
    console.error(
      `build: dist/Code.js ${(code.bytes / 1024).toFixed(1)} KB, ${code.exports} globals` +
        (sidebar ? `; dist/Sidebar.html ${(sidebar.bytes / 1024).toFixed(1)} KB` : '') +
        (node.length ? `; ${node.join(', ')}` : ''),
    );
  } catch (e) {
    fail(e.errors ? e.errors.map((x) => x.text).join('\n') : e.message);
  }
}

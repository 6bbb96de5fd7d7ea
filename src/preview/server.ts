// The preview's HTTP server (node:http, 127.0.0.1 only). Every request is handled inside its own try/catch and
// answered with JSON on failure: a bad file or a bad request never stops the server.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileProblem, MAX_FILE_BYTES } from './files';
import { messageOf } from './runtime';
import type { PreviewSession } from './session';

/** Largest JSON body (sidebar calls carry imported rows in chunks). */
const MAX_JSON_BYTES = 20 * 1024 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** google.script.run / google.script.host for the sidebar: each call is a POST to /run/<function> with JSON args. */
export const SCRIPT_SHIM = `<script>
(function () {
  function call(name, args, ok, fail, user) {
    var body;
    try { body = JSON.stringify(args.map(function (a) { return a === undefined ? null : a; })); }
    catch (e) { setTimeout(function () { if (fail) fail(e, user); }); return; }
    fetch('/run/' + encodeURIComponent(name), { method: 'POST', headers: { 'content-type': 'application/json' }, body: body })
      .then(function (r) { return r.json(); })
      .then(function (res) {
        try { parent.postMessage({ followbackPreview: 'effects', effects: res.effects }, location.origin); } catch (e) {}
        if (res.ok) { if (ok) ok(res.value === undefined ? null : res.value, user); }
        else if (fail) { var err = new Error(res.error); err.name = 'ScriptError'; fail(err, user); }
      })
      .catch(function (e) { if (fail) fail(e, user); });
  }
  function runner(ok, fail, user) {
    return new Proxy({}, {
      get: function (_, prop) {
        if (typeof prop !== 'string' || prop === 'then' || prop === 'toJSON') return undefined;
        if (prop === 'withSuccessHandler') return function (f) { return runner(f, fail, user); };
        if (prop === 'withFailureHandler') return function (f) { return runner(ok, f, user); };
        if (prop === 'withUserObject') return function (u) { return runner(ok, fail, u); };
        return function () { call(prop, Array.prototype.slice.call(arguments), ok, fail, user); };
      }
    });
  }
  window.google = window.google || {};
  window.google.script = {
    run: runner(),
    host: {
      origin: location.origin,
      close: function () { parent.postMessage({ followbackPreview: 'close' }, location.origin); },
      setHeight: function () {}, setWidth: function () {},
      editor: { focus: function () { parent.postMessage({ followbackPreview: 'focus' }, location.origin); } }
    },
    url: { getLocation: function (cb) { cb({ hash: '', parameter: {}, parameters: {} }); } },
    history: { push: function () {}, replace: function () {}, setChangeHandler: function () {} }
  };
})();
</script>`;

/** The sidebar's HTML with the shim as the first script. */
export function withShim(html: string): string {
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + SCRIPT_SHIM + html.slice(head.index + head[0].length);
  return SCRIPT_SHIM + html;
}

function readBody(req: IncomingMessage, limit: number, what: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] || 0);
    if (declared > limit) {
      reject(new HttpError(413, `${what}: the file is ${(declared / 1048576).toFixed(0)} MB, over the ${(limit / 1048576).toFixed(0)} MB the preview reads`));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new HttpError(413, `${what}: over the ${(limit / 1048576).toFixed(0)} MB the preview reads`));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const body = await readBody(req, MAX_JSON_BYTES, 'request');
  try {
    return body.length ? JSON.parse(body.toString('utf8')) : null;
  } catch {
    throw new HttpError(400, 'The request body is not JSON');
  }
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...extra,
  });
  res.end(body);
}

function json(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function str(v: unknown, what: string): string {
  if (typeof v !== 'string' || v === '') throw new HttpError(400, `${what} is missing`);
  return v;
}

export interface PageAssets {
  html: string;
  css: string;
  js: string;
}

export function readAssets(root: string, js: string): PageAssets {
  const dir = join(root, 'src', 'preview-page');
  return { html: readFileSync(join(dir, 'index.html'), 'utf8'), css: readFileSync(join(dir, 'page.css'), 'utf8'), js };
}

export function createPreviewServer(session: PreviewSession, assets: () => PageAssets): Server {
  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url || '/', 'http://127.0.0.1');
    const path = url.pathname;
    const method = req.method || 'GET';
    // Only pages served from this server may call it (a page elsewhere could otherwise post to 127.0.0.1).
    const host = String(req.headers.host || '');
    if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host)) throw new HttpError(403, 'The preview answers on 127.0.0.1 only');
    if (method === 'POST') {
      const origin = req.headers.origin;
      if (origin && origin !== `http://${host}`) throw new HttpError(403, 'Cross-origin requests are refused');
    }

    if (method === 'GET' && path === '/') return send(res, 200, 'text/html; charset=utf-8', assets().html);
    if (method === 'GET' && path === '/page.css') return send(res, 200, 'text/css; charset=utf-8', assets().css);
    if (method === 'GET' && path === '/page.js') return send(res, 200, 'text/javascript; charset=utf-8', assets().js);
    if (method === 'GET' && path === '/favicon.ico') return send(res, 204, 'text/plain', '');
    if (method === 'GET' && path === '/sidebar') return send(res, 200, 'text/html; charset=utf-8', withShim(session.sidebarPage()));
    if (method === 'GET' && path === '/dialog') {
      let html: string;
      try {
        html = session.dialogPage(Number(url.searchParams.get('i')));
      } catch (e) {
        throw new HttpError(404, messageOf(e));
      }
      return send(res, 200, 'text/html; charset=utf-8', withShim(html));
    }

    if (method === 'GET' && path === '/api/state') return json(res, 200, session.state());
    if (method === 'GET' && path === '/api/cells') {
      const sheet = str(url.searchParams.get('sheet'), 'sheet');
      return json(res, 200, session.window(sheet, Number(url.searchParams.get('row')), Number(url.searchParams.get('count'))));
    }
    if (method === 'GET' && path === '/api/download') {
      const sheet = str(url.searchParams.get('sheet'), 'sheet');
      const csv = session.csv(sheet);
      const file = `${sheet.replace(/[^\w .-]+/g, '_')}.csv`;
      return send(res, 200, 'text/csv; charset=utf-8', csv, {
        'content-disposition': `attachment; filename="${file.replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(`${sheet}.csv`)}`,
      });
    }
    if (method === 'POST' && path === '/api/open') return json(res, 200, { effects: session.open(), state: session.state() });
    if (method === 'POST' && path.startsWith('/run/')) {
      const name = decodeURIComponent(path.slice('/run/'.length));
      const args = await readJson(req);
      if (!Array.isArray(args)) throw new HttpError(400, 'Arguments must be a JSON array');
      const effects = session.call(name, args);
      return json(res, 200, { ok: effects.ok, value: effects.value, error: effects.error, effects: { ...effects, value: undefined } });
    }
    if (method === 'POST' && path === '/api/cell') {
      const body = (await readJson(req)) as Record<string, unknown> | null;
      const input = body?.input;
      if (typeof input !== 'string') throw new HttpError(400, 'input is missing');
      if (input.length > 50_000) throw new HttpError(400, 'A cell holds at most 50,000 characters');
      try {
        return json(res, 200, { effects: session.writeCell(str(body?.sheet, 'sheet'), str(body?.a1, 'a1'), input) });
      } catch (e) {
        throw new HttpError(400, messageOf(e));
      }
    }
    if (method === 'POST' && path === '/api/active') {
      const body = (await readJson(req)) as Record<string, unknown> | null;
      session.setActive(str(body?.sheet, 'sheet'));
      return json(res, 200, { ok: true });
    }
    if (method === 'POST' && path === '/api/select') {
      const body = (await readJson(req)) as Record<string, unknown> | null;
      session.userSelect(str(body?.sheet, 'sheet'), str(body?.a1, 'a1'));
      return json(res, 200, { ok: true });
    }
    if (method === 'POST' && path === '/api/upload') {
      const file = (url.searchParams.get('name') || 'file').slice(0, 200);
      const body = await readBody(req, MAX_FILE_BYTES, file);
      try {
        const tab = session.addFile(file, new Uint8Array(body.buffer, body.byteOffset, body.length));
        return json(res, 200, { ok: true, tab, state: session.state() });
      } catch (e) {
        if (e instanceof FileProblem) return json(res, 422, { ok: false, error: e.message });
        throw new HttpError(422, `${file}: ${messageOf(e)}`);
      }
    }
    throw new HttpError(404, `Not found: ${method} ${path}`);
  }

  return createServer((req, res) => {
    route(req, res).catch((e) => {
      const status = e instanceof HttpError ? e.status : 500;
      if (status === 500 && process.env.FOLLOWBACK_PREVIEW_DEBUG) console.error(e);
      if (!res.headersSent) json(res, status, { ok: false, error: messageOf(e) });
      else res.end();
    });
  });
}

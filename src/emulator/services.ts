// The non-Spreadsheet services the add-on uses: Properties, Cache, Lock, Html, Utilities, Session, Logger.
import { Execution, assertAuthorized, assertWrite, counted } from './context';
import type { LockKind } from './workbook';
import { sha256 } from './digest';

const PROPERTY_VALUE_BYTES = 9 * 1024;
const PROPERTY_TOTAL_BYTES = 500 * 1024;
const CACHE_VALUE_BYTES = 100 * 1024;
const CACHE_KEY_CHARS = 250;
const CACHE_DEFAULT_SECONDS = 600;
const CACHE_MAX_SECONDS = 21600;

function bytes(s: string): number {
  return new TextEncoder().encode(s).length;
}

function createProperties(x: Execution, store: Record<string, string>) {
  const total = () => Object.entries(store).reduce((n, [k, v]) => n + bytes(k) + bytes(v), 0);
  const check = (key: string, value: string, replaced = 0) => {
    if (bytes(value) > PROPERTY_VALUE_BYTES) throw new Error('Argument too large: value');
    const before = store[key] !== undefined ? bytes(key) + bytes(store[key]) : 0;
    if (total() - before - replaced + bytes(key) + bytes(value) > PROPERTY_TOTAL_BYTES) {
      throw new Error('You have exceeded the property storage quota. Please remove some properties and try again.');
    }
  };
  const props = {
    getProperty(key: string) {
      const v = store[String(key)];
      return v === undefined ? null : v;
    },
    getProperties() { return { ...store }; },
    getKeys() { return Object.keys(store); },
    setProperty(key: string, value: unknown) {
      assertWrite(x, 'setProperty');
      const v = String(value);
      check(String(key), v);
      store[String(key)] = v;
      return props;
    },
    setProperties(values: Record<string, unknown>, deleteAllOthers?: boolean) {
      assertWrite(x, 'setProperties');
      const entries = Object.entries(values).map(([k, v]) => [k, String(v)] as const);
      for (const [k, v] of entries) check(k, v);
      if (deleteAllOthers) for (const k of Object.keys(store)) delete store[k];
      for (const [k, v] of entries) store[k] = v;
      return props;
    },
    deleteProperty(key: string) {
      assertWrite(x, 'deleteProperty');
      delete store[String(key)];
      return props;
    },
    deleteAllProperties() {
      assertWrite(x, 'deleteAllProperties');
      for (const k of Object.keys(store)) delete store[k];
      return props;
    },
  };
  return counted(x, 'Properties', props);
}

export function createPropertiesService(x: Execution) {
  const book = x.book as typeof x.book & { scriptProperties?: Record<string, string>; userProperties?: Record<string, string> };
  return counted(x, 'PropertiesService', {
    getDocumentProperties() {
      assertAuthorized(x, 'PropertiesService.getDocumentProperties');
      return createProperties(x, book.documentProperties);
    },
    getScriptProperties() {
      assertAuthorized(x, 'PropertiesService.getScriptProperties');
      return createProperties(x, (book.scriptProperties = book.scriptProperties || {}));
    },
    getUserProperties() {
      assertAuthorized(x, 'PropertiesService.getUserProperties');
      return createProperties(x, (book.userProperties = book.userProperties || {}));
    },
  });
}

type CacheStore = Record<string, { value: string; expires: number }>;

function createCache(x: Execution, store: CacheStore) {
  const now = () => (x.opts.now ? x.opts.now() : Date.now());
  const checkKey = (key: string) => {
    if (key.length > CACHE_KEY_CHARS) throw new Error('Argument too large: key');
  };
  const checkValue = (value: string) => {
    if (bytes(value) > CACHE_VALUE_BYTES) throw new Error('Argument too large: value');
  };
  const ttl = (seconds?: number) => now() + Math.min(seconds ?? CACHE_DEFAULT_SECONDS, CACHE_MAX_SECONDS) * 1000;
  const read = (key: string) => {
    const e = store[key];
    if (!e) return null;
    if (e.expires <= now()) {
      delete store[key];
      return null;
    }
    return e.value;
  };
  const cache = {
    get(key: string) { checkKey(String(key)); return read(String(key)); },
    getAll(keys: string[]) {
      const out: Record<string, string> = {};
      for (const k of keys) {
        const v = read(String(k));
        if (v !== null) out[k] = v;
      }
      return out;
    },
    put(key: string, value: string, expirationInSeconds?: number) {
      checkKey(String(key));
      checkValue(String(value));
      store[String(key)] = { value: String(value), expires: ttl(expirationInSeconds) };
      return null; // Apps Script's put returns null, not undefined
    },
    putAll(values: Record<string, string>, expirationInSeconds?: number) {
      const entries = Object.entries(values);
      if (entries.length > 1000) throw new Error('Argument too large: values');
      for (const [k, v] of entries) {
        checkKey(k);
        checkValue(String(v));
      }
      for (const [k, v] of entries) store[k] = { value: String(v), expires: ttl(expirationInSeconds) };
    },
    remove(key: string) { delete store[String(key)]; },
    removeAll(keys: string[]) { for (const k of keys) delete store[String(k)]; },
  };
  return counted(x, 'Cache', cache);
}

export function createCacheService(x: Execution) {
  const book = x.book as typeof x.book & { scriptCache?: CacheStore; userCache?: CacheStore };
  return counted(x, 'CacheService', {
    getDocumentCache() {
      assertAuthorized(x, 'CacheService.getDocumentCache');
      return createCache(x, book.cache);
    },
    getScriptCache() { return createCache(x, (book.scriptCache = book.scriptCache || {})); },
    getUserCache() {
      assertAuthorized(x, 'CacheService.getUserCache');
      return createCache(x, (book.userCache = book.userCache || {}));
    },
  });
}

const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

/**
 * Three locks, as in Apps Script: the document's, the script's and the user's, each held by one execution at a
 * time. Another execution's tryLock waits up to its timeout (the wait is added to the execution's clock, since
 * the holder cannot run while this one waits) and returns false; a negative timeout never acquires. A lock still
 * held when its execution ends is released (endExecution).
 */
export function createLockService(x: Execution) {
  const lock = (kind: LockKind) => {
    const owners = x.book.locks;
    const l = {
      tryLock(timeoutInMillis: number) {
        const timeout = Number(timeoutInMillis);
        if (owners[kind] === x.id) return true;
        if (!(timeout >= 0)) return false;
        if (owners[kind] === null) {
          owners[kind] = x.id;
          return true;
        }
        x.waitedMs += timeout;
        return false;
      },
      waitLock(timeoutInMillis: number) {
        if (!l.tryLock(timeoutInMillis)) throw new Error(LOCK_TIMEOUT);
      },
      hasLock() { return owners[kind] === x.id; },
      releaseLock() {
        if (owners[kind] === x.id) owners[kind] = null;
      },
    };
    return counted(x, 'Lock', l);
  };
  return counted(x, 'LockService', {
    getDocumentLock() {
      assertAuthorized(x, 'LockService.getDocumentLock');
      return lock('document');
    },
    getScriptLock() { return lock('script'); },
    getUserLock() { return lock('user'); },
  });
}

/** The end of an execution: Apps Script releases the locks it still holds. */
export function endExecution(x: Execution): void {
  const owners = x.book.locks;
  for (const k of Object.keys(owners) as LockKind[]) if (owners[k] === x.id) owners[k] = null;
}

export function createHtmlService(x: Execution) {
  const output = (content: string) => {
    let title = '';
    let html = content;
    const o = {
      getContent: () => html,
      setContent(c: string) { html = String(c); return o; },
      append(c: string) { html += String(c); return o; },
      appendUntrusted(c: string) { html += String(c).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`); return o; },
      getTitle: () => title,
      setTitle(t: string) { title = String(t); return o; },
      setWidth(_w: number) { return o; },
      setHeight(_h: number) { return o; },
      setSandboxMode(_m: unknown) { return o; },
      setXFrameOptionsMode(_m: unknown) { return o; },
      addMetaTag(_n: string, _c: string) { return o; },
      setFaviconUrl(_u: string) { return o; },
    };
    return o;
  };
  return counted(x, 'HtmlService', {
    SandboxMode: { IFRAME: 'IFRAME', NATIVE: 'NATIVE', EMULATED: 'EMULATED' },
    XFrameOptionsMode: { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' },
    createHtmlOutput(html?: string) { return output(html === undefined ? '' : String(html)); },
    createHtmlOutputFromFile(filename: string) {
      const name = String(filename).replace(/\.html$/, '');
      let text: string | undefined;
      try {
        text = x.opts.readFile ? x.opts.readFile(name) : undefined;
      } catch {
        text = undefined;
      }
      if (text === undefined) throw new Error(`No HTML file named ${name} was found.`);
      return output(text);
    },
  });
}

export function createUtilities(x: Execution) {
  const toBytes = (value: string | number[]) =>
    typeof value === 'string' ? new TextEncoder().encode(value) : Uint8Array.from(value, (b) => b & 0xff);
  const signed = (b: Uint8Array) => Array.from(b, (v) => (v > 127 ? v - 256 : v));
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return counted(x, 'Utilities', {
    DigestAlgorithm: { MD2: 'MD2', MD5: 'MD5', SHA_1: 'SHA_1', SHA_256: 'SHA_256', SHA_384: 'SHA_384', SHA_512: 'SHA_512' },
    Charset: { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' },
    computeDigest(algorithm: string, value: string | number[], _charset?: string) {
      if (algorithm !== 'SHA_256') throw new Error(`The emulator computes SHA_256 digests only, not ${algorithm}.`);
      return signed(sha256(toBytes(value)));
    },
    base64Encode(value: string | number[]) {
      const b = toBytes(value);
      let s = '';
      for (const v of b) s += String.fromCharCode(v);
      return btoa(s);
    },
    base64Decode(encoded: string) {
      return signed(Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0)));
    },
    formatDate(date: Date, _timeZone: string, format: string) {
      const d = new Date(date.getTime());
      return format
        .replace(/yyyy/g, String(d.getUTCFullYear()))
        .replace(/MM/g, pad(d.getUTCMonth() + 1))
        .replace(/dd/g, pad(d.getUTCDate()))
        .replace(/HH/g, pad(d.getUTCHours()))
        .replace(/mm/g, pad(d.getUTCMinutes()))
        .replace(/ss/g, pad(d.getUTCSeconds()));
    },
    getUuid() {
      const h = () => Math.floor(Math.random() * 0x10000).toString(16).padStart(4, '0');
      return `${h()}${h()}-${h()}-4${h().slice(1)}-a${h().slice(1)}-${h()}${h()}${h()}`;
    },
    /** No real wait: the time is added to the execution's clock (waitedMs). */
    sleep(ms: number) {
      x.waitedMs += Math.max(0, Number(ms) || 0);
    },
  });
}

export function createSession(x: Execution) {
  const user = { getEmail: () => '' };
  return counted(x, 'Session', {
    getScriptTimeZone: () => 'Etc/UTC',
    getActiveUserLocale: () => 'en',
    getActiveUser: () => user,
    getEffectiveUser: () => user,
    getTemporaryActiveUserKey: () => 'emulated-user-key',
  });
}

export function createLogger(x: Execution) {
  const log = (level: string) => (...args: unknown[]) => {
    x.logs.push(`${level}${args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}`);
  };
  return {
    Logger: { log: (...a: unknown[]) => { log('')(...a); return undefined; } },
    console: { log: log(''), info: log(''), warn: log('warn: '), error: log('error: '), debug: log('debug: ') },
  };
}

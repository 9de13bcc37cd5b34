// The one logger: one JSON object per line on stdout, for the server's request
// lines (server.mjs), errors Next reports (instrumentation.ts onRequestError) and the scheduled jobs.
// Plain JavaScript so that server.mjs, which runs without a build step, imports the same module.
// Never logs secrets or personal data: no cookies, passwords, tokens, query values, names, phone
// numbers or addresses. Ids only.
import { randomUUID } from 'node:crypto';

// keys whose values are dropped wherever they appear in `fields`
const SECRET_KEY = /pass(word)?|cookie|token|secret|authori[sz]ation|csrf|session|phone|mobile|contact|name|owner|address|licen[cs]e/i;
const PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
const ID_NO = /(?<!\d)\d{17}[\dXx](?!\d)/g;

/** A string safe to log: no phone or ID-card numbers, no SQL parameters, bounded length. */
export function scrubText(text, max = 4000) {
  return String(text)
    .replace(/(params:)[^\n]*/gi, '$1 [redacted]') // drizzle's "Failed query: … params: …"
    .replace(/(\(.*?\)=\()[^)]*(\))/g, '$1[redacted]$2') // PostgreSQL "Key (phone)=(…)"
    .replace(PHONE, '[phone]')
    .replace(ID_NO, '[id-number]')
    .slice(0, max);
}

function scrub(value, depth = 0) {
  if (value == null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return scrubText(value, 1000);
  if (depth > 4) return '[…]';
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => scrub(v, depth + 1));
  if (typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      // userId, retailerId and the like are ids, not names (a session's id is a secret all the same)
      const isId = /[a-z]Ids?$/.test(k) && !/session|token|csrf/i.test(k);
      out[k] = SECRET_KEY.test(k) && !isId ? '[redacted]' : scrub(v, depth + 1);
    }
    return out;
  }
  return String(value);
}

let write = (line) => process.stdout.write(`${line}\n`);

/** Tests capture the lines; returns the previous writer. */
export function setLogSink(next) {
  const prev = write;
  write = next;
  return prev;
}

export function log(level, msg, fields = {}) {
  write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...scrub(fields) }));
}

export function logError(msg, error, fields = {}) {
  const e = error instanceof Error ? error : new Error(String(error));
  log('error', msg, {
    ...fields,
    error: { type: e.name, message: scrubText(e.message, 1000), stack: e.stack ? scrubText(e.stack) : undefined, digest: e.digest, code: typeof e.code === 'string' ? e.code : undefined },
  });
}

/** The path without query values (they can hold search words, phone numbers); the query's keys only. */
export function safePath(url) {
  const raw = String(url ?? '/');
  const q = raw.indexOf('?');
  const pathname = (q < 0 ? raw : raw.slice(0, q)).slice(0, 300);
  const keys = q < 0 ? [] : [...new Set([...new URLSearchParams(raw.slice(q + 1)).keys()])].slice(0, 20);
  return { path: scrubText(pathname, 300), ...(keys.length ? { queryKeys: keys.map((k) => scrubText(k, 40)) } : {}) };
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Wraps a Node request handler: a request id (X-Request-Id; a client's own only behind a trusted
 * proxy) and, when the response ends or the client goes away, one line: time, method, path, status,
 * duration, user id, request id. `userIdOf(req)` may be async; it runs after the response.
 */
export function withRequestLog(handler, { trustProxy = false, userIdOf = async () => null } = {}) {
  return (req, res) => {
    const started = process.hrtime.bigint();
    const given = req.headers['x-request-id'];
    const requestId = trustProxy && typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    req.headers['x-request-id'] = requestId;
    res.setHeader('X-Request-Id', requestId);
    let done = false;
    const finish = (aborted) => {
      if (done) return;
      done = true;
      const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
      Promise.resolve()
        .then(() => userIdOf(req))
        .catch(() => null)
        .then((userId) =>
          log(res.statusCode >= 500 ? 'error' : 'info', 'request', {
            method: req.method,
            ...safePath(req.url),
            status: res.statusCode,
            durationMs,
            userId: userId ?? null,
            requestId,
            ...(aborted ? { aborted: true } : {}),
          }),
        );
    };
    res.once('finish', () => finish(false));
    res.once('close', () => finish(!res.writableFinished));
    return handler(req, res);
  };
}

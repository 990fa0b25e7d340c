/**
 * What AgentGym's live tools do around a request, kept pure: query parameters printed as Python's
 * `requests` prints them, the reply read as `response.json()` reads it, and the exceptions Python
 * would raise on the way (no reply, a body that is not JSON, a key the reply lacks). The request
 * itself goes through the LiveBackend the worker or Node side injects.
 */
import type { HttpRequest, LiveBackend } from '../contract.ts';
import { LiteralError, parseLiteral } from './literal.ts';
import { isDict, PyError, pyRepr, pyStr, typeName, type PyDict, type PyValue } from './py.ts';

/**
 * `requests`' encoding of `params`: None drops the name, a list (or a dict's keys) repeats it,
 * anything else is `str()`ed.
 */
export function query(params: Record<string, PyValue>): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, v] of Object.entries(params)) {
    const values = Array.isArray(v) ? v : isDict(v) ? [...v.keys()] : [v];
    for (const x of values) if (x !== null) out.push([name, pyStr(x)]);
  }
  return out;
}

/**
 * `str(v)` put into a URL path (`".../movie/{movie_id}".format(...)`). Quoted whole, where requests
 * would leave "/" and "?" alone: an argument never reaches another endpoint of the service.
 */
export function pathPart(v: PyValue): string {
  return encodeURIComponent(pyStr(v));
}

export type Reply = { ok: true; body: PyValue } | { ok: false; text: string };

/**
 * GET and read a 200 reply as JSON; any other status gives its text (the tools return it as the
 * failed result). No reply raises ConnectionError; a 200 body that is not JSON, JSONDecodeError.
 */
export async function getJson(backend: LiveBackend, request: HttpRequest): Promise<Reply> {
  let reply;
  try {
    reply = await backend.get(request);
  } catch (e) {
    const url = new URL(request.url);
    // requests' text names the pool and the path; the cause is the browser's or Node's own words.
    const cause = e instanceof Error ? e.message : String(e);
    throw new PyError('ConnectionError', `HTTPSConnectionPool(host=${pyRepr(url.host)}, port=443): Max retries exceeded with url: ${url.pathname} (Caused by ${cause})`);
  }
  if (reply.status !== 200) return { ok: false, text: reply.text };
  try {
    return { ok: true, body: parseLiteral(reply.text, { body: true }) };
  } catch (e) {
    if (e instanceof LiteralError) throw new PyError('JSONDecodeError', 'Expecting value: line 1 column 1 (char 0)');
    throw e;
  }
}

/** `d[key]`, raising what Python raises when `d` is no dict or has no such key. */
export function item(d: PyValue, key: string): PyValue {
  if (!isDict(d)) {
    if (Array.isArray(d)) throw new PyError('TypeError', 'list indices must be integers or slices, not str');
    throw new PyError('TypeError', `'${typeName(d)}' object is not subscriptable`);
  }
  if (!d.has(key)) throw new PyError('KeyError', pyRepr(key));
  return d.get(key)!;
}

/** `v[i]` of a list. */
export function at(v: PyValue, i: number): PyValue {
  if (!Array.isArray(v)) throw new PyError('TypeError', `'${typeName(v)}' object is not subscriptable`);
  if (i >= v.length) throw new PyError('IndexError', 'list index out of range');
  return v[i];
}

/** A list from the reply, or the TypeError iterating a non-list would raise. */
export function list(v: PyValue): PyValue[] {
  if (Array.isArray(v)) return v;
  if (isDict(v)) return [...v.keys()];
  throw new PyError('TypeError', `'${typeName(v)}' object is not iterable`);
}

/** `d.pop(key)` when present (the tools' `if key in d: d.pop(key)`), on a copy. */
export function without(d: PyDict, keys: readonly string[]): PyDict {
  return new Map([...d].filter(([k]) => !keys.includes(k)));
}

/** A fresh dict picking `keys` from `d` in that order, as `{"a": d["a"], ...}` builds it. */
export function pick(d: PyValue, keys: readonly string[]): PyDict {
  return new Map(keys.map((k) => [k, item(d, k)]));
}

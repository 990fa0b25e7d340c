/**
 * The request guard every episode context gets. Playwright routes only the first request of a
 * redirect chain (the browser follows redirects without asking again), so a site could bounce the
 * browser anywhere. Here every routed request is made from Node with redirects off; a redirect
 * chain is walked hop by hop, each hop checked against the allowlist, and the browser is sent
 * straight to the chain's end, which the guard has already checked.
 */
import type { APIResponse, BrowserContext, Route } from 'playwright-core';
import { navigationAllowed, refusal } from './allowlist.ts';

const MAX_HOPS = 10;

const isRedirect = (r: APIResponse) => r.status() >= 300 && r.status() < 400 && r.headers().location !== undefined;

/**
 * A refused navigation gets a small page saying so (the agent sees why, and the tab stays a normal
 * page: after Chromium's own error page, redirects answered by the guard fail to load); a refused
 * subresource is just aborted.
 */
function refuse(route: Route, url: string): Promise<void> {
  if (!route.request().isNavigationRequest()) return route.abort('blockedbyclient');
  const text = refusal(url).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return route.fulfill({ status: 403, contentType: 'text/html; charset=utf-8', body: `<!doctype html><title>Not allowed</title><p>${text}</p>` });
}

async function guardRoute(route: Route, origins: readonly string[]): Promise<void> {
  const first = route.request().url();
  if (!navigationAllowed(first, origins)) return refuse(route, first);
  const head = await route.fetch({ maxRedirects: 0 });
  if (!isRedirect(head)) return route.fulfill({ response: head });
  let response = head;
  let url = first;
  for (let hop = 0; isRedirect(response); hop++) {
    url = new URL(response.headers().location, url).href;
    if (hop >= MAX_HOPS || !navigationAllowed(url, origins)) return refuse(route, url);
    // 307/308 repeat the method and body (Node makes them here; the browser then gets the answer).
    if (response.status() === 307 || response.status() === 308) {
      response = await route.fetch({ url, maxRedirects: 0 });
      if (!isRedirect(response)) return route.fulfill({ response });
    } else {
      response = await route.fetch({ url, method: 'GET', postData: undefined, maxRedirects: 0 });
    }
  }
  // One redirect to the checked end of the chain (a GET), so the page's URL is the real one.
  return route.fulfill({ response: head, headers: { ...head.headers(), location: url } });
}

export async function guardContext(context: BrowserContext, origins: readonly string[]): Promise<void> {
  await context.route('**/*', (route) => guardRoute(route, origins).catch(() => route.abort('failed').catch(() => {})));
}

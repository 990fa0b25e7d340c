/**
 * Where an episode's browser may go: only the configured site origins (plus about:blank, which new
 * tabs open on). Checked before `goto` and again on every request the browser makes, so redirects,
 * links, forms and subresources to anything else (file:, chrome:, cloud metadata, other hosts) fail.
 */
export function navigationAllowed(url: string, origins: readonly string[]): boolean {
  if (url === 'about:blank') return true;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (parsed.username || parsed.password) return false;
  return origins.includes(parsed.origin);
}

/** Why a URL is refused, for the agent's observation. */
export function refusal(url: string): string {
  return `Navigation to ${url} is not allowed: only the task's sites can be visited.`;
}

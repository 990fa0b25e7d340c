/**
 * Whether a server answers at `url` at all, CORS aside. A browser reports a CORS refusal and an
 * unreachable server the same way (a fetch TypeError); a no-cors request resolves (with an opaque
 * reply) whenever a server is up, whatever its CORS policy, and fails only when none answers.
 */
export async function serverAnswers(url: string, fetchFn: typeof fetch, timeoutMs: number): Promise<boolean> {
  try {
    await fetchFn(url, { mode: 'no-cors', signal: AbortSignal.timeout(timeoutMs) });
    return true;
  } catch {
    return false;
  }
}

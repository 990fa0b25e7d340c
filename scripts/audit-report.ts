/**
 * Reading `npm audit --json` (npm's bulk advisory endpoint, queried with package-lock.json):
 * counts by severity, the packages at or above a threshold, or "unreachable" when npm could not
 * ask the registry (offline CI, a proxy), which the audit script reports and skips.
 */
export type Severity = 'info' | 'low' | 'moderate' | 'high' | 'critical';
const ORDER: Severity[] = ['info', 'low', 'moderate', 'high', 'critical'];

export type AuditOutcome =
  | { kind: 'unreachable'; reason: string }
  | { kind: 'checked'; counts: Record<Severity, number>; failing: string[] };

const NETWORK = /ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|ENETUNREACH|network|socket hang up|request to .* failed|audit endpoint returned an error/i;

export function readAudit(stdout: string, stderr: string, threshold: Severity): AuditOutcome {
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    const text = `${stderr} ${stdout}`.trim();
    if (NETWORK.test(text)) return { kind: 'unreachable', reason: text.slice(0, 300) };
    throw new Error(`npm audit gave no JSON: ${text.slice(0, 300)}`);
  }
  const o = json as { error?: { code?: string; summary?: string; detail?: string }; message?: string; metadata?: { vulnerabilities?: Partial<Record<Severity, number>> }; vulnerabilities?: Record<string, { severity?: Severity }> };
  // The endpoint answered, but not with advisories (a registry mirror without it: 404, 405).
  if (!o.metadata && /audit endpoint returned an error/.test(stderr)) return { kind: 'unreachable', reason: o.message ?? 'the audit endpoint returned an error' };
  if (o.error) {
    const reason = `${o.error.code ?? ''} ${o.error.summary ?? ''} ${o.error.detail ?? ''}`.trim();
    if (NETWORK.test(reason) || /^E(NOTFOUND|CONNREFUSED|TIMEDOUT|AI_AGAIN|AUDIT)/.test(o.error.code ?? '')) return { kind: 'unreachable', reason };
    throw new Error(`npm audit failed: ${reason}`);
  }
  const counts = Object.fromEntries(ORDER.map((s) => [s, o.metadata?.vulnerabilities?.[s] ?? 0])) as Record<Severity, number>;
  const min = ORDER.indexOf(threshold);
  const failing = Object.entries(o.vulnerabilities ?? {})
    .filter(([, v]) => v.severity !== undefined && ORDER.indexOf(v.severity) >= min)
    .map(([name, v]) => `${name} (${v.severity})`)
    .sort();
  return { kind: 'checked', counts, failing };
}

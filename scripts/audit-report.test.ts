import { describe, expect, it } from 'vitest';
import { readAudit } from './audit-report.ts';

describe('npm audit output', () => {
  it('counts advisories and names packages at or above the level', () => {
    const stdout = JSON.stringify({
      vulnerabilities: { a: { severity: 'moderate' }, b: { severity: 'critical' }, c: { severity: 'high' } },
      metadata: { vulnerabilities: { info: 0, low: 0, moderate: 1, high: 1, critical: 1 } },
    });
    expect(readAudit(stdout, '', 'high')).toEqual({ kind: 'checked', counts: { info: 0, low: 0, moderate: 1, high: 1, critical: 1 }, failing: ['b (critical)', 'c (high)'] });
    expect(readAudit(stdout, '', 'critical')).toMatchObject({ failing: ['b (critical)'] });
    expect(readAudit(JSON.stringify({ vulnerabilities: {}, metadata: { vulnerabilities: {} } }), '', 'low')).toMatchObject({ kind: 'checked', failing: [] });
  });

  it('tells an unreachable registry apart from a failed audit', () => {
    expect(readAudit(JSON.stringify({ error: { code: 'ENOTFOUND', summary: 'request to https://registry.npmjs.org/-/npm/v1/security/advisories/bulk failed' } }), '', 'high').kind).toBe('unreachable');
    expect(readAudit('', 'npm error code EAI_AGAIN', 'high').kind).toBe('unreachable');
    // A registry mirror without the advisory endpoint.
    const mirror = JSON.stringify({ message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', method: 'POST', statusCode: 405, error: { summary: '', detail: '' } });
    expect(readAudit(mirror, 'npm error audit endpoint returned an error', 'high')).toEqual({ kind: 'unreachable', reason: expect.stringContaining('405') });
    expect(() => readAudit(JSON.stringify({ error: { code: 'ELOCKVERIFY', summary: 'bad lockfile' } }), '', 'high')).toThrow('npm audit failed');
  });
});

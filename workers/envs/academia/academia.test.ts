import { describe, expect, it } from 'vitest';
import { call, openToolEnv, oracleOnAllRecomputed, toolEnvBasics } from '../testing/tool-envs.ts';
import { academia } from './manifest.ts';

describe('Academia', () => {
  toolEnvBasics(academia);
  oracleOnAllRecomputed(academia, 20);

  it("recomputes every one of AgentGym's 20 answers in the offline graph", async () => {
    const env = await openToolEnv(academia);
    for (let i = 0; i < academia.itemCount; i++) {
      env.reset(i);
      const d = env.detail();
      expect(d.recomputed, `item ${i}`).toBe(true);
      expect(d.answer, `item ${i}`).toEqual(d.agentgymAnswer);
    }
  });

  it("answers with Toolusage's result and error texts", async () => {
    const env = await openToolEnv(academia);
    env.reset(10);
    expect(call(env, 'authorNodeCheck', '{"node": "Yilun Zhou"}')).toBe('Please load the AuthorNet first.');
    expect(call(env, 'loadAuthorNet', '{}')).toBe('AuthorNet is loaded.');
    expect(call(env, 'authorNodeCheck', '{"node": "Yilun Zhou"}')).toBe("{'name': 'Yilun Zhou', 'org': 'MIT'}");
    expect(call(env, 'authorNodeCheck', '{"node": "Nobody"}')).toBe('There is no node named Nobody in the AuthorNet.');
    expect(call(env, 'authorEdgeCheck', '{"node1": "Yilun Zhou", "node2": "Fred Zhang"}')).toBe('There is no edge between Yilun Zhou and Fred Zhang.');
    expect(call(env, 'neighborCheck', '{"graph": "AuthorNet", "node": "Yilun Zhou"}')).toBe("['Ines Costa']");
    expect(call(env, 'paperNodeCheck', '{"node": "x"}')).toBe('Please load the PaperNet first.');
    expect(call(env, 'loadPaperNet', '{}')).toBe('PaperNet is loaded.');
    expect(call(env, 'paperNodeCheck', '{"node": "Density Ratio Estimation via Infinitesimal Classification"}')).toMatch(
      /^\{'authors': \['Chenlin Meng', 'Yang Song_2', 'Stefano Ermon'\], 'year': \d{4}, 'venue': '[^']+', 'n_citation': \d+, 'keywords': \[[^\]]*\], 'doc_type': '(Conference|Journal)'\}$/,
    );
    expect(call(env, 'paperNodeCheck', '{}')).toBe("ERROR | KeyError('node')");
  });

  it('scores a quoted count as wrong, as AgentGym does (type-strict ==)', async () => {
    const env = await openToolEnv(academia);
    env.reset(0);
    expect(env.step('Action: finish with Action Input: {"answer": "2"}')).toMatchObject({ reward: 0, done: true });
    env.reset(0);
    expect(env.step('Action: finish with Action Input: {"answer": 2}')).toMatchObject({ reward: 1, done: true });
  });
});

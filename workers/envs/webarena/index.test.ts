import { describe, expect, it } from 'vitest';
import { nodeDataSource } from '../../node-data-source.ts';
import { EnvSession } from '../../session.ts';
import { extractAction, NO_BACKTICKS } from './format.ts';
import { webarena } from './manifest.ts';

describe('webarena agent format', () => {
  it('reads the action inside the first triple backticks, else answers as AgentGym’s client', () => {
    expect(extractAction('Let me look.\nIn summary, the next action I will perform is ```click [12]```')).toEqual({ action: 'click [12]' });
    expect(extractAction('click [12]')).toEqual({ invalid: NO_BACKTICKS });
  });
});

describe('webarena env (in-process proxy)', () => {
  it("answers AgentGym's /observation_metadata with the elements and a screenshot", async () => {
    const session = await EnvSession.open(webarena, nodeDataSource);
    try {
      const first = await session.reset(15);
      expect(first.observation).toMatch(/^OBSERVATION:\nTab 0 \(current\): Demo Forum\n\n\[1\] RootWebArea 'Demo Forum'/);
      const meta = (await session.module.http.extraGets!.observation_metadata(session.env)) as { text: { obs_nodes_info: Record<string, { text: string }> }; image: string };
      expect(Object.values(meta.text.obs_nodes_info).map((n) => n.text)).toContainEqual(expect.stringMatching(/^\[\d+\] link 'books'/));
      expect(meta.image.startsWith('data:image/png;base64,iVBOR')).toBe(true);
    } finally {
      await session.close();
    }
  });
});

import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import ReplayStep from '../components/ReplayStep.svelte';
import ReplayView from './ReplayView.svelte';
import { openLocalEnv } from '../../workers/local-env.ts';
import { replayEpisode } from '../lib/share/replay.ts';
import { recordToShared } from '../lib/share/record.ts';
import { cyclingPolicy, playEpisode } from '../../testing/shared-episode.ts';

const XSS = '<img src=x onerror=alert(1)>';
const noop = () => {};

describe('ReplayView (server render)', () => {
  it('shows a bad link as a message, escaped', () => {
    const { body } = render(ReplayView, { props: { link: { ok: false, error: `Bad ${XSS}` }, onSave: noop, onContinue: noop } });
    expect(body).toContain('This episode cannot be opened');
    expect(body).toContain('Bad &lt;img src=x onerror=alert(1)>');
    expect(body).not.toContain('<img');
  });

  it('shows the episode header while the re-run starts, with the agent label as text', async () => {
    const shared = recordToShared(await playEpisode('maze', 0, cyclingPolicy, 3, { kind: 'human', label: XSS }));
    const { body } = render(ReplayView, { props: { link: { ok: true, episode: shared }, onSave: noop, onContinue: noop } });
    expect(body).toContain('Replay · MAZE · item maze_0');
    expect(body).toContain('Re-running the episode');
    expect(body).not.toContain('<img');
  });

  it('renders a step with markup in the reply as text', async () => {
    const record = await playEpisode('maze', 0, cyclingPolicy, 3);
    const replay = await replayEpisode(recordToShared(record), openLocalEnv, '0.1.0');
    const frame = replay.frames[3]; // step 2's reply is the one carrying the <img> tag
    expect(frame.turn!.reply).toContain(XSS);
    const { body } = render(ReplayStep, { props: { frame, recordedReward: 1 } });
    expect(body).toContain('&lt;img src=x onerror=alert(1)>');
    expect(body).not.toContain('<img');
    expect(body).toContain('Recorded'); // reward 0 now vs 1 given as recorded
  });
});

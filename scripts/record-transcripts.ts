/**
 * `npm run goldens [-- env ...]`: re-record our golden transcripts (workers/envs/transcripts/<env>.json)
 * for the named envs, or every env. Run it on purpose, after bumping the
 * env's data version, when a change to what agents see is intended.
 */
import { ENVS, requireEnv } from '../workers/envs/registry.ts';
import { chooseActions, playActions, transcriptPlan, writeTranscripts } from '../testing/transcripts.ts';

const wanted = process.argv.slice(2);
for (const manifest of wanted.length ? wanted.map(requireEnv) : ENVS) {
  const episodes = [];
  for (const { item, probe } of transcriptPlan(manifest)) episodes.push(await playActions(manifest, item, await chooseActions(manifest, item, probe)));
  console.log(`${manifest.id}: ${episodes.length} episodes, ${episodes.reduce((n, e) => n + e.actions.length, 0)} steps -> ${writeTranscripts(manifest, episodes)}`);
}

import { describe, expect, it } from 'vitest';
import { academia } from '../academia/manifest.ts';
import { movie } from '../movie/manifest.ts';
import { openToolEnv } from '../testing/tool-envs.ts';
import { weather } from '../weather/manifest.ts';

/** Inputs a model may send: wrong types, missing keys, nonsense values, hostile text. */
const INPUTS = [
  '{}', '[]', '1', 'None', '"x"', "{'a': 1}", '{"latitude": "abc", "longitude": null, "start_date": 5, "end_date": []}',
  '{"latitude": 1e400, "longitude": -1e400, "current_date": "2023-02-30"}', '{"name": null}', '{"name": 3}', '{"node": ["x"]}',
  '{"graph": "Other", "node": "x"}', '{"movie_id": -1}', '{"movie_id": "12abc"}', '{"person_id": 1.5}', '{"movie_name": ""}',
  '{"answer": [1, "a", None]}', '{"answer": {"k": [True]}}', '{"air_quality_index": [1]}', '{"latitude1": "1", "longitude1": 2, "latitude2": 95, "longitude2": 0}',
  '{"x": ' + '['.repeat(300) + ']'.repeat(300) + '}', "'\\x'", '{"a": "\\uZZZZ"}',
];

describe('tool envs never throw on bad actions', () => {
  for (const spec of [weather, movie, academia]) {
    it(spec.id, async () => {
      const env = await openToolEnv(spec);
      env.reset(0);
      const tools = [...env.step('Action: check_valid_actions with Action Input: {}').observation.matchAll(/'(\w+)'/g)].map((m) => m[1]);
      expect(tools.length).toBeGreaterThan(5);
      for (const tool of [...tools.filter((t) => t !== 'finish'), 'neighborCheck', 'nope']) {
        for (const input of INPUTS) {
          const r = env.step(`Action: ${tool} with Action Input: ${input}`);
          expect(typeof r.observation, `${tool} ${input}`).toBe('string');
          expect(r.reward).toBeGreaterThanOrEqual(0);
        }
      }
      for (const input of INPUTS) env.step(`Action: finish with Action Input: ${input}`);
    });
  }
});

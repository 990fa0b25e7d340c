/**
 * Weather (AgentGym's agentenv-tool, Toolusage's weather env) on AgentGym's 343 tasks, offline.
 * AgentGym calls open-meteo's live archive, air-quality, geocoding and elevation APIs; we serve the
 * same tools, result shapes, date rules and error texts from a gazetteer (`city-timezones`) and a
 * deterministic climate model (climate.ts), so the numbers are ours, not ERA5's.
 * - Answers: where a goal template has a reference program (solutions.ts; 340 of 343 goals), the
 *   gold answer is recomputed in our world; the 3 goals with no definable answer keep AgentGym's
 *   (detail() says which: `recomputed`; weather.test.ts lists them and why).
 * - Live mode (live.ts, off by default): the network tools call open-meteo as AgentGym's do, through
 *   a backend the worker or Node side injects; scored against AgentGym's own answers.
 * - Eval split: one task per template: the first task of each template, templates taken in the
 *   order of those tasks' ids, elevation left out (our elevations are synthetic), the first 20.
 * - Geocoding returns exact name matches, then prefix matches, by population; coordinates of the
 *   daily tools are snapped to a 0.1-degree grid; distances are Vincenty's on WGS-84 (geopy uses
 *   Karney's: same to well under a metre, not to the last printed digit).
 */
import { toolModule } from '../tools/module.ts';
import { weatherLiveTools } from './live.ts';
import { solveWeather } from './solutions.ts';
import { checkHeights, Gazetteer, weatherSuite, type City } from './world.ts';

export const module = toolModule(
  'tools-weather.json',
  (d) => {
    if (!Array.isArray(d.cities)) throw new Error('tools-weather.json: no cities');
    return weatherSuite(new Gazetteer(d.cities as City[]), checkHeights(d.heights));
  },
  solveWeather,
  weatherLiveTools,
);

/**
 * Places Weather goals name that are not cities (mountain ranges, parks, summits) and small towns
 * the `city-timezones` gazetteer lacks, with their real coordinates (as published for each place,
 * rounded to 4-5 decimals). A range or region has no single point, so it is given its best-known
 * summit (the Alps: Mont Blanc; the Andes: Aconcagua); a park its visitor centre. Population 0, so a
 * city of the same name still comes first in a search.
 */
import type { City } from '../../workers/envs/weather/world.ts';

export const EXTRA_PLACES: readonly City[] = [
  // Ranges and regions, at their best-known summit.
  ['Rocky Mountains', 39.11778, -106.44528, 'US', 0], // Mount Elbert
  ['Alps', 45.8326, 6.8652, 'FR', 0], // Mont Blanc
  ['Swiss Alps', 45.93694, 7.86694, 'CH', 0], // Dufourspitze
  ['Andes Mountains', -32.6532, -70.0109, 'AR', 0], // Aconcagua
  ['Himalayas', 27.98806, 86.925, 'NP', 0], // Mount Everest
  ['Sierra Nevada Mountains', 36.5785, -118.2923, 'US', 0], // Mount Whitney
  ['Appalachian Mountains', 35.76472, -82.26528, 'US', 0], // Mount Mitchell
  ['Cascade Range', 46.8528, -121.7604, 'US', 0], // Mount Rainier
  ['Dolomites', 46.43417, 11.85083, 'IT', 0], // Marmolada
  // Summits, camps and sites.
  ['Mount Rainier', 46.8528, -121.7604, 'US', 0],
  ['Mount Kilimanjaro', -3.07583, 37.35333, 'TZ', 0],
  ['Mount Everest Base Camp', 28.0026, 86.8528, 'NP', 0], // the south base camp
  ['Everest Base Camp', 28.0026, 86.8528, 'NP', 0],
  ['Mauna Kea', 19.82067, -155.46806, 'US', 0],
  ['Machu Picchu', -13.16306, -72.54556, 'PE', 0],
  // Parks and lakes, at their visitor centre (Lake Tahoe: its centre).
  ['Grand Canyon', 36.05917, -112.10944, 'US', 0], // Grand Canyon Visitor Center, South Rim
  ['Death Valley National Park', 36.46194, -116.86667, 'US', 0], // Furnace Creek
  ['Yellowstone National Park', 44.45944, -110.82889, 'US', 0], // Old Faithful
  ['Lake Tahoe', 39.09167, -120.04167, 'US', 0],
  // Towns.
  ['Zermatt', 46.02126, 7.74912, 'CH', 0],
  ['St. Moritz', 46.49799, 9.83823, 'CH', 0],
  ['Leadville', 39.25083, -106.29250, 'US', 0],
  ['Aspen', 39.19111, -106.81750, 'US', 0],
  ['Vail', 39.64028, -106.37417, 'US', 0],
];

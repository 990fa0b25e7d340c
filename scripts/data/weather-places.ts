/**
 * Places Weather goals name that are not cities (mountain ranges, parks, summits) and small towns
 * the `city-timezones` gazetteer lacks, with their real coordinates (as published for each place,
 * rounded to 4-5 decimals). A range or region has no single point, so it is given its best-known
 * summit (the Alps: Mont Blanc; the Andes: Aconcagua); a park its visitor centre. Population 0, so a
 * city of the same name still comes first in a search. Their elevations are real too, where cities'
 * come from the synthetic terrain (climate.ts): elevation goals mostly name such places.
 */
import type { City } from '../../workers/envs/weather/world.ts';

/** Each place and its real elevation in metres (the summit's, the site's; Lake Tahoe: its surface). */
export const EXTRA_PLACES: readonly [City, number][] = [
  // Ranges and regions, at their best-known summit.
  [['Rocky Mountains', 39.11778, -106.44528, 'US', 0], 4401], // Mount Elbert
  [['Alps', 45.8326, 6.8652, 'FR', 0], 4806], // Mont Blanc
  [['Swiss Alps', 45.93694, 7.86694, 'CH', 0], 4634], // Dufourspitze
  [['Andes Mountains', -32.6532, -70.0109, 'AR', 0], 6961], // Aconcagua
  [['Himalayas', 27.98806, 86.925, 'NP', 0], 8849], // Mount Everest
  [['Sierra Nevada Mountains', 36.5785, -118.2923, 'US', 0], 4421], // Mount Whitney
  [['Appalachian Mountains', 35.76472, -82.26528, 'US', 0], 2037], // Mount Mitchell
  [['Cascade Range', 46.8528, -121.7604, 'US', 0], 4392], // Mount Rainier
  [['Dolomites', 46.43417, 11.85083, 'IT', 0], 3343], // Marmolada
  // Summits, camps and sites.
  [['Mount Rainier', 46.8528, -121.7604, 'US', 0], 4392],
  [['Mount Kilimanjaro', -3.07583, 37.35333, 'TZ', 0], 5895],
  [['Mount Everest Base Camp', 28.0026, 86.8528, 'NP', 0], 5364], // the south base camp
  [['Everest Base Camp', 28.0026, 86.8528, 'NP', 0], 5364],
  [['Mauna Kea', 19.82067, -155.46806, 'US', 0], 4207],
  [['Machu Picchu', -13.16306, -72.54556, 'PE', 0], 2430],
  // Parks and lakes, at their visitor centre (Lake Tahoe: its centre).
  [['Grand Canyon', 36.05917, -112.10944, 'US', 0], 2134], // Grand Canyon Visitor Center, South Rim
  [['Death Valley National Park', 36.46194, -116.86667, 'US', 0], -58], // Furnace Creek
  [['Yellowstone National Park', 44.45944, -110.82889, 'US', 0], 2245], // Old Faithful
  [['Lake Tahoe', 39.09167, -120.04167, 'US', 0], 1897],
  // Towns.
  [['Zermatt', 46.02126, 7.74912, 'CH', 0], 1608],
  [['St. Moritz', 46.49799, 9.83823, 'CH', 0], 1822],
  [['Leadville', 39.25083, -106.29250, 'US', 0], 3094],
  [['Aspen', 39.19111, -106.81750, 'US', 0], 2438],
  [['Vail', 39.64028, -106.37417, 'US', 0], 2484],
];

import { toolFormat, type ToolDoc } from '../tools/format.ts';

const at = { latitude: 'a number', longitude: 'a number' };
const span = { ...at, start_date: '"YYYY-MM-DD"', end_date: '"YYYY-MM-DD" (at most 30 days after start_date)' };
const day = { ...at, current_date: '"YYYY-MM-DD"' };

const TOOLS: ToolDoc[] = [
  { name: 'get_user_current_date', args: {}, does: "the user's date today." },
  { name: 'get_user_current_location', args: {}, does: "the user's city." },
  { name: 'get_latitude_longitude', args: { name: 'a place name' }, does: 'up to three places with that name and their coordinates.' },
  { name: 'get_historical_temp', args: span, does: 'daily highest, lowest and mean temperatures (°C) of past days (both dates before today).' },
  { name: 'get_temp_forecast', args: span, does: 'the same for coming days (both dates after today).' },
  { name: 'get_current_temp', args: day, does: 'the same for one day.' },
  { name: 'get_historical_rain', args: span, does: 'daily rain (mm) of past days.' },
  { name: 'get_rain_forecast', args: span, does: 'daily rain (mm) of coming days.' },
  { name: 'get_current_rain', args: day, does: 'rain (mm) of one day.' },
  { name: 'get_historical_snow', args: span, does: 'daily snowfall (cm) of past days.' },
  { name: 'get_snow_forecast', args: span, does: 'daily snowfall (cm) of coming days.' },
  { name: 'get_current_snow', args: day, does: 'snowfall (cm) of one day.' },
  { name: 'get_historical_air_quality_index', args: span, does: 'the daily PM2.5 air quality index of past days.' },
  { name: 'get_current_air_quality_index', args: day, does: 'the PM2.5 air quality index of one day.' },
  { name: 'get_air_quality_level', args: { air_quality_index: 'a number' }, does: 'the level (good ... extremely poor) of an index value.' },
  { name: 'get_elevation', args: at, does: 'the elevation (m) of a point.' },
  { name: 'get_distance', args: { latitude1: 'a number', longitude1: 'a number', latitude2: 'a number', longitude2: 'a number' }, does: 'the distance (km) between two points.' },
];

export const format = toolFormat(
  'weather-ours-1',
  'You answer questions about the weather with a set of weather tools. "Today" is the date get_user_current_date gives, and "here" is the city get_user_current_location gives.',
  TOOLS,
  'for yesterday\'s lowest temperature here, call get_user_current_location, get_latitude_longitude with {"name": "<city>"}, get_user_current_date, then get_historical_temp with the coordinates and yesterday as both dates, and finish with {"answer": <the temperature_2m_min value>}.',
);

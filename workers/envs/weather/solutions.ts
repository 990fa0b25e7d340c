/**
 * Weather's reference solutions: goal templates over AgentGym's task texts and the tool calls that
 * answer them in the offline world. A template fixes the reading of vague wording: "temperature"
 * of a day is its daily mean unless the goal says highest/lowest, a temperature "difference" within
 * a day is max - min, ties between days go to the first one named, and numbers are rounded to one
 * decimal (distances and elevations are left as the tools give them). Goals no template covers keep
 * AgentGym's answer (see the README).
 */
import { ask, asList, field, templateSolver, type Template } from '../tools/program.ts';
import { dict, floatRepr, type PyValue } from '../tools/py.ts';
import { dayNumber, isoOf } from './climate.ts';

const r1 = (x: number) => Math.round(x * 10) / 10 + 0;
const yesNo = (b: boolean) => (b ? 'Yes' : 'No');
const ORD = String.raw`(\d+)(?:st|nd|rd|th)`;

interface Place {
  latitude: PyValue;
  longitude: PyValue;
}

function* currentDate() {
  return String(yield* ask('get_user_current_date'));
}

/** A city's coordinates (the top geocoding hit); "here" is the user's location. */
function* place(name: string | null) {
  const city = name ?? String(yield* ask('get_user_current_location'));
  const top = asList(field(yield* ask('get_latitude_longitude', { name: city }), 'results'))[0];
  return { latitude: field(top, 'latitude'), longitude: field(top, 'longitude') } as Place;
}

/** A place's elevation in metres ("here" for null). */
function* elevation(name: string | null) {
  return Number(asList(field(yield* ask('get_elevation', { ...(yield* place(name)) }), 'elevation'))[0]);
}

type Kind = 'temp' | 'rain' | 'snow';
const TOOLS: Record<Kind, [string, string, string]> = {
  temp: ['get_historical_temp', 'get_current_temp', 'get_temp_forecast'],
  rain: ['get_historical_rain', 'get_current_rain', 'get_rain_forecast'],
  snow: ['get_historical_snow', 'get_current_snow', 'get_snow_forecast'],
};

/** Daily values over [from, to] (ISO dates), each part asked of the tool the date rules allow. */
function* days(kind: Kind, at: Place, from: string, to: string, today: string) {
  const [a, b, t] = [dayNumber(from), dayNumber(to), dayNumber(today)];
  const parts: [string, Record<string, PyValue>][] = [];
  const range = (x: number, y: number) => ({ ...at, start_date: isoOf(x), end_date: isoOf(y) });
  if (a < t) parts.push([TOOLS[kind][0], range(a, Math.min(b, t - 1))]);
  if (a <= t && t <= b) parts.push([TOOLS[kind][1], { ...at, current_date: today }]);
  if (b > t) parts.push([TOOLS[kind][2], range(Math.max(a, t + 1), b)]);
  const out = new Map<string, number[]>();
  for (const [tool, args] of parts) {
    const daily = field(yield* ask(tool, args), 'daily') as Map<string, PyValue>;
    for (const [k, v] of daily) if (k !== 'time') out.set(k, [...(out.get(k) ?? []), ...asList(v).map(Number)]);
  }
  return out;
}

/** One day's value of a series. */
function* one(kind: Kind, key: string, at: Place, date: string, today: string) {
  return (yield* days(kind, at, date, date, today)).get(key)![0];
}

const MEAN = 'temperature_2m_mean';
const STAT: Record<string, string> = { average: MEAN, highest: 'temperature_2m_max', lowest: 'temperature_2m_min' };
const shift = (iso: string, n: number) => isoOf(dayNumber(iso) + n);
/** The same day `n` months later (negative: earlier), or day `day` of that month. */
function monthShift(iso: string, n: number, day?: number): string {
  const months = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 + n;
  const d = String(day ?? Number(iso.slice(8, 10))).padStart(2, '0');
  return `${Math.floor(months / 12)}-${String((months % 12) + 1).padStart(2, '0')}-${d}`;
}
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, ten: 10 };
/** "3", "three" -> 3. */
const count = (s: string) => WORDS[s] ?? Number(s);
/** "3 days", "5 days", "week", "2 weeks" -> days. */
const spanDays = (s: string) => (/week/.test(s) ? 7 * (Number(/\d+/.exec(s)?.[0] ?? 1)) : Number(/\d+/.exec(s)![0]));
const N = String.raw`(\d+|two|three|four|five|six|seven|ten)`;
const CITY = String.raw`([A-Z][\w.]*(?: [A-Z][\w.]*)*)`;
const mean = (xs: number[]) => sum(xs) / xs.length;
const HERE = /^(?:your current (?:location|city)|here)$/;
const cityOrHere = (s: string) => (HERE.test(s) ? null : s);
/** A series' trend: its last day against its first. */
const trend = (v: number[]) => (v[v.length - 1] > v[0] ? 'Increasing' : v[v.length - 1] < v[0] ? 'Decreasing' : 'Stable');
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** The first given weekday (0 = Sunday) after `iso` (day 0, 1970-01-01, was a Thursday). */
const nextDay = (iso: string, weekday: number) => shift(iso, 1 + ((weekday - ((dayNumber(iso) + 4) % 7) - 1 + 14) % 7));
const nextSaturday = (iso: string) => nextDay(iso, 6);
const WEEKDAY = `(${WEEKDAYS.join('|')})`;
/** The forecast horizon open-meteo gives (16 days), which bounds a run of days counted ahead. */
const HORIZON = 16;
/** A change of a daily mean by this many °C or more is "significant" or "sudden". */
const SIGNIFICANT = 5;
/** Daily rain (mm) above which rain is "heavy", below which (and above 0) it is "light", as goals define them. */
const HEAVY = 50;
const LIGHT = 10;
/** The Sunday that ends the week (Monday to Sunday) holding `iso`. */
const weekEnd = (iso: string) => shift(iso, (7 - ((dayNumber(iso) + 4) % 7)) % 7);
/** The day `when` ("today", "tomorrow") names. */
const dayOf = (today: string, when: string) => shift(today, when === 'tomorrow' ? 1 : 0);
/** A span of days next to today: "upcoming week", "past 5 days", "next two weeks", "last month" (30 days). */
const PERIOD = String.raw`(?:upcoming|next|past|last) (?:week|month|48 hours|(?:\d+|two|three|four|five|six|seven|ten) (?:days|weeks))`;
function period(today: string, p: string): [string, string] {
  const n = /month/.test(p) ? 30 : /48 hours/.test(p) ? 2 : (/(\S+) (?:days|weeks)/.test(p) ? count(/(\S+) (?:days|weeks)/.exec(p)![1]) : 1) * (/week/.test(p) ? 7 : 1);
  return /^(?:upcoming|next)/.test(p) ? [shift(today, 1), shift(today, n)] : [shift(today, -n), shift(today, -1)];
}
interface Day {
  date: string;
  rain: number;
  snow: number;
  temp: number;
  low: number;
  high: number;
}
/** Each day of [from, to] with its rain, snow and (when asked for) mean, lowest and highest temperature. */
function* daysOf(at: Place, [from, to]: [string, string], today: string, withTemp: boolean) {
  const rain = (yield* days('rain', at, from, to, today)).get('rain_sum')!;
  const snow = (yield* days('snow', at, from, to, today)).get('snowfall_sum')!;
  const temp = withTemp ? yield* days('temp', at, from, to, today) : new Map<string, number[]>();
  return rain.map((r, i): Day => ({ date: shift(from, i), rain: r, snow: snow[i], temp: temp.get(MEAN)?.[i] ?? NaN, low: temp.get(STAT.lowest)?.[i] ?? NaN, high: temp.get(STAT.highest)?.[i] ?? NaN }));
}
/** Which days a goal's wording picks: "both rain and snow", "rain but no snow", "snowfall", ... */
function dayFilter(words: string): (d: Day) => boolean {
  if (/both|snowfall and rainfall|rain and snow/.test(words)) return (d) => d.rain > 0 && d.snow > 0;
  if (/rain but no snow/.test(words)) return (d) => d.rain > 0 && d.snow === 0;
  if (/snow but no rain/.test(words)) return (d) => d.snow > 0 && d.rain === 0;
  if (/precipitation/.test(words)) return (d) => d.rain > 0 || d.snow > 0;
  if (/snow/.test(words)) return (d) => d.snow > 0;
  return (d) => d.rain > 0;
}
const KINDS = String.raw`(both (?:rain and snow|snowfall and rainfall)|rain but no snow(?:fall)?|snow but no rain|snowfall and rainfall|snowfall|rainfall|precipitation)`;

/** Outing thresholds in °C (see the outing templates). */
const COMFORT = [10, 30];
const WARM = 20;
const CHILLY = 15;
/** A change in rainfall of this many mm or more is "significant" (not "similar"). */
const RAIN_SIGNIFICANT = 5;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const toF = (c: number) => r1((c * 9) / 5 + 32);
/** A day's precipitation in mm: rain plus snowfall's water (open-meteo: 7 cm of snow is 10 mm). */
const precip = (d: Day) => d.rain + (d.snow * 10) / 7;
/** Daily AQI over past days [from, to]. */
function* aqiSeries(at: Place, from: string, to: string) {
  return asList(field(yield* ask('get_historical_air_quality_index', { ...at, start_date: from, end_date: to }), 'daily', 'european_aqi_pm2_5')).map(Number);
}
/** One day's AQI: the historical tool before today, the current tool (which takes any date) from today on. */
function* aqiOn(at: Place, date: string, today: string) {
  if (date < today) return (yield* aqiSeries(at, date, date))[0];
  return Number(asList(field(yield* ask('get_current_air_quality_index', { ...at, current_date: date }), 'daily', 'european_aqi_pm2_5'))[0]);
}
function* aqiLevel(aqi: number) {
  return yield* ask('get_air_quality_level', { air_quality_index: BigInt(aqi) });
}

export const TEMPLATES: Template[] = [
  {
    pattern: /^What (?:was|is) the (average|highest|lowest) temperature (?:in Celsius )?yesterday\?/,
    *program([, stat]) {
      const today = yield* currentDate();
      return r1(yield* one('temp', STAT[stat], yield* place(null), shift(today, -1), today));
    },
  },
  {
    pattern: /[Ww]hat was the highest temperature (?:recorded )?on this day last year\?/,
    *program() {
      const today = yield* currentDate();
      return r1(yield* one('temp', STAT.highest, yield* place(null), monthShift(today, -12), today));
    },
  },
  {
    pattern: /(?:what's|What is) the (lowest|highest|average) temperature today\?/,
    *program([, stat]) {
      const today = yield* currentDate();
      return r1(yield* one('temp', STAT[stat], yield* place(null), today, today));
    },
  },
  {
    pattern: /(?:What is the average temperature (?:forecasted )?(?:for )?tomorrow|average temperature tomorrow according to the weather forecast|What is the forecasted average temperature for tomorrow in your current city)\?/,
    *program() {
      const today = yield* currentDate();
      return r1(yield* one('temp', MEAN, yield* place(null), shift(today, 1), today));
    },
  },
  {
    pattern: /^Is the average temperature today higher than yesterday\?/,
    *program() {
      const today = yield* currentDate();
      const at = yield* place(null);
      const t = (yield* days('temp', at, shift(today, -1), today, today)).get(MEAN)!;
      return yesNo(t[1] > t[0]);
    },
  },
  {
    pattern: new RegExp(`^Among the ${ORD}, ${ORD}, and ${ORD} of this month, which day has the (highest|lowest) average temperature\\?`),
    *program([, d1, d2, d3, which]) {
      const today = yield* currentDate();
      const at = yield* place(null);
      let best = '';
      let bestT = 0;
      for (const d of [d1, d2, d3]) {
        const date = monthShift(today, 0, Number(d));
        const t = yield* one('temp', MEAN, at, date, today);
        if (best === '' || (which === 'highest' ? t > bestT : t < bestT)) [best, bestT] = [date, t];
      }
      return best;
    },
  },
  {
    pattern: /^Which city will have a higher temperature tomorrow, (.+) or (.+)\?/,
    *program([, a, b]) {
      const today = yield* currentDate();
      const ta = yield* one('temp', MEAN, yield* place(a), shift(today, 1), today);
      const tb = yield* one('temp', MEAN, yield* place(b), shift(today, 1), today);
      return tb > ta ? b : a;
    },
  },
  {
    pattern: new RegExp(`^What is the (?:average temperature expected in ${CITY} for the next ${N} days|expected average temperature in ${CITY} for the next ${N} days|average temperature for the next ${N} days in ${CITY})\\?`),
    *program(m) {
      const city = m[1] ?? m[3] ?? m[6];
      const n = count(m[2] ?? m[4] ?? m[5]);
      const today = yield* currentDate();
      return r1(mean((yield* days('temp', yield* place(city), shift(today, 1), shift(today, n), today)).get(MEAN)!));
    },
  },
  {
    pattern: /^How many degrees Celsius will the temperature drop in (.+) tomorrow compared to today\?/,
    *program([, city]) {
      const today = yield* currentDate();
      const t = (yield* days('temp', yield* place(city), today, shift(today, 1), today)).get(MEAN)!;
      return r1(t[0] - t[1]);
    },
  },
  {
    pattern: new RegExp(`^What is the (?:temperature forecast for ${CITY} for the next ${N} days|forecasted temperature range in ${CITY} for the next ${N} days)\\?`),
    *program(m) {
      const today = yield* currentDate();
      const t = yield* days('temp', yield* place(m[1] ?? m[3]), shift(today, 1), shift(today, count(m[2] ?? m[4])), today);
      // A forecast is the daily means; a range is the lowest low and the highest high.
      return m[1] ? t.get(MEAN)!.map(r1) : [Math.min(...t.get(STAT.lowest)!), Math.max(...t.get(STAT.highest)!)];
    },
  },
  {
    pattern: /^What is the highest temperature recorded in (.+) in the last week\?/,
    *program([, city]) {
      const today = yield* currentDate();
      return Math.max(...(yield* days('temp', yield* place(city), shift(today, -7), shift(today, -1), today)).get(STAT.highest)!);
    },
  },
  {
    pattern: /^What is the current temperature in (.+) today\?/,
    *program([, city]) {
      const today = yield* currentDate();
      return r1(yield* one('temp', MEAN, yield* place(city), today, today));
    },
  },
  {
    pattern: new RegExp(`^What is the average temperature (?:expected )?in ([A-Z][\\w ]+?) on the ${ORD} of (this|next) month\\?`),
    *program([, city, d, which]) {
      const today = yield* currentDate();
      return r1(yield* one('temp', MEAN, yield* place(city), monthShift(today, which === 'next' ? 1 : 0, Number(d)), today));
    },
  },
  {
    pattern: /^What is the temperature difference between the current temperature in (.+) and the current temperature in (.+)\?/,
    *program([, a, b]) {
      const today = yield* currentDate();
      const ta = yield* one('temp', MEAN, yield* place(a), today, today);
      return r1(ta - (yield* one('temp', MEAN, yield* place(b), today, today)));
    },
  },
  {
    pattern: /^What is the temperature difference between morning and evening in (.+) today\?/,
    *program([, city]) {
      const today = yield* currentDate();
      const t = yield* days('temp', yield* place(city), today, today, today);
      return r1(t.get(STAT.highest)![0] - t.get(STAT.lowest)![0]);
    },
  },
  {
    pattern: new RegExp(`^I will be going to (.+) on a business trip on the ${ORD} of next month\\. What is the temperature difference in .+ on that day\\?`),
    *program([, city, d]) {
      const today = yield* currentDate();
      const t = yield* days('temp', yield* place(city), monthShift(today, 1, Number(d)), monthShift(today, 1, Number(d)), today);
      return r1(t.get(STAT.highest)![0] - t.get(STAT.lowest)![0]);
    },
  },
  {
    pattern: new RegExp(`^What is the total rainfall (?:in millimeters )?(?:for|over) the (?:last|past) (\\d+ days|week|2 weeks)(?: in (your current location|${CITY}))?\\?`),
    *program([, span, where]) {
      const today = yield* currentDate();
      const n = spanDays(span);
      return r1(sum((yield* days('rain', yield* place(cityOrHere(where ?? 'here')), shift(today, -n), shift(today, -1), today)).get('rain_sum')!));
    },
  },
  {
    pattern: /^What is the average rainfall for the past week\?/,
    *program() {
      const today = yield* currentDate();
      return r1(mean((yield* days('rain', yield* place(null), shift(today, -7), shift(today, -1), today)).get('rain_sum')!));
    },
  },
  {
    // The unit asked for does not change which city had more.
    pattern: new RegExp(`(higher|highest|lowest) (?:total )?(?:amount of )?rainfall(?: in (?:millimeters|inches))? over the past (week|\\d+ days): ${CITY} or ${CITY}\\?`),
    *program([, which, span, a, b]) {
      const today = yield* currentDate();
      const n = spanDays(span);
      const total = function* (city: string) {
        return sum((yield* days('rain', yield* place(city), shift(today, -n), shift(today, -1), today)).get('rain_sum')!);
      };
      const x = yield* total(a);
      const y = yield* total(b);
      return (which === 'lowest' ? y < x : y > x) ? b : a;
    },
  },
  {
    pattern: new RegExp(`^Which day had (?:more|heavier) rainfall, the (${ORD}) of last month or the (${ORD}) of last month\\?`),
    *program(m) {
      const [, first, d1, second, d2] = m;
      const today = yield* currentDate();
      const at = yield* place(null);
      const x = yield* one('rain', 'rain_sum', at, monthShift(today, -1, Number(d1)), today);
      const y = yield* one('rain', 'rain_sum', at, monthShift(today, -1, Number(d2)), today);
      // A tie is "Both" where the goal offers it, else the first day named.
      if (x === y && m.input.includes("'Both'")) return 'Both';
      return y > x ? second : first;
    },
  },
  {
    pattern: new RegExp(`forecasted to have the highest amount of rainfall in the next (\\d+) days: ${CITY} or ${CITY}\\?`),
    *program([, n, a, b]) {
      const today = yield* currentDate();
      const total = function* (city: string) {
        return sum((yield* days('rain', yield* place(city), shift(today, 1), shift(today, Number(n)), today)).get('rain_sum')!);
      };
      const x = yield* total(a);
      return (yield* total(b)) > x ? b : a;
    },
  },
  {
    pattern: /^How many days of rain(?:fall)? are (?:forecasted|expected) in the upcoming week\?/,
    *program() {
      const today = yield* currentDate();
      const rain = (yield* days('rain', yield* place(null), shift(today, 1), shift(today, 7), today)).get('rain_sum')!;
      return BigInt(rain.filter((x) => x > 0).length);
    },
  },
  {
    pattern: new RegExp(`^Which day had a greater amount of rainfall, the ${ORD} of last month or the ${ORD} of last month\\?`),
    *program([, d1, d2]) {
      const today = yield* currentDate();
      const at = yield* place(null);
      const [a, b] = [monthShift(today, -1, Number(d1)), monthShift(today, -1, Number(d2))];
      const ra = yield* one('rain', 'rain_sum', at, a, today);
      return (yield* one('rain', 'rain_sum', at, b, today)) > ra ? b : a;
    },
  },
  {
    pattern: /^Is today's rainfall higher than yesterday's\?/,
    *program() {
      const today = yield* currentDate();
      const r = (yield* days('rain', yield* place(null), shift(today, -1), today, today)).get('rain_sum')!;
      return yesNo(r[1] > r[0]);
    },
  },
  {
    pattern: /^What is the current rainfall data for today\?/,
    *program() {
      const today = yield* currentDate();
      return r1(yield* one('rain', 'rain_sum', yield* place(null), today, today));
    },
  },
  {
    pattern: new RegExp(`^What is the rainfall forecast for the ${ORD} of this month\\?`),
    *program([, d]) {
      const today = yield* currentDate();
      return r1(yield* one('rain', 'rain_sum', yield* place(null), monthShift(today, 0, Number(d)), today));
    },
  },
  {
    pattern: new RegExp(
      `^(?:What is the total snowfall expected in the next (\\d+) days(?: in (your current location|${CITY}))?|How much snowfall is forecasted for ${CITY} in the next (\\d+) days|What is the total snowfall accumulation expected in ${CITY} over the next (\\d+) days|Can you predict the total snowfall for the next (\\d+) days in (your current location))\\?`,
    ),
    *program(m) {
      const n = Number(m[1] ?? m[5] ?? m[7] ?? m[8]);
      const where = m[2] ?? m[4] ?? m[6] ?? m[9] ?? 'here';
      const today = yield* currentDate();
      const s = yield* days('snow', yield* place(cityOrHere(where)), shift(today, 1), shift(today, n), today);
      return r1(sum(s.get('snowfall_sum')!));
    },
  },
  {
    pattern:
      /(?:\bto|\bin|visiting) ((?:[A-Z][a-z.]+ ?)+?)(?= on | next | in | for |\.|\?).*(?:How far is it|the distance) from my current location|^How far is it from my current location to ((?:[A-Z][a-z.]+ ?)+?)(?= for |\?)/,
    *program([, city, to]) {
      const here = yield* place(null);
      const there = yield* place(city ?? to);
      return yield* ask('get_distance', { latitude1: here.latitude, longitude1: here.longitude, latitude2: there.latitude, longitude2: there.longitude });
    },
  },
  {
    pattern: /^(?:How much higher is the elevation in (.+) compared to (.+)\?|I'm going to (\w+) on a business trip\..*How much higher is the elevation there than here\?)/,
    *program([, a, b, trip]) {
      const h = yield* elevation(a ?? trip);
      return r1(h - (yield* elevation(b ?? null)));
    },
  },
  {
    pattern: new RegExp(`^I went to (.+) on a business trip on the ${ORD} of this month\\. How was the air quality level there that day\\?`),
    *program([, city, d]) {
      const today = yield* currentDate();
      const date = monthShift(today, 0, Number(d));
      const at = yield* place(city);
      const aqi = asList(field(yield* ask('get_historical_air_quality_index', { ...at, start_date: date, end_date: date }), 'daily', 'european_aqi_pm2_5'))[0];
      return yield* ask('get_air_quality_level', { air_quality_index: aqi });
    },
  },
  {
    pattern: new RegExp(`^What is the average temperature (?:forecast for|in) ${CITY} next week\\?`),
    *program([, city]) {
      // "Next week" is the seven days from tomorrow.
      const today = yield* currentDate();
      return r1(mean((yield* days('temp', yield* place(city), shift(today, 1), shift(today, 7), today)).get(MEAN)!));
    },
  },
  {
    pattern: new RegExp(`^What is the expected temperature range (?:in ${CITY} )?for the upcoming (week|weekend)(?: in (your current city))?\\?`),
    *program([, city, span]) {
      const today = yield* currentDate();
      const [from, to] = span === 'week' ? [shift(today, 1), shift(today, 7)] : [nextSaturday(today), shift(nextSaturday(today), 1)];
      const t = yield* days('temp', yield* place(city ?? null), from, to, today);
      return [Math.min(...t.get(STAT.lowest)!), Math.max(...t.get(STAT.highest)!)];
    },
  },
  {
    pattern: new RegExp(`^What is the temperature forecast for ${CITY} on the ${ORD} of (this|next) month\\? Please provide the answer in Celsius as an array\\.`),
    *program([, city, d, which]) {
      // One day's forecast as an array: its lowest, mean and highest.
      const today = yield* currentDate();
      const date = monthShift(today, which === 'next' ? 1 : 0, Number(d));
      const t = yield* days('temp', yield* place(city), date, date, today);
      return [STAT.lowest, MEAN, STAT.highest].map((k) => r1(t.get(k)![0]));
    },
  },
  {
    pattern: new RegExp(`^I'm planning a trip to ${CITY} on the ${ORD} of next month\\. Can you tell me if it will be warmer or colder than today in .+ on that day\\?`),
    *program([, city, d]) {
      const today = yield* currentDate();
      const at = yield* place(city);
      const now = yield* one('temp', MEAN, at, today, today);
      return (yield* one('temp', MEAN, at, monthShift(today, 1, Number(d)), today)) > now ? 'warmer' : 'colder';
    },
  },
  {
    pattern: new RegExp(`^How many (?:consecutive days of (rain|snow) are (?:expected|forecasted)|days of continuous (snow)fall are anticipated) starting from (tomorrow|the day after tomorrow) in (your current location|${CITY})\\?`),
    *program([, kind1, kind2, from, where]) {
      // Days in a row with some rain (snow) from the first day, looking ahead over the forecast horizon.
      const kind = (kind1 ?? kind2) as 'rain' | 'snow';
      const today = yield* currentDate();
      const start = shift(today, from === 'tomorrow' ? 1 : 2);
      const s = (yield* days(kind, yield* place(cityOrHere(where)), start, shift(start, HORIZON - 1), today)).get(kind === 'rain' ? 'rain_sum' : 'snowfall_sum')!;
      const run = s.findIndex((x) => x <= 0);
      return BigInt(run < 0 ? s.length : run);
    },
  },
  {
    pattern: /^(?:Will there be any rainfall during the weekend in your current location\?|What is the forecasted rainfall amount for the upcoming weekend\? Please provide the answer in millimeters in an array\.)/,
    *program(m) {
      const today = yield* currentDate();
      const sat = nextSaturday(today);
      const r = (yield* days('rain', yield* place(null), sat, shift(sat, 1), today)).get('rain_sum')!;
      return m[0].startsWith('Will') ? yesNo(r.some((x) => x > 0)) : r.map(r1);
    },
  },
  {
    pattern: new RegExp(
      `^(?:How many degrees Celsius will the temperature drop from morning to evening in ${CITY} (today|tomorrow)|What is the temperature variation between (?:sunrise and sunset|morning and night) in ${CITY} (today|tomorrow)|What is the expected temperature drop in ${CITY} from morning to evening (today|tomorrow))\\?`,
    ),
    *program(m) {
      // The swing within a day is its highest minus its lowest.
      const today = yield* currentDate();
      const date = dayOf(today, m[2] ?? m[4] ?? m[6]);
      const t = yield* days('temp', yield* place(m[1] ?? m[3] ?? m[5]), date, date, today);
      return r1(t.get(STAT.highest)![0] - t.get(STAT.lowest)![0]);
    },
  },
  {
    pattern: new RegExp(`^What is the (?:temperature )?difference (?:in temperature )?between the (highest|lowest) temperature in ${CITY} and the (highest|lowest) temperature in ${CITY} (today|tomorrow)\\?`),
    *program([, s1, a, s2, b, when]) {
      const today = yield* currentDate();
      const date = dayOf(today, when);
      const x = yield* one('temp', STAT[s1], yield* place(a), date, today);
      return r1(x - (yield* one('temp', STAT[s2], yield* place(b), date, today)));
    },
  },
  {
    pattern: new RegExp(
      `^(?:What is the current temperature (?:difference )?in ${CITY} compared to ${CITY} right now|By how many degrees Celsius will the temperature in ${CITY} exceed the temperature in ${CITY} (tomorrow))\\?`,
    ),
    *program(m) {
      const today = yield* currentDate();
      const date = dayOf(today, m[5] ?? 'today');
      const x = yield* one('temp', MEAN, yield* place(m[1] ?? m[3]), date, today);
      return r1(x - (yield* one('temp', MEAN, yield* place(m[2] ?? m[4]), date, today)));
    },
  },
  {
    pattern:
      /^(?:How does (?:the average temperature today|today's average temperature) compare to (?:the average temperature on )?the same day (last year|last month|five years ago)(?: in your current location)?\? (?:Answer|Please provide the answer) with '(\w+)', '(\w+)',? or 'same'|Is the current temperature higher than the average temperature on this day (last year)\?)/,
    *program([, back, higher, lower, yearAgo]) {
      // Compared as the tool prints them (to 0.1 °C), so "same" is a printed tie.
      const months = { 'last year': -12, 'last month': -1, 'five years ago': -60 }[(back ?? yearAgo) as 'last year'];
      const today = yield* currentDate();
      const at = yield* place(null);
      const now = yield* one('temp', MEAN, at, today, today);
      const then = yield* one('temp', MEAN, at, monthShift(today, months), today);
      if (yearAgo) return yesNo(now > then);
      return now > then ? higher : now < then ? lower : 'same';
    },
  },
  {
    pattern: new RegExp(
      `^(?:What is the temperature trend in ${CITY} for the next ${N} days\\? Please provide the answer with '(Increasing)', '(Decreasing)', or '(Stable)'|Please predict the temperature trend for ${CITY} for the next ${N} days\\. Will it be (increasing), (decreasing), or (fluctuating)\\?)`,
    ),
    *program(m) {
      const city = m[1] ?? m[6];
      const n = count(m[2] ?? m[7]);
      const [up, down, other] = m[3] ? [m[3], m[4], m[5]] : [m[8], m[9], m[10]];
      const today = yield* currentDate();
      const t = (yield* days('temp', yield* place(city), shift(today, 1), shift(today, n), today)).get(MEAN)!;
      if (other === 'Stable') {
        // The first day against the last: within the significant change it is stable.
        const d = t[t.length - 1] - t[0];
        return Math.abs(d) < SIGNIFICANT ? other : d > 0 ? up : down;
      }
      // Rising (falling) every day is a trend; anything else fluctuates.
      const steps = t.slice(1).map((x, i) => x - t[i]);
      return steps.every((d) => d > 0) ? up : steps.every((d) => d < 0) ? down : other;
    },
  },
  {
    pattern: new RegExp(
      `^(?:Is the temperature in ${CITY} expected to drop (significantly) tomorrow compared to today|Will there be a (sudden) temperature drop in ${CITY} tomorrow|Will there be a (significant) temperature drop from today to tomorrow in your current location|Is the temperature difference between today and tomorrow (significant) in your current location)\\?`,
    ),
    *program(m) {
      const today = yield* currentDate();
      const t = (yield* days('temp', yield* place(m[1] ?? m[4] ?? null), today, shift(today, 1), today)).get(MEAN)!;
      const change = t[1] - t[0];
      return yesNo(m[6] ? Math.abs(change) >= SIGNIFICANT : -change >= SIGNIFICANT);
    },
  },
  {
    pattern: new RegExp(
      `^Will there be a (?:(sudden) )?temperature (drop|increase|rise|spike) (?:in ${CITY} )?towards the end of this week(?: in your current city)?\\?`,
    ),
    *program([, sudden, change, city]) {
      // The week's end (its Sunday) against today.
      const today = yield* currentDate();
      const at = yield* place(city ?? null);
      const now = yield* one('temp', MEAN, at, today, today);
      const d = (yield* one('temp', MEAN, at, weekEnd(today), today)) - now;
      const rise = change === 'drop' ? -d : d;
      return yesNo(sudden ? rise >= SIGNIFICANT : rise > 0);
    },
  },
  {
    pattern: new RegExp(`^Will there be a (?:(significant) )?temperature increase in ${CITY} over the weekend\\?`),
    *program([, significant, city]) {
      // Sunday against Saturday of the coming weekend.
      const today = yield* currentDate();
      const sat = nextSaturday(today);
      const t = (yield* days('temp', yield* place(city), sat, shift(sat, 1), today)).get(MEAN)!;
      return yesNo(significant ? t[1] - t[0] >= SIGNIFICANT : t[1] > t[0]);
    },
  },
  {
    pattern: new RegExp(`^How many days in the (${PERIOD}) (?:are expected to have|are forecasted to have|will have|had) ${KINDS}\\?`),
    *program([, p, kind]) {
      const today = yield* currentDate();
      return BigInt((yield* daysOf(yield* place(null), period(today, p), today, false)).filter(dayFilter(kind)).length);
    },
  },
  {
    pattern: new RegExp(`^Which days in the (${PERIOD}) will (?:experience|have) ${KINDS}\\?`),
    *program([, p, kind]) {
      const today = yield* currentDate();
      return (yield* daysOf(yield* place(null), period(today, p), today, false)).filter(dayFilter(kind)).map((d) => d.date);
    },
  },
  {
    pattern: new RegExp(`^Will there be (?:a day with )?snowfall and rainfall (?:on the same day|together) (?:in the )?(${PERIOD})\\?`),
    *program([, p]) {
      const today = yield* currentDate();
      return yesNo((yield* daysOf(yield* place(null), period(today, p), today, false)).some(dayFilter('both')));
    },
  },
  {
    pattern: new RegExp(`^What is the total precipitation on the days with ${KINDS} over the (${PERIOD})\\?`),
    *program([, kind, p]) {
      // Precipitation is the rain and the snowfall of the day added as the tools print them.
      const today = yield* currentDate();
      const picked = (yield* daysOf(yield* place(null), period(today, p), today, false)).filter(dayFilter(kind));
      return r1(sum(picked.map((d) => d.rain + d.snow)));
    },
  },
  {
    pattern: new RegExp(`^What is the average temperature (?:during|for the|on) days (?:with|when) ${KINDS}(?: occur)? (?:over|in) the (${PERIOD})(?: in ${CITY})?\\?`),
    *program([, kind, p, city]) {
      // No such day: 'None'.
      const today = yield* currentDate();
      const picked = (yield* daysOf(yield* place(city ?? null), period(today, p), today, true)).filter(dayFilter(kind));
      return picked.length ? r1(mean(picked.map((d) => d.temp))) : 'None';
    },
  },
  {
    // An amount of rain (mm) or snow (cm) over a span, in the unit asked for: a total, or a daily
    // mean where the goal says "average".
    pattern: new RegExp(
      `(?:^|\\. )(?![^?]*\\bdays (?:with|when)\\b)(?:How many (?:inches|centimeters|millimeters) of (?:rain|snow)(?:fall)? |What is the (?:total |average |projected )?(?:daily )?(?:rain|snow)fall(?: per day)? )(?:(?:are|is|have been) )?(?:forecasted|expected|recorded|in inches)?[^?]*?(?:tomorrow|the (?:${PERIOD}))[^?]*\\?`,
    ),
    *program([goal]) {
      const kind = /snow/.test(goal) ? 'snow' : 'rain';
      const perUnit = /inches/.test(goal) ? (kind === 'snow' ? 2.54 : 25.4) : 1;
      const city = / in ([A-Z][\w.]*(?: [A-Z][\w.]*)*)(?:, [A-Z]\w*)?(?= over| for| in|\?)/.exec(goal)?.[1] ?? null;
      const today = yield* currentDate();
      const span = /tomorrow/.test(goal) ? ([shift(today, 1), shift(today, 1)] as [string, string]) : period(today, new RegExp(PERIOD).exec(goal)![0]);
      const v = (yield* days(kind, yield* place(city), ...span, today)).get(kind === 'snow' ? 'snowfall_sum' : 'rain_sum')!;
      return r1((/average/.test(goal) ? mean(v) : sum(v)) / perUnit);
    },
  },
  {
    // "Drops below" a temperature: the day's lowest is under it. Snow is in cm, converted as asked.
    pattern: new RegExp(
      `^What is the (total|average) snowfall (?:amount|accumulation) on days (?:with temperatures|when the temperature drops) below (freezing|(\\d+) degrees Celsius) in the (${PERIOD})\\?(?: Please provide the answer in (inches|millimeters))?`,
    ),
    *program([, agg, , degrees, p, unit]) {
      const today = yield* currentDate();
      const picked = (yield* daysOf(yield* place(null), period(today, p), today, true)).filter((d) => d.low < Number(degrees ?? 0)).map((d) => d.snow);
      const scale = unit === 'inches' ? 1 / 2.54 : unit === 'millimeters' ? 10 : 1;
      if (!picked.length) return agg === 'total' ? 0 : 'None';
      return r1((agg === 'total' ? sum(picked) : mean(picked)) * scale);
    },
  },
  {
    pattern: new RegExp(`(higher|highest|least|lowest) (?:total )?(?:amount of )?snowfall (?:over|in) the (${PERIOD}): ${CITY} or ${CITY}\\?`),
    *program([, which, p, a, b]) {
      const today = yield* currentDate();
      const total = function* (city: string) {
        return sum((yield* days('snow', yield* place(city), ...period(today, p), today)).get('snowfall_sum')!);
      };
      const x = yield* total(a);
      const y = yield* total(b);
      return (/^(?:least|lowest)$/.test(which) ? y < x : y > x) ? b : a;
    },
  },
  {
    pattern: new RegExp(
      `^(?:(?:How much is|What is) the difference in snow(?:fall)?(?: accumulation)? between ${CITY} and ${CITY} (today)|How much more snowfall is expected in ${CITY} compared to ${CITY} (tomorrow))\\?`,
    ),
    *program(m) {
      const today = yield* currentDate();
      const date = dayOf(today, m[3] ?? m[6]);
      const x = yield* one('snow', 'snowfall_sum', yield* place(m[1] ?? m[4]), date, today);
      return r1(x - (yield* one('snow', 'snowfall_sum', yield* place(m[2] ?? m[5]), date, today)));
    },
  },
  {
    pattern: new RegExp(`^How does the snowfall (?:forecast|trend) look for the (${PERIOD}) in ${CITY}(?::|\\?)`),
    *program([, p, city]) {
      const today = yield* currentDate();
      return trend((yield* days('snow', yield* place(city), ...period(today, p), today)).get('snowfall_sum')!);
    },
  },
  {
    // A place's elevation over another's; a region after a comma ("Leadville, Colorado") is dropped.
    pattern:
      /^(?:I'm considering a trip to|I'm planning a visit to|Considering a (?:trip|visit) to|Planning a trip to|Thinking of exploring|I'm interested in visiting|I heard that) (\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)*)[ ,].*How much higher is its elevation compared to (\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)*)(?:, [\p{L} ]+)?\?|What is the elevation difference between (\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)*) and (\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)*)\?/u,
    *program(m) {
      const h = yield* elevation(m[1] ?? m[3]);
      return r1(h - (yield* elevation(m[2] ?? m[4])));
    },
  },
  {
    pattern: new RegExp(
      `^How many days of (?:(heavy|light) )?rain(?:fall)? (?:\\([^)]*\\) )?(?:were recorded|are expected|are predicted) (?:in your current (?:city|location) )?(?:for )?(?:the )?(${PERIOD})(?: in your current (?:city|location))?\\?`,
    ),
    *program([, size, p]) {
      const today = yield* currentDate();
      const r = (yield* days('rain', yield* place(null), ...period(today, p), today)).get('rain_sum')!;
      const pick = size === 'heavy' ? (x: number) => x > HEAVY : size === 'light' ? (x: number) => x > 0 && x < LIGHT : (x: number) => x > 0;
      return BigInt(r.filter(pick).length);
    },
  },
  {
    pattern: /^(?:If it rains tomorrow, the sports event will be canceled\.|Do I need to bring an umbrella tomorrow\?|Will there be sporadic showers throughout the day tomorrow\?|Are there any chances of (heavy) rainfall in the next 48 hours\?)/,
    *program([, heavy]) {
      // Any rain tomorrow (within 48 hours: tomorrow and the day after, over the heavy mark).
      const today = yield* currentDate();
      const r = (yield* days('rain', yield* place(null), shift(today, 1), shift(today, heavy ? 2 : 1), today)).get('rain_sum')!;
      return yesNo(r.some((x) => x > (heavy ? HEAVY : 0)));
    },
  },
  {
    pattern: new RegExp(
      `^(?:What was the total rainfall on the ${ORD} of last month (?:in your current location|in comparison to the ${ORD} of last month)|Will there be any rainfall on the ${ORD} of next month|Is the current rainfall higher than the rainfall on the same day (last year))\\?`,
    ),
    *program([, d, than, next, lastYear]) {
      const today = yield* currentDate();
      const at = yield* place(null);
      const rain = function* (date: string) {
        return yield* one('rain', 'rain_sum', at, date, today);
      };
      if (next) return yesNo((yield* rain(monthShift(today, 1, Number(next)))) > 0);
      if (lastYear) {
        const now = yield* rain(today);
        return yesNo(now > (yield* rain(monthShift(today, -12))));
      }
      const x = yield* rain(monthShift(today, -1, Number(d)));
      if (!than) return r1(x);
      const y = yield* rain(monthShift(today, -1, Number(than)));
      return x > y ? 'higher' : x < y ? 'lower' : 'same';
    },
  },
  {
    pattern: new RegExp(
      `^(?:Is it expected to be (hotter|warmer|cooler|colder) in ${CITY} (?:compared to|than in) ${CITY} (?:on the ${ORD} of next month|next (week)|next ${WEEKDAY})|Will there be a temperature (increase) in ${CITY} compared to ${CITY} next ${WEEKDAY}|Will there be a (significant) temperature drop in ${CITY} compared to ${CITY} (tomorrow))\\?`,
    ),
    *program(m) {
      // The first city against the second: a day's mean, or the mean over next week's seven days.
      const [word, a, b, d, week, weekday] = m[1] ? m.slice(1, 7) : m[7] ? [m[7], m[8], m[9], undefined, undefined, m[10]] : [m[11], m[12], m[13]];
      const today = yield* currentDate();
      const span: [string, string] = week
        ? [shift(today, 1), shift(today, 7)]
        : d
          ? [monthShift(today, 1, Number(d)), monthShift(today, 1, Number(d))]
          : weekday
            ? [nextDay(today, WEEKDAYS.indexOf(weekday)), nextDay(today, WEEKDAYS.indexOf(weekday))]
            : [shift(today, 1), shift(today, 1)];
      const avg = function* (city: string) {
        return mean((yield* days('temp', yield* place(city), ...span, today)).get(MEAN)!);
      };
      const x = yield* avg(a);
      const y = yield* avg(b);
      if (word === 'significant') return yesNo(y - x >= SIGNIFICANT);
      if (m.input.includes("'warmer' or 'colder'")) return x > y ? 'warmer' : 'colder';
      return yesNo(/cooler|colder/.test(word) ? x < y : x > y);
    },
  },
  {
    pattern: new RegExp(`^Which city is likely to have the highest temperature next ${WEEKDAY}: ${CITY}, ${CITY}, or ${CITY}\\?`),
    *program([, weekday, ...cities]) {
      const today = yield* currentDate();
      const date = nextDay(today, WEEKDAYS.indexOf(weekday));
      let best = '';
      let bestT = 0;
      for (const c of cities) {
        const t = yield* one('temp', STAT.highest, yield* place(c), date, today);
        if (best === '' || t > bestT) [best, bestT] = [c, t];
      }
      return best;
    },
  },
  {
    pattern: new RegExp(`^What is the average of the average temperatures tomorrow in ${CITY}, ${CITY}, and ${CITY}\\?`),
    *program([, ...cities]) {
      const today = yield* currentDate();
      const t: number[] = [];
      for (const c of cities) t.push(yield* one('temp', MEAN, yield* place(c), shift(today, 1), today));
      return r1(mean(t));
    },
  },
  {
    pattern: new RegExp(`^(?:What is the average temperature expected for next ${WEEKDAY} in your current city|I'm going to ${CITY} on a business trip the day after tomorrow\\. On the day after tomorrow, is the average temperature there higher than the average temperature here)\\?`),
    *program([, weekday, city]) {
      const today = yield* currentDate();
      if (weekday) return r1(yield* one('temp', MEAN, yield* place(null), nextDay(today, WEEKDAYS.indexOf(weekday)), today));
      const there = yield* one('temp', MEAN, yield* place(city), shift(today, 2), today);
      return yesNo(there > (yield* one('temp', MEAN, yield* place(null), shift(today, 2), today)));
    },
  },
  {
    pattern: new RegExp(`^What is the (average temperature|expected high temperature|temperature forecast) (?:in|for) ${CITY} on (Christmas Day|Thanksgiving Day this year|Halloween night)\\?`),
    *program([, what, city, holiday]) {
      // This year's holiday; Thanksgiving is November's fourth Thursday.
      const today = yield* currentDate();
      const year = today.slice(0, 4);
      const date = holiday === 'Christmas Day' ? `${year}-12-25` : holiday === 'Halloween night' ? `${year}-10-31` : shift(nextDay(`${year}-10-31`, 4), 21);
      const t = yield* days('temp', yield* place(city), date, date, today);
      if (what === 'temperature forecast') return [STAT.lowest, MEAN, STAT.highest].map((k) => r1(t.get(k)![0]));
      return r1(t.get(what === 'average temperature' ? MEAN : STAT.highest)![0]);
    },
  },
  {
    pattern: new RegExp(`^What is the average temperature difference between ${CITY} and ${CITY} on Valentine's Day next year\\?`),
    *program([, a, b]) {
      const today = yield* currentDate();
      const date = `${Number(today.slice(0, 4)) + 1}-02-14`;
      const x = yield* one('temp', MEAN, yield* place(a), date, today);
      return r1(x - (yield* one('temp', MEAN, yield* place(b), date, today)));
    },
  },
  {
    pattern: /^(?:What is the current temperature trend in your current city compared to (yesterday)\? Answer with 'increasing', 'decreasing', or 'stable'|Is there a noticeable difference in temperature between morning and evening today in your current location\?)/,
    *program([, yesterday]) {
      // A change under the significant one is "stable" (not "noticeable").
      const today = yield* currentDate();
      const t = yield* days('temp', yield* place(null), shift(today, -1), today, today);
      if (!yesterday) return yesNo(t.get(STAT.highest)![1] - t.get(STAT.lowest)![1] >= SIGNIFICANT);
      const d = t.get(MEAN)![1] - t.get(MEAN)![0];
      return Math.abs(d) < SIGNIFICANT ? 'stable' : d > 0 ? 'increasing' : 'decreasing';
    },
  },
  {
    pattern: /^Which day of this month had the coldest average temperature so far in your current city\?/,
    *program() {
      const today = yield* currentDate();
      const first = monthShift(today, 0, 1);
      if (first === today) return 'None';
      const t = (yield* days('temp', yield* place(null), first, shift(today, -1), today)).get(MEAN)!;
      return shift(first, t.indexOf(Math.min(...t)));
    },
  },
  {
    pattern: new RegExp(
      `^On the ${ORD} and(?: the)? ${ORD} of (this|next) month, which days (?:will have|has) (both rain and snow|more rainfall than snowfall|higher snowfall than rainfall|higher rainfall than snowfall)\\?`,
    ),
    *program([, d1, d2, which, kind]) {
      // The two days named; rain (mm) and snow (cm) are compared as the tools print them.
      const today = yield* currentDate();
      const at = yield* place(null);
      const picked: string[] = [];
      for (const d of [d1, d2]) {
        const date = monthShift(today, which === 'next' ? 1 : 0, Number(d));
        const [day] = yield* daysOf(at, [date, date], today, false);
        if (/both/.test(kind) ? dayFilter(kind)(day) : /^(?:more|higher) rain/.test(kind) ? day.rain > day.snow : day.snow > day.rain) picked.push(date);
      }
      return picked;
    },
  },
  {
    pattern: /^Will (?:tomorrow be a rainy day with temperatures exceeding (\d+) degrees|there be any snow accumulation tomorrow along with temperatures below freezing tomorrow)\?/,
    *program([, above]) {
      const today = yield* currentDate();
      const [day] = yield* daysOf(yield* place(null), [shift(today, 1), shift(today, 1)], today, true);
      return yesNo(above ? day.rain > 0 && day.high > Number(above) : day.snow > 0 && day.low < 0);
    },
  },
  {
    pattern: new RegExp(
      `^Which (day|days) (?:in the )?(${PERIOD}) will have (the highest snowfall and rainfall combined|more rainfall than snowfall|more snowfall than rainfall|the highest combined precipitation of rain and snow|the lowest combined precipitation of rain and snow)\\?`,
    ),
    *program([, one_, p, what]) {
      // A single day: the first that qualifies, or 'None'; days: all tied for the highest (lowest).
      const today = yield* currentDate();
      const all = yield* daysOf(yield* place(null), period(today, p), today, false);
      const total = (d: Day) => d.rain + d.snow;
      if (/than/.test(what)) {
        const hit = all.find((d) => (/^more rain/.test(what) ? d.rain > d.snow : d.snow > d.rain));
        return hit?.date ?? 'None';
      }
      const best = (/lowest/.test(what) ? Math.min : Math.max)(...all.map(total));
      const tied = all.filter((d) => total(d) === best).map((d) => d.date);
      if (one_ === 'days') return tied;
      return best > 0 ? tied[0] : 'None';
    },
  },
  {
    pattern: new RegExp(`^(?:How much snowfall is expected|How many days) in the (${PERIOD}) (?:are expected to have snowfall )?and what is the total rainfall for the same period\\?`),
    *program([goal, p]) {
      // [snow total or snowy days, rain total].
      const today = yield* currentDate();
      const all = yield* daysOf(yield* place(null), period(today, p), today, false);
      const rain = r1(sum(all.map((d) => d.rain)));
      return [/^How many days/.test(goal) ? BigInt(all.filter((d) => d.snow > 0).length) : r1(sum(all.map((d) => d.snow))), rain];
    },
  },
  {
    pattern: /^What is the average rainfall for (this month so far|the first week of this month)\?/,
    *program([, which]) {
      // "So far": from the 1st to yesterday (today itself when it is the 1st).
      const today = yield* currentDate();
      const first = monthShift(today, 0, 1);
      const to = which === 'this month so far' ? (first === today ? today : shift(today, -1)) : shift(first, 6);
      return r1(mean((yield* days('rain', yield* place(null), first, to, today)).get('rain_sum')!));
    },
  },
  {
    pattern: new RegExp(`^What is the trend in rainfall over the (${PERIOD}) in your current city\\? Please provide the answer with 'Increasing', 'Decreasing', or 'Stable'`),
    *program([, p]) {
      const today = yield* currentDate();
      return trend((yield* days('rain', yield* place(null), ...period(today, p), today)).get('rain_sum')!);
    },
  },
  // Outings: a day's temperature judged for an activity. Thresholds (°C): outdoor activities want a
  // daily mean within COMFORT; a picnic afternoon a highest of WARM or more; a morning hike or an
  // evening out calls for layers or a sweater when the lowest is under CHILLY.
  {
    pattern: new RegExp(`^Is the temperature in ${CITY} today suitable for outdoor activities\\?`),
    *program([, city]) {
      const today = yield* currentDate();
      const t = yield* one('temp', MEAN, yield* place(city), today, today);
      return yesNo(t >= COMFORT[0] && t <= COMFORT[1]);
    },
  },
  {
    pattern: new RegExp(
      `^(?:Will it be warm enough for a picnic in the park this ${WEEKDAY} afternoon|Should I pack extra layers for a morning hike in the desert this ${WEEKDAY}|Should I bring a sweater for an outdoor movie night in ${CITY} next ${WEEKDAY})\\?`,
    ),
    *program([, picnic, hike, city, night]) {
      const today = yield* currentDate();
      const date = nextDay(today, WEEKDAYS.indexOf(picnic ?? hike ?? night));
      const t = yield* days('temp', yield* place(city ?? null), date, date, today);
      return yesNo(picnic ? t.get(STAT.highest)![0] >= WARM : t.get(STAT.lowest)![0] < CHILLY);
    },
  },
  {
    // An outing's temperature: the day's highest, a night's lowest, an evening's (or "average") mean.
    pattern: new RegExp(`^What (?:is|will be) the (expected|average) temperature (?:outlook )?for an? [a-zA-Z ]+? next ${WEEKDAY}( night| evening)?\\?`),
    *program(m) {
      const [, word, weekday, when] = m;
      const goal = m.input;
      const today = yield* currentDate();
      const date = nextDay(today, WEEKDAYS.indexOf(weekday));
      // "for a rooftop dinner in Los Angeles": the place named, else here.
      const city = new RegExp(` in ${CITY} next `).exec(goal)?.[1] ?? null;
      const t = yield* days('temp', yield* place(city), date, date, today);
      const c = t.get(word === 'average' || when === ' evening' ? MEAN : when === ' night' ? STAT.lowest : STAT.highest)![0];
      return /Fahrenheit/.test(goal) ? toF(c) : r1(c);
    },
  },
  {
    // The start and end of "next week" are tomorrow and the seventh day: the end's mean minus the start's.
    pattern: /^I'm planning a hiking trip next week\. What is the temperature difference between the start and end of the week\?/,
    *program() {
      const today = yield* currentDate();
      const t = (yield* days('temp', yield* place(null), shift(today, 1), shift(today, 7), today)).get(MEAN)!;
      return r1(t[6] - t[0]);
    },
  },
  {
    // Each of the next three days' mean minus today's.
    pattern: /^What is the projected temperature increase over the next three days in your current location\?/,
    *program() {
      const today = yield* currentDate();
      const t = (yield* days('temp', yield* place(null), today, shift(today, 3), today)).get(MEAN)!;
      return t.slice(1).map((x) => r1(x - t[0]));
    },
  },
  {
    // Cooling: the seventh day's mean is a significant drop from tomorrow's.
    pattern: /^Is there a noticeable cooling trend expected over the next week in your current city\?/,
    *program() {
      const today = yield* currentDate();
      const t = (yield* days('temp', yield* place(null), shift(today, 1), shift(today, 7), today)).get(MEAN)!;
      return yesNo(t[0] - t[6] >= SIGNIFICANT);
    },
  },
  {
    // "For this time of year": the mean of last year's daily means from 15 days before to 15 after.
    pattern: new RegExp(`^How many degrees Celsius is the current temperature in ${CITY} above the average temperature for this time of year\\?`),
    *program([, city]) {
      const today = yield* currentDate();
      const at = yield* place(city);
      const now = yield* one('temp', MEAN, at, today, today);
      const lastYear = monthShift(today, -12);
      return r1(now - mean((yield* days('temp', at, shift(lastYear, -15), shift(lastYear, 15), today)).get(MEAN)!));
    },
  },
  {
    // This year's month: [mean of the daily lows, mean of the daily highs].
    pattern: new RegExp(`^What is the average temperature range for ${CITY} during the month of (${MONTHS.join('|')})\\?`),
    *program([, city, month]) {
      const today = yield* currentDate();
      const from = `${today.slice(0, 4)}-${String(MONTHS.indexOf(month) + 1).padStart(2, '0')}-01`;
      const t = yield* days('temp', yield* place(city), from, shift(monthShift(from, 1), -1), today);
      return [r1(mean(t.get(STAT.lowest)!)), r1(mean(t.get(STAT.highest)!))];
    },
  },
  {
    // A rise on a day: its mean minus the day before's; the largest rise wins, ties to the first named.
    pattern: new RegExp(`^Which city is likely to experience a temperature rise on ${WEEKDAY}: ${CITY}, ${CITY}, or ${CITY}\\?`),
    *program([, weekday, ...cities]) {
      const today = yield* currentDate();
      const date = nextDay(today, WEEKDAYS.indexOf(weekday));
      let best = '';
      let bestRise = 0;
      for (const c of cities) {
        const t = (yield* days('temp', yield* place(c), shift(date, -1), date, today)).get(MEAN)!;
        if (best === '' || t[1] - t[0] > bestRise) [best, bestRise] = [c, t[1] - t[0]];
      }
      return best;
    },
  },
  {
    // "Next weekend" is the coming Saturday and Sunday; "in the mountains" names no place, so here.
    pattern: /^What (?:is the temperature forecast for hiking in the mountains next weekend|will be the temperature range for a camping trip in the mountains next week)\?/,
    *program({ input: goal }) {
      const today = yield* currentDate();
      const weekend = /weekend/.test(goal);
      const span: [string, string] = weekend ? [nextSaturday(today), shift(nextSaturday(today), 1)] : [shift(today, 1), shift(today, 7)];
      const t = yield* days('temp', yield* place(null), ...span, today);
      return weekend ? t.get(MEAN)!.map(r1) : [Math.min(...t.get(STAT.lowest)!), Math.max(...t.get(STAT.highest)!)];
    },
  },
  {
    pattern: new RegExp(`^What is the average temperature in ${CITY} and ${CITY} for the upcoming weekend\\?`),
    *program([, a, b]) {
      const today = yield* currentDate();
      const sat = nextSaturday(today);
      const out: number[] = [];
      for (const c of [a, b]) out.push(r1(mean((yield* days('temp', yield* place(c), sat, shift(sat, 1), today)).get(MEAN)!)));
      return out;
    },
  },
  {
    // The heatwave is not a named span: the highest of the next seven days' highs.
    pattern: new RegExp(`^What is the highest temperature recorded in ${CITY} during the upcoming heatwave next week\\?`),
    *program([, city]) {
      const today = yield* currentDate();
      return Math.max(...(yield* days('temp', yield* place(city), shift(today, 1), shift(today, 7), today)).get(STAT.highest)!);
    },
  },
  {
    // Rain "compared to" another time: the past seven days' total against the same seven days a year
    // (a month, a week) before. "Significant" or not "similar" is a difference of RAIN_SIGNIFICANT mm
    // or more; "any rainfall in comparison" reads as more rain than then.
    pattern:
      /^(?:Has there been any rainfall in the past week in comparison to the same week last year|Is there a (?:pattern|trend) of increasing or decreasing rainfall compared to this time last (year|month)|Has there been any significant increase in rainfall compared to (last week)|How does the current location's rainfall compare to the same time last (year))\?/,
    *program(m) {
      const [, than, lastWeek, lastYear] = m;
      const goal = m.input;
      const today = yield* currentDate();
      const at = yield* place(null);
      const start = lastWeek ? shift(today, -7) : monthShift(today, than === 'month' ? -1 : -12);
      const total = function* (from: string) {
        return sum((yield* days('rain', at, shift(from, -7), shift(from, -1), today)).get('rain_sum')!);
      };
      const now = yield* total(today);
      const d = now - (yield* total(start));
      if (lastWeek) return yesNo(d >= RAIN_SIGNIFICANT);
      if (lastYear) return Math.abs(d) < RAIN_SIGNIFICANT ? 'Similar' : d > 0 ? 'Higher' : 'Lower';
      if (than) return Math.abs(d) < RAIN_SIGNIFICANT ? (than === 'year' ? 'No Pattern' : 'No Trend') : d > 0 ? 'Increasing' : 'Decreasing';
      return yesNo(/any rainfall/.test(goal) && d > 0);
    },
  },
  {
    pattern: /^Is the current rainfall significantly different from the rainfall on this day two years ago\?/,
    *program() {
      const today = yield* currentDate();
      const at = yield* place(null);
      const now = yield* one('rain', 'rain_sum', at, today, today);
      return yesNo(Math.abs(now - (yield* one('rain', 'rain_sum', at, monthShift(today, -24), today))) >= RAIN_SIGNIFICANT);
    },
  },
  {
    pattern: /^What is the highest recorded rainfall amount in the past 5 years on this day\?/,
    *program() {
      // This day in each of the five years before this one.
      const today = yield* currentDate();
      const at = yield* place(null);
      const r: number[] = [];
      for (let y = 1; y <= 5; y++) r.push(yield* one('rain', 'rain_sum', at, monthShift(today, -12 * y), today));
      return r1(Math.max(...r));
    },
  },
  {
    // Our world's forecast is certain: the chance is 100% when it forecasts rain that day, else 0%.
    pattern: new RegExp(`^What is the percentage chance of rainfall on the ${ORD} of next month\\?`),
    *program([, d]) {
      const today = yield* currentDate();
      return (yield* one('rain', 'rain_sum', yield* place(null), monthShift(today, 1, Number(d)), today)) > 0 ? '100%' : '0%';
    },
  },
  {
    // This week runs Monday to Sunday; today's rain against the mean over its seven days.
    pattern: /^Is the rainfall today higher than the average rainfall for this week in your current location\?/,
    *program() {
      const today = yield* currentDate();
      const end = weekEnd(today);
      const r = (yield* days('rain', yield* place(null), shift(end, -6), end, today)).get('rain_sum')!;
      return yesNo(r[dayNumber(today) - dayNumber(end) + 6] > mean(r));
    },
  },
  {
    // Two cities over the next 30 days (the longest run of rainy days) or tomorrow (the day's rain:
    // the hourly rate is it over 24 hours); ties go to the first named.
    pattern: new RegExp(`^Which city is (?:likely to experience the most consecutive days of rain in the next month|expected to have the highest hourly rainfall rate tomorrow): ${CITY} or ${CITY}\\?`),
    *program(m) {
      const [, a, b] = m;
      const goal = m.input;
      const today = yield* currentDate();
      const month = /next month/.test(goal);
      const score = function* (city: string) {
        const r = (yield* days('rain', yield* place(city), shift(today, 1), shift(today, month ? 30 : 1), today)).get('rain_sum')!;
        if (!month) return r[0];
        let [run, best] = [0, 0];
        for (const x of r) [run, best] = x > 0 ? [run + 1, Math.max(best, run + 1)] : [0, best];
        return best;
      };
      const x = yield* score(a);
      return (yield* score(b)) > x ? b : a;
    },
  },
  {
    // The named day in each of the three years before this one; 'Same' when the most is shared.
    pattern: new RegExp(`^Which year in the previous 3 years had the most snowfall on (${MONTHS.join('|')}) ${ORD}\\?`),
    *program([, month, d]) {
      const today = yield* currentDate();
      const at = yield* place(null);
      const year = Number(today.slice(0, 4));
      const snow: [number, number][] = [];
      for (let y = year - 1; y >= year - 3; y--) {
        const date = `${y}-${String(MONTHS.indexOf(month) + 1).padStart(2, '0')}-${d.padStart(2, '0')}`;
        snow.push([y, yield* one('snow', 'snowfall_sum', at, date, today)]);
      }
      const most = Math.max(...snow.map(([, s]) => s));
      const top = snow.filter(([, s]) => s === most);
      return top.length > 1 ? 'Same' : String(top[0][0]);
    },
  },
  {
    // A place a trip goes to, its elevation minus here's (or the named city's).
    pattern:
      /^(?:I'm (?:planning a (?:hiking )?trip to|considering visiting|considering a visit to|thinking of traveling to|thinking of exploring)|Planning a trip to [A-Z]\w+, specifically to) (?:the )?(\p{Lu}\p{L}*(?: \p{Lu}\p{L}*)*)[ ,.].*(?:compared to|between there and|differ from|compare to) (my current location|where I am now|\p{Lu}\p{L}*(?: \p{Lu}\p{L}*)*)[?.]/u,
    *program([, there, here]) {
      const h = yield* elevation(there);
      return r1(h - (yield* elevation(/^(?:my current location|where I am now)$/.test(here) ? null : here)));
    },
  },
  {
    // The AQI on a day: the historical tool before today, the current tool (any date) from today on.
    pattern: new RegExp(`^I'm going to ${CITY} on a business trip on the ${ORD}\\. .*Is the air quality level there the same as here today\\?`),
    *program([, city, d]) {
      const today = yield* currentDate();
      const there = yield* aqiLevel(yield* aqiOn(yield* place(city), monthShift(today, 0, Number(d)), today));
      return yesNo(there === (yield* aqiLevel(yield* aqiOn(yield* place(null), today, today))));
    },
  },
  {
    // Better is a lower index (European AQI); over past days, the lower mean; ties to the first named.
    pattern: new RegExp(`^Which city has the better air quality index (today|in the past three days): ${CITY}, ${CITY} or ${CITY}\\?`),
    *program([, when, ...cities]) {
      const today = yield* currentDate();
      let best = '';
      let bestAqi = 0;
      for (const c of cities) {
        const at = yield* place(c);
        const aqi = when === 'today' ? yield* aqiOn(at, today, today) : mean(yield* aqiSeries(at, shift(today, -3), shift(today, -1)));
        if (best === '' || aqi < bestAqi) [best, bestAqi] = [c, aqi];
      }
      return best;
    },
  },
  {
    // "Will be suitable": that day's level. "Usually/generally good during that time of year (season)":
    // the level of last year's mean over the 31 days from the visit's date (today for "next spring",
    // the 1st for "next month"), rounded to a whole index; "an estimate ... as a range": [min, max].
    pattern: new RegExp(
      `^I (?:am|will be) (?:planning a hiking trip to|visiting|attending a music festival in|traveling to|a nature photographer planning a trip to) ${CITY} (?:for a [a-z ]+ )?(in (two|three) weeks|next spring|next month|next summer)\\. .*air quality`,
    ),
    *program(m) {
      const [, city, , weeks] = m;
      const goal = m.input;
      const today = yield* currentDate();
      const at = yield* place(city);
      const visit = weeks ? shift(today, 7 * count(weeks)) : /next month/.test(goal) ? monthShift(today, 1, 1) : today;
      if (/will be suitable/.test(goal)) return yield* aqiLevel(yield* aqiOn(at, visit, today));
      const from = monthShift(visit, -12);
      const aqi = yield* aqiSeries(at, from, shift(from, 30));
      if (/as a range/.test(goal)) return [BigInt(Math.min(...aqi)), BigInt(Math.max(...aqi))];
      return yield* aqiLevel(Math.round(mean(aqi)));
    },
  },
  {
    // Precipitation is rain plus snowfall's water (open-meteo: 7 cm of snow is 10 mm of water). "Total
    // precipitation and rainfall (snowfall)" asked as an array is [precipitation, rain (snow)]; as
    // "a number", the precipitation alone.
    pattern: new RegExp(
      `^What is the total precipitation (?:and (rainfall|snowfall) )?(?:for|over) (?:the )?(tomorrow|${PERIOD}|past \\d+ days)(?: and how much (snowfall) is expected in the same period)?\\?`,
    ),
    *program(m) {
      const [, kind1, p, kind2] = m;
      const goal = m.input;
      const today = yield* currentDate();
      const span: [string, string] = p === 'tomorrow' ? [shift(today, 1), shift(today, 1)] : period(today, p.replace(/^past (\d+) days$/, 'past $1 days'));
      const all = yield* daysOf(yield* place(null), span, today, false);
      const precipitation = r1(sum(all.map(precip)));
      if (/a number/.test(goal)) return precipitation;
      return [precipitation, r1(sum(all.map((d) => ((kind1 ?? kind2) === 'rainfall' ? d.rain : d.snow))))];
    },
  },
  {
    pattern: /^What is the forecasted snowfall and rainfall for the upcoming week\? Please provide the answer in the form of a list of tuples/,
    *program() {
      // Each day as [date, snow, rain], numbers written as Python's str() writes them.
      const today = yield* currentDate();
      const all = yield* daysOf(yield* place(null), [shift(today, 1), shift(today, 7)], today, false);
      return all.map((d) => [d.date, floatRepr(d.snow), floatRepr(d.rain)]);
    },
  },
  {
    pattern: new RegExp(`^What is the forecast for both snowfall and rainfall on the ${ORD} of next month\\?`),
    *program([, d]) {
      const today = yield* currentDate();
      const date = monthShift(today, 1, Number(d));
      const [day] = yield* daysOf(yield* place(null), [date, date], today, false);
      return [day.snow, day.rain];
    },
  },
  {
    pattern: /^What is the current snowfall data and how much rain is expected in the next 2 days\?/,
    *program() {
      const today = yield* currentDate();
      const at = yield* place(null);
      const snow = yield* one('snow', 'snowfall_sum', at, today, today);
      return [snow, r1(sum((yield* days('rain', at, shift(today, 1), shift(today, 2), today)).get('rain_sum')!))];
    },
  },
  {
    // Lowest temperature and highest snowfall combined: the day with the most snow (cm) minus its
    // lowest (°C), first of ties. "Next month" is the calendar month after this one; 'None' without snow.
    pattern: /^Which day (in the next 10 days will have the lowest temperature and highest snowfall combined|next month will have the most snowfall)\?/,
    *program([, what]) {
      const today = yield* currentDate();
      const combined = /combined/.test(what);
      const first = monthShift(today, 1, 1);
      const span: [string, string] = combined ? [shift(today, 1), shift(today, 10)] : [first, shift(monthShift(first, 1), -1)];
      const all = yield* daysOf(yield* place(null), span, today, combined);
      const score = (d: Day) => (combined ? d.snow - d.low : d.snow);
      const best = all.reduce((a, b) => (score(b) > score(a) ? b : a));
      return combined || best.snow > 0 ? best.date : 'None';
    },
  },
  {
    // The next 3 days' means and their rainy days, in the shape AgentGym's answer uses.
    pattern: /^What is the (?:forecasted temperature for the next 3 days and how many days are expected to have rain showers|expected rainfall and temperature for the next 3 days)\?/,
    *program({ input: goal }) {
      const today = yield* currentDate();
      const all = yield* daysOf(yield* place(null), [shift(today, 1), shift(today, 3)], today, true);
      if (/rain showers/.test(goal)) return dict({ temperatures: all.map((d) => r1(d.temp)), rainy_days: BigInt(all.filter((d) => d.rain > 0).length) });
      return dict({ rainfall: all.map((d) => d.rain), temperature: all.map((d) => toF(d.temp)) });
    },
  },
  {
    // The coming Saturday and Sunday (a long weekend: and the Monday after): snow in inches and
    // the mean temperature; or each day's rain and mean.
    pattern: /^(?:What is the forecasted snowfall amount and temperature for the upcoming weekend|Can you forecast the temperature and rainfall for the upcoming long weekend)\?/,
    *program({ input: goal }) {
      const today = yield* currentDate();
      const sat = nextSaturday(today);
      const long = /long weekend/.test(goal);
      const all = yield* daysOf(yield* place(null), [sat, shift(sat, long ? 2 : 1)], today, true);
      if (long) return [all.map((d) => d.rain), all.map((d) => r1(d.temp))];
      return [r1(sum(all.map((d) => d.snow)) / 2.54), r1(mean(all.map((d) => d.temp)))];
    },
  },
  {
    // Snow and rain on a day (Christmas Day, Halloween) or within the next 48 hours (tomorrow and the day after).
    pattern: /^(?:Can you predict if there will be snow and rain on (Christmas Day) this year|Will there be any snowfall and rain showers on (Halloween) this year|Will there be any snow accumulation and rainfall in the next 48 hours)\?/,
    *program([, xmas, halloween]) {
      const today = yield* currentDate();
      const year = today.slice(0, 4);
      const span: [string, string] = xmas ? [`${year}-12-25`, `${year}-12-25`] : halloween ? [`${year}-10-31`, `${year}-10-31`] : [shift(today, 1), shift(today, 2)];
      const all = yield* daysOf(yield* place(null), span, today, false);
      return yesNo(all.some((d) => d.snow > 0) && all.some((d) => d.rain > 0));
    },
  },
  {
    // Days picked by weather over a past span: "temperatures above/below X" is the daily mean; the
    // answer when no day qualifies is the one the goal offers ('No snowfall'), else 'None'.
    pattern: new RegExp(
      `^(?:What is the (highest|average|maximum) temperature (?:recorded on|during) (days with both snowfall and rainfall|snowfall events|days when snowfall exceeds (\\d+) centimeters) in the (${PERIOD})|What is the total precipitation on days with snowfall and temperatures above (\\d+) degrees Celsius in the (${PERIOD})|How many days in the (${PERIOD}) (?:had|experienced) both rain and temperatures (below|above) (\\d+) degrees Celsius|On days with both rain and snow, what is the difference between the maximum and minimum temperatures over the (${PERIOD}))\\?`,
    ),
    *program(m) {
      const goal = m.input;
      const p = m[4] ?? m[6] ?? m[7] ?? m[10];
      const today = yield* currentDate();
      const all = yield* daysOf(yield* place(null), period(today, p), today, true);
      const offered = /Please provide the answer with '[^']*' or '([^']*)'|Please provide the answer with '([^']*)'\./.exec(goal);
      const none = offered?.[1] ?? offered?.[2] ?? 'None';
      if (m[8]) return BigInt(all.filter((d) => d.rain > 0 && (m[8] === 'below' ? d.temp < Number(m[9]) : d.temp > Number(m[9]))).length);
      if (m[5]) return r1(sum(all.filter((d) => d.snow > 0 && d.temp > Number(m[5])).map(precip)));
      if (m[10]) {
        const both = all.filter((d) => d.rain > 0 && d.snow > 0);
        if (!both.length) return none;
        const spread = Math.max(...both.map((d) => d.high)) - Math.min(...both.map((d) => d.low));
        return r1(/Fahrenheit/.test(goal) ? spread * 1.8 : spread);
      }
      const picked = all.filter(m[3] ? (d) => d.snow > Number(m[3]) : /both/.test(m[2]) ? (d) => d.snow > 0 && d.rain > 0 : (d) => d.snow > 0);
      if (!picked.length) return none;
      return m[1] === 'average' ? r1(mean(picked.map((d) => d.temp))) : Math.max(...picked.map((d) => d.high));
    },
  },
];


export const solveWeather = templateSolver(TEMPLATES);

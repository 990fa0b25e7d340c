/**
 * The offline weather: a deterministic climate model standing in for open-meteo's ERA5 archive,
 * air-quality and elevation APIs. Values are a pure function of a 0.1-degree grid cell and a date,
 * so any place and day can be asked for and every run agrees:
 * - elevation: smooth value noise over the globe (0 m on about half of it, up to ~1,600 m);
 * - daily mean temperature: an annual mean falling with latitude and elevation (6.5 C/km), a
 *   seasonal cycle whose amplitude grows with latitude (coldest mid-January in the north, mid-July
 *   in the south), and a weather anomaly that persists over a few days;
 * - daily max/min around it with a seeded diurnal range; precipitation on a seeded share of days,
 *   as rain above 1 C, as snow (cm, 0.7 per mm) below it;
 * - PM2.5 European AQI at noon, from a smooth regional level plus daily noise.
 * Plausible for a city's latitude and season, not real: answers are recomputed from it.
 */

/** Grid step of the archive, in degrees; the API reports the cell's centre as the coordinates. */
export const GRID = 0.1;

export function snap(deg: number): number {
  return Math.round(Math.round(deg / GRID) * GRID * 1e6) / 1e6;
}

/** A 32-bit integer hash of a few integers, as a float in [0, 1). */
function hash(...xs: number[]): number {
  let h = 0x9e3779b9;
  for (const x of xs) {
    h = Math.imul(h ^ (x | 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return (h >>> 0) / 4294967296;
}

/** Smooth 2-D value noise in [0, 1) at `scale` degrees per lattice step. */
function valueNoise(lat: number, lon: number, scale: number, channel: number): number {
  const y = lat / scale;
  const x = lon / scale;
  const y0 = Math.floor(y);
  const x0 = Math.floor(x);
  const fy = smooth(y - y0);
  const fx = smooth(x - x0);
  const v = (i: number, j: number) => hash(channel, y0 + i, x0 + j);
  return (v(0, 0) * (1 - fx) + v(0, 1) * fx) * (1 - fy) + (v(1, 0) * (1 - fx) + v(1, 1) * fx) * fy;
}

const smooth = (t: number) => t * t * (3 - 2 * t);
const round1 = (x: number) => Math.round(x * 10) / 10;

/** Elevation in metres of the cell at (lat, lon), whole metres as open-meteo's DEM gives. */
export function elevation(lat: number, lon: number): number {
  const n = valueNoise(lat, lon, 3, 1) * 0.7 + valueNoise(lat, lon, 0.7, 2) * 0.3;
  return Math.max(0, Math.round((n - 0.45) * 3000));
}

export interface Day {
  tMax: number;
  tMin: number;
  tMean: number;
  /** mm */
  rain: number;
  /** cm */
  snow: number;
  /** European AQI from PM2.5 at 12:00 GMT. */
  aqi: number;
}

/** Days since 1970-01-01 of an ISO date (UTC). */
export function dayNumber(iso: string): number {
  return Math.round(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000);
}

export function isoOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** The weather of one snapped cell on one day. */
export function weatherOn(lat: number, lon: number, day: number): Day {
  const cy = Math.round(lat / GRID);
  const cx = Math.round(lon / GRID);
  const abs = Math.abs(lat);
  const annual = 28.5 - 0.0072 * abs * abs - 0.0065 * elevation(lat, lon);
  const amplitude = 0.5 + 0.2 * abs;
  const phase = (2 * Math.PI * (day - 15 + (lat < 0 ? 182 : 0))) / 365.25;
  // A persistent anomaly: today's noise plus decaying echoes of the previous days'.
  let anomaly = 0;
  for (let k = 0; k < 5; k++) anomaly += (hash(cy, cx, day - k, 3) - 0.5) * 7 * 0.6 ** k;
  const mean = annual - amplitude * Math.cos(phase) + anomaly;
  const range = 5 + 9 * hash(cy, cx, day, 4);
  const tMax = round1(mean + range / 2);
  const tMin = round1(mean - range / 2);
  const tMean = round1((tMax + tMin) / 2 + (hash(cy, cx, day, 5) - 0.5));
  const wet = hash(cy, cx, day, 6) < 0.25 + 0.15 * valueNoise(lat, lon, 5, 7);
  const precip = wet ? -Math.log(1 - hash(cy, cx, day, 8)) * 6 : 0;
  const rain = tMean > 1 ? round1(precip) : 0;
  const snow = tMean <= 1 ? round1(precip * 0.7) : 0;
  const aqi = Math.max(1, Math.round(6 + 25 * valueNoise(lat, lon, 2, 10) + 30 * hash(cy, cx, day, 9) ** 2));
  return { tMax, tMin, tMean, rain, snow, aqi };
}

/** Geodesic distance in km on the WGS-84 ellipsoid (Vincenty's inverse formula, as geopy's geodesic to ~1 mm). */
export function geodesicKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const a = 6378137;
  const f = 1 / 298.257223563;
  const b = a * (1 - f);
  const rad = Math.PI / 180;
  const L = (lon2 - lon1) * rad;
  const U1 = Math.atan((1 - f) * Math.tan(lat1 * rad));
  const U2 = Math.atan((1 - f) * Math.tan(lat2 * rad));
  const [sinU1, cosU1, sinU2, cosU2] = [Math.sin(U1), Math.cos(U1), Math.sin(U2), Math.cos(U2)];
  let lambda = L;
  let sinSigma = 0;
  let cosSigma = 1;
  let sigma = 0;
  let cos2Alpha = 1;
  let cos2SigmaM = 0;
  for (let i = 0; i < 200; i++) {
    const sinL = Math.sin(lambda);
    const cosL = Math.cos(lambda);
    sinSigma = Math.hypot(cosU2 * sinL, cosU1 * sinU2 - sinU1 * cosU2 * cosL);
    if (sinSigma === 0) return 0;
    cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosL;
    sigma = Math.atan2(sinSigma, cosSigma);
    const sinAlpha = (cosU1 * cosU2 * sinL) / sinSigma;
    cos2Alpha = 1 - sinAlpha * sinAlpha;
    cos2SigmaM = cos2Alpha === 0 ? 0 : cosSigma - (2 * sinU1 * sinU2) / cos2Alpha;
    const C = (f / 16) * cos2Alpha * (4 + f * (4 - 3 * cos2Alpha));
    const prev = lambda;
    lambda = L + (1 - C) * f * sinAlpha * (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
    if (Math.abs(lambda - prev) < 1e-12) break;
  }
  const u2 = (cos2Alpha * (a * a - b * b)) / (b * b);
  const A = 1 + (u2 / 16384) * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)));
  const B = (u2 / 1024) * (256 + u2 * (-128 + u2 * (74 - 47 * u2)));
  const dSigma = B * sinSigma * (cos2SigmaM + (B / 4) * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM) - (B / 6) * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
  return (b * A * (sigma - dSigma)) / 1000;
}

/** Each generator returns { fileName: content } for static-data/. One line per data set. */
import { academiaData } from './academia.ts';
import { movieData } from './movie.ts';
import { textcraftData } from './textcraft.ts';
import { weatherData } from './weather.ts';
import { wordleData } from './wordle.ts';

export type DataGenerator = () => Record<string, string>;

export const GENERATORS: DataGenerator[] = [
  wordleData,
  textcraftData,
  academiaData,
  weatherData,
  movieData,
];

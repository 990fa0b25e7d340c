/** Each generator returns { fileName: content } for static-data/. One line per data set. */
import { academiaData } from './academia.ts';
import { movieData } from './movie.ts';
import { birdData } from './bird.ts';
import { alfworldData } from './alfworld.ts';
import { sheetData } from './sheet.ts';
import { todoData } from './todo.ts';
import { textcraftData } from './textcraft.ts';
import { weatherData } from './weather.ts';
import { webshopData } from './webshop.ts';
import { wordleData } from './wordle.ts';

/** File name (under static-data/, may hold a folder) -> text or binary content. */
export type DataFiles = Record<string, string | Uint8Array>;

export type DataGenerator = () => DataFiles | Promise<DataFiles>;

export const GENERATORS: DataGenerator[] = [
  wordleData,
  textcraftData,
  academiaData,
  weatherData,
  movieData,
  birdData,
  webshopData,
  alfworldData,
  todoData,
  sheetData,
];

/** Each generator returns { fileName: content } for static-data/. One line per data set. */
import { textcraftData } from './textcraft.ts';
import { webshopData } from './webshop.ts';
import { wordleData } from './wordle.ts';

export type DataGenerator = () => Record<string, string>;

export const GENERATORS: DataGenerator[] = [
  wordleData,
  textcraftData,
  webshopData,
];

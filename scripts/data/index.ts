/** Each generator returns { fileName: content } for static-data/. One line per data set. */
import { alfworldData } from './alfworld.ts';
import { textcraftData } from './textcraft.ts';
import { wordleData } from './wordle.ts';

export type DataGenerator = () => Record<string, string>;

export const GENERATORS: DataGenerator[] = [
  wordleData,
  textcraftData,
  alfworldData,
];

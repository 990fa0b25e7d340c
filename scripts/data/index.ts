/** Each generator returns { fileName: content } for static-data/. One line per data set. */
import { textcraftData } from './textcraft.ts';

export type DataGenerator = () => Record<string, string>;

export const GENERATORS: DataGenerator[] = [];
GENERATORS.push(textcraftData);

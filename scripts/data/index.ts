/** Each generator returns { fileName: content } for static-data/. One line per data set. */
export type DataGenerator = () => Record<string, string>;

export const GENERATORS: DataGenerator[] = [];

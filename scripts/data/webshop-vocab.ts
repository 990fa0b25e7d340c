/**
 * Word pools for the built-in WebShop catalogue: per category, the department name, option
 * names and values, price ranges and description phrasing, in the style of WebShop's Amazon data.
 */

export type Category = 'beauty' | 'food' | 'electronics' | 'fashion' | 'furniture';

export interface OptionPool {
  /** As in WebShop's data (lower-cased by its loader). */
  name: string;
  values: readonly string[];
}

export interface CategoryVocab {
  department: string;
  /** Low and high of a product's price, in dollars. */
  price: [number, number];
  /** Options a product may have; each product takes one to two of them. */
  options: readonly OptionPool[];
  /** Phrases for descriptions and bullet points. */
  uses: readonly string[];
}

const COLORS = [
  'black', 'white', 'navy', 'red', 'blue', 'gray', 'pink', 'green', 'beige', 'brown', 'khaki', 'purple',
  'light blue', 'dark gray', 'rose gold', 'black/white', 'ivory', 'teal', 'burgundy', 'olive', 'yellow', 'silver',
];

export const VOCAB: Record<Category, CategoryVocab> = {
  beauty: {
    department: 'Beauty & Personal Care',
    price: [4, 60],
    options: [
      { name: 'Size', values: ['1 Fl Oz (Pack of 1)', '1.7 Fl Oz', '3.4 Fl Oz', '8 Fl Oz (Pack of 2)', '16 Ounce', 'travel size', '2 Count', '6 Count'] },
      { name: 'Scent', values: ['lavender', 'unscented', 'coconut', 'vanilla', 'tea tree', 'citrus', 'rose', 'eucalyptus mint'] },
      { name: 'Color', values: COLORS },
    ],
    uses: ['daily care', 'sensitive skin', 'all skin types', 'travel and home use', 'salon results at home'],
  },
  food: {
    department: 'Grocery & Gourmet Food',
    price: [3, 45],
    options: [
      { name: 'Flavor Name', values: ['original', 'sea salt', 'dark chocolate', 'honey', 'vanilla', 'cinnamon', 'barbecue', 'variety pack', 'strawberry'] },
      { name: 'Size', values: ['4 Ounce (Pack of 6)', '12 Ounce', '1 Pound', '2 Pound (Pack of 1)', '24 Count', '8.5 Ounce (Pack of 12)'] },
    ],
    uses: ['snacking', 'lunch boxes', 'the pantry', 'parties and gifts', 'a quick breakfast'],
  },
  electronics: {
    department: 'Electronics',
    price: [9, 400],
    options: [
      { name: 'Color', values: ['black', 'white', 'silver', 'blue', 'red', 'space gray'] },
      { name: 'Style', values: ['basic', 'pro', 'with charger', 'bundle', '2 pack', 'wall mount kit'] },
      { name: 'Size', values: ['6 feet', '10 feet', '32 inch', '55 inch', 'small', 'large'] },
    ],
    uses: ['home theater', 'the office', 'travel', 'gaming', 'outdoor use'],
  },
  fashion: {
    department: 'Clothing, Shoes & Jewelry',
    price: [8, 120],
    options: [
      { name: 'Color', values: COLORS },
      { name: 'Size', values: ['x-small', 'small', 'medium', 'large', 'x-large', 'xx-large', '3x-large', '7', '8', '9.5', '10', '11'] },
    ],
    uses: ['everyday wear', 'the gym', 'work and weekends', 'vacation', 'lounging at home'],
  },
  furniture: {
    department: 'Home & Kitchen',
    price: [25, 900],
    options: [
      { name: 'Color', values: COLORS },
      { name: 'Size', values: ['twin', 'full', 'queen', 'king', '24 inch', '36 inch', '48 inch', 'small', 'large'] },
      { name: 'Style', values: ['modern', 'farmhouse', 'mid-century', 'industrial', 'classic'] },
    ],
    uses: ['the living room', 'the bedroom', 'small spaces', 'the home office', 'the dining room'],
  },
};

/** Brand names are built from these syllables. */
export const BRAND_PARTS = [
  ['Nor', 'Lum', 'Ver', 'Cal', 'Bri', 'Zen', 'Ard', 'Mo', 'Hal', 'Tav', 'Qui', 'Ro', 'Sel', 'Dax', 'Ely', 'Fen'],
  ['vale', 'ora', 'ix', 'andra', 'eo', 'ton', 'ique', 'essa', 'wick', 'lyn', 'mont', 'ara'],
] as const;

/** Where each category's products sit in items_ins_v2_1000.json (its keys run category by category). */
export const CATEGORY_STARTS: readonly [number, Category][] = [
  [0, 'beauty'],
  [236, 'food'],
  [354, 'electronics'],
  [585, 'fashion'],
  [784, 'furniture'],
];

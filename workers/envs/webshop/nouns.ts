/**
 * The nouns of a product title, for the title part of WebShop's type score. WebShop tags titles
 * with spaCy (NOUN/PROPN); spaCy cannot run in a worker, so this is a documented approximation:
 * the title's lower-cased word tokens minus function words, numbers and the adjectives and verbs
 * that product titles use most. It agrees with spaCy on the head nouns that decide the score
 * (a product's own title always scores 1 against itself), and may differ on borderline words.
 */

const NOT_NOUNS = new Set(
  `a an the and or of for with without to in on at by from as is are be it its this that these those your our my
  his her their you we i me us up out off over under into onto per via vs & x plus not no new
  all any each every more most less few many much very so too also only just than then
  easy quick fast slow high low long short wide narrow big small large little light heavy soft hard smooth
  premium quality natural organic pure fresh best great perfect ideal good nice fine classic modern vintage
  comfortable durable portable adjustable waterproof lightweight compact extra super ultra mini
  essential daily slim stainless wireless non anti dry sensitive gentle healthy sexy casual loose elastic
  black white red blue green yellow pink purple orange brown gray grey silver gold beige navy
  womens mens women's men's kids unisex ladies girls boys
  made used designed includes including compatible fits fit suitable use using`.split(/\s+/),
);

/** spaCy-like tokens: words with inner apostrophes and hyphens kept whole, lower-cased. */
function tokens(title: string): string[] {
  return title.toLowerCase().match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}

export function titleNouns(title: string): string[] {
  return tokens(title).filter((t) => /\p{L}/u.test(t) && t.length > 1 && !NOT_NOUNS.has(t));
}

/**
 * Film knowledge Movie's goals take for granted (real facts, as an agent would bring them): the film
 * a description or an award names, the film and TMDB-style character of a franchise role, the film
 * in which an actor played a character, and the casting, direction and foreign titles the goals
 * rely on. The reference programs read the first three to pick a title (then use the tools for the
 * answer); the world builder plants all of them, so the tools can find what the goals name.
 */

/** A described film: the goal words that name it, its title, its director. */
export const DESCRIBED: [RegExp, string, string | null][] = [
  [/Michelle Yeoh won the Oscar for Best Actress/, 'Everything Everywhere All at Once', 'Daniel Kwan'],
  [/Halle Berry won the Oscar for Best Actress/, "Monster's Ball", null],
  [/Brendan Fraser won the Academy Award for Best Actor in 2023/, 'The Whale', 'Darren Aronofsky'],
  [/Jessica Chastain won the Academy Award for Best Actress in 2022/, 'The Eyes of Tammy Faye', 'Michael Showalter'],
  [/Meryl Streep won the Academy Award for Best Actress in 2012/, 'The Iron Lady', 'Phyllida Lloyd'],
  [/Cate Blanchett won the Academy Award for Best Actress in 2014/, 'Blue Jasmine', 'Woody Allen'],
  [/won the Palme d'Or at the Cannes Film Festival in 2022/, 'Triangle of Sadness', 'Ruben Östlund'],
  [/won the Academy Award for Best Animated Feature in 2022/, 'Encanto', 'Byron Howard'],
  [/won the Academy Award for Best Foreign Language Film in 2021/, 'Another Round', 'Thomas Vinterberg'],
  [/Christopher Nolan that explores the concept of dreams within dreams/, 'Inception', 'Christopher Nolan'],
  [/Christopher Nolan, which explores the theme of justice and morality/, 'The Dark Knight', 'Christopher Nolan'],
  // Time running backwards (inversion) is Tenet's premise; AgentGym's answer is Inception's revenue.
  [/Christopher Nolan, which explores the concept of time manipulation/, 'Tenet', 'Christopher Nolan'],
  [/Robert Zemeckis, known for its innovative use of motion capture technology/, 'The Polar Express', 'Robert Zemeckis'],
  [/Quentin Tarantino, which is set in the post-Civil War era/, 'Django Unchained', 'Quentin Tarantino'],
  [/explores the life of Stephen Hawking/, 'The Theory of Everything', 'James Marsh'],
  [/Guillermo del Toro, known for its unique blend of fantasy and romance/, 'The Shape of Water', 'Guillermo del Toro'],
  [/Damien Chazelle, which follows the journey of a young aspiring actress and a jazz musician/, 'La La Land', 'Damien Chazelle'],
  [/Martin Scorsese, which depicts the rise and fall of a real-life stockbroker/, 'The Wolf of Wall Street', 'Martin Scorsese'],
  [/David O\. Russell, known for its portrayal of mental illness and family dynamics/, 'Silver Linings Playbook', 'David O. Russell'],
  [/young boy who survives a shipwreck and is stranded on a lifeboat with a Bengal tiger/, 'Life of Pi', 'Ang Lee'],
  [/the Joker in the film directed by Todd Phillips/, 'Joker', 'Todd Phillips'],
];

/** The title a goal's description names, or null. */
export function describedFilm(goal: string): string | null {
  return DESCRIBED.find(([words]) => words.test(goal))?.[1] ?? null;
}

/** A franchise role: the character as the goal says it, the franchise, then the film (its first), TMDB's character and the actor. */
export const FRANCHISE_ROLES: [string, string, string, string, string][] = [
  ['Tony Stark', 'Marvel Cinematic Universe', 'Iron Man', 'Tony Stark / Iron Man', 'Robert Downey Jr.'],
  ['Iron Man', 'Marvel Cinematic Universe', 'Iron Man', 'Tony Stark / Iron Man', 'Robert Downey Jr.'],
  ['Black Widow', 'Marvel Cinematic Universe', 'Iron Man 2', 'Natasha Romanoff / Black Widow', 'Scarlett Johansson'],
  ['Spider-Man', 'Marvel Cinematic Universe', 'Spider-Man: Homecoming', 'Peter Parker / Spider-Man', 'Tom Holland'],
  ['Thor', 'Marvel Cinematic Universe', 'Thor', 'Thor', 'Chris Hemsworth'],
  ['Rey', 'Star Wars sequel trilogy', 'Star Wars: The Force Awakens', 'Rey', 'Daisy Ridley'],
  ['Harry Potter', 'film series based on the novels by J.K. Rowling', "Harry Potter and the Sorcerer's Stone", 'Harry Potter', 'Daniel Radcliffe'],
  ['Hermione Granger', 'Harry Potter series', "Harry Potter and the Sorcerer's Stone", 'Hermione Granger', 'Emma Watson'],
];

export function franchiseRole(character: string, franchise: string): { film: string; character: string; actor: string } | null {
  const hit = FRANCHISE_ROLES.find(([c, f]) => c === character && f === franchise);
  return hit ? { film: hit[2], character: hit[3], actor: hit[4] } : null;
}

/** The film in which an actor played a character (the goals name the two, not the film). */
export const PORTRAYALS: [string, string, string][] = [
  ['Vin Diesel', 'Dominic Toretto', 'The Fast and the Furious'],
  ['Daniel Craig', 'James Bond', 'Casino Royale'],
  ['Scarlett Johansson', 'Natasha Romanoff', 'Black Widow'],
  ['Meryl Streep', 'Margaret Thatcher', 'The Iron Lady'],
  ['Sandra Bullock', 'Leigh Anne Tuohy', 'The Blind Side'],
  ['Denzel Washington', 'Malcolm X', 'Malcolm X'],
  ['Brad Pitt', 'Tyler Durden', 'Fight Club'],
];

/** Other casting the goals rely on: [film, actor, character]. The lead is billed first. */
export const CASTING: [string, string, string][] = [
  ['Everything Everywhere All at Once', 'Jamie Lee Curtis', 'Deirdre Beaubeirdre'],
  ['The Dark Knight', 'Christian Bale', 'Bruce Wayne / Batman'],
  ['Joker', 'Joaquin Phoenix', 'Arthur Fleck / Joker'],
  ['The Polar Express', 'Tom Hanks', 'Hero Boy / Father / Conductor'],
  ['Silver Linings Playbook', 'Jennifer Lawrence', 'Tiffany'],
  ['Inception', 'Leonardo DiCaprio', 'Cobb'],
  ['The Wolf of Wall Street', 'Leonardo DiCaprio', 'Jordan Belfort'],
  ['Beauty and the Beast', 'Emma Watson', 'Belle'],
  ['Lost in Translation', 'Scarlett Johansson', 'Charlotte'],
  ['Captain America: The Winter Soldier', 'Scarlett Johansson', 'Natasha Romanoff / Black Widow'],
  ['Thelma & Louise', 'Brad Pitt', 'J.D.'],
  ['The Deer Hunter', 'Meryl Streep', 'Linda'],
];

/** Direction the goals rely on beyond the described films: [film, director]. */
export const DIRECTION: [string, string][] = [
  ['A Star Is Born', 'Bradley Cooper'],
  ['Captain America: The Winter Soldier', 'Anthony Russo'],
];

/** Release dates of films the world plants (vega lacks them), so that "first" and "debut" read right. */
export const RELEASES: Record<string, string> = {
  'Thelma & Louise': '1991-05-24', 'Everything Everywhere All at Once': '2022-03-24', 'The Whale': '2022-12-09', 'The Eyes of Tammy Faye': '2021-09-17',
  'The Iron Lady': '2011-12-26', 'Blue Jasmine': '2013-07-26', 'Triangle of Sadness': '2022-09-18', Encanto: '2021-11-24', 'Another Round': '2020-09-24',
  Tenet: '2020-08-26', 'The Theory of Everything': '2014-11-07', 'The Shape of Water': '2017-12-01', 'The Wolf of Wall Street': '2013-12-25',
  'Life of Pi': '2012-11-21', 'Black Widow': '2021-07-07', 'A Star Is Born': '2018-10-05', 'Captain America: The Winter Soldier': '2014-04-04',
  Thor: '2011-04-21', 'Django Unchained': '2012-12-25', 'Casino Royale': '2006-11-14', 'Star Wars: The Force Awakens': '2015-12-15',
  'Spider-Man: Homecoming': '2017-07-05', Joker: '2019-10-02',
};

/** Official foreign titles the goals ask for: [film, country, title]. */
export const FOREIGN_TITLES: [string, string, string][] = [
  ['The Whale', 'KR', '더 웨일'],
  ['The Iron Lady', 'JP', 'マーガレット・サッチャー 鉄の女の涙'],
];

/** "The Russo brothers" direct as Anthony Russo (TMDB credits each brother on his own). */
export const DIRECTOR_ALIASES: Record<string, string> = { 'the Russo brothers': 'Anthony Russo' };

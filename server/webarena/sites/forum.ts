/**
 * "Demo Forum": a small forum for the demo tasks (the role of WebArena's Postmill "reddit").
 * Forums, posts with votes and comments, commenting and submitting posts as the signed-in user.
 */
import { esc, NotFound, page, type Route } from './http-kit.ts';

interface Post {
  id: number;
  forum: string;
  title: string;
  author: string;
  body: string;
  votes: number;
  comments: { author: string; text: string }[];
}

export interface ForumState {
  posts: Post[];
}

/** The signed-in user of the demo forum. */
const ME = 'demo_user';
const FORUMS = ['books', 'gaming', 'science'];

const c = (author: string, text: string) => ({ author, text });

export function freshForum(): ForumState {
  return {
    posts: [
      { id: 1, forum: 'books', title: 'Best sci-fi of the decade', author: 'bookworm42', body: 'My pick is a slow-burn space opera.', votes: 31, comments: [c('reader7', 'Agreed!')] },
      { id: 2, forum: 'books', title: 'Weekly reading challenge', author: 'pageturner', body: 'Post what you read this week.', votes: 12, comments: [] },
      { id: 3, forum: 'gaming', title: 'Speedrun world record broken', author: 'fastfingers', body: 'Under ten minutes now.', votes: 88, comments: [c('gg', 'Wow'), c('n00b', 'How?'), c('pro', 'Route change'), c('lurker', 'Nice')] },
      { id: 4, forum: 'gaming', title: 'Favourite retro console?', author: 'pixelpal', body: 'Mine is the handheld one.', votes: 40, comments: [c('gg', 'Same')] },
      { id: 5, forum: 'science', title: 'New exoplanet found', author: 'stargazer', body: 'It orbits a red dwarf.', votes: 57, comments: [c('astro', 'Cool'), c('skeptic', 'Source?')] },
    ],
  };
}

const NAV: [string, string][] = [['/', 'Demo Forum'], ['/f/books', 'books'], ['/f/gaming', 'gaming'], ['/f/science', 'science']];

function forumName(name: string): string {
  if (!FORUMS.includes(name)) throw new NotFound();
  return name;
}

function post(s: ForumState, forum: string, id: string): Post {
  const p = s.posts.find((x) => x.forum === forum && String(x.id) === id);
  if (!p) throw new NotFound();
  return p;
}

/** Text fields of forum forms: trimmed, non-empty, bounded. */
function field(form: URLSearchParams, name: string, max: number): string {
  const v = (form.get(name) ?? '').trim();
  if (!v || v.length > max) throw new Error(`${name} must be 1 to ${max} characters`);
  return v;
}

export const forumRoutes: Route<ForumState>[] = [
  {
    method: 'GET',
    path: '/',
    handle: () => page('Demo Forum', NAV, `<h1>Forums</h1><ul>${FORUMS.map((f) => `<li><a href="/f/${f}">${f}</a></li>`).join('')}</ul>`),
  },
  {
    method: 'GET',
    path: '/f/:forum',
    handle: ({ state, params }) => {
      const forum = forumName(params.forum);
      const posts = state.posts.filter((p) => p.forum === forum).sort((a, b) => b.votes - a.votes || a.id - b.id);
      return page(`${forum} | Demo Forum`, NAV, `<h1>${forum}</h1><p><a href="/f/${forum}/submit">Submit a post</a></p>
<ul>${posts.map((p) => `<li><a href="/f/${forum}/${p.id}">${esc(p.title)}</a> ${p.votes} points by ${esc(p.author)}, ${p.comments.length} comments</li>`).join('')}</ul>`);
    },
  },
  {
    method: 'GET',
    path: '/f/:forum/submit',
    handle: ({ params }) => {
      const forum = forumName(params.forum);
      return page(`Submit to ${forum} | Demo Forum`, NAV, `<h1>Submit to ${forum}</h1><form action="/f/${forum}/submit" method="post">
<p><input name="title" aria-label="Title" size="40"></p><p><textarea name="body" aria-label="Body" rows="3" cols="40"></textarea></p><button>Submit</button></form>`);
    },
  },
  {
    method: 'POST',
    path: '/f/:forum/submit',
    handle: ({ state, params, form }) => {
      const forum = forumName(params.forum);
      const id = Math.max(...state.posts.map((p) => p.id)) + 1;
      state.posts.push({ id, forum, title: field(form, 'title', 200), author: ME, body: field(form, 'body', 2000), votes: 1, comments: [] });
      return { redirect: `/f/${forum}/${id}` };
    },
  },
  {
    method: 'GET',
    path: '/f/:forum/:id',
    handle: ({ state, params }) => {
      const p = post(state, forumName(params.forum), params.id);
      return page(`${p.title} | Demo Forum`, NAV, `<h1>${esc(p.title)}</h1><p>Submitted by ${esc(p.author)} in ${p.forum}, ${p.votes} points</p><p>${esc(p.body)}</p>
<h2>${p.comments.length} comments</h2><ul class="comments">${p.comments.map((x) => `<li>${esc(x.author)}: ${esc(x.text)}</li>`).join('')}</ul>
<form action="/f/${p.forum}/${p.id}/comment" method="post"><textarea name="text" aria-label="Comment" rows="2" cols="40"></textarea> <button>Post comment</button></form>`);
    },
  },
  {
    method: 'POST',
    path: '/f/:forum/:id/comment',
    handle: ({ state, params, form }) => {
      const p = post(state, forumName(params.forum), params.id);
      p.comments.push({ author: ME, text: field(form, 'text', 2000) });
      return { redirect: `/f/${p.forum}/${p.id}` };
    },
  },
];

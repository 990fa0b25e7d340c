import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { offline } from './lib/offline.svelte.ts';
import { userDatasets } from './lib/user-datasets.svelte.ts';

// The datasets chosen in an earlier visit, before anything reads an env's item count.
userDatasets.restore();

mount(App, { target: document.getElementById('app')! });
offline.start();

import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { offline } from './lib/offline.svelte.ts';

mount(App, { target: document.getElementById('app')! });
offline.start();

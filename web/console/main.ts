import { mount } from 'svelte';
import App from './App.svelte';
import '../shared/base.css';
import './console.css';
import { language } from './i18n/index.svelte';
import { startRouting } from './route.svelte';

document.documentElement.lang = language.locale;
startRouting();
mount(App, { target: document.getElementById('app')! });

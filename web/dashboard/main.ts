import { mount } from 'svelte';
import App from './App.svelte';
import '../shared/base.css';
import './dashboard.css';
import { startRouting } from './route.svelte';

startRouting();
mount(App, { target: document.getElementById('app')! });

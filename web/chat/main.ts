import { mount } from 'svelte';
import Chat from './Chat.svelte';
import '../shared/base.css';
import './chat.css';

mount(Chat, { target: document.getElementById('app')! });

// The service worker keeps the page's shell so /chat opens with the internet down (see
// service-worker.ts). The build writes it: under the dev server there is none, and this fails quietly.
if ('serviceWorker' in navigator) {
  void navigator.serviceWorker.register('/chat/sw.js', { scope: '/chat' }).catch(() => undefined);
}

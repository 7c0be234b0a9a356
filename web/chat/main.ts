import { mount } from 'svelte';
import Chat from './Chat.svelte';
import './chat.css';

mount(Chat, { target: document.getElementById('app')! });

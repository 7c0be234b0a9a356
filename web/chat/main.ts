import { mount } from 'svelte';
import Chat from './Chat.svelte';
import '../shared/base.css';
import './chat.css';

mount(Chat, { target: document.getElementById('app')! });

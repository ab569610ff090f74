// The popup's module script: its styles (linked in the page's head by the build), then the shell of
// a prompt with a draft and the app, after the first frame (utils/first-paint/app.ts). The shell
// itself was painted by popup-first.js before (utils/first-paint/shell.ts).
import '@/assets/base.css';
import './style.css';
import { startApp } from '@/utils/first-paint/app';

void startApp('popup', () => import('./main'));

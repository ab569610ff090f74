// The pause window's first script: its styles and its shell, then the app after the first frame
// (utils/first-paint/shell.ts). It opens on the breaths, or on the prompt when someone comes back
// to a draft of it (App.tsx).
import '@/assets/base.css';
import './style.css';
import { paintShell } from '@/utils/first-paint/shell';

void paintShell(
  'pause',
  ({ pick, resuming }) => pick && (resuming ? pick.prompt.kind : 'breathing'),
  () => import('./main'),
);

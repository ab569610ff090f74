// The popup's first script: its styles and its shell, then the app after the first frame
// (utils/first-paint/shell.ts).
import '@/assets/base.css';
import './style.css';
import { paintShell } from '@/utils/first-paint/shell';

void paintShell(
  'popup',
  ({ pick }) => pick?.prompt.kind,
  () => import('./main'),
);

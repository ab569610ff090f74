// The popup's first script: one classic file at the end of its body that paints the shell the
// build wrote there, before the first paint (utils/first-paint/shell.ts).
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { paintShell } from '@/utils/first-paint/shell';

export default defineUnlistedScript(() => paintShell('popup'));

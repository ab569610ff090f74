// The pause's first script: one classic file in its head, deferred and render-blocking, that
// paints the shell the build wrote into the page before the first paint (utils/first-paint/shell.ts).
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { paintShell } from '@/utils/first-paint/shell';

export default defineUnlistedScript(() => paintShell('pause'));

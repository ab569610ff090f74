import { App } from './App';
import { opening } from '@/utils/first-paint/opening';
import { takeOver } from '@/utils/first-paint/takeover';

const opened = opening('pause');
takeOver(<App opening={opened} />, opened);

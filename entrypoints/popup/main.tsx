import { App } from './App';
import { opening } from '@/utils/first-paint/opening';
import { takeOver } from '@/utils/first-paint/takeover';

const opened = opening('popup');
takeOver(<App opening={opened} />, opened);

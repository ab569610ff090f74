import { readFile, writeFile } from 'node:fs/promises';
import type { BrowserContext, Page } from '@playwright/test';
import { PROMPTS } from '@/content/prompts';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '@/utils/model/backup';
import type { Note } from '@/utils/model/records';
import { DEFAULT_SETTINGS } from '@/utils/model/settings';
import { expect, test } from './fixtures';
import { PausePage } from './pages/pause-page';

/** Markup, script, entities and Markdown syntax: each would do something if it were not shown as text. */
const HOSTILE_ANSWER =
  `<img src=x onerror="document.title='pwned'"><b id="hostile">bold?</b><script>document.title='pwned'</script>` +
  ` & &amp; "double" 'single' \`code\` *em* _under_ [link](javascript:alert(1)) <!-- comment -->\n# not a heading\n> not a quote`;
const HOSTILE_PROMPT = `<i id="hostile-prompt">Who</i> <script>document.title='pwned'</script> [asks](javascript:alert(1)) &lt;this&gt;?`;
const OWN_PROMPT_ID = 'own-hostile';
const NOW = Date.now();

const note = (id: string, answer: string, promptText: string, promptId: string, minutesAgo: number): Note => ({
  id,
  promptId,
  promptText,
  promptKind: 'question',
  locale: 'en',
  answer,
  createdAt: NOW - minutesAgo * 60_000,
  updatedAt: NOW - minutesAgo * 60_000,
  source: 'popup',
});

/** A backup as someone could hand-craft it: hostile notes, a hostile own question, every library prompt hidden. */
const BACKUP: Backup = {
  format: BACKUP_FORMAT,
  version: BACKUP_VERSION,
  exportedAt: NOW,
  settings: { ...DEFAULT_SETTINGS, activeDays: [0, 1, 2, 3, 4, 5, 6], activeRanges: [{ startMinutes: 0, endMinutes: 24 * 60 }] },
  notes: [
    note('hostile-1', HOSTILE_ANSWER, HOSTILE_PROMPT, OWN_PROMPT_ID, 5),
    note('hostile-2', `Second: ${HOSTILE_ANSWER}`, HOSTILE_PROMPT, OWN_PROMPT_ID, 90),
  ],
  events: [],
  prompts: [{ id: OWN_PROMPT_ID, text: HOSTILE_PROMPT, createdAt: NOW - 100 * 60_000, updatedAt: NOW - 100 * 60_000 }],
  promptPrefs: PROMPTS.map((p) => ({ promptId: p.id, hidden: true, updatedAt: NOW })),
};

/** Records, in every page, what would show that markup got through: a content security policy violation. */
async function watchForInjection(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective}: ${event.sample}`));
  });
}

async function expectNoInjection(page: Page): Promise<void> {
  // A body holds no script: a quick page's own first script is in its head (scripts/shell/plugin.ts).
  await expect(page.locator('#hostile, #hostile-prompt, img[src="x"], body script, a[href^="javascript:"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [])).toEqual([]);
  await expect(page).not.toHaveTitle('pwned');
}

test('hostile text from an import shows literally everywhere, and the Markdown export keeps it inert', async ({
  context,
  extensionId,
  journal,
  t,
}, testInfo) => {
  test.setTimeout(120_000);
  await watchForInjection(context);
  const file = testInfo.outputPath('hostile-backup.json');
  await writeFile(file, JSON.stringify(BACKUP));

  await journal.open();
  await journal.page.getByRole('link', { name: t.navBackup }).click();
  await journal.page.getByLabel(t.backupImportLabel).setInputFiles(file);
  await expect(
    journal.page.getByText(
      t.backupImported({ added: BACKUP.notes.length + BACKUP.prompts.length + BACKUP.promptPrefs.length, updated: 0, unchanged: 0 }),
      { exact: false },
    ),
  ).toBeVisible();

  // The journal: answers and prompts on the cards, then a search for a piece of markup.
  await journal.page.getByRole('link', { name: t.navJournal }).click();
  await expect(journal.notes).toHaveCount(2);
  await expect(journal.notes.first().locator('.note-answer')).toHaveText(HOSTILE_ANSWER);
  await expect(journal.notes.first().getByRole('heading')).toHaveText(HOSTILE_PROMPT);
  await journal.page.getByRole('searchbox').fill('<b id="hostile">');
  await expect(journal.notes).toHaveCount(2);
  await expect(journal.notes.last().locator('.note-answer')).toHaveText(`Second: ${HOSTILE_ANSWER}`);
  await expectNoInjection(journal.page);

  // Insights (the prompts answered most) and the prompt library (own questions).
  for (const section of [t.navInsights, t.navPrompts]) {
    await journal.page.getByRole('link', { name: section }).click();
    await expect(journal.page.getByText(HOSTILE_PROMPT, { exact: true }).first()).toBeVisible();
    await expectNoInjection(journal.page);
  }

  // The Markdown export: every piece of markup escaped, so a Markdown viewer shows it as text.
  await journal.page.getByRole('link', { name: t.navBackup }).click();
  const download = journal.page.waitForEvent('download');
  await journal.page.getByRole('button', { name: t.backupExportMarkdown }).click();
  const markdown = await readFile(await (await download).path(), 'utf8');
  expect(markdown).toContain('&lt;img src=x onerror=');
  expect(markdown).toContain('&lt;script&gt;');
  expect(markdown).not.toMatch(/<(img|b|i|script|!--)\b/);
  expect(markdown).not.toMatch(/(?<!\\)\]\(javascript:/);
  expect(markdown).not.toMatch(/^# not a heading/m);
  expect(markdown).not.toMatch(/^> not a quote/m);

  // The print view.
  const print = await context.newPage();
  await print.goto(`chrome-extension://${extensionId}/print.html`);
  await expect(print.getByText(HOSTILE_ANSWER, { exact: true })).toBeVisible();
  await expect(print.getByText(HOSTILE_PROMPT, { exact: true }).first()).toBeVisible();
  await expectNoInjection(print);

  // The popup and the pause window ask the own question, the only one not hidden.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  // The popup brings its prompt list up to date for the next opening.
  await popup.reload();
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText(HOSTILE_PROMPT);
  await expectNoInjection(popup);
  const pause = await PausePage.open(context, extensionId, t);
  await pause.skipBreathing();
  await expect(pause.prompt).toHaveText(HOSTILE_PROMPT);
  await expectNoInjection(pause.page);
});

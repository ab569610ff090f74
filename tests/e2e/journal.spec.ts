import { PROMPTS } from '@/content/prompts';
import { normalizeText } from '@/utils/search/search';
import { expect, test } from './fixtures';
import { seedNotes } from './seed';

const COUNT = 3000;
const NOW = Date.now();
const NOTES = seedNotes(COUNT, NOW);
const newest = NOTES.at(-1)!;
const oldest = NOTES[0]!;

test.describe('journal with thousands of notes', () => {
  test.beforeEach(async ({ extension }) => {
    await extension.storeNotes(NOTES);
  });

  test('scrolls through every note while keeping the page small', async ({ journal, t }) => {
    // A ceiling for the scroll through every page on a busy machine, not a measure.
    test.setTimeout(180_000);
    await journal.open();
    await expect(journal.page.getByText(t.noteCount(COUNT))).toBeVisible();
    await expect(journal.notes.first()).toContainText(newest.answer.slice(0, 40));
    // Scroll to the end, page after page, until the oldest note has been read and shown. Each End
    // may or may not bring a page (one may still be loading): the wait is for the note, not a count.
    const oldestNote = journal.note(oldest.answer).first();
    await expect
      .poll(
        async () => {
          await journal.page.keyboard.press('End');
          return oldestNote.isVisible();
        },
        { message: 'the oldest note, reached by scrolling to the end', timeout: 120_000 },
      )
      .toBe(true);
    await expect(oldestNote).toBeVisible();
    const nodes = await journal.page.evaluate(() => document.getElementsByTagName('*').length);
    expect(nodes).toBeLessThanOrEqual(2000);
    expect(await journal.notes.count()).toBeLessThan(200);
  });

  test('searches accent-insensitively and filters by kind and prompt', async ({ journal, t }) => {
    await journal.open();
    const search = journal.search;
    await search.fill('een');
    const withEen = NOTES.filter((note) => normalizeText(`${note.promptText}\n${note.answer}`).includes('een')).length;
    await expect(journal.page.getByText(t.resultCount(withEen))).toBeVisible();
    await expect(journal.notes.first()).toContainText(/één|een/i);
    // Results are laid out a thousand at a time; scrolling reaches the oldest match.
    const oldestMatch = NOTES.find((note) => normalizeText(`${note.promptText}\n${note.answer}`).includes('een'))!;
    const oldestShown = journal.page.locator(`#note-${oldestMatch.id}`);
    await expect
      .poll(
        async () => {
          await journal.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
          return oldestShown.count();
        },
        { message: 'the oldest match, reached by scrolling', timeout: 60_000 },
      )
      .toBe(1);
    await expect(oldestShown).toBeVisible();

    await search.fill('');
    await journal.page.getByRole('combobox', { name: t.kindFilterLabel }).selectOption('step');
    const steps = NOTES.filter((note) => note.promptKind === 'step').length;
    await expect(journal.page.getByText(t.resultCount(steps))).toBeVisible();

    await journal.page.getByRole('button', { name: t.clearFilters }).click();
    const prompt = PROMPTS[0];
    await journal.page.getByRole('combobox', { name: t.promptFilterLabel }).selectOption(prompt.id);
    const forPrompt = NOTES.filter((note) => note.promptId === prompt.id).length;
    await expect(journal.page.getByText(t.resultCount(forPrompt))).toBeVisible();
    await expect(journal.page.getByRole('heading', { name: t.promptViewHeading })).toBeVisible();
  });

  test('edits an answer in place and deletes with an undo that restores it', async ({ journal, t }) => {
    await journal.open();
    const first = journal.notes.first();
    await first.getByRole('button', { name: t.editNote }).click();
    await journal.editField.fill('A better way to say it.');
    await journal.page.getByRole('button', { name: t.saveEdit }).click();
    await expect(journal.notes.first().locator('.note-answer')).toHaveText('A better way to say it.');
    await journal.page.reload();
    await expect(journal.notes.first().locator('.note-answer')).toHaveText('A better way to say it.');

    await journal.notes.first().getByRole('button', { name: t.deleteNote }).click();
    await expect(journal.page.getByText(t.noteCount(COUNT - 1))).toBeVisible();
    await expect(journal.page.getByText('A better way to say it.')).toHaveCount(0);
    await journal.page.getByRole('button', { name: t.undo }).click();
    await expect(journal.notes.first().locator('.note-answer')).toHaveText('A better way to say it.');
    await expect(journal.page.getByText(t.noteCount(COUNT))).toBeVisible();
    await journal.page.reload();
    await expect(journal.notes.first().locator('.note-answer')).toHaveText('A better way to say it.');
  });
});

test('hidden prompts never appear in the popup', async ({ journal, popup, t }) => {
  await journal.open();
  await journal.page.getByRole('link', { name: t.navPrompts }).click();
  const keep = PROMPTS.slice(-2);
  for (const prompt of PROMPTS.slice(0, -2)) {
    const name = prompt.kind === 'step' ? prompt.title.en : prompt.text.en;
    await journal.page.getByRole('button', { name: `${t.hidePrompt}: ${name}` }).click();
    await expect(journal.page.getByRole('button', { name: `${t.showPromptAgain}: ${name}` })).toBeVisible();
  }
  const allowed = keep.map((prompt) => (prompt.kind === 'step' ? prompt.title.en : prompt.text.en));
  for (let i = 0; i < 4; i++) {
    await popup.open();
    expect(allowed).toContain(await popup.prompt.textContent());
    await popup.another();
    expect(allowed).toContain(await popup.prompt.textContent());
    await popup.close();
  }
});

test('a question of your own joins the popup', async ({ journal, popup, t }) => {
  await journal.open();
  await journal.page.getByRole('link', { name: t.navPrompts }).click();
  for (const prompt of PROMPTS) {
    const name = prompt.kind === 'step' ? prompt.title.en : prompt.text.en;
    await journal.page.getByRole('button', { name: `${t.hidePrompt}: ${name}` }).click();
  }
  await journal.page.getByRole('textbox', { name: t.newOwnPrompt }).fill('What did I leave unsaid today?');
  await journal.page.getByRole('button', { name: t.addOwnPrompt }).click();
  await expect(journal.page.getByText(t.ownPromptAdded)).toBeVisible();
  await popup.open();
  await expect(popup.prompt).toHaveText('What did I leave unsaid today?');
});

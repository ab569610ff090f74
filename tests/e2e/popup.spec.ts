import { PROMPTS } from '@/content/prompts';
import type { Locale } from '@/utils/i18n/locale';
import { expect, test } from './fixtures';

/** What the popup's heading shows for each prompt: a step's title, or the question. */
const headings = (locale: Locale) => PROMPTS.map((prompt) => (prompt.kind === 'step' ? prompt.title[locale] : prompt.text[locale]));

const HOSTILE = `<img src=x onerror="document.title='pwned'"><script>alert(1)</script><b>bold</b> & "quotes"`;

test.describe('popup in English', () => {
  test('shows a prompt from the library at once, and "Another one" changes it', async ({ popup, t }) => {
    await popup.open();
    await expect(popup.page.locator('html')).toHaveAttribute('lang', 'en');
    const first = await popup.prompt.textContent();
    expect(headings('en')).toContain(first);
    await expect(popup.answer).toBeFocused();
    await expect(popup.page.getByRole('button', { name: t.save })).toBeVisible();

    const seen = new Set([first]);
    for (let i = 0; i < PROMPTS.length - 1; i++) {
      const before = await popup.prompt.textContent();
      await popup.another();
      await expect(popup.prompt).not.toHaveText(before!);
      seen.add(await popup.prompt.textContent());
    }
    // Every prompt comes round before any repeats.
    expect(seen.size).toBe(PROMPTS.length);
  });

  test('a saved answer appears in the journal', async ({ popup, journal, t }) => {
    await popup.open();
    const prompt = await popup.prompt.textContent();
    await popup.write('I told a colleague the presentation made me nervous.\nIt went well.');
    await popup.answer.press('Control+Enter');
    await expect(popup.status).toHaveText(t.saved);
    await expect(popup.answer).toHaveValue('');

    await journal.open();
    await expect(journal.page.getByText(t.noteCount(1))).toBeVisible();
    const note = journal.note('I told a colleague');
    await expect(note).toHaveCount(1);
    await expect(note.getByRole('heading')).toContainText(prompt!);
    await expect(note.locator('.note-answer')).toHaveText('I told a colleague the presentation made me nervous.\nIt went well.');
  });

  test('a draft survives closing and reopening the popup', async ({ popup, t }) => {
    await popup.open();
    const prompt = await popup.prompt.textContent();
    // Typed key by key, as a person would, then the popup loses focus and closes.
    await popup.answer.pressSequentially('Half a thought about');
    await popup.close();

    await popup.open();
    await expect(popup.prompt).toHaveText(prompt!);
    await expect(popup.answer).toHaveValue('Half a thought about');

    await popup.save();
    await expect(popup.status).toHaveText(t.saved);
    await popup.close();
    await popup.open();
    // Saving cleared the draft: the next opening is a fresh prompt with an empty field.
    await expect(popup.answer).toHaveValue('');
    await expect(popup.prompt).not.toHaveText(prompt!);
  });

  test('refuses an empty answer with a visible message', async ({ popup, journal, t }) => {
    await popup.open();
    await popup.write('   ');
    await popup.save();
    await expect(popup.problem).toHaveText(t.emptyAnswer);
    await expect(popup.answer).toHaveAttribute('aria-invalid', 'true');
    await journal.open();
    await expect(journal.page.getByText(t.notesEmpty)).toBeVisible();
  });

  test('shows markup in an answer as literal text everywhere', async ({ popup, journal }) => {
    await popup.open();
    await popup.write(HOSTILE);
    await popup.close();
    await popup.open();
    await expect(popup.answer).toHaveValue(HOSTILE);
    await popup.save();
    await expect(popup.answer).toHaveValue('');

    await journal.open();
    await expect(journal.notes.first().locator('.note-answer')).toHaveText(HOSTILE);
    await expect(journal.page.locator('main img, main script, main b')).toHaveCount(0);
    await expect(journal.page).not.toHaveTitle('pwned');
  });

  test('the journal link opens the options page', async ({ popup, context, t }) => {
    await popup.open();
    const opened = context.waitForEvent('page');
    await popup.journalLink.click();
    const page = await opened;
    await expect(page).toHaveURL(/options\.html$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.journalTitle);
  });
});

test.describe('popup in Dutch', () => {
  test.use({ uiLanguage: 'nl' });

  test('a Chromium running in Dutch shows the prompt and controls in Dutch', async ({ popup, journal, t }) => {
    await popup.open();
    await expect(popup.page.locator('html')).toHaveAttribute('lang', 'nl');
    expect(headings('nl')).toContain(await popup.prompt.textContent());
    await expect(popup.page.getByRole('button', { name: 'Bewaren' })).toBeVisible();
    await expect(popup.page.getByRole('button', { name: 'Een andere' })).toBeVisible();

    await popup.write('Ik durf het te zeggen.');
    await popup.save();
    await expect(popup.status).toHaveText('Bewaard in je dagboek.');
    await journal.open();
    await expect(journal.page.getByRole('heading', { level: 1 })).toHaveText('Je dagboek');
    await expect(journal.page.getByText(t.noteCount(1))).toHaveText('1 notitie');
  });
});

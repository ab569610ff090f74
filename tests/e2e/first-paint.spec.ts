/**
 * The quick pages' first paint (utils/first-paint/shell.ts): the markup the build wrote and the
 * first script filled is what the app itself renders, in each language and form, and nothing
 * typed before the app takes over is lost.
 */
import type { Page } from '@playwright/test';
import { PROMPTS } from '@/content/prompts';
import { messages } from '@/utils/i18n/messages';
import { pickPrompt } from '@/utils/prompts/pick';
import { expect, test } from './fixtures';
import { openExtensionFile } from './pages/extension-page';

/** A random number for each kind of prompt: with none shown yet, the pick it makes is of that kind. */
const RANDOM_FOR = Object.fromEntries(
  (['question', 'step'] as const).map((kind) => {
    const random = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.99].find(
      (r) => pickPrompt(PROMPTS, [], () => r)?.prompt.kind === kind,
    );
    if (random === undefined) throw new Error(`no pick of a ${kind}`);
    return [kind, random];
  }),
);

declare global {
  interface Window {
    /** #app as first painted by the first script, or as the app first rendered it alone. */
    firstMarkup?: string;
    /** #app the moment the app has taken it over (hydrated the shell, or rendered alone), before any effect ran. */
    takenOverMarkup?: string;
    /** Lets the app load (held back by the test's init script until then). */
    releaseApp?: () => void;
  }
}

/**
 * Before the page's own scripts: a fixed Math.random, and #app recorded the moment it first gets
 * content: by the first script's shell, or (with `withoutShell`, the build's templates removed as
 * they are parsed) by the app rendering alone on the client. With `holdApp`, the first script's
 * frame callback waits for window.releaseApp, so the app cannot load before the test lets it.
 */
function instrument(options: { random: number; withoutShell?: boolean; holdApp?: boolean }) {
  Math.random = () => options.random;
  // Every element and attribute, in order, every word and the field's value: what a person and a
  // screen reader meet. Not what neither can tell apart: an empty text node (the client keeps
  // one for an empty string, markup cannot), a boolean attribute's value (only its presence counts).
  const BOOLEAN = ['autofocus', 'disabled', 'hidden', 'required', 'readonly', 'checked'];
  const describe = (node: Node): string => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ? JSON.stringify(node.textContent) : '';
    if (!(node instanceof Element)) return '';
    const attributes = [...node.attributes]
      .map(({ name, value }) => (BOOLEAN.includes(name) ? name : `${name}=${JSON.stringify(value)}`))
      .sort();
    const value = node instanceof HTMLTextAreaElement ? ` value=${JSON.stringify(node.value)}` : '';
    return `<${node.localName} ${attributes.join(' ')}${value}>${[...node.childNodes].map(describe).join('')}</${node.localName}>`;
  };
  new MutationObserver((records, observer) => {
    for (const record of records)
      for (const node of record.addedNodes) {
        if (options.withoutShell && node instanceof HTMLTemplateElement) node.remove();
        if (node instanceof Element && node.id === 'app') {
          new MutationObserver((_, appObserver) => {
            window.firstMarkup = describe(node);
            appObserver.disconnect();
          }).observe(node, { childList: true });
          if (!options.withoutShell) observer.disconnect();
        }
      }
  }).observe(document, { childList: true, subtree: true });
  // The app marks the page as its own right after hydrating or rendering; observers run before its effects.
  new MutationObserver((_, observer) => {
    window.takenOverMarkup = describe(document.getElementById('app')!);
    observer.disconnect();
    // The document has no element yet when this runs: the mark's element is watched through it.
  }).observe(document, { subtree: true, attributeFilter: ['data-app'] });
  if (options.holdApp) {
    // Every frame callback waits for the release, whoever asked first: the app loads from one.
    const frame = window.requestAnimationFrame.bind(window);
    const held: FrameRequestCallback[] = [];
    window.requestAnimationFrame = (callback) => held.push(callback);
    window.releaseApp = () => {
      window.requestAnimationFrame = frame;
      for (const callback of held) frame(callback);
    };
  }
}

async function open(page: Page, url: string, options: Parameters<typeof instrument>[0]): Promise<{ first: string; takenOver: string }> {
  await page.addInitScript(instrument, options);
  await page.goto(url);
  await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
  const markup = await page.evaluate(() => ({ first: window.firstMarkup, takenOver: window.takenOverMarkup }));
  if (!markup.first || !markup.takenOver) throw new Error(`markup not recorded: ${JSON.stringify(markup)}`);
  return { first: markup.first, takenOver: markup.takenOver };
}

for (const uiLanguage of ['en_US', 'nl'] as const) {
  test.describe(`first paint, Chromium in ${uiLanguage}`, () => {
    test.use({ uiLanguage });

    for (const [file, scope, forms] of [
      ['popup.html', 'popup', ['question', 'step']],
      ['pause.html', 'pause', ['breathing', 'question', 'step']],
    ] as const) {
      for (const form of forms) {
        test(`${scope}: the shell painted first is the app's own render (${form})`, async ({ context, extensionId, locale }) => {
          const kind = form === 'breathing' ? 'question' : form;
          const random = RANDOM_FOR[kind]!;
          const url = `chrome-extension://${extensionId}/${file}`;
          const setUp = async (page: Page) => {
            // The same opening in both pages: a fresh round, and for the pause window's prompt form a draft to come back to.
            const prompt = pickPrompt(PROMPTS, [], () => random).prompt;
            await page.evaluate(
              ({ scope, resuming, id }) => {
                localStorage.removeItem(`adempauze.round.${scope}`);
                localStorage.setItem('adempauze.draftIds', JSON.stringify(resuming ? [id] : []));
              },
              { scope, resuming: form !== 'breathing' && scope === 'pause', id: prompt.id },
            );
          };
          const shellMarks = (page: Page) => page.evaluate(() => performance.getEntriesByName('adempauze:shell').length);
          const prepare = await openExtensionFile(context, extensionId, 'options.html');
          await setUp(prepare);
          const shell = await context.newPage();
          const painted = await open(shell, url, { random });
          await expect(shell.locator('html')).toHaveAttribute('lang', locale);
          const shellMarked = await shellMarks(shell);
          // Closed before the second opening is set up: its app keeps the list of drafts true to the
          // drafts stored, and could take the one set up for the other page away while it opens.
          await shell.close();
          await setUp(prepare);
          const client = await context.newPage();
          const rendered = await open(client, url, { random, withoutShell: true });

          expect(painted.first.length).toBeGreaterThan(300);
          // The one painted by the shell, the other by the app alone: else the comparison would prove nothing.
          expect([shellMarked, await shellMarks(client)]).toEqual([1, 0]);
          // What was painted first, and the page once the app took it over, are the app's own render.
          expect(painted.first).toBe(rendered.first);
          expect(painted.takenOver).toBe(rendered.takenOver);
        });
      }
    }

    test('popup: words typed into the shell before the app takes over are kept, with the focus', async ({
      context,
      extensionId,
      locale,
    }) => {
      /** A popup held before its app, typed into, then given to its app. */
      const typedBeforeTheApp = async (words: string) => {
        const page = await context.newPage();
        await page.addInitScript(instrument, { random: RANDOM_FOR.question!, holdApp: true });
        await page.goto(`chrome-extension://${extensionId}/popup.html`);
        const field = page.locator('textarea');
        await expect(field).toBeFocused();
        await page.keyboard.type(words);
        // Save pressed before the app is there: the form is not sent natively (that would reload the
        // page with the words in its address); then back into the field.
        const address = page.url();
        await page.locator('button[type="submit"]').click();
        await field.focus();
        expect(page.url()).toBe(address);
        expect(await page.locator('html').getAttribute('data-app')).toBeNull();
        await page.evaluate(() => window.releaseApp!());
        await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
        await expect(field).toHaveValue(words);
        await expect(field).toBeFocused();
        return page;
      };

      // Closed the moment the app took over, without another keystroke: the words are its draft.
      await (await typedBeforeTheApp('Typed before the app')).close();
      const again = await openExtensionFile(context, extensionId, 'popup.html');
      await expect(again.locator('textarea')).toHaveValue('Typed before the app');
      await again.locator('textarea').fill('');
      await again.close();

      // Saved at once with the keyboard: the app saves the words, not its own empty field.
      const page = await typedBeforeTheApp('Said before the app came');
      await page.keyboard.press('Control+Enter');
      await expect(page.getByRole('status').first()).toHaveText(messages(locale).saved);
      await expect(page.locator('textarea')).toHaveValue('');
      const journal = await openExtensionFile(context, extensionId, 'options.html');
      await expect(journal.locator('.note-answer')).toHaveText(['Said before the app came']);
    });
  });
}

/**
 * What a quick page loads before its app takes over: a few files, as each load costs its own time
 * and "Last time" waits for the slowest (scripts/chunks.ts).
 */
for (const file of ['popup.html', 'pause.html'] as const) {
  test(`${file}: the app takes over after a few loads`, async ({ context, extensionId }) => {
    const page = await context.newPage();
    // The page's own resource timing leaves out its extension's files: the browser's requests, each with its start.
    const requested: { path: string; at: number }[] = [];
    page.on('requestfinished', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.endsWith('.js')) requested.push({ path, at: request.timing().startTime });
    });
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        Object.assign(window, { takenOverAt: performance.timeOrigin + performance.now() });
        observer.disconnect();
      }).observe(document, { subtree: true, attributeFilter: ['data-app'] });
    });
    await page.goto(`chrome-extension://${extensionId}/${file}`);
    await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
    const takenOverAt = await page.evaluate(() => (window as unknown as { takenOverAt: number }).takenOverAt);
    const loaded = requested.filter(({ at }) => at <= takenOverAt).map(({ path }) => path);
    expect(loaded, 'the first script and the page module among them').toEqual(
      expect.arrayContaining([`/${file.replace('.html', '-first.js')}`, expect.stringMatching(/^\/chunks\/(popup|pause)-/)]),
    );
    // The first script, the page's module, and at most six chunks (there were some twenty).
    expect(loaded.length, loaded.join(' ')).toBeLessThanOrEqual(8);
  });
}

import type { Locator } from '@playwright/test';
import { ExtensionPage } from './extension-page';

/** The options page's sections, each with its own address (options.html#backup). */
export const SECTIONS = ['journal', 'insights', 'prompts', 'backup', 'sync', 'privacy', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];

/** The options page: the person's private journal. */
export class JournalPage extends ExtensionPage {
  async open(viewport?: { width: number; height: number }): Promise<this> {
    await this.openFile('options.html', viewport);
    await this.heading('journal').waitFor();
    return this;
  }

  /** Goes to a section by its address, as a bookmark or a link from elsewhere would. */
  async show(section: Section): Promise<void> {
    await this.page.goto(`chrome-extension://${this.extensionId}/options.html#${section}`);
    await this.heading(section).waitFor();
  }

  /** The section's own heading, which the page shows once the section is there. */
  heading(section: Section): Locator {
    const titles: Record<Section, string> = {
      journal: this.t.journalTitle,
      insights: this.t.insightsTitle,
      prompts: this.t.promptsTitle,
      backup: this.t.backupTitle,
      // The Sync section's heading is its name in the tabs.
      sync: this.t.navSync,
      privacy: this.t.privacyTitle,
      settings: this.t.settingsTitle,
    };
    return this.page.getByRole('heading', { level: 1, name: titles[section] });
  }

  /** The notes in the order shown. */
  get notes(): Locator {
    return this.page.getByRole('article');
  }

  note(answer: string): Locator {
    return this.notes.filter({ hasText: answer });
  }

  /** The field of the note being edited in place. */
  get editField(): Locator {
    return this.page.getByRole('textbox', { name: this.t.editAnswerLabel });
  }

  get search(): Locator {
    return this.page.getByRole('searchbox', { name: this.t.searchLabel });
  }
}

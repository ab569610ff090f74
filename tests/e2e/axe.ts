import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * Runs axe on the page as it is now and fails on every serious or critical violation, each named
 * with its rule, its elements and what to fix, so the failure message alone says what broke.
 */
export async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  // Legacy mode runs axe in the page itself instead of finishing in a new blank tab per scan; it
  // only gives up cross-origin frames, and the extension's pages have no frames at all.
  const { violations } = await new AxeBuilder({ page }).setLegacyMode().analyze();
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map(
        (node) => `${violation.id} (${violation.impact}) at ${node.target.join(' ')}: ${violation.help}. ${node.failureSummary ?? ''}`,
      ),
    );
  expect(serious, `axe on ${where}`).toEqual([]);
}

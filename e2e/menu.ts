import type { Page } from '@playwright/test';

/**
 * Opens the main menu where a narrow screen folds it behind its Menu toggle (a <details>, closed
 * again on every new page); on a wide screen the links are in the row and this does nothing.
 */
export async function openHoofdmenu(page: Page): Promise<void> {
  const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
  const knop = menu.locator('summary', { hasText: 'Menu' });
  if ((await knop.isVisible()) && !(await menu.locator('details').evaluate((d: HTMLDetailsElement) => d.open))) await knop.click();
}

import { expect, type Page } from '@playwright/test';

/**
 * Opens an entry of the editing UI afresh, as an editor who comes back to it: through the
 * collection's list, and only once Decap has read the file again (its local API's
 * `getEntry`), so what the form shows is the file as it is on disk now.
 */
export async function openBestand(page: Page, basis: string, collectie: string, slug: string): Promise<void> {
  await page.goto(`${basis}/admin/#/collections/${collectie}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 });
  const gelezen = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1') && /"action":"getEntry"/.test(r.request().postData() ?? '') && r.ok(),
  );
  await page.goto(`${basis}/admin/#/collections/${collectie}/entries/${slug}`);
  await gelezen;
  await expect(page.getByLabel('Titel', { exact: true })).not.toHaveValue('', { timeout: 30_000 });
}

/** Opslaan → Opslaan in het bestand: the local save, as an editor clicks it (whether it is refused is the caller's to check). */
export async function klikOpslaan(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Opslaan in het bestand' }).click();
}

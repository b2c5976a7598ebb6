import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumPad } from './e2e/browser.ts';
import { outboxMap } from './e2e/outbox.ts';

const poort = Number(process.env.E2E_PORT ?? 4322);
const basis = `http://localhost:${poort}`;
const executablePath = chromiumPad();
const bouwChecks = /(build|html|seo|headers|cms-gebouwd)\.spec\.ts$/;
/** The editors' view in `astro dev`: these start their own dev server, in a copy of the project. */
const redactie = /(redactie|cms|cms-api)\.spec\.ts$/;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: basis,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    trace: 'retain-on-failure',
    launchOptions: { ...(executablePath ? { executablePath } : {}), args: chromiumArgs },
  },
  projects: [
    // First: the few long files (each starts `astro dev`, one builds a copy) while the many short
    // tests fill the other worker; started last, they left one worker idle at the end. Once, at
    // desktop size: a dev server per screen size would be twice the work for the same check.
    { name: 'redactie', testMatch: redactie, use: { ...devices['Desktop Chrome'], channel: undefined } },
    // Checks of the build itself (HTML validity, SEO files, headers): once, not per screen size.
    { name: 'build', testMatch: bouwChecks },
    { name: 'desktop', testIgnore: [bouwChecks, redactie], use: { ...devices['Desktop Chrome'], channel: undefined } },
    // Only what depends on the screen size (tests tagged @layout): first screen, tab order, columns,
    // axe's contrast, overlap and target size. Everything else says the same at any size.
    { name: 'telefoon', grep: /@layout/, testIgnore: [bouwChecks, redactie], use: { ...devices['Pixel 7'], channel: undefined } },
  ],
  // The built site served as Netlify serves it, functions included (scripts/serve.ts).
  webServer: {
    command: `node scripts/serve.ts --port ${poort}`,
    url: `${basis}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    // No mail service: sign-ups land as files in a temporary outbox the tests read. The outbox and
    // the public test secret only work with the explicit local switch.
    env: { INSCHRIJVING_OUTBOX: outboxMap, RESEND_API_KEY: '', CONTEXT: '', INSCHRIJVING_LOKAAL: '1' },
  },
});

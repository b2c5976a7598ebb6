import { existsSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';

/**
 * Which Chromium the end-to-end tests drive: CHROMIUM_PATH, else Debian's
 * /usr/bin/chromium, else Playwright's own download. With none of them the run
 * fails with a message that says how to get one (never a silent skip).
 */
export function chromiumPad(): string | undefined {
  const kandidaten = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter((p): p is string => Boolean(p));
  const systeem = kandidaten.find((p) => existsSync(p));
  if (systeem) return systeem;
  if (existsSync(chromium.executablePath())) return undefined;
  throw new Error(
    'No Chromium found for the end-to-end tests. Install one: `apt-get install -y chromium` (Debian, as root), ' +
      'or `npx playwright install chromium`, or set CHROMIUM_PATH to a Chromium binary.',
  );
}

/** Flags for a headless Chromium as root on a machine without internet access. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Records every Content-Security-Policy violation in `page`, and in the pages it navigates
 * or reloads to, into `lijst`: a listener Playwright adds before any page script (outside
 * the page's policy), reporting through the console, so the list outlives each document.
 * A line says which directive, what was blocked (`inline` for an inline block) and where.
 */
export async function volgSchendingen(page: Page, lijst: string[] = []): Promise<string[]> {
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP: ${e.violatedDirective}: ${e.blockedURI || 'inline'} (${e.sourceFile || '?'}:${e.lineNumber})`),
    ),
  );
  page.on('console', (m) => {
    if (m.text().startsWith('CSP:')) lijst.push(m.text());
  });
  return lijst;
}

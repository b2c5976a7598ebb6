/**
 * The first step of `npm test` (npm runs it as `pretest`): what the tests need besides
 * node_modules. A Chromium for Playwright (CHROMIUM_PATH, Debian's /usr/bin/chromium or
 * Playwright's own download) and Java for the Nu Html Checker. What is there is used;
 * what is missing is installed where this machine allows it (as root, with apt-get);
 * otherwise the run stops with one Dutch line that says exactly what to run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPad } from '../e2e/browser.ts';

const alsRoot = process.getuid?.() === 0;
const metApt = existsSync('/usr/bin/apt-get');
let aptBijgewerkt = false;

function installeer(pakket: string): boolean {
  if (!alsRoot || !metApt) return false;
  console.log(`Installeren met apt-get: ${pakket}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    if (!aptBijgewerkt) execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    aptBijgewerkt = true;
    execFileSync('apt-get', ['install', '-y', '-qq', pakket], { stdio: ['ignore', 'ignore', 'inherit'], env });
    return true;
  } catch {
    return false;
  }
}

function heeftChromium(): boolean {
  try {
    chromiumPad();
    return true;
  } catch {
    return false;
  }
}

const heeftJava = () => spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;

const ontbreekt: string[] = [];
if (!heeftChromium() && !(installeer('chromium') && heeftChromium())) {
  ontbreekt.push(
    'Chromium ontbreekt voor de end-to-end-tests: voer `sudo apt-get install -y chromium` uit, of `npx playwright install chromium`, of zet CHROMIUM_PATH op een Chromium.',
  );
}
if (!heeftJava() && !(installeer('default-jre-headless') && heeftJava())) {
  ontbreekt.push(
    'Java ontbreekt voor de HTML-controle (Nu Html Checker): voer `sudo apt-get install -y default-jre-headless` uit, of installeer een andere Java 11+.',
  );
}
if (ontbreekt.length > 0) {
  for (const regel of ontbreekt) console.error(regel);
  process.exit(1);
}

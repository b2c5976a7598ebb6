/**
 * Page scripts load after the first paint, not with the HTML.
 *
 * Astro writes each bundled page script as `<script type="module" src="/_astro/…">`. The
 * browser's preload scanner fetches that file at once, in parallel with the HTML: on a slow
 * phone connection it competes with the page for the first round trips, and Lighthouse counts
 * it on the way to the largest paint (the event page's form script cost ±140 ms of simulated
 * LCP, measured by blocking it). The form works without the script; the script only makes it
 * nicer. So after the build every such tag becomes a small inline module that imports the same
 * file once the page has loaded and painted its first frame.
 *
 * Until then a submit waits for the scripts (they are a few KB from the same server), so a
 * form is never sent half-enhanced; if they cannot load, the form is sent the plain way, as
 * without JavaScript. The Content-Security-Policy allows the inline module by its hash
 * (integraties/csp-headers.ts runs after this one).
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { htmlBestanden } from './csp-headers.ts';

const MODULE_SCRIPT = /<script type="module" src="(\/_astro\/[^"<>]+\.js)"><\/script>/g;

/** The inline loader for these script files. */
export function lader(bestanden: readonly string[]): string {
  const imports = bestanden.map((b) => `import(${JSON.stringify(b)})`).join(',');
  // `klaar`: loaded, or failed (then a form goes the plain way). A submit before that is held
  // and sent again once the scripts are there, with the same submit button.
  return [
    'let klaar=false,laden;',
    `const laad=()=>laden??=Promise.all([${imports}]).finally(()=>{klaar=true});`,
    'addEventListener("load",()=>requestAnimationFrame(()=>setTimeout(laad)),{once:true});',
    'addEventListener("submit",(e)=>{if(klaar)return;e.preventDefault();e.stopImmediatePropagation();',
    'const f=e.target,s=e.submitter;laad().catch(()=>{}).then(()=>f.requestSubmit(s))},true);',
  ].join('');
}

/** The page with its bundled module scripts loaded by one inline loader at the place of the first. */
export function laadNaWeergave(html: string): string {
  const bestanden = [...html.matchAll(MODULE_SCRIPT)].map((m) => m[1]!);
  if (!bestanden.length) return html;
  let eerste = true;
  return html.replace(MODULE_SCRIPT, () => {
    if (!eerste) return '';
    eerste = false;
    return `<script type="module">${lader(bestanden)}</script>`;
  });
}

export function scriptsNaWeergave(): AstroIntegration {
  return {
    name: 'scripts-na-weergave',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        let aantal = 0;
        for (const bestand of await htmlBestanden(dir)) {
          const html = await readFile(bestand, 'utf8');
          const nieuw = laadNaWeergave(html);
          if (nieuw === html) continue;
          await writeFile(bestand, nieuw);
          aantal++;
        }
        logger.info(`${aantal} pagina('s): scripts laden na de eerste weergave`);
      },
    },
  };
}

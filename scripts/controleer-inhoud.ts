/**
 * `npm run check:inhoud` (and the first half of `npm run check`): checks every Markdown
 * file of the editors and prints one Dutch line per mistake, with file, field and an
 * example. The rules live in src/inhoud/controle.ts; the build and `astro dev` run the
 * same check (integraties/inhoudscontrole.ts).
 */
import { enableCompileCache } from 'node:module';

// Editors run this often: Node's compile cache (in the system's temp folder) halves the
// start-up, most of the time this takes. The check itself is loaded after it is on.
enableCompileCache();
const { controleerInhoud, verslag } = await import('../src/inhoud/controle.ts');

const uitslag = await controleerInhoud(process.cwd());
(uitslag.fouten.length > 0 ? console.error : console.log)(verslag(uitslag));
process.exitCode = uitslag.fouten.length > 0 ? 1 : 0;

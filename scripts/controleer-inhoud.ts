/**
 * `npm run check:inhoud` (and the first half of `npm run check`): checks every Markdown
 * file of the editors and prints one Dutch line per mistake, with file, field and an
 * example. The rules live in src/inhoud/controle.ts; the build and `astro dev` run the
 * same check (integraties/inhoudscontrole.ts).
 */
import { controleerInhoud, verslag } from '../src/inhoud/controle.ts';

const uitslag = await controleerInhoud(process.cwd());
(uitslag.fouten.length > 0 ? console.error : console.log)(verslag(uitslag));
process.exitCode = uitslag.fouten.length > 0 ? 1 : 0;

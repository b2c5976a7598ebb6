/**
 * Where `npm start` writes its log: Astro's own terminal output (astro/logger/node), through
 * a filter that keeps what an editor needs, in Dutch. Loaded by Astro's Logger API
 * (`logger.entrypoint`, set for `astro dev` by integraties/terminal.ts).
 *
 * Kept: every error, every warning but one, the lines of the site's own integrations (the
 * content check's, the editing UI's) and where the site runs, in Dutch. Left out: the English
 * lines an editor can do nothing with, or should not: Astro's router warning while a file has
 * a mistake (the content check's line names the file already, and the page shows it), the
 * invitation to upgrade Astro (`npx @astrojs/upgrade` in a project with pinned versions),
 * one line per request, and Astro's and Vite's progress. `astro dev --verbose` shows it all.
 */
import { stripVTControlCharacters } from 'node:util';
import type { AstroLoggerDestination, AstroLoggerMessage } from 'astro';
import astroTerminal from 'astro/logger/node';

export interface Opties {
  /** The names of the project's own integrations: their info lines are for the editor. */
  eigen: string[];
}

/** The message as the editor's terminal shows it, or undefined when it is left out. */
export function voorDeRedactie(bericht: AstroLoggerMessage, { eigen }: Opties): AstroLoggerMessage | undefined {
  if (bericht.level === 'error') return bericht;
  const tekst = stripVTControlCharacters(bericht.message);
  if (bericht.label === 'SKIP_FORMAT') {
    if (/New version of Astro|@astrojs\/upgrade/.test(tekst)) return undefined;
    const lokaal = /Local\s+(https?:\/\/\S+)/.exec(tekst)?.[1];
    if (!lokaal) return bericht;
    const netwerk = [...tekst.matchAll(/(https?:\/\/\S+)/g)].map((m) => m[1]).filter((adres) => adres !== lokaal);
    return {
      ...bericht,
      message: [
        `De site draait op ${lokaal}`,
        ...netwerk.map((adres) => `Op het netwerk: ${adres}`),
        `De redactie: ${new URL('admin/', lokaal).href}`,
        'Stoppen: Ctrl+C in dit venster.',
        '',
      ].join('\n'),
    };
  }
  if (bericht.level === 'warn') {
    return bericht.label === 'router' && tekst.includes('getStaticPaths()') ? undefined : bericht;
  }
  return bericht.label !== null && eigen.includes(bericht.label) ? bericht : undefined;
}

export default function terminal(opties: Opties = { eigen: [] }): AstroLoggerDestination {
  // Astro's logger has already applied the level (--verbose, --silent); this one writes what reaches it.
  const astro = astroTerminal({ level: 'debug' });
  return {
    write: (bericht) => {
      const getoond = voorDeRedactie(bericht, opties);
      if (getoond) astro.write(getoond);
    },
  };
}

import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { standaard } from '../src/omgeving.ts';
import { schrijfStartadres, wisStartadres } from './startadres.ts';
import type { Opties } from './terminal-uitvoer.ts';

/**
 * The terminal of `npm start` (astro dev), for an editor: only the Dutch lines that matter
 * (integraties/terminal-uitvoer.ts, through Astro's Logger API). A build's log stays as Astro
 * writes it: it is read by developers, on Netlify.
 *
 * Astro's check for a newer version is off for `astro dev`: its prompt (`npx @astrojs/upgrade`)
 * invites an editor to change the project's pinned versions, and it asks the npm registry on
 * every start. ASTRO_DISABLE_UPDATE_CHECK is the variable Astro's update check reads; a value
 * the caller set wins. `astro dev --verbose` shows every line, for a developer.
 *
 * The address it runs on goes to a file (integraties/startadres.ts), for `npm run nieuw`.
 */
export function terminal(): AstroIntegration {
  let root = '';
  let base = '/';
  return {
    name: 'terminal',
    hooks: {
      'astro:config:setup': ({ command, config, logger, updateConfig }) => {
        root = fileURLToPath(config.root);
        base = config.base;
        if (command !== 'dev' || logger.options.level === 'debug') return;
        standaard('ASTRO_DISABLE_UPDATE_CHECK', 'true');
        const eigen = config.integrations.map((i) => i.name).filter((naam) => !naam.startsWith('@astrojs/') && !naam.startsWith('astro:'));
        const opties: Opties = { eigen };
        updateConfig({ logger: { entrypoint: new URL('./terminal-uitvoer.ts', import.meta.url), config: { ...opties } } });
      },
      'astro:server:start': ({ address }) => schrijfStartadres(root, new URL(base, `http://localhost:${address.port}`).href),
      'astro:server:done': () => wisStartadres(root),
    },
  };
}

import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { kleurTokensCss } from '../src/styles/kleuren.ts';

/** What src/layouts/BaseLayout.astro imports; the id ends in .css, so Vite handles it as a stylesheet. */
const MODULE = 'virtual:kleur-tokens.css';
const ID = `\0${MODULE}`;

/**
 * The colour tokens have one source, src/styles/kleuren.ts, which mails and share images
 * read directly. The site reads them as CSS custom properties: this stylesheet is their
 * `:root` block, made from that file, and goes into each page's CSS like
 * src/styles/global.css does. `astro dev` restarts when kleuren.ts is saved, as it does
 * for the config, so open pages get the new colours.
 */
export function kleurTokens(): AstroIntegration {
  const plugin: Plugin = {
    name: 'kleur-tokens',
    resolveId: (id) => (id === MODULE ? ID : undefined),
    load: (id) => (id === ID ? kleurTokensCss() : undefined),
  };
  return {
    name: 'kleur-tokens',
    hooks: {
      'astro:config:setup': ({ addWatchFile, updateConfig }) => {
        addWatchFile(new URL('../src/styles/kleuren.ts', import.meta.url));
        updateConfig({ vite: { plugins: [plugin] } });
      },
    },
  };
}

import type { SatteriProcessorOptions } from '@astrojs/markdown-satteri';
import Slugger from 'github-slugger';

type HastPlugin = NonNullable<SatteriProcessorOptions['hastPlugins']>[number];

/**
 * Sätteri (Astro's Markdown engine) plugin: every heading from h2 down gets a link
 * to itself, so readers can share a section of a long chapter.
 *
 * The link sits after the heading, not inside it, so the heading's accessible name
 * and the text in `getHeadings()` stay clean; a screen reader hears "Link naar
 * ‘…’" instead of a bare "#". Astro's own heading-ids plugin runs after user
 * plugins, so this one sets the ids itself with the same slugger; Astro keeps an
 * existing id.
 *
 * `map`: only Markdown files under this folder get anchors (the guide), so other
 * pages keep their plain headings.
 */
export function kopAnkers(map: URL): HastPlugin {
  return ({ fileURL }) => {
    if (!fileURL?.href.startsWith(map.href)) return null;
    const slugger = new Slugger();
    return {
      name: 'kop-ankers',
      element: {
        filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
        visit(kop, ctx) {
          const tekst = ctx.textContent(kop).trim();
          const bestaand = kop.properties?.id;
          const id = typeof bestaand === 'string' ? bestaand : slugger.slug(tekst);
          ctx.setProperty(kop, 'id', id);
          if (kop.tagName === 'h1') return;
          ctx.wrapNode(kop, {
            type: 'element',
            tagName: 'div',
            properties: { className: ['kop-anker'] },
            children: [
              {
                type: 'element',
                tagName: 'a',
                properties: { className: ['kop-anker__link'], href: `#${id}` },
                children: [
                  { type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '#' }] },
                  {
                    type: 'element',
                    tagName: 'span',
                    properties: { className: ['visueel-verborgen'] },
                    children: [{ type: 'text', value: `Link naar ‘${tekst}’` }],
                  },
                ],
              },
            ],
          });
        },
      },
    };
  };
}

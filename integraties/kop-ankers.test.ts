import { pathToFileURL } from 'node:url';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { describe, expect, it } from 'vitest';
import { kopAnkers } from './kop-ankers.ts';

const gidsMap = pathToFileURL('/project/src/content/gids/');

async function render(markdown: string, bestand: string) {
  const processor = await createSatteriMarkdownProcessor({ hastPlugins: [kopAnkers(gidsMap)] });
  return processor.render(markdown, { fileURL: pathToFileURL(bestand) });
}

describe('kopAnkers', () => {
  it('zet na elk kopje in de gids een link naar dat kopje, met tekst voor schermlezers', async () => {
    const { code } = await render('## Wat is een opgave?\n\nTekst.', '/project/src/content/gids/opgave.md');
    expect(code).toContain('<h2 id="wat-is-een-opgave">Wat is een opgave?</h2>');
    expect(code).toMatch(
      /<div class="kop-anker"><h2 id="wat-is-een-opgave">.*?<\/h2><a class="kop-anker__link" href="#wat-is-een-opgave">/,
    );
    expect(code).toContain('<span aria-hidden="true">#</span>');
    expect(code).toContain('<span class="visueel-verborgen">Link naar ‘Wat is een opgave?’</span>');
  });

  it('houdt de tekst van het kopje schoon voor de inhoudsopgave', async () => {
    const { metadata } = await render('## Richting\n\n### Ruimte', '/project/src/content/gids/besturen.md');
    expect(metadata.headings).toEqual([
      { depth: 2, slug: 'richting', text: 'Richting' },
      { depth: 3, slug: 'ruimte', text: 'Ruimte' },
    ]);
  });

  it('maakt dubbele kopjes uniek, zoals Astro zelf', async () => {
    const { code } = await render('## Voorbeeld\n\n## Voorbeeld', '/project/src/content/gids/x.md');
    expect(code).toContain('href="#voorbeeld"');
    expect(code).toContain('href="#voorbeeld-1"');
    expect(code).toContain('id="voorbeeld-1"');
  });

  it('laat kopjes buiten de gids met rust', async () => {
    const { code } = await render('## Doelgroep', '/project/src/content/bijeenkomsten/iets.md');
    expect(code).not.toContain('kop-anker');
    expect(code).toContain('<h2 id="doelgroep">Doelgroep</h2>');
  });
});

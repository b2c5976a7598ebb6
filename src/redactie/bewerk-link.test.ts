import { describe, expect, it } from 'vitest';
import { bewerkUrl } from './bewerk-link.ts';

describe('bewerkUrl', () => {
  const basis = 'https://github.com/vpng/site/edit/main/';
  it('wijst naar het Markdown-bestand van de pagina', () => {
    expect(bewerkUrl('src/content/bijeenkomsten/opgavegericht-besturen.md', basis)).toBe(
      'https://github.com/vpng/site/edit/main/src/content/bijeenkomsten/opgavegericht-besturen.md',
    );
  });
  it('werkt ook zonder slash aan het eind van de instelling', () => {
    expect(bewerkUrl('src/content/paginas/privacy.md', 'https://github.com/vpng/site/edit/main')).toBe(
      'https://github.com/vpng/site/edit/main/src/content/paginas/privacy.md',
    );
  });
  it('geeft geen link zonder instelling of zonder bestand', () => {
    expect(bewerkUrl('src/content/paginas/privacy.md', undefined)).toBeUndefined();
    expect(bewerkUrl('src/content/paginas/privacy.md', '  ')).toBeUndefined();
    expect(bewerkUrl(undefined, basis)).toBeUndefined();
  });
});

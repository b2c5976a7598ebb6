import { existsSync, readdirSync } from 'node:fs';
import { bedanktPad, bijeenkomstPad } from '../../src/bijeenkomst/paden.ts';

/**
 * The pages the budgets name, looked up in the build and the content: the first
 * bijeenkomst, the first guide chapter and its bedankt page, when they exist.
 */
export interface DoelPagina {
  naam: string;
  pad?: string | undefined;
  /** Why there is no such page (yet). */
  ontbreekt?: string | undefined;
}

export function doelPaginas(root: URL): DoelPagina[] {
  const dist = new URL('dist/', root);
  const inDist = (pad: string) => existsSync(new URL(`.${pad}index.html`, dist));
  const eerste = (map: URL) =>
    existsSync(map)
      ? readdirSync(map)
          .filter((f) => f.endsWith('.md'))
          .sort()[0]
          ?.replace(/\.md$/, '')
      : undefined;

  const slug = eerste(new URL('src/content/bijeenkomsten/', root));
  const hoofdstuk = eerste(new URL('src/content/gids/', root));
  const bedankt = slug ? bedanktPad(slug) : undefined;
  return [
    { naam: 'home', pad: '/' },
    slug
      ? { naam: 'bijeenkomst', pad: bijeenkomstPad(slug) }
      : { naam: 'bijeenkomst', ontbreekt: 'geen bijeenkomst in src/content/bijeenkomsten/' },
    hoofdstuk && inDist(`/gids/${hoofdstuk}/`)
      ? { naam: 'gidshoofdstuk', pad: `/gids/${hoofdstuk}/` }
      : { naam: 'gidshoofdstuk', ontbreekt: 'nog geen hoofdstuk in src/content/gids/' },
    bedankt && inDist(bedankt)
      ? { naam: 'bedankt', pad: bedankt }
      : { naam: 'bedankt', ontbreekt: `${bedankt ?? '/bijeenkomsten/<slug>/bedankt/'} bestaat nog niet` },
  ];
}

import { AGENDA_PAD } from './bijeenkomst/paden.ts';

/** Site-wide names and navigation, in one place. */
export const SITE_NAAM = 'Opgavegericht besturen';
export const ORGANISATIE = 'VPNG';

export const NAVIGATIE = [
  { href: AGENDA_PAD, tekst: 'Bijeenkomsten' },
  { href: '/gids/', tekst: 'Inspiratiegids' },
  { href: '/wat-doen-we/', tekst: 'Wat doen we?' },
] as const;

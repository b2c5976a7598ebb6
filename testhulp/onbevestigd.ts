import { ELEMENT_NODE, parse, TEXT_NODE, walkSync } from 'ultrahtml';
import type { Bijeenkomst } from '../src/bijeenkomst/schema.ts';

/**
 * The check behind "an unconfirmed year is never shown as a fact": wherever a text names
 * the year of an event whose year (or whole date) is not yet confirmed, the mark follows
 * that date. The text is read, not compared with a fixed sentence: every way the year can
 * stand in it (on its own, `4 november 2027`, `2027-11-04`, `2027-11-04T13:30`) is found,
 * and after the date (and a time, if one is glued to it) must come "(jaar nog te
 * bevestigen)" or "(datum nog te bevestigen)".
 */

/** The years that are on the site but not confirmed: an event marked `jaar` or `datum`. */
export function onbevestigdeJaren(bijeenkomsten: Iterable<Pick<Bijeenkomst, 'datum' | 'onbevestigd'>>): string[] {
  const jaren = new Set<string>();
  for (const b of bijeenkomsten) {
    if (b.onbevestigd.includes('jaar') || b.onbevestigd.includes('datum')) jaren.add(b.datum.slice(0, 4));
  }
  return [...jaren].sort();
}

/** What may follow the year: the rest of an ISO date and time, then the mark. */
const MARKERING_NA = /^(?:-\d{2}-\d{2}(?:T[\d:.+-]+)?)?\s*\((?:jaar|datum) nog te bevestigen\)/;

/**
 * Each place in `tekst` where `jaar` stands as a number of its own (not inside a longer
 * number such as `20271104`) without the mark after its date, with a little of the text
 * around it, so a failing test says where.
 */
export function jaarZonderMarkering(tekst: string, jaar: string): string[] {
  const vondsten: string[] = [];
  const patroon = new RegExp(`(?<!\\d)${jaar}(?!\\d)`, 'g');
  for (const treffer of tekst.matchAll(patroon)) {
    const na = tekst.slice(treffer.index + jaar.length);
    if (!MARKERING_NA.test(na)) {
      vondsten.push(tekst.slice(Math.max(0, treffer.index - 40), treffer.index + jaar.length + 40).replace(/\s+/g, ' '));
    }
  }
  return vondsten;
}

/** Attributes that hold an address, not words: a link's target is checked where it leads (the calendar file, the page). */
const ADRES_ATTRIBUTEN = new Set(['href', 'src', 'srcset', 'action']);

/**
 * Everything a person or a machine reads in an HTML document, one piece per line: the
 * text, JSON-LD (a date there is a claim to search engines), and every attribute but
 * addresses, `datetime` included. Other scripts and styles are code, not text.
 */
export function htmlTekst(html: string): string {
  const delen: string[] = [];
  const code = new Set<unknown>();
  walkSync(parse(html), (node, ouder) => {
    if (node.type === ELEMENT_NODE) {
      const soort = String(node.attributes.type ?? '');
      if (node.name === 'style' || (node.name === 'script' && soort !== 'application/ld+json')) code.add(node);
      for (const [naam, waarde] of Object.entries(node.attributes)) {
        if (!ADRES_ATTRIBUTEN.has(naam.toLowerCase())) delen.push(String(waarde));
      }
    } else if (node.type === TEXT_NODE && !code.has(ouder)) {
      delen.push(node.value);
    }
  });
  return delen.join('\n');
}

/** A plain-text mail without its web addresses: what they open is checked on its own (the .ics, the pages). */
export function zonderAdressen(tekst: string): string {
  return tekst.replace(/https?:\/\/\S+/g, '');
}

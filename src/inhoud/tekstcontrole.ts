/**
 * The checks of the text under the fields of one Markdown file (its body), for the content
 * check (src/inhoud/controle.ts): what an editor's Markdown can get wrong that the fields
 * cannot show. Line by line, outside code blocks and code spans, so that an example in
 * code is never taken for the thing itself. Free of Node: whether an image file exists and
 * how large it is, the content check looks up itself.
 */
import { AFBEELDINGEN_MAP, AFBEELDINGEN_PAD } from './afbeeldingen.ts';
import type { Collectie } from './schemas.ts';

/** The last heading of every chapter of the guide: where its content comes from. */
export const BRONNEN_KOP = 'Waar dit hoofdstuk vandaan komt';

export interface Afbeelding {
  /** As written in the Markdown: `/afbeeldingen/zaal.jpg`. */
  bron: string;
  /** Line in the file, from 1. */
  regel: number;
}

export interface Tekstuitslag {
  fouten: string[];
  /** The images in the media folder the text shows, for the check of file and size. */
  afbeeldingen: Afbeelding[];
}

interface Kop {
  niveau: number;
  tekst: string;
  /** Whether a line with text follows it before the next heading. */
  metTekst: boolean;
}

/** A line that opens or closes a fenced code block: three or more ` or ~. */
const hekPatroon = /^ {0,3}(`{3,}|~{3,})/;
const atxPatroon = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
const setextH1 = /^ {0,3}=+[ \t]*$/;
const htmlH1 = /<h1[\s>]/i;
const referentie = /^ {0,3}\[([^\]]+)\]:[ \t]*<?([^\s>]+)>?/;
const codestuk = /`[^`\n]*`/g;
const bestandsnaam = /\.(?:jpe?g|png|gif|webp|avif|svg)$/i;

const attributen = {
  alt: /\salt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i,
  src: /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i,
};

/** An attribute of one HTML tag, or undefined. */
function attribuut(tag: string, naam: keyof typeof attributen): string | undefined {
  const m = attributen[naam].exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3] ?? '') : undefined;
}

interface Gevonden {
  alt: string;
  /** The file as written, or for `![alt][ref]` the reference's name. */
  bron: string;
  soort: 'inline' | 'referentie' | 'html';
}

/**
 * The images of one line: `![alt](bron "titel")`, `![alt][ref]` and `<img …>`. Read by hand
 * rather than with global patterns: a pattern tried from every position of a long line takes
 * quadratic time, and each search here stops for good once what it needs is not further on.
 */
function beeldenIn(regel: string): Gevonden[] {
  const uit: Gevonden[] = [];
  for (let i = regel.indexOf('!['); i !== -1; i = regel.indexOf('![', i + 2)) {
    const sluit = regel.indexOf(']', i + 2);
    if (sluit === -1) break;
    const alt = regel.slice(i + 2, sluit);
    const na = regel.charAt(sluit + 1);
    const eind = na === '(' ? regel.indexOf(')', sluit + 2) : na === '[' ? regel.indexOf(']', sluit + 2) : -2;
    if (eind === -1) break;
    if (eind === -2) continue;
    const binnen = regel.slice(sluit + 2, eind).trim();
    if (na === '(') uit.push({ alt, bron: binnen.split(/\s/)[0] ?? '', soort: 'inline' });
    else uit.push({ alt, bron: binnen || alt, soort: 'referentie' });
    i = eind - 1;
  }
  const klein = regel.toLowerCase();
  for (let i = klein.indexOf('<img'); i !== -1; i = klein.indexOf('<img', i + 4)) {
    const eind = regel.indexOf('>', i);
    if (eind === -1) break;
    const tag = regel.slice(i, eind + 1);
    uit.push({ alt: attribuut(tag, 'alt') ?? '', bron: attribuut(tag, 'src') ?? '', soort: 'html' });
  }
  return uit;
}

/** The text of an HTML line without its tags. */
function zonderTags(regel: string): string {
  let uit = '';
  let binnen = false;
  for (const teken of regel) {
    if (teken === '<') binnen = true;
    else if (teken === '>') binnen = false;
    else if (!binnen) uit += teken;
  }
  return uit;
}

/** The heading's text: without the #'s in front and any closing #'s. */
function kopTekst(regel: string, hekjes: string): string {
  let tekst = regel.trim().slice(hekjes.length).trim();
  while (tekst.endsWith('#')) tekst = tekst.slice(0, -1);
  return tekst.trim();
}

/**
 * `lichaam` is the text under the fields; `eersteRegel` the line number in the file of its
 * first line. A draft (`concept`) may still lack what a finished text needs (the guide's
 * sources); what would be wrong on any page (a second main heading, an image without a
 * description) counts in a draft too.
 */
export function controleerTekst(
  collectie: Collectie,
  bestand: string,
  lichaam: string,
  eersteRegel: number,
  concept: boolean,
): Tekstuitslag {
  const fouten: string[] = [];
  const afbeeldingen: Afbeelding[] = [];
  const regels = lichaam.split('\n');

  // Reference-style images name their file in a definition elsewhere in the text.
  const definities = new Map<string, string>();
  for (const r of regels) {
    const m = referentie.exec(r);
    if (m?.[1] && m[2]) definities.set(m[1].toLowerCase(), m[2]);
  }

  const koppen: Kop[] = [];
  let hek: string | undefined;
  for (const [i, r] of regels.entries()) {
    const nr = eersteRegel + i;
    const fence = hekPatroon.exec(r)?.[1];
    if (hek) {
      if (fence && fence[0] === hek[0] && fence.length >= hek.length) hek = undefined;
      continue;
    }
    if (fence) {
      hek = fence;
      continue;
    }
    const tekst = r.replace(codestuk, '');

    const atx = atxPatroon.exec(tekst);
    if (atx?.[1]) {
      const niveau = atx[1].length;
      const kop = kopTekst(tekst, atx[1]);
      koppen.push({ niveau, tekst: kop, metTekst: false });
      if (niveau === 1) fouten.push(tweedeHoofdkop(bestand, nr, r.trim(), kop));
    } else if (setextH1.test(tekst) && i > 0 && (regels[i - 1] ?? '').trim() !== '') {
      const kop = (regels[i - 1] ?? '').trim();
      koppen.push({ niveau: 1, tekst: kop, metTekst: false });
      fouten.push(tweedeHoofdkop(bestand, nr - 1, kop, kop));
    } else if (htmlH1.test(tekst)) {
      fouten.push(tweedeHoofdkop(bestand, nr, r.trim(), zonderTags(r).trim()));
    } else if (tekst.trim() !== '' && !referentie.test(tekst)) {
      const laatste = koppen.at(-1);
      if (laatste) laatste.metTekst = true;
    }

    for (const { alt, bron, soort } of beeldenIn(tekst)) {
      const bestandVan = soort === 'referentie' ? definities.get(bron.toLowerCase()) : bron;
      if (bestandVan !== undefined)
        afbeeldingen.push(...beeld(fouten, bestand, nr, alt, bestandVan, soort === 'html' ? 'html' : 'markdown'));
    }
  }

  if (collectie === 'gids' && !concept) {
    const laatste = koppen.filter((k) => k.niveau === 2).at(-1);
    const slot = koppen.at(-1);
    if (laatste?.tekst !== BRONNEN_KOP || slot !== laatste || !laatste.metTekst) {
      fouten.push(
        `${bestand}: tekst onder de velden: het hoofdstuk eindigt niet met de tussenkop "${BRONNEN_KOP}", met daaronder waar ` +
          `de inhoud vandaan komt. Zet die als laatste tussenkop. Voorbeeld: ## ${BRONNEN_KOP}`,
      );
    }
  }
  return { fouten, afbeeldingen };
}

function tweedeHoofdkop(bestand: string, nr: number, zoalsGeschreven: string, kop: string): string {
  return (
    `${bestand}: regel ${nr}: "${zoalsGeschreven}" is een tweede hoofdkop: de titel bovenaan is al de hoofdkop van de pagina. ` +
    `Maak er een tussenkop van, met twee #. Voorbeeld: ## ${kop}`
  );
}

/** The mistakes of one image; the image itself when it is in the media folder, for the check of the file. */
function beeld(fouten: string[], bestand: string, nr: number, alt: string, bron: string, soort: 'markdown' | 'html'): Afbeelding[] {
  const waar = `${bestand}: regel ${nr}: de afbeelding ${bron}`;
  const naam = bron.split('/').at(-1) || 'naam.jpg';
  const goed = `${AFBEELDINGEN_PAD}${naam}`;
  const voorbeeld = (beschrijving: string) =>
    soort === 'markdown' ? `![${beschrijving}](${goed})` : `<img src="${goed}" alt="${beschrijving}">`;
  const beschrijving = alt.trim();
  if (beschrijving === '') {
    const hoe = soort === 'markdown' ? 'Schrijf tussen de [ ] wat erop staat' : 'Schrijf die in alt="…"';
    fouten.push(
      `${waar} heeft geen beschrijving (alt-tekst). ${hoe}, voor wie de afbeelding niet ziet. Voorbeeld: ${voorbeeld('Wethouders in gesprek aan een tafel')}`,
    );
  } else if (bestandsnaam.test(beschrijving)) {
    fouten.push(
      `${waar} heeft als beschrijving alleen de bestandsnaam. Schrijf wat erop staat, voor wie de afbeelding niet ziet. ` +
        `Voorbeeld: ${voorbeeld('Wethouders in gesprek aan een tafel')}`,
    );
  }
  const zelf = beschrijving && !bestandsnaam.test(beschrijving) ? beschrijving : 'Beschrijving';
  if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(bron)) {
    fouten.push(
      `${waar} staat op een andere site; de site toont alleen eigen afbeeldingen. Zet hem in ${AFBEELDINGEN_MAP} ` +
        `(in de redactie: Media, Nieuwe uploaden). Voorbeeld: ${voorbeeld(zelf)}`,
    );
    return [];
  }
  const onderdelen = bron.split('/');
  if (!bron.startsWith(AFBEELDINGEN_PAD) || onderdelen.includes('..') || onderdelen.includes('.')) {
    fouten.push(
      `${waar} staat niet in de afbeeldingenmap. Zet hem in ${AFBEELDINGEN_MAP} en schrijf het adres vanaf ${AFBEELDINGEN_PAD}. ` +
        `Voorbeeld: ${voorbeeld(zelf)}`,
    );
    return [];
  }
  return [{ bron, regel: nr }];
}

import {
  Document,
  isMap,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  parseDocument,
  Scalar,
  type ToStringOptions,
  visit,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { tijdPatroon } from '../bijeenkomst/schema.ts';
import { frontmatterPatroon } from '../inhoud/frontmatter.ts';

/**
 * How the editing UI (Decap CMS) reads and writes a Markdown file of src/content/, so that
 * saving changes only what the editor changed. Decap's own frontmatter format writes the
 * whole file anew: it drops `#` comments, re-quotes, re-folds long text at 80 columns and
 * removes blank lines. This one edits the file's own text in place instead:
 *
 * - `leesBestand` gives Decap the fields, the text under them (`body`), and the file itself
 *   under the key `BRON`, which Decap keeps in the entry like any field it has no widget for;
 * - `schrijfBestand` compares the fields with the file's and splices only the values that
 *   differ into the original text, each in the style it had (quotes, folding, flow or
 *   block). A changed word in folded text changes the line it is on, not the paragraph.
 *   Untouched fields, comments, blank lines and the text under the fields stay byte for
 *   byte. Every result is read back and compared with the fields; should the in-place edit
 *   not give exactly those fields, it falls back to the `yaml` package's document editing
 *   (which still keeps comments), and never writes something else than what was entered.
 *
 * Registered in the CMS by src/redactie/browser/start.ts; free of Node and of Decap.
 */

/** The name under which the CMS knows this format (`format` of a collection). */
export const FORMAAT = 'markdown-ter-plaatse';

/** The entry key under which the file's own text travels from `leesBestand` to `schrijfBestand`. */
export const BRON = '__bestand';

/** The house style for what is written anew: no folding, `[a, b]`, list items indented under their key. */
const OPMAAK: ToStringOptions = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false, indentSeq: true };

type Velden = Record<string, unknown>;

/** A file cut at its frontmatter: `voor` + `kop` + `na` + `tussen` + `lichaam` is the whole file. */
interface Delen {
  voor: string;
  /** The fields, from just after the opening `---` to just before the closing one. */
  kop: string;
  na: string;
  /** The line breaks between the closing `---` and the text. */
  tussen: string;
  lichaam: string;
}

function delen(tekst: string): Delen | undefined {
  const treffer = frontmatterPatroon.exec(tekst);
  if (!treffer || treffer[1] === undefined) return undefined;
  const begin = treffer.index + treffer[0].length - 3 - treffer[1].length;
  const eind = treffer.index + treffer[0].length;
  const tussen = /^\n*/.exec(tekst.slice(eind))?.[0] ?? '';
  return {
    voor: tekst.slice(0, begin),
    kop: treffer[1],
    na: tekst.slice(begin + treffer[1].length, eind),
    tussen,
    lichaam: tekst.slice(eind + tussen.length),
  };
}

/** The entry Decap edits: the fields, the text under them as `body`, and the file itself. */
export function leesBestand(tekst: string): Velden {
  const d = delen(tekst);
  if (!d) return { ...(tekst.trim() ? { body: tekst } : {}), [BRON]: tekst };
  const doc = parseDocument(d.kop);
  if (doc.errors.length > 0) throw new Error(`De velden bovenaan zijn geen geldige YAML: ${doc.errors[0]?.message ?? ''}`);
  const velden = doc.toJS() ?? {};
  if (typeof velden !== 'object' || Array.isArray(velden)) throw new Error('De velden bovenaan zijn geen lijst van velden.');
  return { ...velden, ...(d.lichaam.trim() ? { body: d.lichaam } : {}), [BRON]: tekst };
}

/**
 * The file for an entry: the original text with only what changed spliced in, or, for a
 * new entry, the fields in `volgorde` (the order of the CMS's fields) and the text.
 */
export function schrijfBestand(data: Velden, volgorde: readonly string[] = []): string {
  const { body, [BRON]: bron, ...rest } = data;
  const velden = zonderLeeg(rest);
  const lichaam = typeof body === 'string' ? body : '';
  const oud = typeof bron === 'string' ? delen(bron) : undefined;
  if (!oud) return `---${nieuweKop(velden, volgorde)}---\n\n${lichaam}`;
  const kop = pasKopAan(oud.kop, velden, volgorde);
  if (lichaam === oud.lichaam) return `${oud.voor}${kop}${oud.na}${oud.tussen}${oud.lichaam}`;
  const tussen = oud.lichaam === '' && lichaam !== '' ? '\n\n' : oud.tussen;
  return `${oud.voor}${kop}${oud.na}${tussen}${lichaam}`;
}

/** Decap leaves a field it emptied as undefined: such a field is not written. */
function zonderLeeg(velden: Velden): Velden {
  return Object.fromEntries(Object.entries(velden).filter(([, waarde]) => waarde !== undefined));
}

function nieuweKop(velden: Velden, volgorde: readonly string[]): string {
  const geordend = Object.fromEntries([...Object.entries(velden)].sort(([a], [b]) => plaats(volgorde, a) - plaats(volgorde, b)));
  if (Object.keys(geordend).length === 0) return '\n';
  const doc = new Document(geordend);
  tijdenGeciteerd(doc);
  return `\n${doc.toString(OPMAAK)}`;
}

const plaats = (volgorde: readonly string[], sleutel: string) => {
  const i = volgorde.indexOf(sleutel);
  return i === -1 ? volgorde.length : i;
};

/**
 * A time such as 13:30 written anew gets quotes, as the guide asks: a YAML 1.1 reader
 * (gray-matter, older tools) would read it as a number of minutes.
 */
function tijdenGeciteerd(doc: Document | Node): void {
  visit(doc, {
    Scalar(_sleutel, node) {
      if (typeof node.value === 'string' && tijdPatroon.test(node.value) && !node.type) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
}

/** The in-place edit could not be made in this form; the next way is tried. */
class NietTerPlaatse extends Error {}

/** The new frontmatter: the first of these ways that gives exactly `velden` when read back. */
function pasKopAan(kop: string, velden: Velden, volgorde: readonly string[]): string {
  const manieren = [
    () => terPlaatse(kop, velden, volgorde, true),
    () => terPlaatse(kop, velden, volgorde, false),
    () => metDocument(kop, velden),
  ];
  for (const manier of manieren) {
    try {
      const nieuw = manier();
      if (gelijk(leesKop(nieuw), velden)) return nieuw;
    } catch (fout) {
      if (!(fout instanceof NietTerPlaatse)) throw fout;
    }
  }
  return nieuweKop(velden, volgorde);
}

function leesKop(kop: string): unknown {
  const doc = parseDocument(kop);
  if (doc.errors.length > 0) return undefined;
  return doc.toJS() ?? {};
}

/** Deep equality of values as YAML gives them: plain objects, arrays, strings, numbers, booleans, null. */
function gelijk(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => gelijk(x, b[i]));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const ka = Object.keys(a).filter((k) => a[k] !== undefined);
  const kb = Object.keys(b).filter((k) => b[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && gelijk(a[k], b[k]));
}

const isObject = (w: unknown): w is Velden => typeof w === 'object' && w !== null && !Array.isArray(w);
const isScalair = (w: unknown) => w === null || ['string', 'number', 'boolean'].includes(typeof w);

/** The `yaml` package's own editing of the document: keeps comments, not every line break of folded text. */
function metDocument(kop: string, velden: Velden): string {
  const doc = parseDocument(kop);
  if (!isMap(doc.contents)) throw new NietTerPlaatse();
  const kaart = doc.contents;
  for (const paar of [...kaart.items]) {
    const sleutel = sleutelVan(paar);
    if (!Object.hasOwn(velden, sleutel)) kaart.delete(paar.key);
  }
  const oud = (doc.toJS() ?? {}) as Velden;
  for (const [sleutel, waarde] of Object.entries(velden)) {
    if (!gelijk(oud[sleutel], waarde)) {
      const node = doc.createNode(waarde);
      tijdenGeciteerd(node);
      doc.set(sleutel, node);
    }
  }
  return `\n${doc.toString(OPMAAK)}`;
}

/** One replacement in the frontmatter's text. */
interface Splits {
  van: number;
  tot: number;
  tekst: string;
}

/** The edit of one frontmatter: its text, and the replacements collected so far. */
class Bewerking {
  readonly splitsen: Splits[] = [];
  constructor(
    readonly kop: string,
    readonly herschikken: boolean,
  ) {}

  vervang(van: number, tot: number, tekst: string): void {
    this.splitsen.push({ van, tot, tekst });
  }

  /** The column of offset `i`. */
  kolom(i: number): number {
    return i - (this.kop.lastIndexOf('\n', i - 1) + 1);
  }

  regelBegin(i: number): number {
    return this.kop.lastIndexOf('\n', i - 1) + 1;
  }

  /** The offset just past the line break that ends the line holding offset `i - 1`. */
  regelEinde(i: number): number {
    if (i > 0 && this.kop[i - 1] === '\n') return i;
    const n = this.kop.indexOf('\n', i);
    return n === -1 ? this.kop.length : n + 1;
  }

  resultaat(): string {
    const gesorteerd = this.splitsen.map((s, i) => ({ ...s, i })).sort((a, b) => a.van - b.van || a.i - b.i);
    let uit = '';
    let positie = 0;
    for (const s of gesorteerd) {
      if (s.van < positie) throw new NietTerPlaatse();
      uit += this.kop.slice(positie, s.van) + s.tekst;
      positie = s.tot;
    }
    return uit + this.kop.slice(positie);
  }
}

function terPlaatse(kop: string, velden: Velden, volgorde: readonly string[], herschikken: boolean): string {
  const doc = parseDocument(kop);
  if (doc.errors.length > 0) throw new NietTerPlaatse();
  const b = new Bewerking(kop, herschikken);
  if (doc.contents === null) {
    // Only comments or nothing between the dashes: the fields go at the end.
    b.vervang(kop.length, kop.length, nieuweKop(velden, volgorde).slice(1));
    return b.resultaat();
  }
  if (!isMap(doc.contents)) throw new NietTerPlaatse();
  pasKaartAan(b, doc, doc.contents, velden, volgorde);
  return b.resultaat();
}

function sleutelVan(paar: Pair): string {
  if (!isScalar(paar.key) || (typeof paar.key.value !== 'string' && typeof paar.key.value !== 'number')) throw new NietTerPlaatse();
  return String(paar.key.value);
}

function bereik(node: Node | null | undefined): [number, number, number] {
  if (!node?.range) throw new NietTerPlaatse();
  return node.range;
}

/** Where a pair's lines start; not when something else stands before its key on that line (a list item's `- `). */
function paarBegin(b: Bewerking, paar: Pair): number {
  const sleutel = bereik(paar.key as Node)[0];
  const begin = b.regelBegin(sleutel);
  if (b.kop.slice(begin, sleutel).trim() !== '') throw new NietTerPlaatse();
  return begin;
}

/** Where a pair's text ends: past the line break after its value (and any comment on that line). */
function paarEinde(b: Bewerking, paar: Pair): number {
  const node = (paar.value as Node | null) ?? (paar.key as Node);
  return b.regelEinde(bereik(node)[2]);
}

function pasKaartAan(b: Bewerking, doc: Document, kaart: YAMLMap, velden: Velden, volgorde: readonly string[]): void {
  if (kaart.flow) throw new NietTerPlaatse();
  const paren = kaart.items.map((paar) => ({ sleutel: sleutelVan(paar), paar }));
  const eerste = paren[0];
  if (!eerste) throw new NietTerPlaatse();
  const kolom = b.kolom(bereik(eerste.paar.key as Node)[0]);
  const blijft = paren.filter(({ sleutel }) => Object.hasOwn(velden, sleutel));
  for (const { sleutel, paar } of paren) {
    if (!Object.hasOwn(velden, sleutel)) {
      b.vervang(paarBegin(b, paar), paarEinde(b, paar), '');
      continue;
    }
    pasWaardeAan(b, doc, paar, sleutel, velden[sleutel], kolom);
  }
  const bestaand = new Set(paren.map((p) => p.sleutel));
  for (const [sleutel, waarde] of Object.entries(velden)) {
    if (bestaand.has(sleutel)) continue;
    const tekst = paarTekst(sleutel, waarde, kolom);
    // After the nearest field that comes before it in the CMS's order, else before the nearest after it.
    const eigen = plaats(volgorde, sleutel);
    const ervoor = blijft.filter((p) => plaats(volgorde, p.sleutel) < eigen).at(-1);
    const erna = blijft.find((p) => plaats(volgorde, p.sleutel) > eigen);
    if (ervoor || !erna) {
      const na = ervoor ?? blijft.at(-1) ?? paren.at(-1);
      const positie = na ? paarEinde(b, na.paar) : b.kop.length;
      b.vervang(positie, positie, tekst);
    } else {
      const positie = paarBegin(b, erna.paar);
      b.vervang(positie, positie, tekst);
    }
  }
}

/** `sleutel: waarde` as whole lines at column `kolom`, in the house style. */
function paarTekst(sleutel: string, waarde: unknown, kolom: number, stijl?: Stijl): string {
  return `${' '.repeat(kolom)}${sleutel}:${waardeTekst(waarde, kolom, stijl)}\n`;
}

interface Stijl {
  type?: Scalar.Type | undefined;
  flow?: boolean | undefined;
}

/** What follows `sleutel:` for `waarde` at column `kolom`: ` 13`, ` >-\n    tekst`, `\n  - a`…, without the final line break. */
function waardeTekst(waarde: unknown, kolom: number, stijl?: Stijl): string {
  const doc = new Document({ k: null });
  const node = doc.createNode(waarde);
  tijdenGeciteerd(node);
  if (isScalar(node) && stijl?.type) node.type = stijl.type;
  if ((isSeq(node) || isMap(node)) && stijl?.flow) node.flow = true;
  doc.set('k', node);
  const tekst = doc.toString(OPMAAK).slice(2).replace(/\n$/, '');
  return tekst.replace(/\n(?=.)/g, `\n${' '.repeat(kolom)}`);
}

function pasWaardeAan(b: Bewerking, doc: Document, paar: Pair, sleutel: string, waarde: unknown, kolom: number): void {
  const node = paar.value as Node | null;
  const oud = node ? node.toJS(doc) : null;
  if (gelijk(oud, waarde)) return;
  if (node && isScalar(node) && isScalair(waarde)) vervangScalar(b, node, oud, waarde, kolom);
  else if (node && isMap(node) && isObject(waarde) && !node.flow && node.items.length > 0) pasKaartAan(b, doc, node, waarde, []);
  else if (node && isSeq(node) && Array.isArray(waarde)) pasLijstAan(b, doc, node, paar, sleutel, waarde, kolom);
  else vervangPaar(b, paar, sleutel, waarde, kolom, node && isScalar(node) ? { type: node.type } : undefined);
}

function vervangPaar(b: Bewerking, paar: Pair, sleutel: string, waarde: unknown, kolom: number, stijl?: Stijl): void {
  b.vervang(paarBegin(b, paar), paarEinde(b, paar), paarTekst(sleutel, waarde, kolom, stijl));
}

function vervangScalar(b: Bewerking, node: Scalar, oud: unknown, waarde: unknown, kolom: number): void {
  const [van, tot] = bereik(node);
  const bron = b.kop.slice(van, tot);
  let tekst: string | undefined;
  if (b.herschikken && typeof oud === 'string' && typeof waarde === 'string' && bron.trimEnd().includes('\n')) {
    tekst = herschik(bron, node.type, oud, waarde);
  }
  if (tekst === undefined) {
    tekst = waardeTekst(waarde, kolom, { type: node.type }).replace(/^ /, '');
    if (bron.endsWith('\n')) tekst += '\n';
  }
  b.vervang(van, tot, tekst);
}

/**
 * Text that runs over several lines (folded `>-`, or plain), with `nieuw` for `oud`: the
 * lines before and after the change stay as they are, only the lines the change touches
 * are joined into one with the new words. Undefined when the text is not in a form this
 * can keep (blank lines, extra indentation, quotes).
 */
function herschik(bron: string, type: Scalar.Type | undefined, oud: string, nieuw: string): string | undefined {
  let kopregel = '';
  let inhoud = bron;
  if (type === Scalar.BLOCK_FOLDED) {
    const eerste = bron.indexOf('\n');
    kopregel = bron.slice(0, eerste + 1);
    if (!/^>-?\n$/.test(kopregel)) return undefined;
    inhoud = bron.slice(eerste + 1);
  } else if (type !== Scalar.PLAIN) {
    return undefined;
  }
  const slot = inhoud.endsWith('\n') ? '\n' : '';
  const regels = (slot ? inhoud.slice(0, -1) : inhoud).split('\n');
  const inspringing = regels.map((r) => /^ */.exec(r)?.[0] ?? '');
  const teksten = regels.map((r, i) => r.slice(inspringing[i]?.length ?? 0));
  if (teksten.some((t) => t === '' || t !== t.trimEnd())) return undefined;
  // Folded text with one line more indented than the others keeps that line break: not handled here.
  const vervolg = type === Scalar.BLOCK_FOLDED ? inspringing : inspringing.slice(1);
  if (vervolg.some((i) => i !== vervolg[0])) return undefined;
  const samen = teksten.join(' ');
  const staart = oud.slice(samen.length);
  if (!oud.startsWith(samen) || (staart !== '' && staart !== '\n') || !nieuw.endsWith(staart)) return undefined;
  const o = samen;
  const n = nieuw.slice(0, nieuw.length - staart.length);

  // Where each line starts and ends in the text.
  const starts: number[] = [];
  let positie = 0;
  for (const t of teksten) {
    starts.push(positie);
    positie += t.length + 1;
  }
  const einde = (i: number) => (starts[i] ?? 0) + (teksten[i]?.length ?? 0);
  let p = 0;
  while (p < o.length && p < n.length && o[p] === n[p]) p++;
  let s = 0;
  while (s < o.length - p && s < n.length - p && o[o.length - 1 - s] === n[n.length - 1 - s]) s++;
  const eindOud = o.length - s;
  const f = teksten.findIndex((_, i) => einde(i) >= p);
  let l = f;
  while (l + 1 < teksten.length && (starts[l + 1] ?? 0) < eindOud) l++;
  if (f === -1) return undefined;
  const midden = n.slice(starts[f] ?? 0, n.length - (o.length - einde(l)));
  if (midden === '' || midden !== midden.trim() || midden.includes('\n')) return undefined;
  const nieuweTeksten = [...teksten.slice(0, f), midden, ...teksten.slice(l + 1)];
  if (nieuweTeksten.join(' ') !== n) return undefined;
  const nieuweRegels = [...regels.slice(0, f), `${inspringing[f] ?? ''}${midden}`, ...regels.slice(l + 1)];
  return `${kopregel}${nieuweRegels.join('\n')}${slot}`;
}

function pasLijstAan(b: Bewerking, doc: Document, lijst: YAMLSeq, paar: Pair, sleutel: string, waarde: unknown[], kolom: number): void {
  const [van, tot] = bereik(lijst);
  if (lijst.flow) {
    b.vervang(van, tot, waardeTekst(waarde, kolom, { flow: true }).replace(/^ /, ''));
    return;
  }
  const items = lijst.items as (Node | null)[];
  const oud = items.map((item) => (item ? item.toJS(doc) : null));
  if (items.length === 0 || items.some((item) => !item)) {
    vervangPaar(b, paar, sleutel, waarde, kolom);
    return;
  }
  const eerste = items[0] as Node;
  const streep = b.kop.lastIndexOf('-', bereik(eerste)[0]);
  const streepKolom = b.kolom(streep);
  if (waarde.length === items.length) {
    items.forEach((item, i) => {
      const nieuw = waarde[i];
      if (!item || gelijk(oud[i], nieuw)) return;
      if (isScalar(item) && isScalair(nieuw)) vervangScalar(b, item, oud[i], nieuw, streepKolom + 2);
      else if (isMap(item) && isObject(nieuw) && !item.flow) pasKaartAan(b, doc, item, nieuw, []);
      else throw new NietTerPlaatse();
    });
    return;
  }
  // Items added at the end: below the last one, in the same indentation.
  if (waarde.length > items.length && oud.every((o, i) => gelijk(o, waarde[i]))) {
    const positie = b.regelEinde(bereik(items.at(-1) as Node)[2]);
    const erbij = new Document(waarde.slice(items.length));
    tijdenGeciteerd(erbij);
    const tekst = erbij
      .toString(OPMAAK)
      .split('\n')
      .map((regel) => (regel ? `${' '.repeat(streepKolom)}${regel}` : regel))
      .join('\n');
    b.vervang(positie, positie, tekst);
    return;
  }
  // Items taken out, the rest in order: their lines go, nothing else changes.
  if (waarde.length < items.length) {
    const over = [...waarde];
    const weg: number[] = [];
    oud.forEach((o, i) => {
      if (over.length > 0 && gelijk(o, over[0])) over.shift();
      else weg.push(i);
    });
    if (over.length === 0) {
      for (const i of weg) {
        const item = items[i] as Node;
        b.vervang(b.regelBegin(bereik(item)[0]), b.regelEinde(bereik(item)[2]), '');
      }
      return;
    }
  }
  vervangPaar(b, paar, sleutel, waarde, kolom);
}

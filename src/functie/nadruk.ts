/**
 * The sentences that say a request did not go through. The word "niet" in them is what
 * the person must not miss, so it is shown in bold, wherever the message is shown: the
 * function's own pages, and the form's script when it gets the message as JSON. Not in
 * capitals: those read as shouting, and some screen readers spell them letter by letter.
 * In JSON the message stays plain text, as the contract has it. Free of dependencies: the
 * form's script loads it in the browser.
 */
export const NIET_ONTVANGEN = 'Je inschrijving is niet ontvangen.';
export const NIET_VERSTUURD = 'Je inschrijving is niet verstuurd.';
export const NIET_AFGEMELD = 'Je bent niet afgemeld.';
const UITKOMSTEN = [NIET_ONTVANGEN, NIET_VERSTUURD, NIET_AFGEMELD];

export interface Deel {
  tekst: string;
  /** Shown in bold. */
  nadruk: boolean;
}

/** A message in parts: the "niet" of each outcome sentence apart, in bold. */
export function meldingDelen(melding: string): Deel[] {
  const delen: Deel[] = [];
  let rest = melding;
  for (;;) {
    const treffers = UITKOMSTEN.map((zin) => ({ zin, plek: rest.indexOf(zin) })).filter((t) => t.plek >= 0);
    if (treffers.length === 0) break;
    const eerste = treffers.reduce((a, b) => (b.plek < a.plek ? b : a));
    const niet = eerste.plek + eerste.zin.indexOf(' niet ') + 1;
    delen.push({ tekst: rest.slice(0, niet), nadruk: false }, { tekst: 'niet', nadruk: true });
    rest = rest.slice(niet + 'niet'.length);
  }
  delen.push({ tekst: rest, nadruk: false });
  return delen.filter((d) => d.tekst !== '');
}

/**
 * Reading time of a Markdown text, for the guide's chapter pages. Framework-free so
 * it can be tested without a build.
 */

/** Words a reader of ordinary Dutch prose gets through per minute. */
const WOORDEN_PER_MINUUT = 200;

/**
 * HTML comments out, each up to its first `-->`; one left open stays. A loop rather than
 * `/<!--[\s\S]*?-->/g`: that one reads to the end of the text again from every `<!--`
 * that is never closed (quadratic).
 */
function zonderCommentaar(tekst: string): string {
  let uit = '';
  let vanaf = 0;
  for (let begin = tekst.indexOf('<!--'); begin >= 0; begin = tekst.indexOf('<!--', vanaf)) {
    const eind = tekst.indexOf('-->', begin + 4);
    if (eind < 0) break;
    uit += `${tekst.slice(vanaf, begin)} `;
    vanaf = eind + 3;
  }
  return uit + tekst.slice(vanaf);
}

/**
 * Counts the words a reader sees: link targets, HTML tags, heading marks, list
 * markers and emphasis are markup, not words.
 */
export function telWoorden(markdown: string): number {
  // Link text, link target and tag stop at the next `[` or `<`: otherwise each unclosed one
  // reads on to the end of the text again (quadratic in a text full of them).
  const tekst = zonderCommentaar(markdown.replace(/^---\n[\s\S]*?\n---\n/, '')) // frontmatter, if the raw file is passed
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[([^\][]*)\]\([^)[]*\)/g, '$1') // image: keep the alt text
    .replace(/\[([^\][]*)\]\([^)[]*\)/g, '$1') // link: keep the link text
    .replace(/<[^<>]+>/g, ' ')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_`~|]/g, ' ');
  // A word holds at least one letter or digit; a lone dash or bullet does not count.
  return tekst.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Whole minutes, rounded up, and never less than one. */
export function leestijdMinuten(woorden: number, woordenPerMinuut = WOORDEN_PER_MINUUT): number {
  if (!Number.isFinite(woorden) || woorden < 0) throw new RangeError(`Ongeldig aantal woorden: ${woorden}`);
  if (!(woordenPerMinuut > 0)) throw new RangeError(`Ongeldig leestempo: ${woordenPerMinuut}`);
  return Math.max(1, Math.ceil(woorden / woordenPerMinuut));
}

/** "Leestijd: 1 minuut" or "Leestijd: 3 minuten". */
export function leestijdTekst(markdown: string, woordenPerMinuut = WOORDEN_PER_MINUUT): string {
  const minuten = leestijdMinuten(telWoorden(markdown), woordenPerMinuut);
  return `Leestijd: ${minuten} ${minuten === 1 ? 'minuut' : 'minuten'}`;
}

/**
 * The placeholder texts of the template `npm run nieuw` writes (scripts/nieuw.ts). A
 * draft may still hold them; anything that goes live may not: the content check names
 * the field (src/inhoud/controle.ts). The template uses these very strings, so the two
 * cannot drift apart.
 */
export const plaatshouders = {
  samenvatting: 'Pas deze zin aan. Waar gaat de bijeenkomst over, en voor wie is hij?',
  tekst: [
    'Schrijf hier de tekst van de bijeenkomst. Een lege regel begint een nieuwe alinea.',
    '## Een tussenkop',
    'Een kop begint met twee hekjes (##) en een spatie.',
  ],
} as const;

/** The start of a placeholder: enough to recognise it when the editor wrote on after it. */
export function begin(tekst: string): string {
  return tekst.split('. ')[0] ?? tekst;
}

/**
 * An event's title inside a sentence, between quotes. A title such as "Opgavegericht
 * besturen, speciaal voor wethouders en opgavemanagers" has a comma of its own, which in
 * running text reads as the sentence's: "je inschrijving voor Opgavegericht besturen,
 * speciaal voor wethouders en opgavemanagers op 4 november". Headings, links and subjects
 * show the title on its own and need no quotes.
 */
export function titelInZin(titel: string): string {
  return `‘${titel}’`;
}

/**
 * Every value that goes into a log line of the function goes through here. JSON quotes it
 * (so a CR or LF cannot start a fake line) but leaves much raw that a log viewer or
 * terminal still acts on: U+2028 and U+2029 (line and paragraph separator), NEL (U+0085),
 * the other C1 controls, direction overrides such as U+202E (a line that reads otherwise
 * than it is), zero-width and other format characters, private-use and unassigned code
 * points. Each of those, every `\p{C}` character and both separators, becomes `\uXXXX`
 * (two for a code point beyond U+FFFF). The result is still valid JSON: `JSON.parse`
 * gives the value back as it was.
 */
const ONVEILIG = /[\p{C}\u2028\u2029]/gu;

const alsEscape = (teken: string) =>
  Array.from({ length: teken.length }, (_, i) => `\\u${teken.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');

export function logWaarde(waarde: unknown): string {
  return (JSON.stringify(waarde) ?? String(waarde)).replace(ONVEILIG, alsEscape);
}

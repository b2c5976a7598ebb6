/**
 * With JavaScript, the static bedankt page says where the confirmation went: the form's
 * script keeps the address in this tab's sessionStorage just before it opens the page,
 * and the page shows it and removes it at once. Nothing goes into a URL or reaches a
 * server log. (Without JavaScript the function shows it: src/functie/inschrijven/bedankt.ts.)
 * The organisation goes along for "Nog iemand inschrijven": the event page fills it in.
 */

const BEVESTIGD = 'inschrijving:bevestigd';
const ORGANISATIE = 'inschrijving:organisatie';

/** sessionStorage can be switched off or full; then the page just says less. */
function opslag(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/** The form's script, once the function accepted the sign-up. The address as the function sends to it: trimmed, lower case. */
export function onthoudVoorBedankt(velden: URLSearchParams): void {
  try {
    opslag()?.setItem(
      BEVESTIGD,
      JSON.stringify({
        bijeenkomst: velden.get('bijeenkomst') ?? '',
        email: (velden.get('email') ?? '').trim().toLowerCase(),
        organisatie: (velden.get('organisatie') ?? '').trim(),
      }),
    );
  } catch {
    // Full or refused: the page stays general.
  }
}

function lees(): { bijeenkomst: string; email: string; organisatie: string } | undefined {
  const s = opslag();
  const tekst = s?.getItem(BEVESTIGD);
  s?.removeItem(BEVESTIGD);
  try {
    const w: unknown = tekst ? JSON.parse(tekst) : undefined;
    if (!w || typeof w !== 'object') return undefined;
    const { bijeenkomst, email, organisatie } = w as Record<string, unknown>;
    return typeof bijeenkomst === 'string' && typeof email === 'string' && typeof organisatie === 'string' && email
      ? { bijeenkomst, email, organisatie }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The bedankt page: the address in `[data-adres]`, then `[data-bevestigd-aan]` shown; the
 * links to the form (`[data-opnieuw]`) take the organisation along.
 */
export function toonBevestigdAan(pagina: HTMLElement): void {
  const gegevens = lees();
  if (!gegevens || gegevens.bijeenkomst !== pagina.dataset.bijeenkomst) return;
  const blok = pagina.querySelector<HTMLElement>('[data-bevestigd-aan]');
  const adres = pagina.querySelector<HTMLElement>('[data-adres]');
  if (blok && adres) {
    adres.textContent = gegevens.email;
    blok.hidden = false;
  }
  if (!gegevens.organisatie) return;
  for (const uitleg of pagina.querySelectorAll<HTMLElement>('[data-organisatie-mee]')) uitleg.hidden = false;
  for (const link of pagina.querySelectorAll('[data-opnieuw]'))
    link.addEventListener('click', () => {
      try {
        opslag()?.setItem(ORGANISATIE, gegevens.organisatie);
      } catch {
        // Then the form starts empty.
      }
    });
}

/** The event page: after "Nog iemand inschrijven", the organisation is filled in (once, and only in an empty field). */
export function vulOrganisatieIn(form: HTMLFormElement): void {
  const s = opslag();
  const organisatie = s?.getItem(ORGANISATIE);
  s?.removeItem(ORGANISATIE);
  const veld = form.elements.namedItem('organisatie');
  if (organisatie && veld instanceof HTMLInputElement && !veld.value) veld.value = organisatie;
}

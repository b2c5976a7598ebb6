import type { Fouten } from '../../functie/inschrijven/aanmelding.ts';
import { meldingDelen, NIET_VERSTUURD } from '../../functie/nadruk.ts';
import { onthoudVoorBedankt } from './bedankt-adres.ts';
import { kies, VELD_PREFIX } from './kenmerken.ts';

/**
 * Progressive enhancement of the sign-up form (the form works without it): checks
 * with the same schema as the function, shows the GOV.UK error summary and inline
 * errors in the elements the markup already has, sends with fetch, and keeps every
 * typed value on any failure.
 */

/**
 * The schema (zod/mini, about 7 kB gzip) loads once the person starts on the form,
 * not with the page: the page itself stays within its script budget.
 */
let schema: Promise<typeof import('../../functie/inschrijven/aanmelding.ts')> | undefined;
const laadSchema = () => (schema ??= import('../../functie/inschrijven/aanmelding.ts'));

function toonFouten(form: HTMLFormElement, fouten: Fouten): void {
  const overzicht = form.querySelector<HTMLElement>(kies('foutoverzicht'))!;
  const lijst = overzicht.querySelector('ul')!;
  lijst.replaceChildren();
  for (const veld of form.querySelectorAll<HTMLElement>(kies('veld'))) {
    const naam = veld.dataset.veld as keyof Fouten;
    const melding = fouten[naam];
    const fout = veld.querySelector<HTMLElement>('.veld__fout')!;
    const doel = veld.querySelector('fieldset') ?? veld.querySelector('input, textarea')!;
    const ids = (doel.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== fout.id);
    if (melding) ids.push(fout.id);
    if (ids.length) doel.setAttribute('aria-describedby', ids.join(' '));
    else doel.removeAttribute('aria-describedby');
    for (const invoer of veld.querySelectorAll('input, textarea')) {
      if (melding) invoer.setAttribute('aria-invalid', 'true');
      else invoer.removeAttribute('aria-invalid');
    }
    veld.classList.toggle('veld--fout', Boolean(melding));
    fout.hidden = !melding;
    fout.querySelector(kies('foutTekst'))!.textContent = melding ?? '';
    if (melding) {
      const a = document.createElement('a');
      a.href = `#${VELD_PREFIX}${naam}`;
      a.textContent = melding;
      const li = document.createElement('li');
      li.append(a);
      lijst.append(li);
    }
  }
  overzicht.hidden = !lijst.childElementCount;
  titelMetFout(heeftFout(form));
  if (!overzicht.hidden) overzicht.focus();
}

/** The page title starts with "Fout: " while the form shows an error, as the first thing a screen reader reads after a reload or tab switch. */
const FOUT = 'Fout: ';
function titelMetFout(fout: boolean): void {
  const titel = document.title.startsWith(FOUT) ? document.title.slice(FOUT.length) : document.title;
  document.title = fout ? FOUT + titel : titel;
}

/** Whether the form shows an error now: the summary or a failed send. */
function heeftFout(form: HTMLFormElement): boolean {
  return !form.querySelector<HTMLElement>(kies('foutoverzicht'))!.hidden || !form.querySelector<HTMLElement>(kies('verzendfout'))!.hidden;
}

/** Text with every mention of the organiser's address as a mail link, the way that always works. */
function metMaillink(tekst: string, contact: string): (string | Node)[] {
  if (!contact) return [tekst];
  return tekst.split(contact).flatMap((deel, i) => {
    if (i === 0) return [deel];
    const a = document.createElement('a');
    a.href = `mailto:${contact}`;
    a.textContent = contact;
    return [a, deel];
  });
}

/** A message under the button. */
function toonMelding(form: HTMLFormElement, melding: string, contact: string): void {
  const vak = form.querySelector<HTMLElement>(kies('verzendfout'))!;
  // The "niet" of the outcome in bold, as on the function's own pages; the address a mail link.
  vak.replaceChildren(
    ...meldingDelen(melding).flatMap((d): (string | Node)[] => {
      if (!d.nadruk) return metMaillink(d.tekst, contact);
      const sterk = document.createElement('strong');
      sterk.textContent = d.tekst;
      return [sterk];
    }),
  );
  vak.hidden = !melding;
  titelMetFout(heeftFout(form));
  if (melding) vak.focus();
}

/**
 * While sending: the button says so and a status line announces it to screen readers;
 * when the mail service is slow (it retries for up to 8.5 s), the line says that too.
 * The button stays enabled: a second click is ignored, not refused.
 */
function toonVersturen(form: HTMLFormElement): () => void {
  const knop = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
  const status = form.querySelector<HTMLElement>(kies('verzendstatus'))!;
  const tekst = knop.textContent;
  knop.textContent = 'Bezig met versturen…';
  status.textContent = 'Je inschrijving wordt verstuurd. Een moment geduld.';
  const traag = setTimeout(() => {
    status.textContent = 'Dit duurt langer dan normaal: we blijven het proberen. Sluit deze pagina niet.';
  }, 4000);
  return () => {
    clearTimeout(traag);
    knop.textContent = tekst;
    status.textContent = '';
  };
}

export function verbeterFormulier(form: HTMLFormElement): void {
  let bezig = false;
  let klaar: (() => void) | undefined;
  const contact = form.dataset.contact ?? '';
  form.addEventListener('focusin', () => void laadSchema().catch(() => (schema = undefined)), { once: true });

  // Back from the bedankt page: the browser may show this page from its back-forward cache,
  // exactly as it was left, halfway through a send that ended in a redirect. Start fresh, so
  // a secretariat can sign up the next person (the values stay, as Back keeps them anyway).
  addEventListener('pageshow', (e) => {
    if (!e.persisted) return;
    bezig = false;
    klaar?.();
    form.removeAttribute('aria-busy');
    toonMelding(form, '', contact);
  });

  // As in GOV.UK's error summary: a link moves focus to the field and shows its label too.
  form.querySelector(kies('foutoverzicht'))!.addEventListener('click', (e) => {
    const link = (e.target as Element).closest('a');
    const veld = link && document.getElementById(link.hash.slice(1));
    if (!veld) return;
    e.preventDefault();
    (veld.closest(kies('veld')) ?? veld).scrollIntoView();
    veld.focus({ preventScroll: true });
  });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    // A second click while sending does nothing; the button stays enabled and announced.
    if (bezig) return;
    bezig = true;
    const velden = new URLSearchParams(new FormData(form) as unknown as Record<string, string>);
    const mislukt = `${NIET_VERSTUURD} Wat je invulde staat er nog: probeer het opnieuw, of meld je aan per e-mail via ${contact}.`;
    toonMelding(form, '', contact);
    try {
      // Without the schema (it failed to load) the function still checks everything.
      const uitkomst = await laadSchema()
        .then((m) => m.controleer(Object.fromEntries(velden)))
        .catch(() => ({ ok: true }) as const);
      if (!uitkomst.ok) {
        bezig = false;
        return toonFouten(form, uitkomst.fouten);
      }
      toonFouten(form, {});
      form.setAttribute('aria-busy', 'true');
      klaar = toonVersturen(form);
      const antwoord = await fetch(form.action, { method: 'POST', body: velden, headers: { accept: 'application/json' } }).finally(klaar);
      const body = (await antwoord.json().catch(() => ({}))) as { ok?: boolean; bedankt?: string; fouten?: Fouten; melding?: string };
      if (antwoord.ok && body.ok && body.bedankt) {
        onthoudVoorBedankt(velden);
        location.assign(body.bedankt);
        return;
      }
      if (body.fouten) toonFouten(form, body.fouten);
      else toonMelding(form, body.melding ?? mislukt, contact);
    } catch {
      toonMelding(form, `Er is geen verbinding. ${mislukt}`, contact);
    }
    bezig = false;
    form.removeAttribute('aria-busy');
  });
}

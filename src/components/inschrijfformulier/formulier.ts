import escapeHtml from 'escape-html';
import type { Fouten, Veldnaam } from '../../functie/inschrijven/aanmelding.ts';
import { KENMERK, VELD_PREFIX } from './kenmerken.ts';

/**
 * The sign-up form's markup, written once: the event page renders it empty, and the
 * sign-up function renders it again with the person's values and the errors when a
 * post without JavaScript fails. The browser script only fills and toggles the error
 * elements that are already here.
 */

export const ACTIE = '/api/inschrijven';

interface Veld {
  naam: Veldnaam;
  label: string;
  soort: 'tekst' | 'email' | 'tel' | 'tekstvak' | 'keuze' | 'toestemming';
  optioneel?: boolean;
  autocomplete?: string;
  hint?: string;
  breedte?: 'smal' | 'middel';
}

export const velden: readonly Veld[] = [
  { naam: 'voornaam', label: 'Voornaam', soort: 'tekst', autocomplete: 'given-name', breedte: 'middel' },
  {
    naam: 'tussenvoegsel',
    label: 'Tussenvoegsel',
    soort: 'tekst',
    optioneel: true,
    hint: 'Bijvoorbeeld ‘van der’ of ‘de’.',
    breedte: 'smal',
  },
  { naam: 'achternaam', label: 'Achternaam', soort: 'tekst', autocomplete: 'family-name', breedte: 'middel' },
  { naam: 'email', label: 'E-mailadres', soort: 'email', autocomplete: 'email', hint: 'Hierheen sturen we de bevestiging.' },
  {
    naam: 'organisatie',
    label: 'Organisatie',
    soort: 'tekst',
    autocomplete: 'organization',
    hint: 'Je gemeente, provincie of organisatie.',
  },
  { naam: 'functie', label: 'Functie', soort: 'keuze' },
  {
    naam: 'functieomschrijving',
    label: 'Welke functie?',
    soort: 'tekst',
    optioneel: true,
    autocomplete: 'organization-title',
    hint: 'Bij ‘Anders’: bijvoorbeeld beleidsadviseur of griffier.',
  },
  { naam: 'telefoon', label: 'Telefoonnummer', soort: 'tel', optioneel: true, autocomplete: 'tel', breedte: 'middel' },
  { naam: 'dieetwensen', label: 'Dieetwensen', soort: 'tekstvak', optioneel: true },
  { naam: 'opmerkingen', label: 'Opmerkingen of vragen', soort: 'tekstvak', optioneel: true },
  { naam: 'privacy', label: 'Toestemming', soort: 'toestemming' },
];

export const functieKeuzes: readonly { waarde: string; label: string }[] = [
  { waarde: 'wethouder', label: 'Wethouder' },
  { waarde: 'opgavemanager', label: 'Opgavemanager' },
  { waarde: 'anders', label: 'Anders' },
];

/** The label of a field as the error summary names it. */
export function labelVan(naam: Veldnaam): string {
  return velden.find((v) => v.naam === naam)?.label ?? 'Bijeenkomst';
}

/** The element an error summary link points at (for radios: the first option). */
export function veldId(naam: Veldnaam): string {
  return `${VELD_PREFIX}${naam}`;
}

type Waarden = Partial<Record<string, string>>;

const e = (s: string | undefined) => escapeHtml(s ?? '');

function veldHtml(v: Veld, waarden: Waarden, fouten: Fouten): string {
  const id = veldId(v.naam);
  const fout = fouten[v.naam];
  const hintId = `${id}-hint`;
  const foutId = `${id}-fout`;
  const beschrijving = [v.hint ? hintId : '', fout ? foutId : ''].filter(Boolean).join(' ');
  const describedby = beschrijving ? ` aria-describedby="${beschrijving}"` : '';
  const invalid = fout ? ' aria-invalid="true"' : '';
  const hint = v.hint ? `<p class="veld__hint" id="${hintId}">${e(v.hint)}</p>` : '';
  // Always present (hidden when empty) so the script only fills it in.
  const foutHtml = `<p class="veld__fout" id="${foutId}"${fout ? '' : ' hidden'}><span class="visueel-verborgen">Fout: </span><span ${KENMERK.foutTekst}>${e(fout)}</span></p>`;
  const optioneel = v.optioneel ? ' <span class="veld__optioneel">(optioneel)</span>' : '';
  const klasse = `veld${fout ? ' veld--fout' : ''}`;
  const ac = v.autocomplete ? ` autocomplete="${v.autocomplete}"` : '';
  const breedte = v.breedte ? ` veld__invoer--${v.breedte}` : '';
  const waarde = waarden[v.naam];

  switch (v.soort) {
    case 'keuze':
      return `<div class="${klasse}" ${KENMERK.veld}="${v.naam}"><fieldset class="keuzes"${describedby}><legend class="veld__label">${e(v.label)}</legend>${foutHtml}${functieKeuzes
        .map(
          (k, i) =>
            `<div class="keuze"><input type="radio" name="${v.naam}" value="${k.waarde}" id="${i === 0 ? id : `${id}-${k.waarde}`}"${waarde === k.waarde ? ' checked' : ''}${invalid}><label for="${i === 0 ? id : `${id}-${k.waarde}`}">${e(k.label)}</label></div>`,
        )
        .join('')}</fieldset></div>`;
    case 'toestemming':
      return `<div class="${klasse}" ${KENMERK.veld}="${v.naam}"><fieldset class="keuzes"${describedby}><legend class="veld__label">${e(v.label)}</legend>${foutHtml}<div class="keuze"><input type="checkbox" name="${v.naam}" value="ja" id="${id}"${waarde ? ' checked' : ''}${invalid}><label for="${id}">Ik geef toestemming dat de VPNG mijn gegevens gebruikt om deze inschrijving af te handelen. Lees de <a href="/privacy/">privacyverklaring</a>.</label></div></fieldset></div>`;
    case 'tekstvak':
      return `<div class="${klasse}" ${KENMERK.veld}="${v.naam}"><label class="veld__label" for="${id}">${e(v.label)}${optioneel}</label>${hint}${foutHtml}<textarea class="veld__invoer" id="${id}" name="${v.naam}" rows="4"${describedby}${invalid}>${e(waarde)}</textarea></div>`;
    default: {
      const type = v.soort === 'tekst' ? 'text' : v.soort;
      const extra = v.soort === 'email' ? ' spellcheck="false" autocapitalize="off"' : '';
      return `<div class="${klasse}" ${KENMERK.veld}="${v.naam}"><label class="veld__label" for="${id}">${e(v.label)}${optioneel}</label>${hint}${foutHtml}<input class="veld__invoer${breedte}" type="${type}" id="${id}" name="${v.naam}" value="${e(waarde)}"${ac}${extra}${describedby}${invalid}></div>`;
    }
  }
}

/** The GOV.UK error summary: a heading and one link per error, to the field. Hidden when there are none. */
/** `kopNiveau`: the summary's heading sits one level below the heading the form is under. */
export function foutoverzichtHtml(fouten: Fouten, opties: { zichtbaar?: boolean; focus?: boolean; kopNiveau?: 2 | 3 } = {}): string {
  const lijst = (Object.entries(fouten) as [Veldnaam, string][])
    .map(([naam, melding]) => `<li><a href="#${veldId(naam)}">${e(melding)}</a></li>`)
    .join('');
  const verborgen = lijst || opties.zichtbaar ? '' : ' hidden';
  const focus = lijst && opties.focus ? ' autofocus' : '';
  return `<div class="foutoverzicht" tabindex="-1" role="group" aria-labelledby="foutoverzicht-kop" ${KENMERK.foutoverzicht}${verborgen}${focus}><h${opties.kopNiveau ?? 3} class="foutoverzicht__kop" id="foutoverzicht-kop">Er is een probleem</h${opties.kopNiveau ?? 3}><ul class="foutoverzicht__lijst">${lijst}</ul></div>`;
}

export interface FormulierInvoer {
  bijeenkomst: string;
  /** Named in the script's message when sending fails. */
  contact: string;
  wachtlijst: boolean;
  waarden?: Waarden;
  fouten?: Fouten;
  /** Gives the error summary focus when the page loads (the function's page after a post without JavaScript). */
  focusOpFouten?: boolean;
  /** Level of the error summary's heading: 3 under the event page's "Inschrijven" (h2), 2 on the function's page (under its h1). */
  kopNiveau?: 2 | 3;
}

/**
 * The honeypot. Not `website`, the contract's honeypot (which the function still treats as a
 * bot's): browsers and password managers fill a field of that name, and the person's
 * sign-up would then vanish as a bot's. This name, id and label match nothing autofill looks
 * for, and the data attributes ask 1Password, LastPass, Bitwarden and Dashlane to skip it.
 */
const vangnet = `<div class="vangnet" aria-hidden="true"><label for="${VELD_PREFIX}vangnet">Laat dit veld leeg</label><input type="text" id="${VELD_PREFIX}vangnet" name="vangnet" tabindex="-1" autocomplete="off" data-1p-ignore data-lpignore="true" data-bwignore data-form-type="other" value=""></div>`;

export function formulierHtml({
  bijeenkomst,
  contact,
  wachtlijst,
  waarden = {},
  fouten = {},
  focusOpFouten = false,
  kopNiveau = 3,
}: FormulierInvoer): string {
  const knop = wachtlijst ? 'Zet me op de wachtlijst' : 'Inschrijven';
  // The sending status and a failed send show right under the button, where the person just
  // clicked (on a phone the top of the form is screens away); the error summary stays on top.
  return `<form class="inschrijfformulier" method="post" action="${ACTIE}" novalidate ${KENMERK.formulier} data-contact="${e(contact)}">${foutoverzichtHtml(fouten, { focus: focusOpFouten, kopNiveau })}<input type="hidden" name="bijeenkomst" value="${e(bijeenkomst)}">${velden
    .map((v) => veldHtml(v, waarden, fouten))
    .join(
      '',
    )}${vangnet}<button class="knop" type="submit">${knop}</button><p class="verzendstatus" ${KENMERK.verzendstatus} role="status" aria-live="polite"></p><p class="melding melding--fout verzendfout" ${KENMERK.verzendfout} role="alert" tabindex="-1" hidden></p></form>`;
}

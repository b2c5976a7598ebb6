import type { Bijeenkomst } from '../bijeenkomst/schema.ts';
import { kanInschrijven, type Stand } from '../bijeenkomst/status.ts';
import { isoMetAfwijking } from '../bijeenkomst/tijd.ts';

/**
 * schema.org `Event` for a bijeenkomst page, from the frontmatter only: what the
 * Markdown does not say (a price, a place, a time) is left out, never guessed.
 *
 * Without `locatie` the event has no `location`: a made-up Place ("Locatie volgt")
 * would be wrong data in search results. Search engines then show the event
 * without a rich result until the editor adds the place, which is the honest state.
 *
 * What the editor marked as not yet confirmed (`onbevestigd`) is not handed over as a
 * fact. A year or date still to be confirmed gives no Event at all (undefined): an Event
 * needs a `startDate` (schema.org's required field for Google's event results), and JSON-LD
 * has no way to say "probably"; a start date would be exactly the firm claim the page
 * avoids. An unconfirmed time leaves only the day; an unconfirmed place, no place.
 */
export function evenementJsonLd(b: Bijeenkomst, stand: Stand, paginaUrl: URL, afbeelding: URL): Record<string, unknown> | undefined {
  if (b.onbevestigd.includes('jaar') || b.onbevestigd.includes('datum')) return undefined;
  const tijdVast = !b.onbevestigd.includes('tijd');
  const begintijd = tijdVast ? b.begintijd : undefined;
  const eindtijd = tijdVast ? b.eindtijd : undefined;
  const locatie = b.onbevestigd.includes('locatie') ? undefined : b.locatie;
  const datumOf = (tijd: string | undefined) => (tijd ? isoMetAfwijking({ datum: b.datum, tijd }) : b.datum);
  // With no times at all it is a one-day event on `datum`; with only a start time the end is unknown.
  const eindDatum = eindtijd ? datumOf(eindtijd) : begintijd ? undefined : b.datum;
  const inschrijven = new URL('#inschrijven', paginaUrl).href;

  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: b.titel,
    description: b.samenvatting,
    url: paginaUrl.href,
    image: [afbeelding.href],
    inLanguage: 'nl',
    startDate: datumOf(begintijd),
    ...(eindDatum ? { endDate: eindDatum } : {}),
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode:
      b.vorm === 'online' ? 'https://schema.org/OnlineEventAttendanceMode' : 'https://schema.org/OfflineEventAttendanceMode',
    ...(locatie
      ? {
          location: {
            '@type': 'Place',
            name: locatie.naam,
            address: {
              '@type': 'PostalAddress',
              ...(locatie.adres ? { streetAddress: locatie.adres } : {}),
              addressLocality: locatie.plaats,
              addressCountry: 'NL',
            },
          },
        }
      : {}),
    organizer: b.organisatoren.map((naam) => ({ '@type': 'Organization', name: naam })),
    ...(b.sprekers.length > 0 ? { performer: b.sprekers.map((s) => ({ '@type': 'Person', name: s.naam, description: s.rol })) } : {}),
    // Registration is free-form (no price in the source), so the offer is only where to sign up.
    ...(kanInschrijven(stand)
      ? {
          offers: {
            '@type': 'Offer',
            url: inschrijven,
            availability: stand.status === 'open' ? 'https://schema.org/InStock' : 'https://schema.org/SoldOut',
          },
        }
      : {}),
  };
}

/** JSON for inside <script type="application/ld+json">: `<` escaped so no text can close the element. */
export function alsScriptJson(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

/**
 * The Dutch words of the editing UI where Decap's own Dutch says something else than what
 * happens here, laid over Decap's Dutch (`nl`) by src/redactie/browser/start.ts. Two sets,
 * because one button does two different things:
 *
 * - with `npm start` (the local API) "Publiceer" only writes a file in the working copy,
 *   and a file marked `concept: true` would still read "Gepubliceerd";
 * - online (GitHub, editorial workflow) saving makes a pull request and "Publiceer" merges
 *   it into main; Decap's column "Concepten" then means "not merged yet", which has
 *   nothing to do with the switch Concept in the form.
 *
 * So locally it is "Opslaan"/"Opgeslagen", online "Samenvoegen"/"Samengevoegd", and the
 * word concept means only the switch. src/redactie/config.ts picks the set per mode
 * (`locale`). Also: the je-form of the site's own texts, and the texts Decap's Dutch lacks.
 */

/** A set of Decap's phrases: nested objects of strings, as in decap-cms-locales. */
export interface Woorden {
  [sleutel: string]: string | Woorden;
}

/** The names under which the two sets are registered; the configuration names one. */
export const TAAL = { lokaal: 'nl-lokaal', online: 'nl-online' } as const;

/** In both modes. */
const gedeeld: Woorden = {
  app: { app: { loadingConfig: 'Configuratie laden…', waitingBackend: 'Wachten op de server…' } },
  collection: {
    // Decap's "＋" is a character many fonts lack.
    collectionTop: { viewAsList: 'Als lijst', viewAsGrid: 'Als tegels', newButton: 'Nieuw: %{collectionLabel}' },
  },
  editor: {
    editorControl: { field: { widgetLabel: 'veld %{widgetLabel}' } },
    editorControlPane: {
      widget: {
        required: '%{fieldLabel} is verplicht.',
        regexPattern: '%{fieldLabel}: %{pattern}',
        rangeMin: '%{fieldLabel}: noem er ten minste %{minCount}.',
        min: '%{fieldLabel}: ten minste %{minValue}.',
      },
    },
    editor: {
      onLeavePage: 'Wat je veranderde is nog niet opgeslagen. Toch weggaan?',
      onDeleteWithUnsavedChanges: 'Dit bestand verwijderen, met wat je veranderde en nog niet opsloeg?',
      onDeletePublishedEntry: 'Dit bestand verwijderen?',
      loadingEntry: 'Bestand laden…',
      confirmLoadBackup: 'Van dit bestand is een niet-opgeslagen versie in je browser bewaard. Wil je die gebruiken?',
    },
    editorToolbar: {
      deleteEntry: 'Bestand verwijderen',
      deletePublishedEntry: 'Bestand verwijderen',
      unsavedChanges: 'Niet opgeslagen',
      backCollection: ' Terug naar %{collectionLabel}',
      duplicate: 'Kopiëren',
    },
    editorWidgets: {
      markdown: { toggleMode: { rich: 'Naar opgemaakte tekst', markdown: 'Naar Markdown' } },
      headingOptions: {
        headingOne: 'Kop 1',
        headingTwo: 'Kop 2',
        headingThree: 'Kop 3',
        headingFour: 'Kop 4',
        headingFive: 'Kop 5',
        headingSix: 'Kop 6',
      },
      datetime: { setToNow: '%{fieldLabel} op nu zetten' },
      list: { addType: 'Voeg %{item} toe' },
      object: { expand: 'Uitklappen', collapse: 'Inklappen' },
    },
  },
  mediaLibrary: { mediaLibraryModal: { close: 'Sluiten' } },
  ui: {
    settingsDropdown: { account: 'Account' },
    toast: {
      missingRequiredField: 'Niet opgeslagen: vul eerst de verplichte velden in.',
      onFailToPersist: 'Niet opgeslagen. %{details}',
      onFailToLoadEntries: 'Het bestand laadt niet: %{details}',
      onLoggedOut: 'Je bent uitgelogd. Bewaar wat je nog niet opsloeg ergens anders, en log opnieuw in.',
    },
  },
};

/** `npm start`: saving writes a file in the working copy; nothing goes online. */
const lokaal: Woorden = {
  editor: {
    editorToolbar: {
      publish: 'Opslaan',
      publishing: 'Opslaan…',
      publishNow: 'Opslaan in het bestand',
      publishAndCreateNew: 'Opslaan en een nieuwe beginnen',
      publishAndDuplicate: 'Opslaan en kopiëren',
      published: 'Opgeslagen',
      changesSaved: 'Wijzigingen opgeslagen',
      deployButtonLabel: 'Bekijk de pagina',
    },
  },
  ui: { toast: { entrySaved: 'Opgeslagen in het bestand' } },
};

/** Online: saving makes a pull request; merging it into main is what goes to the site. */
const online: Woorden = {
  collection: { entries: { unpublishedHeader: 'Nog niet samengevoegd' } },
  editor: {
    editor: {
      onUpdatingWithUnsavedChanges: 'Sla eerst op wat je veranderde, en zet dan de status.',
      onPublishingNotReady: 'Zet de status eerst op "Klaar".',
      onPublishingWithUnsavedChanges: 'Sla eerst op wat je veranderde, en voeg dan samen.',
      onPublishing: 'Deze wijziging samenvoegen met main? Netlify bouwt dan de site opnieuw.',
      onUnpublishing: 'Dit bestand uit main verwijderen? Dan verdwijnt het ook van de site.',
      onDeleteUnpublishedChangesWithUnsavedChanges:
        'Alles wat je aan dit bestand veranderde en nog niet samenvoegde, ook wat je nog niet opsloeg, gaat weg. Doorgaan?',
      onDeleteUnpublishedChanges: 'Alles wat je aan dit bestand veranderde en nog niet samenvoegde, gaat weg. Doorgaan?',
    },
    editorToolbar: {
      publish: 'Samenvoegen',
      publishing: 'Samenvoegen…',
      publishNow: 'Nu samenvoegen',
      publishAndCreateNew: 'Samenvoegen en een nieuwe beginnen',
      publishAndDuplicate: 'Samenvoegen en kopiëren',
      published: 'Samengevoegd',
      unpublish: 'Uit main verwijderen',
      unpublishing: 'Verwijderen…',
      deleteUnpublishedChanges: 'Niet-samengevoegde wijzigingen weggooien',
      deleteUnpublishedEntry: 'Niet-samengevoegd bestand weggooien',
      draft: 'In bewerking',
      inReview: 'Wordt beoordeeld',
      ready: 'Klaar',
      changesSaved: 'Opgeslagen, nog niet samengevoegd',
      deployPreviewButtonLabel: 'Bekijk de voorvertoning',
      deployPreviewPendingButtonLabel: 'Kijk of de voorvertoning klaar is',
      deployButtonLabel: 'Bekijk live',
      statusInfoTooltipDraft: 'Deze wijziging is nog in bewerking. Is ze af? Zet de status op "Wordt beoordeeld".',
      statusInfoTooltipInReview: 'Deze wijziging wordt beoordeeld. Je kunt er intussen nog aan werken.',
    },
  },
  mediaLibrary: { mediaLibraryCard: { draft: 'Nog niet samengevoegd' } },
  ui: {
    toast: {
      entrySaved: 'Opgeslagen, nog niet samengevoegd',
      entryPublished: 'Samengevoegd met main',
      entryUnpublished: 'Uit main verwijderd',
      onFailToPublishEntry: 'Samenvoegen lukt niet: %{details}',
      onFailToUnpublishEntry: 'Verwijderen lukt niet: %{details}',
      onDeleteUnpublishedChanges: 'Niet-samengevoegde wijzigingen weggegooid',
    },
  },
  workflow: {
    workflow: {
      loading: 'Wijzigingen laden',
      workflowHeading: 'Wijzigingen die nog niet zijn samengevoegd',
      description:
        '%{smart_count} wijziging wacht op beoordeling, %{readyCount} is klaar om samen te voegen. |||| %{smart_count} wijzigingen wachten op beoordeling, %{readyCount} zijn klaar om samen te voegen.',
      dateFormat: 'D MMMM',
    },
    workflowCard: {
      deleteChanges: 'Wijzigingen weggooien',
      deleteNewEntry: 'Nieuw bestand weggooien',
      publishChanges: 'Samenvoegen',
      publishNewEntry: 'Samenvoegen',
    },
    workflowList: {
      onDeleteEntry: 'Deze wijziging weggooien?',
      onPublishingNotReadyEntry: 'Alleen een wijziging in de kolom "Klaar" kun je samenvoegen. Sleep de kaart eerst daarheen.',
      onPublishEntry: 'Deze wijziging samenvoegen met main? Netlify bouwt dan de site opnieuw.',
      draftHeader: 'In bewerking',
      inReviewHeader: 'Wordt beoordeeld',
      readyHeader: 'Klaar',
      currentEntries: '%{smart_count} wijziging |||| %{smart_count} wijzigingen',
    },
  },
};

/** `basis` with `erover` laid over it, key by key. */
export function samengevoegd(basis: Woorden, ...erover: Woorden[]): Woorden {
  const uit: Woorden = { ...basis };
  for (const laag of erover) {
    for (const [sleutel, waarde] of Object.entries(laag)) {
      const onder = uit[sleutel];
      uit[sleutel] = typeof waarde === 'object' && typeof onder === 'object' ? samengevoegd(onder, waarde) : waarde;
    }
  }
  return uit;
}

/** Both sets, each on top of Decap's Dutch. */
export function talen(nl: Woorden): Record<(typeof TAAL)[keyof typeof TAAL], Woorden> {
  return {
    [TAAL.lokaal]: samengevoegd(nl, gedeeld, lokaal),
    [TAAL.online]: samengevoegd(nl, gedeeld, online),
  };
}

import { describe, expect, it } from 'vitest';
import { TAAL, talen, type Woorden } from './woorden.ts';

// Decap's own Dutch, from the package the CMS build registers it from (it has no types).
const nlBestand = 'decap-cms-locales/dist/esm/nl/index.js';
const { default: nl } = (await import(nlBestand)) as { default: Woorden };

/** Every phrase of a set, as `pad: tekst`. */
function regels(woorden: Woorden, pad = ''): string[] {
  return Object.entries(woorden).flatMap(([sleutel, waarde]) =>
    typeof waarde === 'string' ? [`${pad}${sleutel}: ${waarde}`] : regels(waarde, `${pad}${sleutel}.`),
  );
}

describe('de woorden van de redactieomgeving', () => {
  const sets = talen(nl);
  const lokaal = regels(sets[TAAL.lokaal]);
  const online = regels(sets[TAAL.online]);

  it('op je eigen computer: opslaan is opslaan, niets heet publiceren', () => {
    // What the toolbar and its notices show without the editorial workflow.
    const zonderWorkflow = /^(editor\.editorToolbar\.(publish\w*|published|changesSaved|deployButtonLabel)|ui\.toast\.entrySaved):/;
    const getoond = lokaal.filter((r) => zonderWorkflow.test(r));
    expect(getoond).toHaveLength(9);
    expect(getoond.filter((r) => /publice|concept/i.test(r))).toEqual([]);
    expect(lokaal).toContain('editor.editorToolbar.published: Opgeslagen');
    expect(lokaal).toContain('editor.editorToolbar.publishNow: Opslaan in het bestand');
  });

  it('online: samenvoegen, en "concept" alleen voor het schuifje, niet voor een open wijziging', () => {
    expect(online).toContain('editor.editorToolbar.publish: Samenvoegen');
    expect(online).toContain('workflow.workflowList.draftHeader: In bewerking');
    expect(online.filter((r) => /^(editor|workflow|ui|mediaLibrary)\./.test(r) && /concept/i.test(r))).toEqual([]);
    expect(online.filter((r) => /^(editor\.editorToolbar|workflow)\./.test(r) && /publice/i.test(r))).toEqual([]);
  });

  it('houdt Decaps eigen Nederlands waar niets botst, en vult aan wat ontbreekt', () => {
    expect(lokaal).toContain('auth.login: Inloggen');
    expect(lokaal).toContain('editor.editorWidgets.datetime.setToNow: %{fieldLabel} op nu zetten');
    // Decap's own Dutch is not changed in place.
    expect(regels(nl)).toContain('editor.editorToolbar.publish: Publiceer');
  });
});

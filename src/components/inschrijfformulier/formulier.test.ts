import { ELEMENT_NODE, type ElementNode, type Node, parse, walkSync } from 'ultrahtml';
import { describe, expect, test } from 'vitest';
import { formulierHtml } from './formulier.ts';

const html = formulierHtml({ bijeenkomst: 'opgavegericht-besturen', contact: 't.routers@vpng.nl', wachtlijst: false });

function elementen(naam: string): ElementNode[] {
  const uit: ElementNode[] = [];
  walkSync(parse(html), (n: Node) => {
    if (n.type === ELEMENT_NODE && n.name === naam) uit.push(n);
  });
  return uit;
}

const invoer = (naam: string) => elementen('input').find((i) => i.attributes.name === naam);

describe('de honeypot van het formulier', () => {
  const vangnet = invoer('vangnet');

  test('heet vangnet, niet website: browsers en wachtwoordbeheerders vullen een veld “website” in', () => {
    expect(vangnet).toBeDefined();
    expect(invoer('website')).toBeUndefined();
  });

  test('niets aan naam, id of label lijkt op iets wat automatisch invullen herkent', () => {
    const label = html.match(new RegExp(`<label for="${vangnet!.attributes.id}">([^<]*)</label>`))?.[1];
    expect(label).toBe('Laat dit veld leeg');
    for (const tekst of [vangnet!.attributes.name, vangnet!.attributes.id, label]) {
      expect(tekst).not.toMatch(
        /web|site|url|home|naam|name|mail|tel|phone|fax|bedrijf|company|organi|adres|address|straat|street|stad|city|post|zip|user|login|pass|code/i,
      );
    }
  });

  test('wachtwoordbeheerders slaan het over (1Password, LastPass, Bitwarden, Dashlane), en niemand komt er met Tab in', () => {
    expect(vangnet!.attributes).toMatchObject({
      type: 'text',
      autocomplete: 'off',
      tabindex: '-1',
      'data-1p-ignore': '',
      'data-lpignore': 'true',
      'data-bwignore': '',
      'data-form-type': 'other',
      value: '',
    });
    expect(html).toMatch(/<div class="vangnet" aria-hidden="true"><label for="inschrijving-vangnet">/);
  });
});

describe('functie “anders”: welke functie', () => {
  test('een optioneel veld functieomschrijving direct na de keuze, met een eigen label en autocomplete voor een functietitel', () => {
    const veld = invoer('functieomschrijving');
    expect(veld?.attributes).toMatchObject({ type: 'text', id: 'inschrijving-functieomschrijving', autocomplete: 'organization-title' });
    expect(html).toContain(
      '<label class="veld__label" for="inschrijving-functieomschrijving">Welke functie? <span class="veld__optioneel">(optioneel)</span></label>',
    );
    expect(html.indexOf('data-veld="functieomschrijving"')).toBeGreaterThan(html.indexOf('value="anders"'));
    expect(html.indexOf('data-veld="functieomschrijving"')).toBeLessThan(html.indexOf('data-veld="telefoon"'));
  });
});

import { describe, expect, test } from 'vitest';
import { geldig, NU, testBijeenkomsten } from '../../../testhulp/inschrijving.ts';
import { einde } from '../../bijeenkomst/status.ts';
import { controleer } from '../inschrijven/aanmelding.ts';
import {
  type AfmeldGegevens,
  afmeldGeheim,
  afmeldLinkVoorInschrijving,
  afmeldUrl,
  LOKAAL_GEHEIM,
  leesToken,
  MAX_TOKEN,
  maakToken,
} from './token.ts';

const GEHEIM = 'test-geheim-van-minstens-tweeendertig-tekens-lang';
const anna: AfmeldGegevens = {
  voornaam: 'Anna',
  tussenvoegsel: 'van der',
  achternaam: 'Berg',
  email: 'Anna+vpng@gemeente.nl',
  wachtlijst: false,
};
const open = testBijeenkomsten.get('open')!;
const token = (o: { geheim?: string; slug?: string; verloopt?: Date; gegevens?: AfmeldGegevens } = {}) =>
  maakToken(o.geheim ?? GEHEIM, { slug: o.slug ?? 'open', verloopt: o.verloopt ?? einde(open), gegevens: o.gegevens ?? anna });

/** Replaces the character at `i` by another one of the same kind (letter, digit, base64url), so only the signature can tell. */
function verander(s: string, i: number): string {
  const c = s[i]!;
  const ander = /\d/.test(c) ? String((Number(c) + 1) % 10) : /[a-z]/.test(c) ? (c === 'a' ? 'b' : 'a') : c === 'A' ? 'B' : 'A';
  return s.slice(0, i) + ander + s.slice(i + 1);
}

describe('het token', () => {
  test('heen en terug: gebeurtenis, verloopdatum en gegevens komen ongeschonden terug', () => {
    const uit = leesToken(GEHEIM, token(), NU);
    expect(uit).toEqual({ ok: true, afmelding: { slug: 'open', verloopt: einde(open), gegevens: anna } });
    const wachtlijst = leesToken(GEHEIM, token({ gegevens: { ...anna, tussenvoegsel: '', wachtlijst: true } }), NU);
    expect(wachtlijst.ok && wachtlijst.afmelding.gegevens).toEqual({ ...anna, tussenvoegsel: '', wachtlijst: true });
  });

  test('vijf delen: versie, bijeenkomst en einde leesbaar, de gegevens versleuteld, de handtekening erachter', () => {
    const delen = token().split('.');
    expect(delen).toHaveLength(5);
    expect(delen.slice(0, 3)).toEqual(['v1', 'open', String(einde(open).getTime() / 1000)]);
    expect(delen[4]).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  test('deterministisch: dezelfde inschrijving geeft dezelfde link (de mail zit in de idempotency-sleutel)', () => {
    expect(token()).toBe(token());
    // Another person gives another IV as well as another ciphertext: no IV is ever reused for other data.
    const a = token().split('.')[3]!;
    const b = token({ gegevens: { ...anna, voornaam: 'Anne' } }).split('.')[3]!;
    expect(a.slice(0, 16)).not.toBe(b.slice(0, 16));
  });

  test('wie de link ziet, leest geen naam of e-mailadres: niet in de URL en niet in wat base64 ervan maakt', () => {
    const a = controleer({ ...geldig, email: 'anna.berg@zwolle.nl' });
    if (!a.ok) throw new Error('testinschrijving ongeldig');
    const url = afmeldUrl('https://opgavegericht.example', GEHEIM, 'open', open, a.aanmelding, false);
    expect(url).toMatch(/^https:\/\/opgavegericht\.example\/bijeenkomsten\/open\/afmelden\/\?t=v1\.open\.\d+\.[\w-]+\.[\w-]+$/);
    const gedecodeerd = new URL(url).searchParams
      .get('t')!
      .split('.')
      .map((d) => Buffer.from(d, 'base64url').toString('latin1'))
      .join(' ');
    for (const geheim of ['Anna', 'Berg', 'anna', 'berg', 'zwolle', '@', 'wethouder', 'Zwolle']) {
      expect(url.toLowerCase()).not.toContain(geheim.toLowerCase());
      expect(gedecodeerd).not.toContain(geheim);
    }
  });

  test('vervalst: gemaakt met een ander geheim → ongeldig', () => {
    expect(leesToken(GEHEIM, token({ geheim: `${GEHEIM}-ander` }), NU)).toEqual({ ok: false, reden: 'ongeldig', slug: 'open' });
    expect(leesToken(GEHEIM, token({ geheim: LOKAAL_GEHEIM }), NU)).toMatchObject({ ok: false, reden: 'ongeldig' });
  });

  test('veranderd: elk teken van bijeenkomst, einde, gegevens en handtekening → ongeldig', () => {
    const t = token();
    const [, slug, seconden, verzegeld] = t.split('.') as [string, string, string, string, string];
    const begin = { slug: 3, seconden: 3 + slug.length + 1, verzegeld: 3 + slug.length + 1 + seconden.length + 1 };
    const posities = [
      begin.slug,
      begin.seconden,
      begin.seconden + seconden.length - 1,
      begin.verzegeld,
      begin.verzegeld + 20,
      begin.verzegeld + verzegeld.length - 1,
      t.length - 10,
      t.length - 1,
    ];
    for (const i of posities) expect(leesToken(GEHEIM, verander(t, i), NU), `teken ${i}`).toMatchObject({ ok: false, reden: 'ongeldig' });
    // Another event or a later end, even with a fitting slug: the signature covers both.
    expect(leesToken(GEHEIM, t.replace('.open.', '.vol.'), NU)).toMatchObject({ ok: false, reden: 'ongeldig' });
    expect(leesToken(GEHEIM, t.replace(`.${seconden}.`, `.${Number(seconden) + 86_400}.`), NU)).toMatchObject({
      ok: false,
      reden: 'ongeldig',
    });
  });

  test('verlopen: vanaf het einde van de bijeenkomst → verlopen (na de handtekening gecontroleerd)', () => {
    const t = token({ verloopt: new Date(NU.getTime() + 1000) });
    expect(leesToken(GEHEIM, t, NU).ok).toBe(true);
    expect(leesToken(GEHEIM, t, new Date(NU.getTime() + 1000))).toEqual({ ok: false, reden: 'verlopen', slug: 'open' });
    // An altered expiry is a forgery, not an expired link.
    expect(leesToken(GEHEIM, verander(t, t.length - 1), new Date(NU.getTime() + 5000))).toMatchObject({ reden: 'ongeldig' });
  });

  test.each([
    ['leeg', ''],
    ['geen token', 'kapot'],
    ['vier delen', 'v1.open.1825455600.abc'],
    ['zes delen', `${token()}.x`],
    ['andere versie', token().replace(/^v1/, 'v2')],
    ['einde geen getal', token().replace(/\.\d+\./, '.morgen.')],
    ['bijeenkomst met hoofdletters', token().replace('.open.', '.Open.')],
    ['tekens buiten base64url', token().replace(/^(v1\.open\.\d+\.)./, '$1+')],
    ['afgekapt in de handtekening', token().slice(0, -5)],
    ['afgekapt in de gegevens', token().split('.').slice(0, 4).join('.')],
    ['te lang', `${token()}${'A'.repeat(MAX_TOKEN)}`],
  ])('onvolledig of misvormd: %s', (_naam, t) => {
    expect(leesToken(GEHEIM, t, NU)).toMatchObject({ ok: false, reden: 'onvolledig' });
  });

  test('een bijeenkomst die niet in een link past, geeft geen token', () => {
    expect(() => token({ slug: 'Met Spatie' })).toThrow(/past niet in een afmeldlink/);
  });
});

describe('het geheim', () => {
  const env = (waarden: Record<string, string>) => (n: string) => waarden[n];
  const LOKAAL = { INSCHRIJVING_LOKAAL: '1' };

  test('alleen met de expliciete lokale schakelaar zonder INSCHRIJVING_GEHEIM: het openbare testgeheim', () => {
    expect(afmeldGeheim(env(LOKAAL))).toEqual({ geheim: LOKAAL_GEHEIM, lokaal: true });
    // Locally any secret that is set counts: it is only ever the developer's own.
    expect(afmeldGeheim(env({ ...LOKAAL, INSCHRIJVING_GEHEIM: 'kort' }))).toEqual({ geheim: 'kort', lokaal: false });
  });

  test('zonder CONTEXT en zonder schakelaar (een bundel gebouwd buiten Netlify): geen geheim, nooit het testgeheim', () => {
    expect(afmeldGeheim(env({}))).toEqual({ fout: expect.stringMatching(/INSCHRIJVING_GEHEIM ontbreekt/) });
    for (const aan of ['0', 'true', 'ja', ' 1']) expect(afmeldGeheim(env({ INSCHRIJVING_LOKAAL: aan })), aan).toHaveProperty('fout');
    expect(afmeldGeheim(env({ INSCHRIJVING_GEHEIM: LOKAAL_GEHEIM }))).toHaveProperty('fout');
    expect(afmeldGeheim(env({ INSCHRIJVING_GEHEIM: 'kort' }))).toHaveProperty('fout');
    expect(afmeldGeheim(env({ INSCHRIJVING_GEHEIM: GEHEIM }))).toEqual({ geheim: GEHEIM, lokaal: false });
  });

  test.each(['production', 'deploy-preview', 'branch-deploy'])('op Netlify (%s) zet de schakelaar niets aan', (context) => {
    expect(afmeldGeheim(env({ ...LOKAAL, CONTEXT: context }))).toEqual({ fout: expect.stringMatching(/INSCHRIJVING_GEHEIM ontbreekt/) });
    expect(afmeldGeheim(env({ ...LOKAAL, CONTEXT: context, INSCHRIJVING_GEHEIM: 'kort' }))).toHaveProperty('fout');
    expect(afmeldGeheim(env({ ...LOKAAL, CONTEXT: context, INSCHRIJVING_GEHEIM: GEHEIM }))).toEqual({ geheim: GEHEIM, lokaal: false });
  });

  test.each([
    ['ontbreekt', undefined, /ontbreekt/],
    ['leeg', '', /ontbreekt/],
    ['31 tekens', 'x'.repeat(15) + 'y'.repeat(16), /korter dan 32/],
    ['32 spaties', ' '.repeat(32), /korter dan 32/],
    ['alleen witruimte (tabs en regeleinden)', '\t\n '.repeat(20), /korter dan 32/],
    ['30 tekens met spaties eromheen', `  ${'ab'.repeat(15)}   `, /korter dan 32/],
    ['één teken herhaald', 'a'.repeat(64), /één teken/],
    ['één teken herhaald, met spaties eromheen', ` ${'7'.repeat(40)} `, /één teken/],
    ['één teken buiten het BMP herhaald (twee UTF-16-eenheden per teken)', '🔑'.repeat(40), /één teken/],
    ['het openbare testgeheim', LOKAAL_GEHEIM, /openbare testgeheim/],
    ['het openbare testgeheim met een regeleinde erachter', `${LOKAAL_GEHEIM}\n`, /openbare testgeheim/],
  ])('CONTEXT=production, geheim %s: zwak, geweigerd', (_naam, geheim, reden) => {
    const uit = afmeldGeheim(env({ CONTEXT: 'production', ...(geheim === undefined ? {} : { INSCHRIJVING_GEHEIM: geheim }) }));
    expect(uit).toEqual({ fout: expect.stringMatching(reden) });
  });

  test('CONTEXT=production met een sterk geheim (32 tekens of meer, niet één teken): gebruikt zoals het is', () => {
    const precies = `${'a'.repeat(31)}b`;
    expect(afmeldGeheim(env({ CONTEXT: 'production', INSCHRIJVING_GEHEIM: precies }))).toEqual({ geheim: precies, lokaal: false });
    expect(afmeldGeheim(env({ CONTEXT: 'production', INSCHRIJVING_GEHEIM: GEHEIM }))).toEqual({ geheim: GEHEIM, lokaal: false });
  });

  test('de link bij een inschrijving faalt nooit hard: zonder geheim op Netlify geen link, met een regel in de log', () => {
    const a = controleer(geldig);
    if (!a.ok) throw new Error('testinschrijving ongeldig');
    const logs: string[] = [];
    const basis = { site: 'https://x.example', slug: 'open', bijeenkomst: open, aanmelding: a.aanmelding, wachtlijst: false };
    expect(afmeldLinkVoorInschrijving({ ...basis, env: env({ CONTEXT: 'production' }), log: (b) => logs.push(b) })).toBeUndefined();
    expect(afmeldLinkVoorInschrijving({ ...basis, env: env({}), log: (b) => logs.push(b) })).toBeUndefined();
    expect(afmeldLinkVoorInschrijving({ ...basis, slug: 'Niet Geldig', env: env(LOKAAL), log: (b) => logs.push(b) })).toBeUndefined();
    expect(logs.join('\n')).toMatch(/zonder afmeldlink: "INSCHRIJVING_GEHEIM ontbreekt/);
    expect(logs.join('\n')).toMatch(/past niet in een afmeldlink/);
    expect(
      afmeldLinkVoorInschrijving({ ...basis, env: env({ CONTEXT: 'production', INSCHRIJVING_GEHEIM: GEHEIM }), log: () => {} }),
    ).toMatch(/^https:\/\/x\.example\/bijeenkomsten\/open\/afmelden\/\?t=v1\.open\./);
  });
});

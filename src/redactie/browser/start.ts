import { FORMAAT, leesBestand, schrijfBestand } from '../formaat.ts';
import { CONTROLEVELD, type DecapMap, fouten, Geweigerd, zonderControle } from './controle.ts';
import { talen, type Woorden } from './woorden.ts';

/**
 * The site's own part of the editing UI at /admin/, loaded before Decap CMS's script
 * (src/redactie/app-bestanden.ts bundles it to /admin/redactie.js). It stops Decap from
 * starting by itself (CMS_MANUAL_INIT), and once Decap is there, adds before the start:
 *
 * - the format that changes only what an editor changed (src/redactie/formaat.ts);
 * - the Dutch words that mean one thing each (./woorden.ts);
 * - the content check, the same code as `npm run check:inhoud`: a field at the end of each
 *   form shows its lines, and a save it refuses writes nothing (./controle.ts).
 */

/** A React element as Decap's global `h` (React.createElement) makes it. */
type ReactElement = object;
type H = (type: string, props?: Record<string, unknown> | null, ...kinderen: unknown[]) => ReactElement;

interface DecapLijst<T> {
  map<U>(f: (item: T) => U): { toArray(): U[] };
}

interface ControleProps {
  entry: DecapMap;
  collection: DecapMap;
  forID: string;
  classNameWrapper: string;
}

interface ControleStaat {
  /** The check's lines are on screen: after a refused save, until the next save. */
  getoond: boolean;
}

interface Controle {
  props: ControleProps;
  state: ControleStaat;
  setState(staat: ControleStaat): void;
}

type Fout = { error: { type: 'CUSTOM'; message: string } };

interface Cms {
  registerCustomFormat(
    naam: string,
    extensie: string,
    formaat: { fromFile(tekst: string): unknown; toFile(data: Record<string, unknown>, volgorde?: string[]): string },
  ): void;
  getLocale(naam: string): Woorden | undefined;
  registerLocale(naam: string, woorden: Woorden): void;
  registerWidget(naam: string, control: unknown): void;
  registerEventListener(luisteraar: { name: 'preSave'; handler: (gegevens: { entry: DecapMap }) => undefined }): void;
  init(): void;
}

declare global {
  interface Window {
    CMS_MANUAL_INIT?: boolean;
    CMS?: Cms;
    h?: H;
    createClass?: (spec: object) => unknown;
  }
}

window.CMS_MANUAL_INIT = true;
document.addEventListener('DOMContentLoaded', start);

function start(): void {
  const { CMS: cms, h, createClass } = window;
  if (!cms || !h || !createClass) {
    document.body.append('De redactieomgeving laadt niet: het script van Decap CMS ontbreekt. Herlaad de pagina.');
    return;
  }
  cms.registerCustomFormat(FORMAAT, 'md', {
    fromFile: leesBestand,
    toFile: (data, volgorde) => schrijfBestand(zonderControle(data), volgorde),
  });
  for (const [naam, woorden] of Object.entries(talen(cms.getLocale('nl') ?? {}))) cms.registerLocale(naam, woorden);
  cms.registerWidget(CONTROLEVELD, createClass(controleVeld(h)));
  // The last word before a file is written, for every way of saving: what the check refuses is not written.
  cms.registerEventListener({
    name: 'preSave',
    handler: ({ entry }) => {
      const regels = fouten(entry);
      if (regels.length > 0) throw new Geweigerd(regels);
      return undefined;
    },
  });
  // A switch is never "optional", and the check's field has nothing to fill in: no "(optioneel)" behind their names.
  const stijl = document.createElement('style');
  stijl.textContent = `label[for^="concept-field-"] > span, label[for^="${CONTROLEVELD}-field-"] > span { display: none; }`;
  document.head.append(stijl);
  cms.init();
}

const uitleg =
  'Bij opslaan kijkt de redactieomgeving het bestand na met dezelfde controle als de site (npm run check:inhoud). Klopt er iets niet, dan wordt er niets opgeslagen en staat hier wat je moet aanpassen.';

/** The check's field: its lines after a refused save, kept up to date while the editor fixes them. */
function controleVeld(h: H): object {
  const volgorde = (c: Controle) =>
    (c.props.collection.get('fields') as DecapLijst<DecapMap>).map((veld) => String(veld.get('name'))).toArray();
  return {
    getInitialState: (): ControleStaat => ({ getoond: false }),
    // Decap renders a field again only when its own value changes; this one depends on all the others.
    shouldComponentUpdate(this: Controle, props: ControleProps, staat?: ControleStaat): boolean {
      return props.entry !== this.props.entry || (staat !== undefined && staat.getoond !== this.state.getoond);
    },
    isValid(this: Controle): true | Fout {
      const regels = fouten(this.props.entry, volgorde(this));
      this.setState({ getoond: regels.length > 0 });
      if (regels.length === 0) return true;
      requestAnimationFrame(() => document.getElementById(this.props.forID)?.scrollIntoView({ block: 'center' }));
      return { error: { type: 'CUSTOM', message: 'Niet opgeslagen: hieronder staat wat de controle van de site vindt.' } };
    },
    render(this: Controle): ReactElement {
      const regels = this.state.getoond ? fouten(this.props.entry, volgorde(this)) : [];
      const aantal = regels.length === 1 ? '1 fout' : `${regels.length} fouten`;
      return h(
        'div',
        { id: this.props.forID, className: this.props.classNameWrapper, 'data-controle': '' },
        regels.length === 0
          ? h('p', null, uitleg)
          : h(
              'div',
              { role: 'alert' },
              h('p', null, `Niet opgeslagen. De controle van de site vindt ${aantal}:`),
              h('ul', null, ...regels.map((regel) => h('li', { key: regel }, regel))),
            ),
      );
    },
  };
}

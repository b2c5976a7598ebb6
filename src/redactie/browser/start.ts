import { aantalFouten } from '../../inhoud/bestandscontrole.ts';
import { FORMAAT, leesBestand, schrijfBestand } from '../formaat.ts';
import { CONTROLEVELD, type DecapMap, fouten, Geweigerd, luister, meld, zonderControle } from './controle.ts';
import { talen, type Woorden } from './woorden.ts';

/**
 * The site's own part of the editing UI at /admin/, loaded before Decap CMS's script
 * (src/redactie/app-bestanden.ts bundles it to /admin/redactie.js). It stops Decap from
 * starting by itself (CMS_MANUAL_INIT), and once Decap is there, adds before the start:
 *
 * - the format that changes only what an editor changed (src/redactie/formaat.ts);
 * - the Dutch words that mean one thing each (./woorden.ts);
 * - the content check, the same code as `npm run check:inhoud`, on the text about to be
 *   written: a save it refuses writes nothing, and a field at the end of each form shows
 *   its lines (./controle.ts).
 */

/** A React element as Decap's global `h` (React.createElement) makes it. */
type ReactElement = object;
type H = (type: string, props?: Record<string, unknown> | null, ...kinderen: unknown[]) => ReactElement;

interface ControleProps {
  forID: string;
  classNameWrapper: string;
}

interface ControleStaat {
  /** What the check said at the last save in this form. */
  regels: string[];
}

interface Controle {
  props: ControleProps;
  state: ControleStaat;
  setState(staat: ControleStaat): void;
  stop?: () => void;
}

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
  // The last step before a file is written, for every way of saving, with the entry as it
  // will be written: what the check refuses is not written, and the form says why.
  cms.registerEventListener({
    name: 'preSave',
    handler: ({ entry }) => {
      const regels = fouten(entry);
      meld(regels);
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

/**
 * The check's field: after a refused save the check's lines, until the next save. (A
 * field's own props are not kept up to date with the other fields, so the lines come from
 * the check at the save itself, not from this field.)
 */
function controleVeld(h: H): object {
  return {
    getInitialState: (): ControleStaat => ({ regels: [] }),
    componentDidMount(this: Controle): void {
      this.stop = luister((regels) => {
        this.setState({ regels });
        if (regels.length > 0) {
          requestAnimationFrame(() => document.getElementById(this.props.forID)?.scrollIntoView({ block: 'center' }));
        }
      });
    },
    componentWillUnmount(this: Controle): void {
      this.stop?.();
    },
    render(this: Controle): ReactElement {
      const { regels } = this.state;
      const aantal = aantalFouten(regels.length);
      return h(
        'div',
        { id: this.props.forID, className: this.props.classNameWrapper, 'data-controle': '' },
        regels.length === 0
          ? h('p', null, uitleg)
          : h(
              'div',
              { role: 'alert' },
              h('p', null, `Niet opgeslagen. De controle van de site vindt ${aantal}:`),
              h('ul', { style: { paddingLeft: '1.25em' } }, ...regels.map((regel) => h('li', { key: regel }, regel))),
            ),
      );
    },
  };
}

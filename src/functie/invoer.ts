/**
 * The body of a post, read the same way for every endpoint: a form (as a browser sends it
 * without JavaScript) or JSON (the form's script, a client), at most so many bytes
 * whatever Content-Length claims. What does not fit is a Weigering, which the request
 * layer answers in the endpoint's words.
 */

/** The fields of a body: strings from a form; from JSON, whatever it held. */
export type Invoer = Record<string, unknown>;

/** A refusal with a status and a Dutch message for the person, thrown anywhere in a request. */
export class Weigering extends Error {
  readonly status: number;
  constructor(status: number, melding: string) {
    super(melding);
    this.status = status;
  }
}

/** An endpoint's limit and its Dutch messages for a body it cannot take. */
export interface Invoerregels {
  maxBytes: number;
  /** 413: more than `maxBytes`. */
  teGroot: string;
  /** 415: a form body that cannot be parsed. */
  onleesbaar: string;
  /** 415: neither a form nor JSON. */
  andereSoort: string;
}

async function leesBytes(req: Request, regels: Invoerregels): Promise<Uint8Array> {
  const teGroot = new Weigering(413, regels.teGroot);
  if (Number(req.headers.get('content-length') ?? 0) > regels.maxBytes) throw teGroot;
  const delen: Uint8Array[] = [];
  let totaal = 0;
  if (req.body)
    for await (const deel of req.body) {
      totaal += deel.byteLength;
      if (totaal > regels.maxBytes) throw teGroot;
      delen.push(deel);
    }
  return Buffer.concat(delen);
}

export async function leesInvoer(req: Request, regels: Invoerregels): Promise<Invoer> {
  const bytes = await leesBytes(req, regels);
  const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json') {
    try {
      const json: unknown = JSON.parse(new TextDecoder().decode(bytes));
      return json && typeof json === 'object' && !Array.isArray(json) ? (json as Invoer) : {};
    } catch {
      // Not JSON at all: the endpoint's own check then names what is missing.
      return {};
    }
  }
  if (type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data') {
    const form = await new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]), {
      headers: { 'content-type': req.headers.get('content-type')! },
    })
      .formData()
      .catch(() => {
        throw new Weigering(415, regels.onleesbaar);
      });
    const velden: Invoer = {};
    // The first value of a field counts; uploaded files are no part of any endpoint.
    for (const [naam, waarde] of form) if (typeof waarde === 'string' && !(naam in velden)) velden[naam] = waarde;
    return velden;
  }
  throw new Weigering(415, regels.andereSoort);
}

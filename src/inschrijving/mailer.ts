import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Resend } from 'resend';
import type { Mail } from './mail.ts';

/**
 * Where mails go: Resend in production, a folder of files locally. The function only
 * knows this interface, so tests and the benchmark can pass their own.
 */
export type Verzending = { ok: true; id: string } | { ok: false; melding: string };

export interface Mailer {
  /** Resolves once the mail service accepted the mail (or finally refused it); never rejects. */
  verstuur(mail: Mail): Promise<Verzending>;
}

export interface Herhaling {
  /** Pauses before the 2nd, 3rd… attempt. */
  pauzes: number[];
  /** Time-out of one attempt. */
  pogingMs: number;
  /** No new attempt starts after this much time since the first. */
  budgetMs: number;
}

/** Three attempts, within about five seconds: the person is waiting for the answer. */
export const standaardHerhaling: Herhaling = { pauzes: [300, 900], pogingMs: 2500, budgetMs: 5000 };

const slaap = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** 5xx, 429, and no status at all (network error, time-out) may pass; anything else will not. */
function tijdelijk(status: number | null | undefined): boolean {
  return status == null || status === 429 || status >= 500;
}

export function resendMailer(opties: { apiKey: string; baseUrl?: string | undefined; herhaling?: Herhaling }): Mailer {
  const resend = new Resend(opties.apiKey, opties.baseUrl ? { baseUrl: opties.baseUrl } : undefined);
  const h = opties.herhaling ?? standaardHerhaling;
  return {
    async verstuur(mail) {
      const start = Date.now();
      let laatste = '';
      for (let poging = 0; ; poging++) {
        const { data, error } = await resend.emails.send(
          {
            from: mail.van,
            to: mail.aan,
            replyTo: mail.antwoordAan,
            subject: mail.onderwerp,
            text: mail.tekst,
            html: mail.html,
            attachments: mail.bijlagen.map((b) => ({ filename: b.bestandsnaam, content: Buffer.from(b.inhoud, 'utf8'), contentType: b.type })),
          },
          // The same key on every attempt: if an attempt did reach Resend, a retry sends nothing twice.
          { idempotencyKey: mail.idempotentieSleutel, signal: AbortSignal.timeout(h.pogingMs) },
        );
        if (data) return { ok: true, id: data.id };
        const status = error && 'statusCode' in error ? error.statusCode : null;
        laatste = `${status ?? 'geen antwoord'}: ${error?.message ?? 'onbekende fout'}`;
        const pauze = h.pauzes[poging];
        if (!tijdelijk(status) || pauze === undefined || Date.now() - start + pauze >= h.budgetMs) {
          return { ok: false, melding: `Resend na ${poging + 1} poging(en): ${laatste}` };
        }
        await slaap(pauze);
      }
    },
  };
}

/**
 * Local stand-in for Resend: one readable JSON file per mail (the fields of a Resend
 * send). Like Resend it honours the idempotency key: a second mail with the same key
 * is accepted without writing anything.
 */
export function outboxMailer(map: string, log: (bericht: string) => void = console.log): Mailer {
  const pad = resolve(map);
  return {
    async verstuur(mail) {
      await mkdir(pad, { recursive: true });
      const bestand = join(pad, `${mail.idempotentieSleutel}.json`);
      const inhoud = {
        from: mail.van,
        to: mail.aan,
        replyTo: mail.antwoordAan,
        subject: mail.onderwerp,
        idempotencyKey: mail.idempotentieSleutel,
        text: mail.tekst,
        html: mail.html,
        attachments: mail.bijlagen.map((b) => ({ filename: b.bestandsnaam, contentType: b.type, content: b.inhoud })),
      };
      try {
        await writeFile(bestand, `${JSON.stringify(inhoud, null, 2)}\n`, { flag: 'wx' });
        log(`Mail niet verstuurd maar bewaard (geen RESEND_API_KEY): ${bestand}`);
      } catch (fout) {
        if ((fout as NodeJS.ErrnoException).code !== 'EEXIST') return { ok: false, melding: `outbox: ${String(fout)}` };
        log(`Mail met dezelfde sleutel staat al in de outbox: ${bestand}`);
      }
      return { ok: true, id: bestand };
    },
  };
}

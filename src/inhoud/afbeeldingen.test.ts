import { describe, expect, test } from 'vitest';
import { cmsConfig } from '../redactie/config.ts';
import { AFBEELDINGEN_MAP, AFBEELDINGEN_PAD } from './afbeeldingen.ts';

describe('de afbeeldingen van de redactie', () => {
  test('de redactie bewaart ze in de map die de inhoudscontrole kent, onder hetzelfde adres', () => {
    for (const lokaal of [true, false]) {
      const config = cmsConfig({ lokaal, branch: 'main', site: 'http://localhost:4321' });
      expect(config.media_folder).toBe(AFBEELDINGEN_MAP);
      expect(`${String(config.public_folder)}/`).toBe(AFBEELDINGEN_PAD);
    }
  });
});

import yaml from 'js-yaml';

/** Astro's own frontmatter delimiter rule (@astrojs/internal-helpers/frontmatter). */
export const frontmatterPatroon = /(?:^\uFEFF?|^\s*\n)---([\s\S]*?\n)---/;

/**
 * The fields of a frontmatter block. CORE_SCHEMA keeps 2027-02-30 a string, so the
 * schema can call it a non-existent day; Astro's default YAML schema would silently
 * turn it into 2 March. Throws js-yaml's YAMLException on broken YAML.
 */
export function leesVelden(blok: string): unknown {
  return yaml.load(blok, { schema: yaml.CORE_SCHEMA }) ?? {};
}

// Loads only the formatter a run asks for (a plain lint never loads SARIF's hashing).
import type { Formatter } from './common.js';

const LOADERS: Record<string, () => Promise<Formatter>> = {
  pretty: async () => (await import('./pretty.js')).formatPretty,
  json: async () => (await import('./json.js')).formatJson,
  sarif: async () => (await import('./sarif.js')).formatSarif,
  github: async () => (await import('./github.js')).formatGithub,
};

export const FORMAT_NAMES = Object.keys(LOADERS);

export function isFormat(name: string): boolean {
  return Object.hasOwn(LOADERS, name);
}

export function loadFormatter(name: string): Promise<Formatter> {
  const load = LOADERS[name];
  if (!load) throw new Error(`unknown format ${name}`);
  return load();
}

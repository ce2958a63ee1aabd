// The daemon target: a Docker daemon configuration (daemon.json) found in a repository (by its
// name, or a JSON file whose keys only a daemon configuration has) or on the host, located on
// its keys. JSON has no comments: a rule is silenced in the config.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { IO } from '../../io.js';
import type { LoadError, LoadOptions, Target } from '../../engine/target.js';
import { DISTINCTIVE_KEYS, type DaemonModel } from './model.js';

declare module '../../engine/types.js' {
  interface TargetModels {
    daemon: DaemonModel;
  }
}

/** true when `text` is a JSON object with keys only a daemon configuration has. */
export function looksLikeDaemonConfig(text: string): boolean {
  const t = text.trimStart();
  if (!t.startsWith('{')) return false;
  let obj: unknown;
  try {
    obj = JSON.parse(t);
  } catch {
    return false;
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return false;
  const keys = Object.keys(obj);
  return keys.length > 0 && keys.some((k) => DISTINCTIVE_KEYS.has(k)) && !('defaultAction' in obj) && !('services' in obj);
}

/** Is this file a daemon configuration? daemon.json by name when its content agrees (an empty or
 *  broken daemon.json is one too), or any .json whose keys only dockerd reads. */
export function isDaemonConfig(p: string, head?: string): boolean {
  const base = path.basename(p);
  if (!/\.json$/i.test(base)) return false;
  let text = head;
  if (text === undefined) {
    try {
      text = readFileSync(p, 'utf8').slice(0, 1 << 20);
    } catch {
      return false;
    }
  }
  if (base === 'daemon.json') {
    // a daemon.json that is not an object of daemon keys may be something else (a Deno or app config)
    const t = text.trim();
    if (t === '' || !t.startsWith('{')) return t === '';
    try {
      JSON.parse(t);
    } catch {
      return /"[a-z-]+"\s*:/.test(t) && /etc\/docker\//.test(p.split(path.sep).join('/')) ? true : /"(hosts|icc|userns-remap|log-driver|live-restore|insecure-registries|storage-driver|data-root)"/.test(t);
    }
    return looksLikeDaemonConfig(t) || t === '{}';
  }
  return looksLikeDaemonConfig(text);
}

export const daemonTarget: Target<DaemonModel> = {
  kind: 'daemon',
  detect: (p, head) => isDaemonConfig(p, head),
  async load(_io: IO, input: string, options: LoadOptions): Promise<DaemonModel | LoadError> {
    const { readTextFile, relativePath } = await import('../dockerfile/audit.js');
    const abs = path.resolve(options.cwd, input);
    const read = await readTextFile(abs, 4 * 1024 * 1024);
    if ('error' in read) return { loadError: read.error };
    const { parseDaemonConfig } = await import('./load.js');
    return parseDaemonConfig(read.text, relativePath(options.cwd, abs));
  },
  suppression: { inline: null },
};

// One parse of each Dockerfile per run. The build map parses the Dockerfiles whose context it
// guesses (for their COPY sources); ShellCheck's batch before the audits and the load step of
// each audit parse the same text again. A run's memo (lint makes one, the build map and the
// audits' options carry it) hands the first parse to the later ones: keyed by the file's absolute
// path, the build args and the stage built, used only when the text is the same. A model is the
// same whatever path it is parsed as, except its `path`: a later ask under another relative path
// gets a copy with that path. Bounded: once the texts held reach MAX_HELD_CHARS (a model is about
// 20 times its text), further parses are not kept, so a large batch costs no more memory than that;
// and a file's parses are dropped once its audits are done (`release`).
import type { DockerfileModel } from './model.js';
import { parseDockerfile, type ParseOptions } from './parse.js';

/** Opaque to the engine (AuditOptions.parsed): made by newParseMemo, read by parseOnce. */
export type ParseMemo = Map<string, unknown>;

interface Entry {
  text: string;
  model: DockerfileModel;
}

const MAX_HELD_CHARS = 4 * 1024 * 1024;

interface MemoState {
  /** Characters of text held. */
  chars: number;
  /** The absolute paths worth keeping (the Dockerfiles the run audits); all when absent. */
  wanted?: ReadonlySet<string>;
  /** The keys held for each file. */
  keys: Map<string, string[]>;
}
const states = new WeakMap<ParseMemo, MemoState>();

/** A memo for one run; `wanted`: the only files whose parses are kept (the run's Dockerfiles). */
export function newParseMemo(wanted?: Iterable<string>): ParseMemo {
  const memo: ParseMemo = new Map();
  states.set(memo, { chars: 0, keys: new Map(), ...(wanted ? { wanted: new Set(wanted) } : {}) });
  return memo;
}

function keyOf(absPath: string, opts: ParseOptions): string {
  const args = opts.buildArgs ? Object.entries(opts.buildArgs) : [];
  return `${absPath}\u0000${opts.target ?? '\u0001'}\u0000${args.length ? JSON.stringify(args) : ''}`;
}

/** parseDockerfile(text, opts) for the file at absPath, through the run's memo when there is one. */
export function parseOnce(memo: ParseMemo | undefined, absPath: string, text: string, opts: ParseOptions): DockerfileModel {
  const state = memo ? states.get(memo) : undefined;
  if (!memo || !state) return parseDockerfile(text, opts);
  const key = keyOf(absPath, opts);
  const hit = memo.get(key) as Entry | undefined;
  if (hit && hit.text === text) {
    if (hit.model.path === opts.path) return hit.model;
    const model: DockerfileModel = { ...hit.model, path: opts.path };
    memo.set(key, { text, model });
    return model;
  }
  const model = parseDockerfile(text, opts);
  if (!hit && (!state.wanted || state.wanted.has(absPath)) && state.chars + text.length <= MAX_HELD_CHARS) {
    state.chars += text.length;
    memo.set(key, { text, model });
    let keys = state.keys.get(absPath);
    if (!keys) state.keys.set(absPath, (keys = []));
    keys.push(key);
  }
  return model;
}

/** Drops the parses of a file (its audits are done). */
export function release(memo: ParseMemo | undefined, absPath: string): void {
  const state = memo ? states.get(memo) : undefined;
  if (!memo || !state) return;
  for (const key of state.keys.get(absPath) ?? []) {
    const e = memo.get(key) as Entry | undefined;
    if (e) state.chars -= e.text.length;
    memo.delete(key);
  }
  state.keys.delete(absPath);
}

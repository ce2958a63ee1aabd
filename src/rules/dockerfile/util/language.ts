// The language runtime a final image serves, as the Dockerfile shows it: the base image of the final
// stage chain, the runtime packages that chain installs, and the programs its RUN, CMD and
// ENTRYPOINT start. The file's name is never a clue.
import type { DockerfileModel, Instruction } from '../../../targets/dockerfile/model.js';
import { type PackageRun, unwrapXargs } from '../../../targets/dockerfile/packages.js';
import { packageOperands } from './packages.js';
import { once } from '../../../targets/dockerfile/facts.js';

export type Language = 'python' | 'node';

interface LanguageEvidence {
  language: Language;
  /** What gave it away, for messages: `base image python:3.12-slim`, `CMD runs gunicorn`. */
  why: string;
}

const IMAGE: readonly [Language, RegExp][] = [
  ['python', /(^|\/)(python|pypy)(\d[\w.-]*)?(:|@|$)|distroless\/python/],
  ['node', /(^|\/)(node|nodejs)(\d[\w.-]*)?(:|@|$)|distroless\/nodejs/],
];
const PACKAGE: readonly [Language, RegExp][] = [
  ['python', /^(python3?(\.\d+)?|python3?-minimal|pypy3?)([=<>~].*)?$/],
  ['node', /^(nodejs|nodejs-current|node)([=<>~].*)?$/],
];
const PROGRAM: readonly [Language, RegExp][] = [
  ['python', /^(python\d*(\.\d+)?|pypy\d*|pip\d*(\.\d+)?|gunicorn|uvicorn|hypercorn|daphne|celery|flask|django-admin|poetry|pipenv|uv)$/],
  ['node', /^(node|nodejs|npm|npx|yarn|pnpm|corepack)$/],
];

function match(table: readonly [Language, RegExp][], value: string): Language | null {
  for (const [lang, re] of table) if (re.test(value)) return lang;
  return null;
}

/** The program an exec or shell form CMD/ENTRYPOINT starts (skipping tini/dumb-init and shells' -c). */
function startedProgram(instr: Instruction): string | null {
  let words = instr.json ?? instr.expanded.trim().split(/\s+/);
  while (words.length > 0) {
    const base = (words[0] ?? '').split('/').pop() ?? '';
    if (['tini', 'dumb-init', 'exec', 'env', '--'].includes(base) || base.startsWith('-')) { words = words.slice(1); continue; }
    if (/^(ba|da|a)?sh$/.test(base) && words[1] === '-c') { words = (words[2] ?? '').trim().split(/\s+/); continue; }
    return base;
  }
  return null;
}

/** The languages the final image serves, each with its first piece of evidence. */
export function finalLanguages(model: DockerfileModel): readonly LanguageEvidence[] {
  return once(model, finalLanguages, () => languagesOf(model));
}

function languagesOf(model: DockerfileModel): LanguageEvidence[] {
  const final = model.final;
  if (!final) return [];
  const found = new Map<Language, string>();
  const note = (lang: Language | null, why: string): void => { if (lang && !found.has(lang)) found.set(lang, why); };
  for (const stage of final.chain) {
    if (stage.ref) note(match(IMAGE, stage.resolvedImage.toLowerCase()), `base image ${stage.resolvedImage}`);
  }
  const inChain = new Set(final.chain.map((s) => s.index));
  const packageRuns = new Map<Instruction, PackageRun>(model.packages.map((r) => [r.instr, r]));
  for (const outer of model.instructions) {
    const instr = outer.keyword === 'ONBUILD' ? outer.trigger : outer;
    if (!instr || instr.keyword !== 'RUN' || !inChain.has(model.stages[instr.stageIndex]?.index ?? -1)) continue;
    // the package fact's commands when the RUN has calls (in command order), else the RUN's own
    const pkg = packageRuns.get(instr);
    const cmds = pkg ? pkg.commands : instr.commands.map(unwrapXargs);
    let next = 0;
    for (let i = 0; i < cmds.length; i++) {
      const cmd = cmds[i];
      const call = pkg?.calls[next]?.position === i ? pkg.calls[next++] : null;
      if (call && call.tool !== 'pip' && call.tool !== 'npm') {
        for (const op of packageOperands(call)) note(match(PACKAGE, op.value), `${cmd.name} ${call.sub ?? ''} ${op.value}`.replace(/\s+/g, ' '));
      }
      note(match(PROGRAM, cmd.name), `RUN ${cmd.name}`);
    }
  }
  for (const stage of final.chain) {
    for (const instr of stage.instructions) {
      if (instr.keyword !== 'CMD' && instr.keyword !== 'ENTRYPOINT') continue;
      const program = startedProgram(instr);
      if (program) note(match(PROGRAM, program), `${instr.keyword} runs ${program}`);
    }
  }
  return [...found].map(([language, why]) => ({ language, why }));
}

// What the builder rejects beyond the grammar the parser reads: instructions without the arguments
// they need, flags an instruction does not take (or takes with a value), HEALTHCHECK forms and
// durations, and image references that are not references (a digest is `sha256:` and 64 hex
// digits). Each problem is located; the parser adds them to its parse errors, so a file with one is
// not graded ("does not build: …"). Pure: reads the resolved model only.
import type { SourceRange } from '../../engine/types.js';
import type { DockerfileModel, Instruction, Stage } from './model.js';

interface BuildProblem {
  message: string;
  range: SourceRange;
}

/** The flags each instruction takes; `true`: a value is required (`--from=x`), `false`: a switch
 *  that may be bare (`--link`). An instruction missing here takes none that is checked. */
const FLAGS: Partial<Record<string, Partial<Record<string, boolean>>>> = {
  FROM: { platform: true },
  RUN: { mount: true, network: true, security: true, device: true },
  COPY: { from: true, chown: true, chmod: true, link: false, parents: false, exclude: true },
  ADD: { chown: true, chmod: true, link: false, checksum: true, 'keep-git-dir': false, unpack: false, exclude: true },
  HEALTHCHECK: { interval: true, timeout: true, 'start-period': true, 'start-interval': true, retries: true },
};

/** Instructions that need at least one argument (ARG, ENV, USER, SHELL, FROM and ONBUILD are
 *  checked by the parser itself). */
const NEEDS_ARGUMENT = new Set(['EXPOSE', 'VOLUME', 'LABEL', 'STOPSIGNAL', 'WORKDIR', 'MAINTAINER', 'HEALTHCHECK']);

const DURATION_FLAGS = new Set(['interval', 'timeout', 'start-period', 'start-interval']);
/** Go's time.ParseDuration: a sequence of decimal numbers, each with a unit; "0" alone is valid. */
const GO_DURATION = /^[-+]?(?:0|(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+)$/;
const UNIT_MS: Partial<Record<string, number>> = { ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 };

function durationMs(text: string): number {
  let total = 0;
  for (const m of text.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) total += Number(m[1]) * (UNIT_MS[m[2]] ?? 0);
  return text.startsWith('-') ? -total : total;
}

/** The words of an instruction's arguments: the JSON array items, or the whitespace-separated words. */
function argWords(instr: Instruction): string[] {
  if (instr.json) return instr.json;
  return instr.args.split(/\s+/).filter(Boolean);
}

function checkFlags(instr: Instruction, out: BuildProblem[]): void {
  const allowed = FLAGS[instr.keyword];
  if (!allowed) return;
  for (const f of instr.flags) {
    const needsValue = allowed[f.name];
    if (needsValue === undefined) {
      const known = Object.keys(allowed).map((n) => `--${n}`).join(', ');
      out.push({ message: `${instr.keyword} does not take --${f.name} (it takes ${known})`, range: f.range });
    } else if (needsValue && (f.value === null || f.value === '')) {
      out.push({ message: `${instr.keyword} --${f.name} needs a value: write --${f.name}=<value>, with no space`, range: f.range });
    }
  }
}

function checkHealthcheck(instr: Instruction, out: BuildProblem[]): void {
  const words = instr.args.split(/\s+/).filter(Boolean);
  const type = (words[0] ?? '').toUpperCase();
  if (words.length === 0) return; // reported as a missing argument
  if (type === 'NONE') {
    if (words.length > 1) out.push({ message: 'HEALTHCHECK NONE takes no arguments', range: instr.argsRange });
    return;
  }
  if (type !== 'CMD') {
    out.push({ message: `HEALTHCHECK takes CMD <command> or NONE, not ${JSON.stringify(words[0])}`, range: instr.argsRange });
    return;
  }
  const command = instr.args.trim().slice(3).trim();
  if (command === '' || command === '[]') out.push({ message: 'HEALTHCHECK CMD needs a command after CMD', range: instr.argsRange });
  for (const f of instr.flags) {
    if (f.value === null || f.value === '' || f.value.includes('$')) continue;
    if (DURATION_FLAGS.has(f.name)) {
      if (!GO_DURATION.test(f.value)) {
        out.push({ message: `HEALTHCHECK --${f.name}=${f.value} is not a duration: give a number with a unit (30s, 1m30s, 500ms)`, range: f.range });
        continue;
      }
      const ms = durationMs(f.value);
      if (ms < 0) out.push({ message: `HEALTHCHECK --${f.name}=${f.value} is negative`, range: f.range });
      else if (ms > 0 && ms < 1) out.push({ message: `HEALTHCHECK --${f.name}=${f.value} is below the 1ms minimum`, range: f.range });
    } else if (f.name === 'retries' && !/^[+]?\d+$/.test(f.value)) {
      out.push({ message: `HEALTHCHECK --retries=${f.value} is not a whole number of retries`, range: f.range });
    }
  }
}

/** Why an image reference that did not parse is rejected, in the user's terms. */
function referenceProblem(image: string): string {
  const at = image.indexOf('@');
  if (at >= 0) {
    const digest = image.slice(at + 1);
    const m = /^([A-Za-z0-9+._-]+):(.*)$/.exec(digest);
    if (!m) return `the digest "${digest}" is not <algorithm>:<hex>, e.g. sha256: and 64 hex digits`;
    const [, alg, hex] = m as unknown as [string, string, string];
    if (alg === 'sha256' && !/^[0-9a-f]{64}$/.test(hex)) return `a sha256 digest is 64 lower-case hex digits; "${digest}" is not one`;
    if (!/^[0-9a-fA-F]{32,}$/.test(hex)) return `the digest "${digest}" is not hex`;
  }
  const name = at >= 0 ? image.slice(0, at) : image;
  const lastSlash = name.lastIndexOf('/');
  const colon = name.indexOf(':', lastSlash + 1);
  if (colon >= 0) {
    const tag = name.slice(colon + 1);
    if (!/^[\w][\w.-]{0,127}$/.test(tag)) return `the tag "${tag}" may hold only letters, digits, _ . - (at most 128, not starting with . or -)`;
  }
  const path = colon >= 0 ? name.slice(0, colon) : name;
  if (/[A-Z]/.test(path.slice(path.indexOf('/') + 1))) return 'a repository name must be lower case';
  return 'it is not a valid image reference ([registry/]name[:tag][@sha256:<64 hex>])';
}

/** The image names a variable the build does not give (`--build-arg`): its default is only what
 *  the file says when nobody passes one, and builds usually do (`BASE_IMAGE_SHA=""` by default). */
function dependsOnDefault(model: DockerfileModel, stage: Stage): boolean {
  for (const m of stage.image.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
    if (!Object.hasOwn(model.buildArgs, m[1])) return true;
  }
  return false;
}

function checkImage(model: DockerfileModel, stage: Stage, out: BuildProblem[]): void {
  if (stage.baseStage !== null || stage.isScratch || stage.unresolved || dependsOnDefault(model, stage)) return;
  const image = stage.resolvedImage.trim();
  if (image === '') return;
  const range = stage.from.argsRange;
  if (stage.ref === null) {
    out.push({ message: `FROM ${image}: ${referenceProblem(image)}`, range });
    return;
  }
  // the reference grammar takes any algorithm with 32+ hex digits; sha256 is exactly 64
  const digest = stage.ref.digest;
  if (digest?.startsWith('sha256:') && !/^sha256:[0-9a-f]{64}$/.test(digest)) {
    out.push({ message: `FROM ${image}: ${referenceProblem(image)}`, range });
  }
}

/** Every problem the builder would stop at that the grammar alone does not show. */
export function validateInstructions(model: DockerfileModel): BuildProblem[] {
  const out: BuildProblem[] = [];
  for (const outer of model.instructions) {
    const instrs = outer.keyword === 'ONBUILD' && outer.trigger ? [outer, outer.trigger] : [outer];
    for (const instr of instrs) {
      if (instr.keyword === 'ONBUILD') continue;
      checkFlags(instr, out);
      if (NEEDS_ARGUMENT.has(instr.keyword) && instr.args.trim() === '' && instr.heredocs.length === 0) {
        out.push({ message: `${instr.keyword} requires at least one argument`, range: instr.range });
        continue;
      }
      if ((instr.keyword === 'COPY' || instr.keyword === 'ADD') && argWords(instr).length < 2) {
        out.push({ message: `${instr.keyword} requires at least two arguments: a source and a destination`, range: instr.range });
      }
      if (instr.keyword === 'HEALTHCHECK') checkHealthcheck(instr, out);
    }
  }
  for (const stage of model.stages) checkImage(model, stage, out);
  return out;
}

import { defineRule } from '../../engine/types.js';
import type { DockerfileModel, Instruction } from '../../targets/dockerfile/model.js';
import { commandRange } from './util/runs.js';
import { type PackageCall, pkgRuns } from './util/packages.js';

const LOCKFILES = /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|package\*\.json|\*\.json|yarn\.lock|pnpm-lock\.yaml)$/;

type Lockfile = 'lock' | 'manifest-only' | 'unknown';

/** For each RUN in a stage, what the COPY/ADD instructions before it (in its stage chain) tell about
 *  a lockfile: 'lock' when one is copied by name or glob, 'manifest-only' when package.json is copied
 *  alone, 'unknown' otherwise. One forward pass: a base stage always comes earlier in the file. */
function lockfilesCopied(model: DockerfileModel): Map<Instruction, Lockfile> {
  interface Seen { lock: boolean; manifest: boolean; other: boolean }
  const out = new Map<Instruction, Lockfile>();
  const atEnd: Seen[] = [];
  for (const stage of model.stages) {
    const base = stage.baseStage !== null ? atEnd[stage.baseStage] : undefined;
    const seen: Seen = base ? { ...base } : { lock: false, manifest: false, other: false };
    for (const instr of stage.instructions) {
      if (instr.keyword === 'RUN') {
        out.set(instr, seen.lock ? 'lock' : seen.manifest && !seen.other ? 'manifest-only' : 'unknown');
        continue;
      }
      if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD') continue;
      const words = instr.json ?? instr.args.split(/\s+/).filter(Boolean);
      const sources = words.slice(0, -1);
      if (sources.some((w) => LOCKFILES.test(w))) seen.lock = true;
      else if (sources.some((w) => /(^|\/)package\.json$/.test(w))) seen.manifest = true;
      else if (sources.length) seen.other = true;
    }
    atEnd[stage.index] = seen;
  }
  return out;
}

interface Hit { call: PackageCall; tool: string; need: number; advice: string }

/** An install of the project's dependencies that may resolve other versions than its lockfile. */
function lockfileInstall(call: PackageCall): Hit | null {
  if (call.verb !== 'install' || call.frozen || call.global) return null;
  const need = Math.max(call.subIndex, 0);
  const written = call.sub ?? '';
  switch (call.tool) {
    case 'npm':
      if (call.operands.length > 0) return null;
      return { call, tool: `npm ${written}`, need, advice: 'npm ci' };
    case 'yarn':
      // `yarn` and `yarn install` install the lockfile's project; `yarn add x` names packages
      if (call.sub !== null && call.sub !== 'install') return null;
      if (call.operands.length > 0) return null;
      return { call, tool: call.sub ? 'yarn install' : 'yarn', need, advice: 'yarn install --frozen-lockfile (Yarn 1) or yarn install --immutable (Yarn 2+)' };
    case 'pnpm':
      if ((call.sub !== 'install' && call.sub !== 'i') || call.operands.length > 0) return null;
      return { call, tool: `pnpm ${written}`, need, advice: 'pnpm install --frozen-lockfile' };
    case 'bun':
      if ((call.sub !== 'install' && call.sub !== 'i') || call.operands.length > 0) return null;
      return { call, tool: `bun ${written}`, need, advice: 'bun install --frozen-lockfile' };
    default:
      return null;
  }
}

export default defineRule({
  id: 'dockerfile/npm-install-instead-of-ci',
  target: 'dockerfile',
  title: '`npm install` where `npm ci` fits',
  severity: 'warning',
  level: null,
  rationale:
    '`npm install` treats package-lock.json as a hint: it may resolve newer versions within the semver ranges of ' +
    'package.json and rewrite the lockfile, so the image does not contain what was reviewed and tested. `npm ci` ' +
    'installs exactly the lockfile (verifying its integrity hashes), fails when lockfile and package.json disagree, ' +
    'and starts from a clean node_modules. The same holds for `yarn install` without --frozen-lockfile/--immutable ' +
    'and `pnpm install` without --frozen-lockfile (pnpm turns it on by itself when CI is set) and `bun install` without ' +
    '--frozen-lockfile. `yarn --version`, `yarn run …` and `yarn build` (a script) install nothing and are not reported.',
  remediation:
    'Copy package.json and package-lock.json, then `RUN npm ci` (`npm ci --omit=dev` for production images); ' +
    'with yarn `yarn install --frozen-lockfile` (1.x) or `--immutable` (2+), with pnpm `pnpm install --frozen-lockfile`.',
  references: ['https://docs.npmjs.com/cli/commands/npm-ci', 'https://docs.docker.com/guides/nodejs/containerize/'],
  equivalents: {},
  examples: {
    bad: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm install\nCOPY . .\n',
    good: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY . .\n',
  },
  check(model, context) {
    const lockfiles = lockfilesCopied(model);
    for (const run of pkgRuns(model, 'npm', 'yarn', 'pnpm', 'bun')) {
      for (const call of run.calls) {
        const hit = lockfileInstall(call);
        if (!hit) continue;
        const cmd = call.cmd;
        const words = run.locator.locate(cmd, hit.need);
        const lock = call.tool === 'npm' ? (lockfiles.get(run.instr) ?? 'unknown') : 'unknown';
        const message = lock === 'manifest-only'
          ? `\`${hit.tool}\` after copying package.json without a lockfile: commit and copy package-lock.json, then use npm ci`
          : `\`${hit.tool}\` may resolve other versions than the lockfile: use ${hit.advice}`;
        context.report({ range: commandRange(model, run, cmd, words ? words.slice(0, hit.need + 1) : null), message });
      }
    }
  },
});

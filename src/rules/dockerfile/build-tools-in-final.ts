import { defineRule } from '../../engine/types.js';
import type { ShellCommand } from '../../targets/dockerfile/model.js';
import { commandRange } from './util/runs.js';
import { finalChain, lineRange, rangeAt } from '../../targets/dockerfile/facts.js';
import { isAptLike, isRpmLike, type Operand, optValue, type PackageCall, pkgRuns } from './util/packages.js';

const TOOL_NAMES = new Set(['gcc', 'g++', 'gcc-c++', 'cpp', 'make', 'cmake', 'ninja', 'ninja-build', 'meson', 'build-essential', 'build-base',
  'clang', 'llvm', 'autoconf', 'automake', 'libtool', 'pkg-config', 'pkgconf', 'pkgconfig', 'git', 'golang', 'golang-go', 'go', 'rust', 'rustc',
  'cargo', 'linux-headers', 'kernel-headers', 'kernel-devel', 'bison', 'flex', 'musl-dev', 'maven', 'gradle', 'nasm', 'yasm', 'gfortran',
  '@development-tools', 'development tools', 'devtoolset']);
/** Base images whose whole purpose is building (compilers and SDKs). */
const SDK_IMAGES = new Set(['golang', 'rust', 'gcc', 'buildpack-deps', 'maven', 'gradle']);

/** The package name without version, architecture or release suffixes. */
function packageName(v: string, call: PackageCall): string {
  let n = v.toLowerCase().split(/[=<>~]/)[0];
  n = n.replace(/:[a-z0-9]+$/, '');
  if (isRpmLike(call)) n = n.replace(/-\d.*$/, '').replace(/\.(x86_64|aarch64|noarch|i686)$/, '');
  return n;
}

export function isBuildTool(name: string): boolean {
  if (TOOL_NAMES.has(name)) return true;
  if (/^(gcc|g\+\+|clang|llvm|cpp)-\d+(\.\d+)*$/.test(name)) return true; // gcc-12, clang-17
  if (/-(dev|devel)$/.test(name)) return true;
  if (/^golang-\d/.test(name) || /^openjdk-\d+-jdk(-headless)?$/.test(name) || /^java-[\d.]+-openjdk-devel$/.test(name)) return true;
  return false;
}

interface Installed { cmd: ShellCommand; call: PackageCall; op: Operand; name: string; virtual: string | null }

function installs(call: PackageCall): boolean {
  if (isAptLike(call)) return call.sub === 'install';
  if (call.tool === 'apk') return call.sub === 'add';
  if (isRpmLike(call)) return call.verb === 'install';
  if (call.tool === 'zypper') return call.sub === 'install' || call.sub === 'in';
  return false;
}

/** Removal commands that take packages away again in the same RUN. */
function removal(call: PackageCall): { names: Set<string>; any: boolean } | null {
  const s = call.sub ?? '';
  const autoremove = s === 'autoremove' || call.opts.some((o) => o.name === 'auto-remove' || o.name === 'autoremove');
  if (isAptLike(call) && (['remove', 'purge', 'autoremove', 'autopurge'].includes(s))) {
    return { names: new Set(call.operands.map((o) => packageName(o.value, call))), any: autoremove || call.operands.some((o) => o.value.includes('$')) };
  }
  if (call.tool === 'apk' && s === 'del') return { names: new Set(call.operands.map((o) => o.value.toLowerCase())), any: call.operands.some((o) => o.value.includes('$')) };
  if ((isRpmLike(call) && ['remove', 'erase', 'autoremove'].includes(s)) || (call.tool === 'zypper' && ['remove', 'rm'].includes(s))) {
    return { names: new Set(call.operands.map((o) => packageName(o.value, call))), any: s === 'autoremove' || call.operands.some((o) => o.value.includes('$')) };
  }
  return null;
}

export default defineRule({
  id: 'dockerfile/build-tools-in-final',
  target: 'dockerfile',
  title: 'Build tools left in the final image',
  severity: 'warning',
  level: 'hardened',
  rationale:
    'Compilers, headers (-dev/-devel packages), make, git and language toolchains are needed to build the ' +
    'application, not to run it. Left in the final image they add hundreds of megabytes and many packages to patch, ' +
    'and they hand an attacker who gets code execution a ready toolkit to compile exploits or fetch code. A ' +
    'multi-stage build compiles in a builder stage and copies only the result into a slim runtime stage. Installing ' +
    'and removing the tools in the same RUN (apk `--virtual .build-deps` … `apk del .build-deps`, apt-get purge ' +
    '--auto-remove) is also accepted. The final stage built on an SDK image (golang, rust, gcc, maven, gradle, ' +
    'buildpack-deps) is reported too.',
  remediation:
    'Use a multi-stage build: `FROM golang:1.23 AS build` … `RUN go build -o /out/app` then `FROM gcr.io/distroless/static` ' +
    '`COPY --from=build /out/app /app`. Otherwise remove the tools in the same RUN that installed them.',
  references: [
    'https://docs.docker.com/build/building/multi-stage/',
    'CIS Docker Benchmark 4.3 (Ensure that unnecessary packages are not installed in the container)',
  ],
  equivalents: { cis: ['4.3'] },
  examples: {
    bad: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends gcc libpq-dev \\\n && pip install --no-cache-dir -r requirements.txt \\\n && rm -rf /var/lib/apt/lists/*\n',
    good: 'FROM python:3.12-slim AS build\nCOPY requirements.txt .\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends gcc libpq-dev \\\n && pip wheel --no-cache-dir -w /wheels -r requirements.txt\n\nFROM python:3.12-slim\nCOPY --from=build /wheels /wheels\nRUN pip install --no-cache-dir /wheels/*\n',
  },
  check(model, context) {
    const chain = finalChain(model);
    for (const index of chain) {
      const stage = model.stages.at(index);
      const repo = stage?.ref?.repository.split('/').pop() ?? '';
      if (stage && stage.baseStage === null && SDK_IMAGES.has(repo)) {
        const at = lineRange(model, stage.from.range.start.line);
        context.report({ range: at, message: `the final image is built on ${repo}, a full SDK image: build in a builder stage and copy the result into a runtime image` });
      }
    }
    for (const run of pkgRuns(model, 'apt-get', 'apt', 'apk', 'yum', 'dnf', 'microdnf', 'zypper')) {
      if (!run.stage || !chain.has(run.stage.index)) continue;
      const installed: Installed[] = [];
      for (const call of run.calls) {
        const cmd = call.cmd;
        if (installs(call)) {
          const virtual = call.tool === 'apk' ? optValue(call, 'virtual', 't') : null;
          for (const op of call.packages) {
            const name = packageName(op.value, call);
            if (isBuildTool(name)) installed.push({ cmd, call, op, name, virtual });
          }
          continue;
        }
        const rm = removal(call);
        if (!rm) continue;
        for (let k = installed.length - 1; k >= 0; k--) {
          const it = installed[k];
          const sameFamily = (isAptLike(call) && isAptLike(it.call)) || (isRpmLike(call) && isRpmLike(it.call)) || call.tool === it.call.tool;
          if (!sameFamily) continue;
          if (rm.any || rm.names.has(it.name) || (it.virtual !== null && rm.names.has(it.virtual.toLowerCase()))) installed.splice(k, 1);
        }
      }
      if (installed.length === 0) continue;
      const first = installed[0];
      const words = run.locator.locate(first.cmd, first.op.index);
      const w = words?.[first.op.index];
      const names = [...new Set(installed.map((i) => i.name))];
      context.report({
        range: w ? rangeAt(model, w.start, w.end) : commandRange(model, run, first.cmd, words),
        message: `build tools in the final image: ${names.slice(0, 6).join(', ')}${names.length > 6 ? ` and ${names.length - 6} more` : ''} — use a multi-stage build (or remove them in the same RUN)`,
      });
    }
  },
});

// A HEALTHCHECK command that fits the image the final stage makes: a check run by the runtime the
// image already has (python, node), by curl or wget when the image has one, or by the program
// itself when the image has neither a shell nor a client (a Go binary on scratch or distroless).
import type { DockerfileModel, Stage } from '../../../targets/dockerfile/model.js';
import { chainInstructions, chainRoot } from './stages.js';
import { exposeEntries } from './expose.js';
import { packageOperands } from './packages.js';

interface HealthSuggestion {
  /** The HEALTHCHECK line, without a trailing newline. */
  line: string;
  /** What the check relies on, for the message ("python in the image"). */
  basis: string;
}

const BUSYBOX_BASES = /^(?:alpine|busybox)$|(?:^|\/)(?:alpine|busybox)$/;
const NO_SHELL = /(?:^|\/)distroless\/|^scratch$|(?:^|\/)static(?:-debian\d+)?$/;

/** The first TCP port the final stage exposes; 80 for a web server image that exposes it itself,
 *  8080 when none is given or it is a variable. */
function portOf(model: DockerfileModel, stage: Stage, base: string): number {
  for (const i of chainInstructions(model, stage)) {
    if (i.keyword !== 'EXPOSE') continue;
    for (const e of exposeEntries(model, i)) {
      if (e.port && !e.unresolved && (e.port.proto === null || e.port.proto.toLowerCase() === 'tcp')) return e.port.from;
    }
  }
  return /(?:^|\/)(?:nginx|httpd|caddy)$/.test(base) ? 80 : 8080;
}

/** Packages installed in the final stage's chain (apt, apk, dnf, …), lower-case. */
function installed(model: DockerfileModel, stage: Stage): Set<string> {
  const out = new Set<string>();
  const chain = new Set(chainInstructions(model, stage));
  for (const run of model.packages) {
    if (!chain.has(run.instr)) continue;
    for (const call of run.calls) {
      if (call.tool === 'npm' || call.tool === 'pip') continue;
      if (['install', 'add', 'in'].includes(call.sub ?? '')) for (const o of packageOperands(call)) out.add(o.value.toLowerCase().replace(/[=<>].*$/, ''));
    }
  }
  return out;
}

/** The program the container runs (the first word of ENTRYPOINT, else of CMD), when written in exec form. */
function program(model: DockerfileModel, stage: Stage): string | null {
  const chain = chainInstructions(model, stage);
  const last = (kw: string) => {
    for (let k = chain.length - 1; k >= 0; k--) if (chain[k].keyword === kw) return chain[k];
    return undefined;
  };
  const ep = last('ENTRYPOINT') ?? last('CMD');
  if (!ep) return null;
  const first = ep.json ? ep.json[0] : ep.args.trim().split(/\s+/)[0];
  return first && !first.includes('$') ? first : null;
}

/** A HEALTHCHECK for the final stage, chosen by what its image holds. */
export function suggestHealthcheck(model: DockerfileModel, stage: Stage): HealthSuggestion {
  const opts = '--interval=30s --timeout=3s --start-period=10s --retries=3';
  const root = chainRoot(model, stage);
  const base = root.isScratch ? 'scratch' : (root.ref?.repository ?? root.resolvedImage).toLowerCase();
  const url = `http://127.0.0.1:${portOf(model, stage, base)}/`;
  const tag = (root.ref?.tag ?? '').toLowerCase();
  const pkgs = installed(model, stage);
  const prog = program(model, stage);
  const runs = (name: RegExp) => prog !== null && name.test(prog.replace(/^.*\//, ''));
  if (pkgs.has('curl')) return { line: `HEALTHCHECK ${opts} CMD curl -fsS ${url} || exit 1`, basis: 'curl, which the image installs' };
  if (pkgs.has('wget')) return { line: `HEALTHCHECK ${opts} CMD wget -q --spider ${url} || exit 1`, basis: 'wget, which the image installs' };
  if (/(?:^|\/)python$|(?:^|\/)pypy$|uv$/.test(base) || /python/.test(tag) || runs(/^(python[\d.]*|gunicorn|uvicorn|flask|django-admin)$/)) {
    return {
      line: `HEALTHCHECK ${opts} CMD ["python", "-c", "import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('${url}', timeout=2).status < 400 else 1)"]`,
      basis: 'python in the image',
    };
  }
  if (/(?:^|\/)node$/.test(base) || runs(/^(node|npm|yarn|pnpm)$/)) {
    return {
      line: `HEALTHCHECK ${opts} CMD ["node", "-e", "fetch('${url}').then(r => { process.exitCode = r.ok ? 0 : 1; }, () => { process.exitCode = 1; })"]`,
      basis: 'node in the image',
    };
  }
  if (NO_SHELL.test(base) || /distroless/.test(base)) {
    const bin = prog ?? '/app';
    return { line: `HEALTHCHECK ${opts} CMD ["${bin}", "healthcheck"]`, basis: `the program itself: the image has no shell nor HTTP client, so give ${bin} a health subcommand` };
  }
  if (BUSYBOX_BASES.test(base)) return { line: `HEALTHCHECK ${opts} CMD wget -q --spider ${url} || exit 1`, basis: 'busybox wget in the image' };
  if (/(?:^|\/)nginx$|(?:^|\/)httpd$|(?:^|\/)caddy$/.test(base) && /alpine/.test(tag)) {
    return { line: `HEALTHCHECK ${opts} CMD wget -q --spider ${url} || exit 1`, basis: 'busybox wget in the alpine image' };
  }
  if (/(?:^|\/)nginx$/.test(base)) return { line: `HEALTHCHECK ${opts} CMD curl -fsS ${url} || exit 1`, basis: 'curl in the nginx image' };
  return {
    line: `HEALTHCHECK ${opts} CMD ${prog ?? '/usr/local/bin/app'} --health || exit 1`,
    basis: 'a check of your own: the image has no known HTTP client (install curl or wget, or give the program a health option)',
  };
}

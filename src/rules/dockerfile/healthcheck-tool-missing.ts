import { defineRule } from '../../engine/types.js';
import type { DockerfileModel, Stage } from '../../targets/dockerfile/model.js';
import { packageOperands, pkgRuns } from './util/packages.js';
import { rangeOfText } from './util/ranges.js';

type Tool = 'curl' | 'wget' | 'sh';

/** The probe tools a well-known base image ships, or null when the image is not one we know. */
function baseTools(stage: Stage): ReadonlySet<Tool> | null {
  if (stage.isScratch) return new Set();
  const ref = stage.ref;
  if (!ref || stage.unresolved || stage.windows) return null;
  const repo = ref.repository.replace(/^library\//, '').toLowerCase();
  const tag = (ref.tag ?? 'latest').toLowerCase();
  const official = ref.registry === null || ref.registry === 'docker.io' || ref.registry === 'index.docker.io';
  if (/(^|\/)distroless\//.test(`${ref.registry ?? ''}/${repo}`) || repo.startsWith('distroless/')) {
    // the :debug variants add BusyBox (sh and wget, no curl)
    return tag.includes('debug') ? new Set<Tool>(['sh', 'wget']) : new Set();
  }
  if (!official || repo.includes('/')) return null;
  if (repo === 'alpine' || repo === 'busybox' || /(^|-)alpine/.test(tag)) return new Set<Tool>(['sh', 'wget']);
  const slim = /(^|-)slim(-|$)/.test(tag);
  if (['python', 'node', 'ruby', 'perl', 'php', 'golang', 'rust', 'openjdk'].includes(repo)) {
    // full tags build on buildpack-deps (curl and wget); -slim ones on debian:*-slim (neither)
    return slim ? new Set<Tool>(['sh']) : new Set<Tool>(['sh', 'curl', 'wget']);
  }
  if (repo === 'debian' || repo === 'ubuntu') return new Set<Tool>(['sh']);
  return null;
}

/** The tools the final stage chain adds: installed packages or files copied to a tool's name. */
function addedTools(model: DockerfileModel, chain: ReadonlySet<number>): Set<Tool> {
  const out = new Set<Tool>();
  for (const run of pkgRuns(model)) {
    if (!run.stage || !chain.has(run.stage.index)) continue;
    for (const call of run.calls) {
      if (call.tool === 'pip' || call.tool === 'npm') continue;
      for (const op of packageOperands(call)) {
        const name = op.value.split(/[=<>~]/)[0];
        if (name === 'curl' || name === 'wget' || name === 'busybox') out.add(name === 'busybox' ? 'wget' : name);
        if (name === 'bash' || name === 'dash' || name === 'busybox') out.add('sh');
      }
    }
  }
  for (const stage of model.stages) {
    if (!chain.has(stage.index)) continue;
    for (const instr of stage.instructions) {
      if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD') continue;
      const words = instr.json ?? instr.expanded.trim().split(/\s+/);
      for (const w of words) {
        const base = w.replace(/\/+$/, '').split('/').pop();
        if (base === 'curl' || base === 'wget' || base === 'sh') out.add(base);
        if (base === 'busybox') { out.add('wget'); out.add('sh'); }
      }
    }
  }
  return out;
}

export default defineRule({
  id: 'dockerfile/healthcheck-tool-missing',
  target: 'dockerfile',
  title: 'HEALTHCHECK calls a tool the final image does not have',
  severity: 'warning',
  level: 'hardened',
  rationale:
    'Course practice "a health check in the image": the check only works when the image can run it. The -slim ' +
    'variants of the official language images and debian/ubuntu ship neither curl nor wget, Alpine and BusyBox ' +
    'have wget but not curl, distroless and scratch have no tool and no shell at all. A HEALTHCHECK that calls ' +
    'one of them fails every time ("executable file not found"), so a working service is reported unhealthy and ' +
    'restarted or taken out of the load balancer, or, worse, people learn to ignore the status. Tools the final ' +
    'stage installs (apt-get/apk/dnf install curl) or copies in are counted; an image this rule does not know is ' +
    'not judged. `tightship verify` shows the same failure in the container\'s health log.',
  remediation:
    'Probe with what the image has: the language runtime (`python -c "import urllib.request, sys; ' +
    'urllib.request.urlopen(\'http://127.0.0.1:8000/health\', timeout=3)"`, `node -e "fetch(…)"`), BusyBox `wget -q -O /dev/null` ' +
    'on Alpine, a small static probe binary copied into distroless — or install the tool in the final stage.',
  references: ['https://docs.docker.com/reference/dockerfile/#healthcheck', 'https://github.com/GoogleContainerTools/distroless#debug-images'],
  equivalents: {},
  examples: {
    bad: 'FROM python:3.12-slim\nHEALTHCHECK CMD curl -f http://127.0.0.1:8000/health || exit 1\nCMD ["python", "-m", "http.server", "8000"]\n',
    good: 'FROM python:3.12-slim\nHEALTHCHECK CMD ["python", "-c", "import urllib.request; urllib.request.urlopen(\'http://127.0.0.1:8000/\', timeout=3)"]\nCMD ["python", "-m", "http.server", "8000"]\n',
  },
  check(model, ctx) {
    const final = model.final;
    const hc = final?.healthcheck;
    if (!final || !hc || !/^\s*CMD\b/i.test(hc.args)) return;
    const root = final.chain[0] ?? final.stage;
    const base = baseTools(root);
    if (!base) return;
    const have = new Set<Tool>([...base, ...addedTools(model, new Set(final.chain.map((s) => s.index)))]);
    const body = hc.args.replace(/^\s*CMD\s+/i, '').trim();
    let argv0: string | undefined;
    let shellForm = false;
    if (body.startsWith('[')) {
      try {
        const argv = JSON.parse(body) as unknown;
        if (Array.isArray(argv) && typeof argv[0] === 'string') argv0 = argv[0];
      } catch { return; }
    } else {
      shellForm = true;
      argv0 = body.split(/\s+/)[0];
    }
    const name = (argv0 ?? '').split('/').pop() ?? '';
    const where = root.isScratch ? 'scratch' : root.resolvedImage;
    if (shellForm && !have.has('sh')) {
      ctx.report({ message: `The HEALTHCHECK is in shell form, but the final image (${where}) has no /bin/sh: the check can never run; use the exec form (CMD ["/probe"]).`, range: hc.keywordRange });
      return;
    }
    const probeTools: readonly Tool[] = ['curl', 'wget'];
    const tool = probeTools.find((t) => t === name);
    if (!tool || have.has(tool)) return;
    ctx.report({
      message: `The HEALTHCHECK calls ${tool}, which the final image (${where}) does not have and the Dockerfile does not install: the check always fails and the container is reported unhealthy.`,
      range: rangeOfText(model, hc, argv0 ?? tool),
    });
  },
});

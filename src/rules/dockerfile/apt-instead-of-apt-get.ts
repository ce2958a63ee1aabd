import { defineRule, type Edit } from '../../engine/types.js';
import { commandRange, insertAfter, replaceValueEnd } from './util/runs.js';
import { pkgRuns } from './util/packages.js';

/** apt sub-commands whose apt-get / apt-cache form behaves the same in a script. */
const SAME_IN_APT_GET = new Set(['install', 'update', 'remove', 'purge', 'autoremove', 'clean', 'autoclean', 'build-dep', 'source', 'download']);
const SAME_IN_APT_CACHE = new Set(['search', 'show', 'policy', 'depends', 'rdepends', 'showsrc']);

export default defineRule({
  id: 'dockerfile/apt-instead-of-apt-get',
  target: 'dockerfile',
  title: '`apt` used in a script',
  severity: 'warning',
  level: null,
  rationale:
    '`apt` is the interactive front end: its output and behaviour may change between releases and it warns ' +
    '"apt does not have a stable CLI interface. Use with caution in scripts." `apt-get` and `apt-cache` are the ' +
    'stable interfaces meant for scripts such as a Dockerfile.',
  remediation: 'Use `apt-get` (install, update, remove; `apt upgrade` is `apt-get upgrade --with-new-pkgs`, `apt full-upgrade` is `apt-get dist-upgrade`) or `apt-cache` (search, show, policy) instead of `apt`.',
  references: ['apt(8): SCRIPT USAGE AND DIFFERENCES FROM OTHER APT TOOLS', 'https://docs.docker.com/build/building/best-practices/#apt-get'],
  equivalents: {
    hadolint: ['DL3027'],
    checkov: ['CKV_DOCKER_9'],
    kics: ['Run Using apt'],
  },
  fixable: 'suggestion',
  examples: {
    bad: 'FROM debian:12-slim\nRUN apt update && apt install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
    good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
  },
  check(model, context) {
    for (const run of pkgRuns(model, 'apt')) {
      for (const call of run.calls) {
        const cmd = call.cmd;
        if (call.tool !== 'apt') continue;
        const need = Math.max(0, call.subIndex);
        const words = run.locator.locate(cmd, need);
        const word = words?.[0];
        const replacement = call.sub && SAME_IN_APT_GET.has(call.sub) ? 'apt-get' : call.sub && SAME_IN_APT_CACHE.has(call.sub) ? 'apt-cache' : null;
        const edits: Edit[] = [];
        const sub = words?.[call.subIndex];
        // the value's characters, where they are written as they are (plain, or inside quotes)
        const apt = (text: string) => (word && (word.value === 'apt' || word.value.endsWith('/apt')) ? replaceValueEnd(word, 3, text) : null);
        const toGet = apt('apt-get');
        if (replacement) { const e = apt(replacement); if (e) edits.push(e); }
        else if (call.sub === 'upgrade' && sub && toGet) edits.push(toGet, insertAfter(sub, ' --with-new-pkgs'));
        else if (call.sub === 'full-upgrade' && sub && toGet) {
          const dist = replaceValueEnd(sub, sub.value.length, 'dist-upgrade');
          if (dist) edits.push(toGet, dist);
        }
        const advice = replacement ?? (call.sub === 'upgrade' ? 'apt-get upgrade --with-new-pkgs' : call.sub === 'full-upgrade' ? 'apt-get dist-upgrade' : 'apt-get or apt-cache');
        context.report({
          range: commandRange(model, run, cmd, words ? words.slice(0, need + 1) : null),
          message: `\`apt${call.sub ? ' ' + call.sub : ''}\` in a script: use ${advice}, apt has no stable command-line interface`,
          ...(edits.length ? { fix: { description: `Use ${advice}`, safe: false, edits } } : {}),
        });
      }
    }
  },
});

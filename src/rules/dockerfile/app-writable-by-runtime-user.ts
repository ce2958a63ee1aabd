import { defineRule } from '../../engine/types.js';
import type { Instruction } from '../../targets/dockerfile/model.js';
import { shellCommands } from '../../targets/dockerfile/shell.js';
import { chainInstructions, stageVars } from './util/stages.js';
import { commandNameRange } from './util/ranges.js';
import { expandVars, hasUnresolved } from './util/values.js';
import { createdUser, isRootUser, splitUserGroup } from './util/users.js';

/** Places a service legitimately writes to: scratch, state, caches, logs, uploads, the user's home. */
const WRITABLE = /(^|\/)(tmp|temp|var|run|data|state|cache|\.cache|caches|log|logs|uploads?|storage|sessions?|spool|home|db|sqlite|files|media|writable|work|output|out)(\/|$)/i;

function resolvePath(path: string, workdir: string): string {
  if (path.startsWith('/')) return path;
  return `${workdir.replace(/\/+$/, '')}/${path.replace(/^\.\/?/, '')}`;
}

export default defineRule({
  id: 'dockerfile/app-writable-by-runtime-user',
  target: 'dockerfile',
  title: 'Application files owned by the runtime user',
  severity: 'info',
  level: null,
  rationale:
    'Files COPYed without --chown belong to root, and that is the hardened default: a non-root process can ' +
    'read and execute them but not change them, so a compromised application cannot rewrite its own code, ' +
    'plant a backdoor in a script that runs later, or edit its configuration. `COPY --chown=<runtime user>` or ' +
    '`RUN chown -R <runtime user> /app` gives that power back. It matters only where the application does not ' +
    'need to write: directories named for state (tmp, data, cache, logs, uploads, var, home, …) are not ' +
    'flagged. So the rule flags ownership given to the user the final stage runs as (by name or UID, ' +
    'following useradd/adduser), on other paths — low noise on purpose. Giving ownership to root ' +
    '(`--chown=root:root`) or to another user is fine.',
  remediation:
    'Drop --chown (or use --chown=root:root) and set read-only modes with --chmod, e.g. `COPY --chmod=0444 ' +
    'server.js /app/`; give the runtime user a writable directory only where it writes (`RUN install -d -o app ' +
    '/app/data`), or mount a volume/tmpfs there and run with a read-only root filesystem.',
  references: [
    'https://docs.docker.com/reference/dockerfile/#copy---chown---chmod',
    'https://docs.docker.com/build/building/best-practices/#user',
  ],
  equivalents: { kics: ['Chown Flag Exists'] },
  examples: {
    bad:
      'FROM node:22-bookworm-slim\nRUN useradd --system --uid 10001 --shell /usr/sbin/nologin app\n' +
      'WORKDIR /app\nCOPY --chown=app:app server.js ./\nUSER app\nCMD ["node", "server.js"]\n',
    good:
      'FROM node:22-bookworm-slim\nRUN useradd --system --uid 10001 --shell /usr/sbin/nologin app\n' +
      'WORKDIR /app\nCOPY --chmod=0444 server.js ./\nUSER app\nCMD ["node", "server.js"]\n',
  },
  check(model, ctx) {
    const final = model.final;
    const target = final?.user?.user;
    if (!final || !target || hasUnresolved(target) || isRootUser(target)) return;
    const vars = stageVars(model, final.stage);
    const instrs = chainInstructions(model, final.stage);
    // The runtime user's identities: its name and its UID as far as the Dockerfile tells.
    const ids = new Set<string>([target]);
    for (const instr of instrs) {
      if (instr.keyword !== 'RUN') continue;
      for (const cmd of shellCommands(instr, model)) {
        const u = createdUser(cmd);
        if (!u) continue;
        const name = expandVars(u.name, vars);
        const uid = u.uid === null ? null : expandVars(u.uid, vars);
        if (ids.has(name) || (uid !== null && ids.has(uid))) {
          ids.add(name);
          if (uid !== null) ids.add(uid);
        }
      }
    }
    const owns = (spec: string) => {
      const user = splitUserGroup(expandVars(spec, vars)).user;
      return user !== '' && !isRootUser(user) && (ids.has(user) || (/^\d+$/.test(user) && [...ids].some((i) => /^\d+$/.test(i) && Number(i) === Number(user))));
    };
    let workdir = '/';
    const report = (instr: Instruction, range: Parameters<typeof ctx.report>[0]['range'], what: string, paths: string[]) => {
      ctx.report({
        message: `${what} makes the runtime user owner of ${paths.join(', ')}: it can rewrite its own application files. Leave them owned by root (read-only to the app) unless it must write there.`,
        range: range ?? instr.argsRange,
      });
    };
    for (const instr of instrs) {
      if (instr.keyword === 'WORKDIR') {
        const w = instr.expanded.trim();
        if (w && !hasUnresolved(w)) workdir = resolvePath(w, workdir);
        continue;
      }
      if (instr.keyword === 'COPY' || instr.keyword === 'ADD') {
        const chown = instr.flags.find((f) => f.name === 'chown' && f.value);
        if (!chown?.value || !owns(chown.value)) continue;
        const words = instr.json ?? instr.expanded.trim().split(/\s+/);
        const dest = words[words.length - 1];
        if (!dest || hasUnresolved(dest)) continue;
        const path = resolvePath(dest, workdir);
        if (WRITABLE.test(path)) continue;
        report(instr, chown.range, `${instr.keyword} --chown=${chown.value}`, [path]);
        continue;
      }
      if (instr.keyword !== 'RUN') continue;
      for (const cmd of shellCommands(instr, model)) {
        if (cmd.name !== 'chown') continue;
        const args = cmd.argv.slice(1).filter((a) => !a.startsWith('-'));
        const [spec, ...paths] = args;
        if (!spec || paths.length === 0 || !owns(spec)) continue;
        const resolved = paths.map((p) => expandVars(p, vars)).filter((p) => !hasUnresolved(p)).map((p) => resolvePath(p, workdir));
        const appPaths = resolved.filter((p) => !WRITABLE.test(p));
        if (appPaths.length === 0) continue;
        report(instr, commandNameRange(model, instr, cmd), `chown ${spec}`, appPaths);
      }
    }
  },
});

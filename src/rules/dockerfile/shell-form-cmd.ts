import { defineRule, type Fix } from '../../engine/types.js';
import type { DockerfileModel, Instruction } from '../../targets/dockerfile/model.js';
import { isWindowsStage } from '../../targets/dockerfile/facts.js';

const POSIX_SHELLS = /(^|\/)(sh|bash|ash|dash|zsh|ksh|mksh)$/;

// Characters that make the shell do something (expansion, quoting, operators, globbing, comments).
const SHELL_SYNTAX = /[$`"'\\|&;<>(){}*?[\]~#!\n\t]/;

/** The words of a shell-form command when it is a plain command without any shell syntax, else null. */
export function plainWords(args: string): string[] | null {
  const text = args.trim();
  if (!text || SHELL_SYNTAX.test(text)) return null;
  const words = text.split(/ +/);
  if (words[0].includes('=')) return null; // VAR=value prefix
  return words;
}

function jsonForm(words: string[]): string {
  return `[${words.map((w) => JSON.stringify(w)).join(', ')}]`;
}

function jsonFormOf(args: string): string {
  const words = plainWords(args);
  return words ? jsonForm(words) : '["…"]';
}

function fixFor(model: DockerfileModel, instr: Instruction): Fix | undefined {
  const words = plainWords(instr.args);
  if (!words || instr.argsRange.start.line !== instr.argsRange.end.line) return undefined;
  // The rewrite keeps the behaviour unless the other half of the command line changes meaning:
  // a shell-form CMD after an ENTRYPOINT is passed to it as `/bin/sh -c "…"`; a shell-form ENTRYPOINT
  // ignores CMD, while an exec-form one receives the stage's CMD as arguments.
  // Never applied automatically: an ENTRYPOINT of the base image (which the Dockerfile does not
  // show) receives `/bin/sh -c "…"` in one form and the bare words in the other, and an exec-form
  // ENTRYPOINT starts taking `docker run` arguments.
  const safe = false;
  const text = model.text.slice(instr.argsRange.start.offset, instr.argsRange.end.offset);
  const trailing = text.length - text.trimEnd().length;
  return {
    description: `Rewrite ${instr.keyword} in exec (JSON) form`,
    safe,
    edits: [{ start: instr.argsRange.start.offset, end: instr.argsRange.end.offset - trailing, text: jsonForm(words) }],
  };
}

export default defineRule({
  id: 'dockerfile/shell-form-cmd',
  target: 'dockerfile',
  title: 'CMD or ENTRYPOINT in shell form',
  severity: 'warning',
  level: 'hardened',
  rationale:
    'In shell form (`CMD node server.js`) Docker runs `/bin/sh -c "node server.js"`: the shell is PID 1 and ' +
    'the application its child. `docker stop` sends SIGTERM to the shell, which does not forward it, so the ' +
    'application never shuts down gracefully and is killed after the timeout (open requests and writes are ' +
    'lost). The form also needs a shell in the image, which minimal and distroless images lack. A command that ' +
    'starts with `exec` replaces the shell and is not flagged. When the command has no shell syntax the fix ' +
    'rewrites it in exec form, offered as a suggestion: an ENTRYPOINT of the base image receives the command ' +
    'differently in the two forms, and an exec-form ENTRYPOINT starts taking `docker run` arguments. ' +
    'Windows stages and stages whose SHELL is not a POSIX shell (cmd, PowerShell) are not judged. An array that ' +
    'is not valid JSON (`CMD [\'node\', \'server.js\']`, a missing comma) is silently run as a shell command, ' +
    'which fails when the container starts: that is reported as an error.',
  remediation:
    'Use the exec (JSON) form: `CMD ["node", "server.js"]`. If you need shell features, make the shell hand ' +
    'over: `CMD ["sh", "-c", "exec node server.js --port \\"$PORT\\""]`, or use an init such as tini as ENTRYPOINT.',
  references: [
    'https://docs.docker.com/reference/dockerfile/#shell-and-exec-form',
    'https://docs.docker.com/reference/build-checks/json-args-recommended/',
  ],
  equivalents: {
    hadolint: ['DL3025'],
    kics: ['Not Using JSON In CMD And ENTRYPOINT Arguments'],
    buildkit: ['JSONArgsRecommended'],
  },
  fixable: 'suggestion',
  examples: {
    bad: 'FROM node:22-bookworm-slim\nCOPY server.js /app/\nCMD node /app/server.js\n',
    good: 'FROM node:22-bookworm-slim\nCOPY server.js /app/\nCMD ["node", "/app/server.js"]\n',
  },
  check(model, ctx) {
    // whether an ENTRYPOINT is in force at the end of each stage (a base stage comes earlier)
    const entrypointAtEnd: boolean[] = [];
    for (const stage of model.stages) {
      const inherited = stage.baseStage !== null && entrypointAtEnd[stage.baseStage];
      entrypointAtEnd[stage.index] = inherited || stage.instructions.some((i) => i.keyword === 'ENTRYPOINT');
      if (isWindowsStage(model, stage)) continue;
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'CMD' && instr.keyword !== 'ENTRYPOINT') continue;
        // a non-POSIX SHELL (cmd, powershell) is a deliberate choice with other signal semantics
        if (!POSIX_SHELLS.test(instr.shell[0] ?? '')) continue;
        if (instr.json !== null || instr.heredocs.length > 0) continue;
        const args = instr.args.trim();
        if (!args || /^exec\s/.test(args)) continue;
        if (/^\[[\s\S]*\]$/.test(args)) {
          // looks like exec form but is not valid JSON (single quotes, a missing comma…): Docker runs the
          // text through /bin/sh -c, which fails at start
          ctx.report({
            message: `${instr.keyword} looks like exec form but is not a valid JSON array (use double quotes and commas), so it runs as a shell command: /bin/sh -c '${args.length > 60 ? args.slice(0, 57) + '...' : args}'.`,
            range: instr.argsRange,
            severity: 'error',
          });
          continue;
        }
        const fix = fixFor(model, instr);
        const report: Parameters<typeof ctx.report>[0] = {
          message: `${instr.keyword} in shell form runs under /bin/sh -c, which does not pass SIGTERM on; use the exec form ${jsonFormOf(args)}.`,
          range: instr.argsRange,
        };
        if (fix) report.fix = fix;
        ctx.report(report);
      }
    }
  },
});

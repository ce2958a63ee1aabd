import { defineRule } from '../../engine/types.js';
import { lineRange } from '../../targets/dockerfile/facts.js';
import { commandRange, pipelines, runs, runsAny, runScriptText } from './util/runs.js';
import { downloadOf, isInterpreter, SHELLS } from './util/fetch.js';
import type { ShellCommand } from '../../targets/dockerfile/model.js';

/** `sh -c "$(curl …)"`, `bash <(curl …)`, `. <(wget -O- …)`: a fetched script run without a pipe. */
const SUBSTITUTED = /(?:\b(?:sh|bash|zsh|ash|dash|ksh)\b[^\n;&|]*?(?:-c\s*["']?\s*\$\(|<\()|(?:^|[\s;&|])(?:source|\.)\s+<\()\s*(?:curl|wget)\b/;

/** True when the interpreter executes its standard input (no inline script, no script file). */
function runsStdin(c: ShellCommand): boolean {
  const args = c.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-' || a === '--') return true;
    const shell = SHELLS.has(c.name);
    if (shell ? /^-[a-zA-Z]*c[a-zA-Z]*$/.test(a) : /^-[a-zA-Z]*[ce]$/.test(a) || a === '-m') return false; // sh -c, python -c/-m, perl -e
    if (shell && /^-[a-zA-Z]*s[a-zA-Z]*$/.test(a)) return true; // bash -s -- args
    if (a === '-o' || a === '+o' || a === '-O' || a === '-W' || a === '-X') { i++; continue; }
    if (!a.startsWith('-') && !a.startsWith('+')) return false; // a script file: stdin is data
  }
  return true;
}

export default defineRule({
  id: 'dockerfile/curl-pipe-shell',
  target: 'dockerfile',
  title: 'Remote script piped into a shell',
  severity: 'error',
  level: 'hardened',
  rationale:
    '`curl … | sh` runs whatever the server (or anyone on the path to it, or whoever took over the domain or the ' +
    'project) sends at build time, as the build user — usually root — with nothing recorded about what ran. The ' +
    'script can change between two builds of one commit, and a truncated download runs half a script. Piping into ' +
    'python, perl, ruby or node has the same problem.',
  remediation:
    'Download the script or release to a file, verify it against a checksum or signature you pinned ' +
    '(`echo "<sha256>  install.sh" | sha256sum -c -`), then run it — or better, install a pinned package or copy the ' +
    'binary from an official image (`COPY --from=…`).',
  references: [
    'CIS Docker Benchmark 4.11 (Ensure only verified packages are installed)',
    'https://docs.docker.com/build/building/best-practices/#using-pipes',
  ],
  equivalents: { cis: ['4.11'] },
  examples: {
    bad: 'FROM debian:12-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/install.sh | bash\n',
    good: 'FROM debian:12-slim\nRUN curl -fsSLo /tmp/install.sh https://example.com/install-1.2.3.sh \\\n && echo "0f343b0931126a20f133d67c2b018a3b9c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f  /tmp/install.sh" | sha256sum -c - \\\n && sh /tmp/install.sh && rm /tmp/install.sh\n',
  },
  check(model, context) {
    for (const run of runs(model)) {
      const lines = new Set<number>();
      // a download piped on is a curl or wget command of the RUN
      const fetches = runsAny(run, 'curl', 'wget');
      for (const pipeline of fetches ? pipelines(run.cmds) : []) {
        for (let i = 0; i < pipeline.length - 1; i++) {
          const dl = downloadOf(pipeline[i]);
          if (!dl || dl.file !== null) continue;
          const sink = pipeline.slice(i + 1).find((c) => isInterpreter(c.name) && runsStdin(c));
          if (!sink) continue;
          const words = run.locator.locate(dl.cmd, 0);
          const range = commandRange(model, run, dl.cmd, words ? words.slice(0, 1) : null);
          lines.add(range.start.line);
          context.report({
            range,
            message: `${dl.tool} output piped into ${sink.via.includes('sudo') ? 'sudo ' : ''}${sink.name}: a remote script runs unverified at build time`,
          });
          break;
        }
      }
      // command and process substitution forms
      const text = runScriptText(run.instr);
      // the pattern ends in curl|wget: a text naming neither is dismissed without running it
      if ((text.includes('curl') || text.includes('wget')) && SUBSTITUTED.test(text)) {
        const dl = run.cmds.find((c) => downloadOf(c)?.file === null);
        const line = dl && dl.line >= run.instr.range.start.line && dl.line <= run.instr.range.end.line ? dl.line : run.instr.range.start.line;
        if (!lines.has(line)) {
          context.report({ range: lineRange(model, line), message: 'a script fetched with curl/wget is run by a shell through command substitution: it runs unverified at build time' });
        }
      }
    }
  },
});

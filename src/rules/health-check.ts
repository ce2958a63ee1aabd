// Health checks read the same way by lint and verify. Pure; shared by the Dockerfile and container
// health rules and by targets/container/engine.ts:
// - the command: the pipelines of a HEALTHCHECK line or of an image's Healthcheck.Test, and whether a
//   curl in it fails on an HTTP error (verify re-runs such a curl to see the status it ignores);
// - a run the engine logged: does its output say the command's program is not in the image.

// curl short options that take an argument: in a cluster such as -so, the rest of the cluster (or the
// next word) is that argument, not more options.
const CURL_SHORT_WITH_ARG = new Set('AbcCdDeEFhHKmoPQrtTuUwXxYyz'.split(''));

/** One pipeline of a health check command: its words, its text as written, and whether its output is piped on. */
interface CheckPart { words: string[]; text: string; piped: boolean }

/** The parts of a shell command line (split at `&&`, `||`, `;` and `|`), or of one argv. */
function shellParts(script: string): CheckPart[] {
  const out: CheckPart[] = [];
  for (const part of script.split(/(\|\||&&|;|\|)/)) {
    if (part === '|') { const last = out.at(-1); if (last) last.piped = true; continue; }
    if (part === '||' || part === '&&' || part === ';') continue;
    out.push({ words: part.trim().split(/\s+/).filter(Boolean).map((w) => w.replace(/^["']|["']$/g, '')), text: part.trim(), piped: false });
  }
  return out;
}

/** An argv, looking inside `sh -c "…"`. */
function argvParts(argv: readonly string[]): CheckPart[] {
  const i = argv.findIndex((a) => a === '-c');
  const script = i > 0 && /(^|\/)(ba|da|a)?sh$/.test(argv.at(0) ?? '') ? argv.at(i + 1) : undefined;
  if (script) return shellParts(script);
  return [{ words: [...argv], text: argv.join(' '), piped: false }];
}

/** The parts of a HEALTHCHECK instruction's arguments (`CMD …`, shell or JSON form). */
export function instructionParts(args: string): CheckPart[] {
  const body = args.replace(/^\s*CMD\s+/i, '');
  if (body.trim().startsWith('[')) {
    try {
      const argv = JSON.parse(body) as unknown;
      if (Array.isArray(argv) && argv.every((a) => typeof a === 'string')) return argvParts(argv);
    } catch { return []; }
    return [];
  }
  return shellParts(body);
}

/** The parts of an image's or container's Healthcheck.Test (["CMD", …] or ["CMD-SHELL", "…"]). */
export function testParts(test: readonly string[]): CheckPart[] {
  const [kind, ...rest] = test;
  const script = rest.at(0);
  if (kind === 'CMD-SHELL' && script !== undefined) return shellParts(script);
  if (kind === 'CMD' && rest.length) return argvParts(rest);
  return [];
}

/** true when the curl argv makes HTTP errors fail the command, or judges the answer itself. */
function curlFails(words: readonly string[]): boolean {
  for (const w of words.slice(1)) {
    if (w === '--') break;
    if (w.startsWith('--')) {
      const name = w.slice(2).split('=', 1).join('');
      if (name === 'fail' || name === 'fail-with-body' || name === 'write-out') return true;
      continue;
    }
    if (/^-[A-Za-z0-9#:]+$/.test(w)) {
      for (const c of w.slice(1)) {
        if (c === 'f' || c === 'w') return true;
        if (CURL_SHORT_WITH_ARG.has(c)) break;
      }
    }
  }
  return false;
}

/** The parts that run curl without --fail and without judging its output (exit 0 on an HTTP 500). */
export function blindCurls(parts: readonly CheckPart[]): CheckPart[] {
  return parts.filter((p) => (p.words.at(0) ?? '').split('/').pop() === 'curl' && !p.piped && !curlFails(p.words));
}

/** The URL a curl part asks for: its first word with a scheme, else its last word. */
export function curlUrl(part: CheckPart): string {
  return part.words.find((w) => /^[a-z][a-z0-9+.-]*:\/\//i.test(w)) ?? part.words.at(-1) ?? '';
}

/** The program a logged check run says is missing from the image, or null. Three shapes: the engine
 *  could not start an exec-form command (`exec: "curl": executable file not found in $PATH`), nor the
 *  shell of a CMD-SHELL check (`exec: "/bin/sh": stat /bin/sh: no such file or directory`), or the
 *  shell ran and did not find the command (`/bin/sh: curl: not found`, `sh: 1: curl: not found`,
 *  `bash: line 1: curl: command not found`) — exit 127, or another code when the check goes on
 *  (`curl … || exit 1`). The shell's message must open the output: the check's own output may say
 *  "not found" about anything. */
export function missingProgram(run: { exitCode: number; output: string }): string | null {
  const exec = /exec: "([^"]+)": (?:executable file not found|stat [^:]*: no such file or directory)/.exec(run.output);
  if (exec) return exec[1];
  const sh = /^(?:\/(?:usr\/)?bin\/)?(?:sh|ash|dash|bash|busybox)(?:: line \d+|: \d+)?: ([^\s:]+): (?:command )?not found/.exec(run.output);
  return sh?.[1] ?? null;
}

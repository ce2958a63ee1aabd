import { defineRule } from '../../engine/types.js';
import { rangeOfText } from './util/ranges.js';

// curl short options that take an argument: in a cluster such as -so, the rest of the cluster (or the
// next word) is that argument, not more options.
const CURL_SHORT_WITH_ARG = new Set('AbcCdDeEFhHKmoPQrtTuUwXxYyz'.split(''));

/** The words of a HEALTHCHECK's command (after CMD), split into the pipelines of a shell form. */
function commandWords(args: string): { words: string[]; piped: boolean }[] {
  const body = args.replace(/^\s*CMD\s+/i, '');
  if (body.trim().startsWith('[')) {
    try {
      const argv = JSON.parse(body) as unknown;
      if (Array.isArray(argv) && argv.every((a) => typeof a === 'string')) {
        // ["CMD", "sh", "-c", "..."] style: look inside the script of a shell
        const i = argv.findIndex((a) => a === '-c');
        if (i > 0 && /(^|\/)(ba|da|a)?sh$/.test(argv[0]!) && argv[i + 1]) return commandWords(argv[i + 1]!);
        return [{ words: argv as string[], piped: false }];
      }
    } catch { return []; }
    return [];
  }
  const out: { words: string[]; piped: boolean }[] = [];
  for (const part of body.split(/(\|\||&&|;|\|)/)) {
    if (part === '|') { const last = out[out.length - 1]; if (last) last.piped = true; continue; }
    if (part === '||' || part === '&&' || part === ';') continue;
    out.push({ words: part.trim().split(/\s+/).filter(Boolean).map((w) => w.replace(/^["']|["']$/g, '')), piped: false });
  }
  return out;
}

/** true when the curl argv makes HTTP errors fail the command, or judges the answer itself. */
function curlFails(words: string[]): boolean {
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--') break;
    if (w.startsWith('--')) {
      const name = w.slice(2).split('=')[0]!;
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

export default defineRule({
  id: 'dockerfile/healthcheck-curl-no-fail',
  target: 'dockerfile',
  title: 'HEALTHCHECK calls curl without --fail',
  severity: 'warning',
  level: 'hardened',
  rationale:
    'Course practice "a health check that reflects the service": curl exits 0 whenever it gets any HTTP answer, ' +
    'so `curl -sS http://localhost/health` reports healthy while the service answers 500 or 503. Only -f/--fail ' +
    '(or --fail-with-body) turns an HTTP error status into a failing exit code. Checks that judge the answer ' +
    'themselves (curl piped into grep, or -w/--write-out printing the status for a test) are not flagged.',
  remediation: 'Add --fail: `HEALTHCHECK CMD curl --fail --silent --show-error http://127.0.0.1:8000/health || exit 1`.',
  references: ['https://docs.docker.com/reference/dockerfile/#healthcheck', 'https://curl.se/docs/manpage.html#-f'],
  equivalents: {},
  examples: {
    bad: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -sS http://127.0.0.1/ || exit 1\n',
    good: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -fsS http://127.0.0.1/ || exit 1\n',
  },
  check(model, ctx) {
    for (const stage of model.stages) {
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'HEALTHCHECK' || !/^\s*CMD\b/i.test(instr.args)) continue;
        for (const { words, piped } of commandWords(instr.args)) {
          const name = (words[0] ?? '').split('/').pop();
          if (name !== 'curl' || piped || curlFails(words)) continue;
          ctx.report({
            message: 'HEALTHCHECK runs curl without -f/--fail: an HTTP 500 answer still exits 0 and the container reports healthy.',
            range: rangeOfText(model, instr, 'curl'),
          });
        }
      }
    }
  },
});

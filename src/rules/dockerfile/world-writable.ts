import { defineRule } from '../../engine/types.js';
import { rangeAt } from '../../targets/dockerfile/facts.js';
import type { ShellCommand } from '../../targets/dockerfile/model.js';
import { type Word } from './util/locate.js';
import { commandRange, runs, runsAny } from './util/runs.js';

/** Whether a chmod mode grants write to others, and whether it sets the sticky bit. */
export function modeWorldWritable(mode: string): 'yes' | 'sticky' | 'no' {
  if (/^[0-7]{1,4}$/.test(mode)) {
    const n = parseInt(mode, 8);
    if (!(n & 0o002)) return 'no';
    return n & 0o1000 ? 'sticky' : 'yes';
  }
  let writable = false;
  let sticky = false;
  for (const clause of mode.split(',')) {
    const m = /^([ugoa]*)([-+=])([rwxXst]*|[ugo])$/.exec(clause);
    if (!m) return 'no'; // not a mode we understand (variable, reference): say nothing
    const [, who, op, perms] = m as unknown as [string, string, string, string];
    if (op === '-') continue;
    if (perms.includes('t')) sticky = true;
    if ((who.includes('o') || who.includes('a')) && perms.includes('w')) writable = true;
  }
  return writable ? (sticky ? 'sticky' : 'yes') : 'no';
}

interface ModeUse { cmd: ShellCommand; index: number; mode: string; tool: string }

/** The mode a command sets: chmod MODE, mkdir/install -m MODE, find … -exec chmod MODE. */
function modesOf(cmd: ShellCommand): ModeUse[] {
  const a = cmd.argv;
  const out: ModeUse[] = [];
  if (cmd.name === 'chmod') {
    for (let i = 1; i < a.length; i++) {
      const w = a[i];
      if (w === '--') { if (a[i + 1]) out.push({ cmd, index: i + 1, mode: a[i + 1], tool: 'chmod' }); break; }
      if (/^--/.test(w)) { if (w.startsWith('--reference')) return []; continue; }
      if (/^-[RvcfHLP]+$/.test(w)) continue;
      out.push({ cmd, index: i, mode: w, tool: 'chmod' });
      break;
    }
  } else if (cmd.name === 'mkdir' || cmd.name === 'install') {
    for (let i = 1; i < a.length; i++) {
      const w = a[i];
      if (w === '-m' || w === '--mode') { if (a[i + 1]) out.push({ cmd, index: i + 1, mode: a[i + 1], tool: cmd.name }); i++; continue; }
      const m = /^(?:-m|--mode=)(.+)$/.exec(w) ?? /^-[a-zA-Z]*m(.+)$/.exec(w);
      if (m) out.push({ cmd, index: i, mode: m[1], tool: cmd.name });
    }
  } else if (cmd.name === 'find') {
    for (let i = 1; i < a.length - 1; i++) {
      if ((a[i] === '-exec' || a[i] === '-execdir') && a[i + 1] === 'chmod') {
        let j = i + 2;
        while (j < a.length && /^-[Rvcf]+$/.test(a[j])) j++;
        if (a[j]) out.push({ cmd, index: j, mode: a[j], tool: 'find -exec chmod' });
      }
    }
  }
  return out;
}

export default defineRule({
  id: 'dockerfile/world-writable',
  target: 'dockerfile',
  title: 'World-writable files or directories',
  severity: 'error',
  level: 'hardened',
  rationale:
    '`chmod 777` (or `o+w`, `a+w`, any mode with the "others write" bit) lets every user in the container — and any ' +
    'process that gets code execution under any uid — replace the files: application code, scripts run by root, ' +
    'configuration. It usually papers over an ownership problem that `--chown` or `chown` solves precisely. ' +
    'Directories with the sticky bit (1777, like /tmp) are not reported: there users cannot remove each other\'s files.',
  remediation:
    'Give the files to the user that needs to write them and keep the others read-only: `COPY --chown=app:app …`, ' +
    '`chown -R app:app /data && chmod -R u+rwX,go-w /data`; for shared scratch space use mode 1777 or a volume/tmpfs.',
  references: ['https://docs.docker.com/reference/dockerfile/#copy---chmod', 'chmod(1)'],
  equivalents: {},
  examples: {
    bad: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN chmod -R 777 /app\nUSER node\n',
    good: 'FROM node:22-slim\nWORKDIR /app\nCOPY --chown=node:node . .\nUSER node\n',
  },
  check(model, context) {
    for (const instr of model.instructions) {
      if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD') continue;
      for (const flag of instr.flags) {
        if (flag.name !== 'chmod' || !flag.value) continue;
        if (modeWorldWritable(flag.value) !== 'yes') continue;
        context.report({ range: flag.range, message: `${instr.keyword} --chmod=${flag.value} makes the copied files world-writable` });
      }
    }
    for (const run of runs(model)) {
      if (!runsAny(run, 'chmod', 'mkdir', 'install', 'find')) continue;
      run.cmds.forEach((cmd, i) => {
        for (const use of modesOf(cmd)) {
          if (use.mode.includes('$') || modeWorldWritable(use.mode) !== 'yes') continue;
          // a scratch directory removed again later in the same RUN never reaches the image
          const paths = use.tool === 'chmod' ? cmd.argv.slice(use.index + 1).filter((x) => !x.startsWith('-')) : [];
          const removed = new Set(run.cmds.slice(i + 1).filter((c) => c.name === 'rm').flatMap((c) => c.argv.slice(1)));
          if (paths.length > 0 && paths.every((p) => removed.has(p))) continue;
          const words = run.locator.locate(cmd, use.index);
          const w: Word | undefined = words?.[use.index];
          const target = cmd.argv.slice(use.index + 1).filter((x) => !x.startsWith('-')).join(' ');
          context.report({
            range: w ? rangeAt(model, w.start, w.end) : commandRange(model, run, cmd, words),
            message: `${use.tool} ${use.mode}${target ? ' ' + target : ''} makes files world-writable`,
          });
        }
      });
    }
  },
});

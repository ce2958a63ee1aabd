import { defineRule } from '../../engine/types.js';
import { rangeOfText } from './util/ranges.js';

const SYSTEM = new Set(['/', '/proc', '/sys', '/dev']);

/** The paths of a VOLUME instruction: JSON form or space-separated words, quotes removed. */
function volumePaths(json: string[] | null, expanded: string): string[] {
  if (json) return json;
  return expanded.split(/\s+/).filter(Boolean).map((w) => w.replace(/^["']|["']$/g, ''));
}

function normalise(path: string): string {
  const p = path.replace(/\/+/g, '/');
  return p.length > 1 ? p.replace(/\/$/, '') : p;
}

export default defineRule({
  id: 'dockerfile/volume-system-path',
  target: 'dockerfile',
  title: 'VOLUME declares /, /proc, /sys or /dev',
  severity: 'warning',
  level: 'hardened',
  rationale:
    'A VOLUME over the root directory or over the kernel interfaces (/proc, /sys, /dev) asks the runtime to put an ' +
    'anonymous volume where the container needs the pseudo file systems the runtime mounts there; anyone who later ' +
    'binds that volume to a host path exposes the host\'s kernel interfaces or devices to the container. No ' +
    'application needs to declare them.',
  remediation: 'Remove the path from VOLUME; declare only the data directories the application writes (e.g. `VOLUME /data`).',
  references: ['https://docs.docker.com/reference/dockerfile/#volume'],
  equivalents: { dockle: ['DKL-DI-0002'] },
  examples: {
    bad: 'FROM alpine:3.20\nVOLUME /data /proc\nCMD ["/app"]\n',
    good: 'FROM alpine:3.20\nVOLUME /data\nCMD ["/app"]\n',
  },
  check(model, ctx) {
    for (const stage of model.stages) {
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'VOLUME') continue;
        for (const path of volumePaths(instr.json, instr.expanded)) {
          const n = normalise(path);
          if (!SYSTEM.has(n)) continue;
          ctx.report({
            message: `VOLUME ${path} puts a volume over ${n === '/' ? 'the whole root file system' : `the kernel interface ${n}`}; declare only data directories.`,
            range: instr.json ? instr.argsRange : rangeOfText(model, instr, path),
          });
        }
      }
    }
  },
});

// GitHub Actions workflow commands: each finding becomes an annotation on the file and line.
import type { Severity, TargetResult } from '../engine/types.js';
import { nextLevel, sortedResults, type Formatter, type StreamFormatter } from './common.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One target's annotations: its audit error, then its findings. */
function annotations(r: TargetResult): string[] {
  const lines: string[] = [];
  if (r.error !== undefined) lines.push(`::error file=${escapeProperty(r.target.path)},title=tightship::${escapeData(r.error)}`);
  for (const f of r.findings) {
    const l = f.location;
    const props = [`file=${escapeProperty(l.path)}`];
    const textless = (l.imagePath || l.field) && l.startLine === 1 && l.startColumn === 1 && l.endLine === 1 && l.endColumn === 1;
    if (!textless) {
      props.push(`line=${l.startLine}`, `col=${l.startColumn}`);
      if (l.endLine >= l.startLine) props.push(`endLine=${l.endLine}`);
      if (l.endLine === l.startLine && l.endColumn > l.startColumn) props.push(`endColumn=${l.endColumn}`);
    }
    props.push(`title=${escapeProperty(f.ruleId)}`);
    const what = textless ? `${l.imagePath ?? l.field}: ` : '';
    lines.push(`::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(what + f.message)}`);
  }
  return lines;
}

/** A graded target's level line (after every annotation). */
function levelLine(r: TargetResult): string | null {
  if (r.level === null) return null;
  const next = nextLevel(r.level);
  const name = r.target.service ? `${r.target.path} (service ${r.target.service})` : r.target.line !== undefined ? `${r.target.path}:${r.target.line}` : r.target.path;
  return `${name}: level ${r.level}${next && r.missingForNextLevel.length ? `; to reach ${next}: fix ${r.missingForNextLevel.join(', ')}` : ''}`;
}

export const formatGithub: Formatter = (results) => {
  const sorted = sortedResults(results);
  const lines = sorted.flatMap(annotations);
  for (const r of sorted) {
    const line = levelLine(r);
    if (line !== null) lines.push(line);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};

/** The annotations one target path at a time; the level lines, one short line a target, are
 *  kept for the end. */
export const streamGithub: StreamFormatter = () => {
  const levels: string[] = [];
  return {
    begin: () => '',
    path: (results) => {
      let out = '';
      for (const r of results) {
        for (const line of annotations(r)) out += `${line}\n`;
        const line = levelLine(r);
        if (line !== null) levels.push(line);
      }
      return out;
    },
    end: () => levels.map((l) => `${l}\n`).join(''),
  };
};

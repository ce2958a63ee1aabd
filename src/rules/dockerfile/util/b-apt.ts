// apt-specific facts shared by the apt rules: assume-yes and install-recommends in force,
// whether from the command line, `-o` settings, or an apt.conf snippet written by an earlier RUN.
import type { DockerfileModel, Instruction, ShellCommand } from '../../../targets/dockerfile/model.js';
import { aptConfigOptions, isFalse, isTrue, type PkgCall } from './b-pkg.js';
import { runScriptText } from './b-run.js';

/** An apt.conf setting written by a RUN before `before` (e.g. echo 'APT::Get::Assume-Yes "true";' > /etc/apt/apt.conf.d/90yes). */
export function aptConfWritten(model: DockerfileModel, before: Instruction, key: string, wantTrue: boolean): boolean {
  const re = new RegExp(`${key.replace(/::/g, '::')}\\s*"?(true|false|1|0|yes|no)"?`, 'i');
  for (const instr of model.instructions) {
    if (instr.range.start.offset >= before.range.start.offset) break;
    if (instr.keyword !== 'RUN') continue;
    const m = re.exec(runScriptText(instr));
    if (m) {
      const v = m[1]!.toLowerCase();
      if (wantTrue ? isTrue(v) : isFalse(v)) return true;
    }
  }
  return false;
}

export function aptAssumesYes(call: PkgCall, pipeline: ShellCommand[]): boolean {
  let quiet = 0;
  for (const o of call.opts) {
    if (o.name === 'y' || o.name === 'yes' || o.name === 'assume-yes') return true;
    if (o.name === 'q' || o.name === 'quiet') quiet = o.value !== null && /^\d+$/.test(o.value) ? Number(o.value) : quiet + 1;
  }
  if (quiet >= 2) return true; // apt-get(8): quiet level 2 implies -y
  const conf = aptConfigOptions(call);
  if (isTrue(conf.get('apt::get::assume-yes'))) return true;
  const pos = pipeline.indexOf(call.cmd);
  if (pos > 0 && pipeline[pos - 1]!.name === 'yes') return true;
  return false;
}

export function aptNoRecommends(call: PkgCall): boolean {
  if (call.opts.some((o) => o.name === 'no-install-recommends')) return true;
  return isFalse(aptConfigOptions(call).get('apt::install-recommends'));
}

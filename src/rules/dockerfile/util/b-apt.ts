// apt-specific facts shared by the apt rules: assume-yes and install-recommends in force,
// whether from the command line, `-o` settings, or an apt.conf snippet written by an earlier RUN.
import type { DockerfileModel, ShellCommand } from '../../../targets/dockerfile/model.js';
import { aptConfigOptions, isFalse, isTrue, type PkgCall } from './b-pkg.js';
import { runScriptText } from './b-run.js';

/** The offset of the first RUN that writes an apt.conf setting (e.g. echo 'APT::Get::Assume-Yes "true";'
 *  > /etc/apt/apt.conf.d/90yes); RUNs after it have the setting. Infinity when none does. */
export function aptConfWrittenAt(model: DockerfileModel, key: string, wantTrue: boolean): number {
  const re = new RegExp(`${key}\\s*"?(true|false|1|0|yes|no)"?`, 'i');
  for (const instr of model.instructions) {
    if (instr.keyword !== 'RUN') continue;
    const text = runScriptText(instr);
    if (!text.includes(key.slice(0, 5))) continue;
    const m = re.exec(text);
    if (m) {
      const v = m[1]!.toLowerCase();
      if (wantTrue ? isTrue(v) : isFalse(v)) return instr.range.end.offset;
    }
  }
  return Infinity;
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

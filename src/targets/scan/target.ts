// The scan target: a vulnerability scan report given with --scan-report (never found by
// searching folders), checked against the image it must be about.
import type { IO } from '../../io.js';
import type { LoadError, LoadOptions, Target } from '../../engine/target.js';
import type { ScanModel } from './model.js';
import { DEFAULT_GATE } from './model.js';

declare module '../../engine/types.js' {
  interface TargetModels {
    scan: ScanModel;
  }
}

export const scanTarget: Target<ScanModel> = {
  kind: 'scan',
  detect: () => false,
  async load(_io: IO, file: string, options: LoadOptions): Promise<ScanModel | LoadError> {
    const { loadScanReport } = await import('./audit.js');
    return loadScanReport(file, options.cwd, { gate: DEFAULT_GATE, now: new Date().toISOString() });
  },
  suppression: { inline: null, placement: 'scan reports carry no comments: turn the rule off or adjust the policy in .tightship.yaml' },
};

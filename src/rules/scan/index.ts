// The scan report rules: the gate over a vulnerability scanner's report (Trivy, Grype, SARIF).
import type { Rule } from '../../engine/types.js';
import vulnerabilityFixable from './vulnerability-fixable.js';
import reportStale from './report-stale.js';
import reportMismatch from './report-mismatch.js';

export const scanRules: Rule[] = [reportMismatch, reportStale, vulnerabilityFixable];

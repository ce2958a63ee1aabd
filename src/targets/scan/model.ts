// A vulnerability scan report (Trivy JSON, Grype JSON, or SARIF from a scanner) as plain data,
// plus what the gate compares it with: the image it must be about, the clock, the thresholds.
export type ScanFormat = 'trivy' | 'grype' | 'sarif';
import type { ScanGate, ScanSeverity } from '../../engine/policy.js';
export { DEFAULT_SCAN_GATE as DEFAULT_GATE, SCAN_SEVERITIES, type ScanGate, type ScanSeverity } from '../../engine/policy.js';

export interface ScanVulnerability {
  id: string;
  pkg: string;
  installed: string;
  /** The version that fixes it; null when none is known to exist; undefined when the format does not say. */
  fixed: string | null | undefined;
  severity: ScanSeverity;
}

/** The image a report names (any part may be unknown). */
export interface ImageIdentity {
  name?: string;
  imageId?: string;
  repoDigests: string[];
}

export interface ScanModel {
  /** The report file (relative POSIX path). */
  path: string;
  format: ScanFormat;
  /** The scanner that wrote it (SARIF tool name; 'Trivy', 'Grype'). */
  tool: string;
  artifact: ImageIdentity;
  /** When the scan ran (ISO 8601), when the report says. */
  createdAt?: string;
  vulnerabilities: ScanVulnerability[];
  /** The images the report may be about (the audited image, or the compose services' images);
   *  absent: not compared. */
  subjects?: ImageIdentity[];
  /** Now (ISO 8601), passed in so the check stays clock-free. */
  now: string;
  gate: ScanGate;
}

// Scan report readers: the JSON of `trivy image -f json` (SchemaVersion 2), of `grype -o json`,
// and SARIF 2.1.0 from a scanner. Pure: text in, ScanModel fields out, or a one-line error.
import type { ImageIdentity, ScanFormat, ScanSeverity, ScanVulnerability } from './model.js';
import { SCAN_SEVERITIES } from './model.js';

export interface ParsedScan {
  format: ScanFormat;
  tool: string;
  artifact: ImageIdentity;
  createdAt?: string;
  vulnerabilities: ScanVulnerability[];
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown): string | undefined => (typeof x === 'string' && x !== '' ? x : undefined);
const arr = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const strs = (x: unknown): string[] => arr(x).filter((s): s is string => typeof s === 'string' && s !== '');

function severity(x: unknown): ScanSeverity {
  const s = typeof x === 'string' ? x.toUpperCase() : '';
  if (s === 'NEGLIGIBLE') return 'LOW';
  return (SCAN_SEVERITIES as readonly string[]).includes(s) ? (s as ScanSeverity) : 'UNKNOWN';
}

function trivy(doc: Obj): ParsedScan {
  if (doc.SchemaVersion !== 2) {
    throw new Error(`Trivy report of SchemaVersion ${JSON.stringify(doc.SchemaVersion)}: only SchemaVersion 2 (trivy ≥ 0.20, 'trivy image -f json') is read`);
  }
  const meta = isObj(doc.Metadata) ? doc.Metadata : {};
  const vulnerabilities: ScanVulnerability[] = [];
  for (const r of arr(doc.Results)) {
    if (!isObj(r)) continue;
    for (const v of arr(r.Vulnerabilities)) {
      if (!isObj(v)) continue;
      vulnerabilities.push({
        id: str(v.VulnerabilityID) ?? '(no id)',
        pkg: str(v.PkgName) ?? '(no package)',
        installed: str(v.InstalledVersion) ?? '',
        fixed: str(v.FixedVersion) ?? null,
        severity: severity(v.Severity),
      });
    }
  }
  const artifact: ImageIdentity = { repoDigests: strs(meta.RepoDigests) };
  const name = str(doc.ArtifactName);
  if (name) artifact.name = name;
  const id = str(meta.ImageID);
  if (id) artifact.imageId = id;
  const out: ParsedScan = { format: 'trivy', tool: 'Trivy', artifact, vulnerabilities };
  const created = str(doc.CreatedAt);
  if (created) out.createdAt = created;
  return out;
}

function grype(doc: Obj): ParsedScan {
  const source = isObj(doc.source) ? doc.source : {};
  const target = isObj(source.target) ? source.target : {};
  const vulnerabilities: ScanVulnerability[] = [];
  for (const m of arr(doc.matches)) {
    if (!isObj(m)) continue;
    const v = isObj(m.vulnerability) ? m.vulnerability : {};
    const a = isObj(m.artifact) ? m.artifact : {};
    const fix = isObj(v.fix) ? v.fix : {};
    const versions = strs(fix.versions);
    const state = str(fix.state);
    vulnerabilities.push({
      id: str(v.id) ?? '(no id)',
      pkg: str(a.name) ?? '(no package)',
      installed: str(a.version) ?? '',
      fixed: state === 'fixed' && versions.length ? versions.join(', ') : state === undefined ? undefined : null,
      severity: severity(v.severity),
    });
  }
  const artifact: ImageIdentity = { repoDigests: strs(target.repoDigests) };
  const name = str(target.userInput) ?? strs(target.tags)[0];
  if (name) artifact.name = name;
  const id = str(target.imageID);
  if (id) artifact.imageId = id;
  const out: ParsedScan = { format: 'grype', tool: 'Grype', artifact, vulnerabilities };
  const descriptor = isObj(doc.descriptor) ? doc.descriptor : {};
  const ts = str(descriptor.timestamp);
  if (ts) out.createdAt = ts;
  return out;
}

/** security-severity (CVSS-like 0–10) to a severity, as GitHub code scanning reads it. */
function fromScore(score: unknown): ScanSeverity | undefined {
  const n = typeof score === 'string' ? Number(score) : typeof score === 'number' ? score : NaN;
  if (!Number.isFinite(n)) return undefined;
  return n >= 9 ? 'CRITICAL' : n >= 7 ? 'HIGH' : n >= 4 ? 'MEDIUM' : n > 0 ? 'LOW' : 'UNKNOWN';
}

function fromLevel(level: unknown): ScanSeverity {
  return level === 'error' ? 'HIGH' : level === 'warning' ? 'MEDIUM' : level === 'note' ? 'LOW' : 'UNKNOWN';
}

/** The "Key: value" lines scanners write into SARIF messages (Trivy: Package, Installed Version, Fixed Version). */
function messageField(text: string, key: string): string | undefined {
  const m = new RegExp(`^\\s*${key}:[ \\t]*(.*)$`, 'mi').exec(text);
  return m?.[1]?.trim();
}

function sarif(doc: Obj): ParsedScan {
  if (doc.version !== '2.1.0') throw new Error(`SARIF version ${JSON.stringify(doc.version)}: only SARIF 2.1.0 is read`);
  const vulnerabilities: ScanVulnerability[] = [];
  const tools: string[] = [];
  let name: string | undefined;
  let created: string | undefined;
  const digests: string[] = [];
  for (const run of arr(doc.runs)) {
    if (!isObj(run)) continue;
    const driver = isObj(run.tool) && isObj(run.tool.driver) ? run.tool.driver : {};
    tools.push(str(driver.name) ?? 'SARIF');
    const rules = new Map<string, Obj>();
    for (const r of arr(driver.rules)) if (isObj(r) && str(r.id)) rules.set(r.id as string, r);
    const props = isObj(run.properties) ? run.properties : {};
    name ??= str(props.imageName);
    digests.push(...strs(props.repoDigests));
    for (const inv of arr(run.invocations)) if (isObj(inv)) created ??= str(inv.endTimeUtc) ?? str(inv.startTimeUtc);
    for (const res of arr(run.results)) {
      if (!isObj(res)) continue;
      const ruleId = str(res.ruleId) ?? '(no id)';
      const rule = rules.get(ruleId);
      const rp = rule && isObj(rule.properties) ? rule.properties : {};
      const resProps = isObj(res.properties) ? res.properties : {};
      const text = isObj(res.message) ? (str(res.message.text) ?? '') : '';
      const fixed = messageField(text, 'Fixed Version');
      vulnerabilities.push({
        id: ruleId,
        pkg: messageField(text, 'Package') ?? '(package not named)',
        installed: messageField(text, 'Installed Version') ?? '',
        // a SARIF result says nothing of fixes unless the scanner wrote it in the message
        fixed: fixed === undefined ? undefined : fixed === '' ? null : fixed,
        severity: fromScore(resProps['security-severity']) ?? fromScore(rp['security-severity']) ?? fromLevel(res.level ?? (isObj(rule?.defaultConfiguration) ? rule.defaultConfiguration.level : undefined)),
      });
    }
  }
  const artifact: ImageIdentity = { repoDigests: digests };
  if (name) artifact.name = name;
  const out: ParsedScan = { format: 'sarif', tool: tools.join(', ') || 'SARIF', artifact, vulnerabilities };
  if (created) out.createdAt = created;
  return out;
}

/** Reads a scan report's text; throws an Error with a one-line message when it is not one. */
export function parseScanReport(text: string): ParsedScan {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new Error(`not JSON (${(err as Error).message})`);
  }
  if (!isObj(doc)) throw new Error('not a scan report: the JSON is not an object');
  if ('SchemaVersion' in doc || 'ArtifactName' in doc) return trivy(doc);
  if ('matches' in doc && ('descriptor' in doc || 'source' in doc)) return grype(doc);
  if ('runs' in doc && '$schema' in doc || 'runs' in doc && 'version' in doc) return sarif(doc);
  throw new Error("not a scan report this tool reads: expected Trivy JSON ('trivy image -f json'), Grype JSON ('grype -o json') or SARIF 2.1.0");
}

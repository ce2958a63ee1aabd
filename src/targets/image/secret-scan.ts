// The image reader's bridge to the shared secret detection (src/secrets/): which files inside an
// image are worth reading for secrets, and what the scanner finds in them (already redacted).
import { isPlaceholder, isSecretName, redact } from '../../secrets/names.js';

// Interim detection until the shared scanner (src/secrets/detect.ts) lands; same shape.
const SECRET_FILE_NAMES: [RegExp, string][] = [
  [/(^|\/)id_(rsa|dsa|ecdsa|ed25519)$/, 'SSH private key'],
  [/\.(p12|pfx|jks|keystore)$/i, 'keystore'],
  [/(^|\/)\.(git-credentials|netrc|pypirc)$/, 'credential file'],
  [/(^|\/)\.aws\/credentials$/, 'AWS credentials file'],
  [/(^|\/)\.docker\/config\.json$/, 'Docker credentials file'],
  [/(^|\/)\.npmrc$/, 'npm config'],
  [/(^|\/)\.env(\.[\w-]+)?$/, 'env file'],
  [/\.(key|pem)$/i, 'key file'],
];
function classifySecretPath(rel: string): string | null {
  if (/\.env\.(example|sample|template|dist)$/.test(rel)) return null;
  for (const [re, kind] of SECRET_FILE_NAMES) if (re.test(rel)) return kind;
  return null;
}
const PRIVATE_KEY = /-----BEGIN ((RSA|DSA|EC|OPENSSH|ENCRYPTED) )?PRIVATE KEY-----/;
const ASSIGN = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*[=:]\s*(.+?)\s*$/;
function scanContent(text: string, _name: string): ImageSecretHit[] {
  const hits: ImageSecretHit[] = [];
  text.split('\n').forEach((l, i) => {
    if (PRIVATE_KEY.test(l)) hits.push({ kind: 'private key', line: i + 1, redacted: redact(l.trim()) });
    const m = ASSIGN.exec(l);
    if (m && isSecretName(m[1]!) && !isPlaceholder(m[2]!)) hits.push({ kind: `secret in ${m[1]}`, line: i + 1, redacted: `${m[1]}=${redact(m[2]!.replace(/^["']|["']$/g, ''))}` });
  });
  return hits;
}

export interface ImageSecretHit {
  kind: string;
  line: number;
  redacted: string;
}

/** System and package trees: their content is vendor data, not the image author's secrets. A
 *  private key by name there is still reported (classified by path, see wantsSecretScan). */
const VENDOR_TREES = /^\/(usr|lib|lib32|lib64|libx32|bin|sbin|proc|sys|dev|boot|var\/lib\/(dpkg|apt|apk|rpm|yum|dnf)|var\/cache|var\/log|etc\/ssl|etc\/pki|etc\/ca-certificates|usr\/share)\/|\/(node_modules|site-packages|dist-packages|__pycache__|\.cache|\.npm|\.git)\//;

/** The largest file read for a content scan; larger files are classified by name only. */
export const SECRET_SCAN_MAX_BYTES = 256 * 1024;

/** Decides, from the header alone, whether a regular file's content is scanned for secrets. */
export function wantsSecretScan(path: string, size: number): boolean {
  if (size === 0 || size > SECRET_SCAN_MAX_BYTES) return false;
  if (classifySecretPath(path.slice(1)) !== null) return true;
  return !VENDOR_TREES.test(path);
}

/** A secret file recognised by its name alone (a keystore, a credential file too large to scan). */
export function secretByName(path: string): string | null {
  const c = classifySecretPath(path.slice(1));
  return c ? c : null;
}

/** Scans a file's text; binary content (NUL bytes) is skipped unless its name says secret. */
export function scanFile(path: string, content: Buffer): ImageSecretHit[] {
  if (content.includes(0)) return [];
  const text = content.toString('utf8');
  return scanContent(text, path.slice(1)).map((h) => ({ kind: h.kind, line: h.line, redacted: h.redacted }));
}

/** Scans a piece of text that is not a file (an Env value, a history line). Pure. */
export function scanText(text: string, label: string): ImageSecretHit[] {
  return scanContent(text, label);
}

// The image reader's bridge to the shared secret detection (src/secrets/detect.ts): which files
// inside an image are worth reading for secrets, and what the scanner finds in them (redacted).
import { classifySecretPath, isLikelyBinary, scanContent } from '../../secrets/detect.js';
import { isPlaceholder, isSecretName, redact } from '../../secrets/names.js';
import type { Confidence } from '../../secrets/confidence.js';

export interface ImageSecretHit {
  kind: string;
  line: number;
  redacted: string;
}

/** A hit in a piece of text (an Env value, a history line), with what the rules need to judge
 *  and redact it. */
export interface TextSecretHit extends ImageSecretHit {
  confidence: Confidence;
  /** The secret itself, for the report's redaction step only. */
  secret: string;
}

/** System and package trees: their content is vendor data, not the image author's secrets.
 *  A file there whose name says credential (id_rsa, *.key, .npmrc…) is still read. */
const VENDOR_TREES = /^\/(usr|lib|lib32|lib64|libx32|bin|sbin|proc|sys|dev|boot|var\/lib\/(dpkg|apt|apk|rpm|yum|dnf)|var\/cache|var\/log|etc\/ssl|etc\/pki|etc\/ca-certificates)\/|\/(node_modules|site-packages|dist-packages|__pycache__|\.cache|\.npm|\.git)\//;

/** Distribution configuration whose keys look like secret names (`passwd: files` in
 *  nsswitch.conf, `PASS_MAX_DAYS` in login.defs) but never hold one; the account databases are
 *  checked by their own rules (image/empty-password…). */
const SYSTEM_CONFIG = /^\/etc\/(nsswitch\.conf|login\.defs|passwd-?|group-?|shadow-?|gshadow-?|services|protocols|adduser\.conf|deluser\.conf|debconf\.conf|securetty|pam\.conf|pam\.d\/.*|security\/.*|sudoers(\.d\/.*)?|ssl\/openssl\.cnf|default\/useradd|libaudit\.conf|mke2fs\.conf)$/;

/** The largest file read for a content scan; larger files are classified by name only. */
export const SECRET_SCAN_MAX_BYTES = 256 * 1024;

/** Decides, from the header alone, whether a regular file's content is scanned for secrets. */
export function wantsSecretScan(path: string, size: number): boolean {
  if (size === 0 || size > SECRET_SCAN_MAX_BYTES || SYSTEM_CONFIG.test(path)) return false;
  if (classifySecretPath(path.slice(1)) !== null) return true;
  return !VENDOR_TREES.test(path);
}

/** Both header-time decisions for a regular file, with its name classified once (the layer
 *  scan asks for every file): is its content scanned (wantsSecretScan), and if not, is it a
 *  secret by its name alone (secretByName; null also for an empty file). */
export function secretPlan(path: string, size: number): { scan: boolean; byName: string | null } {
  if (size === 0) return { scan: false, byName: null };
  const c = classifySecretPath(path.slice(1));
  const scan = size <= SECRET_SCAN_MAX_BYTES && !SYSTEM_CONFIG.test(path) && (c !== null || !VENDOR_TREES.test(path));
  return { scan, byName: scan || !c || c.needsContent ? null : c.label };
}

/** A secret file recognised by its name alone (a keystore, id_rsa), or null. */
export function secretByName(path: string): string | null {
  const c = classifySecretPath(path.slice(1));
  return c && !c.needsContent ? c.label : null;
}

/** Scans a file's content; binary content is reported only when its name says secret. */
export function scanFile(path: string, content: Buffer): ImageSecretHit[] {
  if (isLikelyBinary(content)) {
    const byName = secretByName(path);
    return byName ? [{ kind: byName, line: 0, redacted: `(${content.length} bytes of binary key material)` }] : [];
  }
  const hits = scanContent(content.toString('utf8'), path.slice(1)).map((h) => ({ kind: h.label, line: h.line, redacted: h.preview }));
  if (hits.length === 0) {
    const byName = secretByName(path);
    if (byName) hits.push({ kind: byName, line: 0, redacted: `(${content.length} bytes)` });
  }
  return hits;
}

/** Scans a piece of text that is not a file (an Env value, a history line). Pure. */
export function scanText(text: string, label: string): TextSecretHit[] {
  return scanContent(text, label).map((h) => ({ kind: h.label, line: h.line, redacted: h.preview, confidence: h.confidence, secret: h.secret }));
}

const ASSIGN = /([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|[^\s;&|"']+)/g;

/** The text with every secret it holds redacted: NAME=value pairs whose name says secret, and
 *  token shapes the shared scanner finds. For history lines shown in locations and messages. */
export function redactText(text: string): string {
  let out = text.replace(ASSIGN, (all, name: string, value: string) => {
    const v = value.replace(/^["']|["']$/g, '');
    return isSecretName(name) && !isPlaceholder(v) ? `${name}=${redact(v)}` : all;
  });
  const hits = scanContent(out, 'history').sort((a, b) => b.index - a.index);
  for (const h of hits) out = out.slice(0, h.index) + redact(out.slice(h.index, h.index + h.length)) + out.slice(h.index + h.length);
  return out;
}

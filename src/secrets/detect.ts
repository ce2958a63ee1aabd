// Secret detection in file content and file names, shared by the build-context auditor and the
// image auditor. Pure: text in, hits out. A hit carries where the secret is and a redacted
// preview; the secret itself is never part of a hit's text fields.
import { findTokens } from './tokens.js';
import { assessValue, isSecretName, redact } from './names.js';
import { atMost, isTestPath, type Confidence } from './confidence.js';

/** Files above this size are not scanned for content (they are reported as not scanned). */
export const SCAN_SIZE_LIMIT = 1024 * 1024;

export interface SecretHit {
  /** e.g. private-key, github-token, assignment, npm-auth */
  kind: string;
  /** Human name, e.g. "GitHub token", "value of DB_PASSWORD". */
  label: string;
  /** 1-based line and column of the secret value; endColumn is exclusive (same line as `line`
   *  unless endLine says otherwise). */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Offset and length of the secret in the text. */
  index: number;
  length: number;
  /** Safe to print: the secret redacted, e.g. "DB_PASSWORD=s3cr************". */
  preview: string;
  /** How sure the finding is (see confidence.ts): `verified` shapes and private keys are
   *  errors, `likely` warnings, `possible` info. */
  confidence: Confidence;
  /** The secret itself, for the report's redaction step only: never put it in a message. */
  secret: string;
}

export interface SecretPathKind {
  /** e.g. ssh-private-key, keystore, npmrc, env-file */
  kind: string;
  label: string;
  /** true: the file is a secret only when its content holds one (scanContent finds it);
   *  false: the name alone says it is one (binary keystores, id_rsa). */
  needsContent: boolean;
}

const PRIVATE_KEY_KINDS = new Set(['private-key', 'putty-private-key']);

/** true for hits that are private key material (as opposed to tokens and passwords). */
export function isPrivateKeyHit(hit: SecretHit): boolean {
  return PRIVATE_KEY_KINDS.has(hit.kind);
}

// ---------------------------------------------------------------------------------------------
// File names

const PUBLIC_MATERIAL = /(\.pub|\.crt|\.cer|\.csr|\.der|\.p7b|\.p7c|\.spc)$|(^|[/])(known_hosts|authorized_keys|ca-bundle[^/]*|ca-certificates\.crt|cacert\.pem|ca\.pem|chain\.pem|fullchain\.pem|cert\.pem|certs?\.pem)$/i;

/** Public material that is never a secret by its name: certificates, public keys, CA bundles. */
export function isPublicMaterialPath(relPath: string): boolean {
  return PUBLIC_MATERIAL.test(relPath);
}

const ENV_TEMPLATE = /^\.env\.(example|sample|template|tmpl|dist|defaults?|schema|skeleton|tpl)$|\.example$|\.sample$|\.template$/i;

/** What a path's name says about it as a credential, or null. */
export function classifySecretPath(relPath: string): SecretPathKind | null {
  const p = relPath.replace(/\\/g, '/').replace(/^\.\//, '');
  if (isPublicMaterialPath(p)) return null;
  const base = p.slice(p.lastIndexOf('/') + 1);
  const lower = base.toLowerCase();
  const parent = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '';
  const parentBase = parent.slice(parent.lastIndexOf('/') + 1);

  if (/^id_(rsa|dsa|ecdsa|ed25519|ecdsa_sk|ed25519_sk)([._-].*)?$/.test(base)) {
    return { kind: 'ssh-private-key', label: 'SSH private key', needsContent: false };
  }
  if (lower.endsWith('.ppk')) return { kind: 'putty-private-key', label: 'PuTTY private key', needsContent: false };
  if (/\.(p12|pfx|jks|keystore|jceks|bks|pkcs12)$/.test(lower) || lower === 'keystore') {
    return { kind: 'keystore', label: 'key store', needsContent: false };
  }
  if (/\.(pem|key|p8)$/.test(lower)) return { kind: 'private-key-file', label: 'key file', needsContent: true };
  if (lower === '.env' || (lower.startsWith('.env.') && !ENV_TEMPLATE.test(lower)) || (lower.endsWith('.env') && !lower.startsWith('.'))) {
    return { kind: 'env-file', label: 'environment file', needsContent: true };
  }
  if (lower === '.npmrc') return { kind: 'npmrc', label: 'npm configuration', needsContent: true };
  if (lower === '.yarnrc.yml' || lower === '.yarnrc') return { kind: 'yarnrc', label: 'Yarn configuration', needsContent: true };
  if (lower === '.pypirc') return { kind: 'pypirc', label: 'PyPI configuration', needsContent: true };
  if (lower === '.netrc' || lower === '_netrc') return { kind: 'netrc', label: 'netrc credentials', needsContent: true };
  if (lower === '.git-credentials') return { kind: 'git-credentials', label: 'Git credential store', needsContent: true };
  if (lower === '.pgpass') return { kind: 'pgpass', label: 'PostgreSQL password file', needsContent: false };
  if (lower === '.htpasswd') return { kind: 'htpasswd', label: 'htpasswd file', needsContent: false };
  if (parentBase === '.aws' && (lower === 'credentials' || lower === 'config')) {
    return { kind: 'aws-credentials', label: 'AWS credentials file', needsContent: true };
  }
  if ((parentBase === '.docker' && lower === 'config.json') || lower === '.dockercfg') {
    return { kind: 'docker-config', label: 'Docker client configuration', needsContent: true };
  }
  if ((parentBase === '.kube' && lower === 'config') || lower === 'kubeconfig' || lower.endsWith('.kubeconfig')) {
    return { kind: 'kubeconfig', label: 'kubeconfig', needsContent: true };
  }
  if (/\.tfvars$|\.tfstate$/.test(lower)) return { kind: 'terraform', label: 'Terraform variables or state', needsContent: true };
  if (/(^|[-_.])(credentials?|secrets?)\.(json|ya?ml|toml|ini|properties|conf|cfg)$/.test(lower)) {
    return { kind: 'credentials-file', label: 'credentials file', needsContent: true };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Content

/** Heuristic used before scanning: a NUL byte in the first 8 KiB means binary. */
export function isLikelyBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 8192);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true;
  return false;
}

const CONFIG_EXT = /\.(env|ini|cfg|conf|config|properties|ya?ml|toml|sh|bash|zsh|rc|txt|tfvars|npmrc|pypirc)$/i;

/** Files whose lines are KEY=value / key: value settings rather than program code. */
function isConfigLike(fileName: string): boolean {
  const base = fileName.slice(fileName.replace(/\\/g, '/').lastIndexOf('/') + 1).toLowerCase();
  if (base.startsWith('.env') || base.endsWith('.env')) return true;
  if (base.startsWith('.') && !base.slice(1).includes('.')) return true; // .npmrc, .netrc, .pypirc …
  if (!base.includes('.')) return true; // credentials, config, Procfile …
  return CONFIG_EXT.test(base);
}

/** Secret-ish names beyond names.ts: camelCase forms and the keys of well-known files. */
const EXTRA_SECRET_KEYS = /^(_authtoken|_auth|_password|npmauthtoken|npmauthident|identitytoken|client-key-data|client-key|token|auth|password|passwd|secret|id-token|refresh-token|access-token)$/i;
/** Suffixes that make a secret-sounding name describe something else (a port, a URL, a switch). */
const NOT_A_SECRET_SUFFIX = /[_.-](port|host|hostname|url|uri|endpoint|provider|mode|timeout|version|region|issuer|audience|scopes?|prefix|suffix|enabled?|disabled?|id|kind|format|lifetime|duration|count|limit|size|length|algorithm|alg|header|cookie|path|file|dir|name|user|username|type|method|policy|ttl|expiry|expires|hint|label|placeholder|pattern|regex)$/i;

function looksSecretName(name: string): boolean {
  const snake = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2');
  if (NOT_A_SECRET_SUFFIX.test(snake)) return false;
  return EXTRA_SECRET_KEYS.test(name) || isSecretName(name) || isSecretName(snake);
}

/** What a literal under a secret-sounding name is worth: null when it is no secret at all
 *  (placeholder, code, a word), else the confidence. In program code only generated-looking
 *  values count; in configuration files a weak literal is a `possible` password. */
function valueConfidence(value: string, code: boolean): Confidence | null {
  const v = value.trim();
  if (code && /\s/.test(v)) return null; // UI labels and sentences in code, not credentials
  const verdict = assessValue(v);
  if (verdict === 'strong') return 'likely';
  if (verdict === 'weak' && !code) return 'possible';
  return null;
}

interface RawHit { kind: string; label: string; index: number; length: number; preview: string; priority: number; confidence: Confidence }

// KEY=value, KEY = value, key: value, export KEY=value, KEY := value (one per line, config-like files)
const LINE_ASSIGN = /^[ \t]*(?:export[ \t]+|set[ \t]+)?["']?([A-Za-z_][A-Za-z0-9_.-]*)["']?[ \t]*(?:[:?+!]?=|:(?!=))[ \t]*(.*?)[ \t\r]*$/dgm;
// "key": "value", key = 'value', key := "value", 'key' => 'value' (anywhere)
// the name starts where a word starts: tried at every position inside a long word (minified or
// generated text), the name part made this scan quadratic in the word's length
const QUOTED_ASSIGN = /["']?(?<![A-Za-z0-9_.-])([A-Za-z_][A-Za-z0-9_.-]*)["']?[ \t]*(?::=|=>|==|=|:)[ \t]*(["'`])([^"'`\n\r]{1,512})\2/g;
// npm: //registry/:_authToken=…, _auth=…, _password=…
const NPMRC_AUTH = /(?:^|:)(_authToken|_auth|_password)[ \t]*=[ \t]*(\S.*?)[ \t\r]*$/dgm;
// netrc: machine x login y password z
const NETRC_PASSWORD = /\bpassword[ \t]+(\S+)/g;
// PuTTY key files
const PUTTY = /^PuTTY-User-Key-File-\d+:[^\n]*$/gm;

function stripValue(raw: string): { value: string; offset: number } {
  let v = raw;
  const offset = 0;
  const q = v[0];
  if ((q === '"' || q === "'") && v.length >= 2) {
    const close = v.indexOf(q, 1);
    if (close > 0) return { value: v.slice(1, close), offset: 1 };
  }
  const hash = v.search(/[ \t]#/);
  if (hash >= 0) v = v.slice(0, hash);
  v = v.replace(/[ \t,;]+$/, '');
  return { value: v, offset };
}

/** Package manifests and lockfiles: their keys are dependency names (`password-prompt`,
 *  `axios-auth-refresh`) and their values versions and hashes, never secrets. Only token shapes
 *  and credentials inside URLs (a `resolved` URL with a token) are looked for. */
const MANIFEST = /^(package\.json|package-lock\.json|npm-shrinkwrap\.json|pnpm-lock\.ya?ml|yarn\.lock|bun\.lock|gemfile\.lock|poetry\.lock|pdm\.lock|uv\.lock|pipfile\.lock|go\.sum|go\.mod|cargo\.lock|cargo\.toml|composer\.lock|composer\.json|pyproject\.toml|packages\.lock\.json|mix\.lock|pubspec\.lock|podfile\.lock|flake\.lock|requirements[^/]*\.(txt|in)|constraints[^/]*\.txt)$/;

/** true for package manifests and lockfiles (see MANIFEST). */
export function isManifest(fileName: string): boolean {
  const base = fileName.slice(fileName.replace(/\\/g, '/').lastIndexOf('/') + 1).toLowerCase();
  return MANIFEST.test(base);
}

/** Every secret in a text file's content. fileName (a path or a base name) selects the forms
 *  looked for: KEY=value lines in configuration files, quoted literals everywhere, only token
 *  shapes in manifests and lockfiles. Under test and fixture folders, what is not a verified
 *  shape is at most `possible`. */
export function scanContent(text: string, fileName: string): SecretHit[] {
  const raw: RawHit[] = [];
  const base = fileName.slice(fileName.replace(/\\/g, '/').lastIndexOf('/') + 1).toLowerCase();
  const manifest = MANIFEST.test(base);
  const config = !manifest && isConfigLike(fileName);

  for (const t of findTokens(text)) {
    const value = text.slice(t.index, t.index + t.length);
    if (t.kind === 'private-key') {
      if (t.confidence !== 'verified') continue; // a header quoted in documentation
      const type = /BEGIN ([A-Z0-9]+) PRIVATE/.exec(value)?.[1];
      const label = type ? `${type === 'OPENSSH' ? 'OpenSSH' : type === 'ENCRYPTED' ? 'encrypted' : type} private key` : 'private key';
      const header = value.slice(0, value.indexOf('KEY-----') + 8);
      raw.push({ kind: 'private-key', label, index: t.index, length: t.length, preview: header, priority: 0, confidence: 'verified' });
      continue;
    }
    if (/example|(.)\1{7,}/i.test(value)) continue;
    raw.push({ kind: t.kind, label: t.label, index: t.index, length: t.length, preview: redact(value), priority: 1, confidence: t.confidence });
  }
  if (text.includes('PuTTY-User-Key-File-') && /^Private-Lines:/m.test(text)) {
    for (const m of text.matchAll(PUTTY)) {
      raw.push({ kind: 'putty-private-key', label: 'PuTTY private key', index: m.index, length: m[0].length, preview: m[0].slice(0, 40), priority: 0, confidence: 'verified' });
    }
  }
  if (base === '.npmrc' || base === '.yarnrc' || base === '.yarnrc.yml' || (!manifest && text.includes('_auth'))) {
    for (const m of text.matchAll(NPMRC_AUTH)) {
      const { value, offset } = stripValue(m[2]);
      const confidence = valueConfidence(value, false);
      if (!confidence) continue;
      const index = groupStart(m, 2) + offset;
      // a registry token under its own key is a credential by where it sits
      raw.push({ kind: 'npm-auth', label: `npm ${m[1]}`, index, length: value.length, preview: `${m[1]}=${redact(value)}`, priority: 2, confidence: confidence === 'likely' ? 'verified' : 'likely' });
    }
  }
  if (base === '.netrc' || base === '_netrc') {
    for (const m of text.matchAll(NETRC_PASSWORD)) {
      const value = m[1];
      const confidence = valueConfidence(value, false);
      if (!confidence) continue;
      const index = m.index + m[0].length - value.length;
      raw.push({ kind: 'netrc-password', label: 'netrc password', index, length: value.length, preview: `password ${redact(value)}`, priority: 2, confidence: 'likely' });
    }
  }
  if (config) {
    for (const m of text.matchAll(LINE_ASSIGN)) {
      const name = m[1];
      if (!looksSecretName(name) || m.at(2) === undefined || m[2] === '') continue;
      const { value, offset } = stripValue(m[2]);
      const confidence = valueConfidence(value, false);
      if (!confidence) continue;
      const index = groupStart(m, 2) + offset;
      raw.push({ kind: 'assignment', label: `value of ${name}`, index, length: value.length, preview: `${name}=${redact(value)}`, priority: 3, confidence });
    }
  }
  if (!manifest) {
    for (const m of text.matchAll(QUOTED_ASSIGN)) {
      const name = m[1];
      if (!looksSecretName(name)) continue;
      const value = m[3];
      const confidence = valueConfidence(value, !config);
      if (!confidence) continue;
      const index = m.index + m[0].length - 1 - value.length;
      raw.push({ kind: 'assignment', label: `value of ${name}`, index, length: value.length, preview: `${name}=${redact(value)}`, priority: 3, confidence });
    }
  }
  const test = isTestPath(fileName);
  for (const h of raw) {
    if (manifest && h.kind === 'url-credentials') h.confidence = atMost(h.confidence, 'likely');
    if (test && h.confidence !== 'verified') h.confidence = 'possible';
    if (h.kind === 'assignment' && inComment(text, h.index)) h.confidence = atMost(h.confidence, 'possible');
  }
  return locate(text, dedupe(raw));
}

/** true when the offset sits after a comment marker on its line (`#`, `//`, `--`, `;`). */
function inComment(text: string, index: number): boolean {
  const start = text.lastIndexOf('\n', index - 1) + 1;
  return /^[ \t]*(#|\/\/|--|;|\*|\/\*|<!--|rem\b)/i.test(text.slice(start, index));
}

/** Where group n of a match of a RegExp with the d flag starts. */
function groupStart(m: RegExpMatchArray, n: number): number {
  const at = m.indices?.[n];
  if (!at) throw new Error(`match group ${n} has no indices (a pattern without the d flag?)`);
  return at[0];
}

function dedupe(hits: RawHit[]): RawHit[] {
  hits.sort((a, b) => a.index - b.index || a.priority - b.priority || b.length - a.length);
  const out: RawHit[] = [];
  for (const h of hits) {
    const last = out.at(-1);
    if (last && h.index < last.index + last.length) {
      if (h.priority < last.priority) out[out.length - 1] = h;
      continue;
    }
    out.push(h);
  }
  return out;
}

function locate(text: string, hits: RawHit[]): SecretHit[] {
  if (hits.length === 0) return [];
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const pos = (offset: number): { line: number; column: number } => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  };
  return hits.map((h) => {
    const s = pos(h.index);
    // a private key is located by its header line; the hit still spans the whole block
    const e = pos(h.kind === 'private-key' ? h.index + h.preview.length : h.index + h.length);
    return {
      kind: h.kind, label: h.label, line: s.line, column: s.column, endLine: e.line, endColumn: e.column,
      index: h.index, length: h.length, preview: h.preview, confidence: h.confidence,
      secret: text.slice(h.index, h.index + h.length),
    };
  });
}

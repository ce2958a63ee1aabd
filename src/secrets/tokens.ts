// Well-known credential shapes, as one table. A value that matches one of these is a real
// credential with very high probability, whatever the variable it sits in is called.
// Extend the table (not the code) to recognise more kinds.
import { isPlaceholder } from './names.js';

export interface TokenKind {
  /** Stable identifier, e.g. github-token. */
  kind: string;
  /** Human name used in messages. */
  label: string;
  /** Global regex. When it has a named group `secret`, only that group is the secret. */
  regex: RegExp;
  /** A cheap regex that matches wherever `regex` can (usually its fixed prefix): a text with no
   *  kind's hint is dismissed in one scan. When any kind lacks a hint, every kind is run. */
  hint?: RegExp;
}

export const TOKEN_KINDS: readonly TokenKind[] = [
  { kind: 'aws-access-key-id', label: 'AWS access key id', regex: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g, hint: /A(?:KIA|SIA|BIA|CCA)/ },
  { kind: 'github-token', label: 'GitHub token', regex: /\bgh[pousr]_[A-Za-z0-9]{36,255}\b/g, hint: /gh[pousr]_/ },
  { kind: 'github-fine-grained-token', label: 'GitHub fine-grained token', regex: /\bgithub_pat_[A-Za-z0-9_]{50,255}\b/g, hint: /github_pat_/ },
  { kind: 'gitlab-token', label: 'GitLab token', regex: /\bgl(?:pat|dt|rt|ptt|cbt|oas)-[A-Za-z0-9_-]{20,}/g, hint: /gl(?:pat|dt|rt|ptt|cbt|oas)-/ },
  { kind: 'slack-token', label: 'Slack token', regex: /\bxox[baprs]-[A-Za-z0-9-]{10,}/g, hint: /xox[baprs]-/ },
  { kind: 'stripe-secret-key', label: 'Stripe live secret key', regex: /\b[rs]k_live_[A-Za-z0-9]{16,}\b/g, hint: /k_live_/ },
  { kind: 'npm-token', label: 'npm access token', regex: /\bnpm_[A-Za-z0-9]{36}\b/g, hint: /npm_/ },
  { kind: 'pypi-token', label: 'PyPI token', regex: /\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}/g, hint: /pypi-/ },
  { kind: 'docker-hub-token', label: 'Docker Hub access token', regex: /\bdckr_pat_[A-Za-z0-9_-]{27,}/g, hint: /dckr_pat_/ },
  { kind: 'huggingface-token', label: 'Hugging Face token', regex: /\bhf_[A-Za-z]{34}\b/g, hint: /hf_/ },
  { kind: 'google-api-key', label: 'Google API key', regex: /\bAIza[0-9A-Za-z_-]{35}\b/g, hint: /AIza/ },
  { kind: 'sendgrid-key', label: 'SendGrid API key', regex: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b/g, hint: /SG\./ },
  { kind: 'jwt', label: 'JSON Web Token', regex: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, hint: /eyJ/ },
  { kind: 'private-key', label: 'private key', regex: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----/g, hint: /-----BEGIN / },
  {
    kind: 'url-credentials',
    label: 'password in a URL',
    regex: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/"'$]+:(?<secret>[^\s@/"'$]+)@[^\s"']/gi,
    hint: /:\/\/[^\s:@/"'$]+:/,
  },
  {
    kind: 'authorization-header',
    label: 'Authorization header',
    regex: /\bAuthorization:\s*(?:Bearer|Basic|token)\s+(?<secret>[A-Za-z0-9._~+/=-]{8,})/gi,
    hint: /[Aa][Uu][Tt][Hh][Oo][Rr][Ii][Zz][Aa][Tt][Ii][Oo][Nn]:/,
  },
];

const COMPILED: readonly (TokenKind & { hasSecretGroup: boolean })[] = TOKEN_KINDS.map((t) => {
  const hasSecretGroup = t.regex.source.includes('(?<secret>');
  const flags = hasSecretGroup && !t.regex.flags.includes('d') ? t.regex.flags + 'd' : t.regex.flags;
  return { ...t, regex: new RegExp(t.regex.source, flags), hasSecretGroup };
});
const HINT: RegExp | null = TOKEN_KINDS.every((t) => t.hint)
  ? new RegExp(TOKEN_KINDS.map((t) => `(?:${t.hint!.source})`).join('|'))
  : null;

export interface FoundToken {
  kind: string;
  label: string;
  /** Offset of the secret in the text. */
  index: number;
  length: number;
}

/** Every credential-shaped substring of text, in order, without overlaps. Values that are
 *  placeholders (`$VAR`, `changeme`, …) are not reported for the kinds that capture a `secret` group. */
export function findTokens(text: string): FoundToken[] {
  const found: FoundToken[] = [];
  // every kind needs at least 8 characters
  if (text.length < 8) return found;
  if (HINT && !HINT.test(text)) return found;
  for (const t of COMPILED) {
    // matchAll works on a copy of the regex, so the shared compiled one keeps no state
    for (const m of text.matchAll(t.regex)) {
      const group = t.hasSecretGroup ? m.indices?.groups?.secret : undefined;
      const [start, end] = group ?? [m.index!, m.index! + m[0].length];
      const value = text.slice(start, end);
      if (group && isPlaceholder(value)) continue;
      found.push({ kind: t.kind, label: t.label, index: start, length: end - start });
    }
  }
  found.sort((a, b) => a.index - b.index || b.length - a.length);
  const out: FoundToken[] = [];
  let end = -1;
  for (const f of found) {
    if (f.index < end) continue;
    out.push(f);
    end = f.index + f.length;
  }
  return out;
}

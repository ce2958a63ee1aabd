// How sure a secret-named environment variable is a secret, for every target that passes one to
// a container (compose `environment:` and `env_file:`, `docker run -e`): one judgement, so the
// same evidence gets the same severity wherever the variable is written.
import type { Severity } from '../engine/types.js';
import { assessValue, isSecretName, isWordLike } from './names.js';
import { findTokens } from './tokens.js';
import { severityFor } from './confidence.js';

// Names whose value is an identifier or a setting, not a secret, though they hold a secret word:
// the key-id half of a key pair (AWS_ACCESS_KEY_ID), a role, a mode, a scope, the client-auth
// switch of a TLS listener (KAFKA_SSL_CLIENT_AUTH: requested), an on/off switch.
const SETTING_NAME = /(^|_)(ACCESS_KEY_ID|KEY_ID|ROLE|MODE|LEVEL|SCOPES?|CLIENT_AUTH|ENABLED?|DISABLED?)$/i;
// An access key beside a secret key of the same prefix is the identifier half of the pair
// (MINIO_ACCESS_KEY + MINIO_SECRET_KEY, AWS_ACCESS_KEY + AWS_SECRET_KEY).
const ACCESS_KEY = /^(.*?)_?ACCESS_KEY$/i;
// A value that names a file the image reads the credential from (broker_keystore_creds, a.jks).
const FILE_NAME_VALUE = /^[\w.-]+(\.(creds?|txt|jks|p12|pfx|pem|key|keystore|truststore|json|properties)|_creds?)$/i;
// Phrases that announce a placeholder ("change-this-insecure-key").
const PLACEHOLDER_PHRASE = /^(change|replace|set)[-_ ]?(this|me|it)\b|insecure|not[-_ ]?secure|do[-_ ]?not[-_ ]?use/i;

// A name that can only hold a password, and the defaults people leave in dev compose files.
const PASSWORD_NAME = /(^|_)(PASS(WORD|WD)?|PWD)$/i;
const COMMON_DEFAULT = /^(pass|passw(or)?d|admin|root|123456|12345678|qwerty|letmein)$/i;

/** `POSTGRES_PASSWORD: pass`: a word that reads as a placeholder elsewhere is, under a name that can
 *  only hold a password, the password the container gets. */
export function commonDefaultPassword(name: string, value: string): boolean {
  return PASSWORD_NAME.test(name) && COMMON_DEFAULT.test(value.trim());
}

/** The identifier half of a pair among these names (upper case), or a setting: not a secret by its name. */
function settingName(name: string, names: ReadonlySet<string>): boolean {
  if (SETTING_NAME.test(name)) return true;
  const m = ACCESS_KEY.exec(name);
  if (!m) return false;
  const prefix = m[1] ? `${m[1]}_` : '';
  return [`${prefix}SECRET_KEY`, `${prefix}SECRET_ACCESS_KEY`].some((n) => names.has(n.toUpperCase()));
}

interface EnvSecretVerdict {
  severity: Severity;
  /** The token kind when the value is a verified token shape (`GitHub token`), else null. */
  what: string | null;
}

/**
 * The severity of a literal `value` given to a container as `name`, or null when it is no secret:
 * a verified token shape is an error whatever the name; a secret-named literal is a warning when
 * it looks generated, info when it is weak (a word, a short default) or written in a test file;
 * a setting (a role, a mode, a key id), a file name or a placeholder is nothing.
 * `names`: every variable name given to the same container, upper case (pairs are told by them).
 */
export function judgeEnvSecret(name: string, value: string, names: ReadonlySet<string>, testFile: boolean): EnvSecretVerdict | null {
  const t = findTokens(value).at(0);
  if (t?.confidence === 'verified') return { severity: severityFor('verified'), what: t.label };
  if (!isSecretName(name) || settingName(name, names)) return null;
  // the password a container really gets when the file says `POSTGRES_PASSWORD: password`: a
  // common default, weak but real (elsewhere these words read as placeholders)
  if (commonDefaultPassword(name, value)) return { severity: 'info', what: 'a common default password' };
  if (FILE_NAME_VALUE.test(value.trim()) || PLACEHOLDER_PHRASE.test(value.trim())) return null;
  const verdict = assessValue(value);
  if (verdict !== 'strong' && verdict !== 'weak' && !isWordLike(value)) return null;
  return { severity: !testFile && verdict === 'strong' ? 'warning' : 'info', what: null };
}

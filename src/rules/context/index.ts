// Every context rule, listed once. Add a rule by importing it here.
import type { Rule } from '../../engine/types.js';
import copySourceMissing from './copy-source-missing.js';
import credentialsCopied from './credentials-copied.js';
import dockerignoreInvalid from './dockerignore-invalid.js';
import fileNotScanned from './file-not-scanned.js';
import noDockerignore from './no-dockerignore.js';
import privateKeyCopied from './private-key-copied.js';
import secretFileCopied from './secret-file-copied.js';
import symlinkOutsideContext from './symlink-outside-context.js';
import unwantedFilesCopied from './unwanted-files-copied.js';

export const contextRules: Rule[] = [
  copySourceMissing,
  credentialsCopied,
  dockerignoreInvalid,
  fileNotScanned,
  noDockerignore,
  privateKeyCopied,
  secretFileCopied,
  symlinkOutsideContext,
  unwantedFilesCopied,
] as Rule[];

// Every dockerfile rule, listed once. Add a rule by importing it here.
import type { Rule } from '../../engine/types.js';
import lastUserRoot from './last-user-root.js';
import baseImageLatest from './base-image-latest.js';
import baseImageNotPinned from './base-image-not-pinned.js';
import addInsteadOfCopy from './add-instead-of-copy.js';
import addUrl from './add-url.js';
import addArchive from './add-archive.js';

export const dockerfileRules: Rule[] = [
  lastUserRoot,
  baseImageLatest,
  baseImageNotPinned,
  addInsteadOfCopy,
  addUrl,
  addArchive,
];

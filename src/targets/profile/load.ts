// Reads a seccomp or AppArmor profile file into its model: the one place profiles touch the file
// system (and, for AppArmor, run apparmor_parser -Q -K: parse only, never load into the kernel).
import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { ProfileModel, ProfileReference } from './model.js';
import { checkSeccompProfile, missingProfile } from './seccomp.js';
import { relativePath } from '../dockerfile/audit.js';

const MAX_PROFILE_BYTES = 4 * 1024 * 1024;

function readProfile(abs: string): { text: string } | { error: string } {
  try {
    const st = statSync(abs);
    if (st.isDirectory()) return { error: 'is a directory' };
    if (st.size > MAX_PROFILE_BYTES) return { error: `file too large (${(st.size / 1048576).toFixed(1)} MB)` };
    return { text: readFileSync(abs, 'utf8') };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot read (${code})` };
  }
}

export function loadSeccompProfile(abs: string, cwd: string, referencedBy?: ProfileReference): ProfileModel {
  const rel = relativePath(cwd, abs);
  const read = readProfile(abs);
  if ('error' in read) return missingProfile('seccomp', rel, read.error, referencedBy);
  return checkSeccompProfile(read.text, rel, referencedBy);
}

/** apparmor_parser's verdict on a file: its errors with their lines; 'not-installed' without it. */
function apparmorParse(abs: string): Promise<ProfileModel['apparmor']> {
  return new Promise((resolve) => {
    execFile('apparmor_parser', ['-Q', '-K', abs], { timeout: 30_000, maxBuffer: 1 << 20 }, (err, _stdout, stderr) => {
      if (err && (err as NodeJS.ErrnoException).code === 'ENOENT') { resolve({ parser: 'not-installed', errors: [] }); return; }
      const errors: { line: number; message: string }[] = [];
      for (const line of stderr.split('\n')) {
        // "AppArmor parser error for FILE in profile P at line N: MESSAGE"
        const m = /AppArmor parser error.*? at line (\d+): (.*)$/.exec(line) ?? /AppArmor parser error[^:]*: (.*)$/.exec(line);
        if (!m) continue;
        errors.push(m.length === 3 ? { line: Number(m[1]), message: m[2].trim() } : { line: 1, message: m[1].trim() });
      }
      if (err && errors.length === 0) errors.push({ line: 1, message: stderr.trim().split('\n').pop() || `apparmor_parser exited with ${String((err as { code?: unknown }).code)}` });
      resolve({ parser: 'checked', errors });
    });
  });
}

export async function loadAppArmorProfile(abs: string, cwd: string, referencedBy?: ProfileReference): Promise<ProfileModel> {
  const rel = relativePath(cwd, abs);
  const read = readProfile(abs);
  if ('error' in read) return missingProfile('apparmor', rel, read.error, referencedBy);
  const model: ProfileModel = { kind: 'apparmor', path: rel, text: read.text, json: null, jsonProblems: [], seccomp: null, apparmor: await apparmorParse(abs) };
  if (referencedBy) model.referencedBy = referencedBy;
  return model;
}

/** A profile named by `value` (a path, maybe relative to `baseDir`); null for the built-in names
 *  (unconfined, the default profile, runtime/default) that name no file. */
export function profileFileOf(value: string, baseDir: string): string | null {
  const v = value.trim();
  if (v === '' || v === 'unconfined' || v === 'builtin' || v === 'default' || v === 'runtime/default' || v === 'docker-default') return null;
  return path.resolve(baseDir, v);
}

/** true when `text` looks like a seccomp profile (a JSON object with defaultAction). */
export function looksLikeSeccompProfile(text: string): boolean {
  if (!text.trimStart().startsWith('{')) return false;
  try {
    const o = JSON.parse(text) as unknown;
    return !!o && typeof o === 'object' && !Array.isArray(o) && 'defaultAction' in o;
  } catch {
    return false;
  }
}

#!/usr/bin/env node
// Extracts the tree of one commit of a bare git directory into a folder, file by file.
// `git archive` stops at the first blob the snapshot lacks (large files and LFS content are often
// absent); this writes every blob that exists, keeps symlinks and the executable bit, and lists the
// paths it could not write in <dest>.missing.txt and the commit in <dest>.commit (beside the tree,
// so neither is ever audited).
//
// usage: node extract.mjs <git-dir> <dest> [commit]
import { Buffer } from 'node:buffer';
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, symlinkSync, existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

const [gitDir, destArg, commitArg] = process.argv.slice(2);
if (!gitDir || !destArg) {
  console.error('usage: node extract.mjs <git-dir> <dest> [commit]');
  process.exit(2);
}
const dest = resolve(destArg);
if (existsSync(dest) && readdirSync(dest).length > 0) {
  console.error(`extract: ${dest} is not empty; remove it first`);
  process.exit(2);
}
const commit = commitArg ?? execFileSync('git', ['--git-dir', gitDir, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
const listing = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '-z', commit], { maxBuffer: 1 << 30 });
const entries = [];
for (const rec of listing.toString('utf8').split('\0')) {
  if (!rec) continue;
  const tab = rec.indexOf('\t');
  const [mode, type, sha] = rec.slice(0, tab).split(' ');
  const path = rec.slice(tab + 1);
  if (type !== 'blob') continue; // submodules (commit) are not part of the tree's content
  if (path.split('/').includes('..') || path.startsWith('/')) continue;
  entries.push({ mode, sha, path });
}

const missing = [];
const cat = spawn('git', ['--git-dir', gitDir, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'inherit'] });
let buf = Buffer.alloc(0);
let idx = 0;
let pending = null; // { entry, size }
function write(entry, data) {
  const out = join(dest, entry.path);
  if (!out.startsWith(dest + sep)) return;
  mkdirSync(dirname(out), { recursive: true });
  if (entry.mode === '120000') {
    try { symlinkSync(data.toString('utf8'), out); } catch { missing.push(entry.path + ' (symlink failed)'); }
  } else {
    writeFileSync(out, data, { mode: entry.mode === '100755' ? 0o755 : 0o644 });
  }
}
cat.stdout.on('data', (chunk) => {
  buf = Buffer.concat([buf, chunk]);
  for (;;) {
    if (!pending) {
      const nl = buf.indexOf(10);
      if (nl < 0) return;
      const header = buf.subarray(0, nl).toString('utf8');
      buf = buf.subarray(nl + 1);
      const entry = entries[idx++];
      if (header.endsWith(' missing')) { missing.push(entry.path); continue; }
      const size = Number(header.split(' ')[2]);
      pending = { entry, size };
    }
    if (buf.length < pending.size + 1) return;
    write(pending.entry, buf.subarray(0, pending.size));
    buf = buf.subarray(pending.size + 1);
    pending = null;
  }
});
cat.on('close', (code) => {
  mkdirSync(dest, { recursive: true });
  if (missing.length) writeFileSync(dest + '.missing.txt', missing.join('\n') + '\n');
  writeFileSync(dest + '.commit', commit + '\n');
  console.log(`${dest}: ${entries.length - missing.length} files written, ${missing.length} absent from the snapshot (commit ${commit})`);
  process.exit(code ?? 1);
});
for (const e of entries) cat.stdin.write(e.sha + '\n');
cat.stdin.end();

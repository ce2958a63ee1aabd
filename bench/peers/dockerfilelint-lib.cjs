// dockerfilelint as a library in one process: one run() per file; crashes are counted, not fatal.
const fs = require('node:fs');
const dockerfilelint = require('dockerfilelint');
const files = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
let crashed = 0;
let findings = 0;
for (const f of files) {
  try {
    findings += dockerfilelint.run(f, fs.readFileSync(f, 'utf8')).length;
  } catch {
    crashed += 1;
  }
}
fs.writeFileSync(process.argv[3], JSON.stringify({ files: files.length, crashed, findings }));

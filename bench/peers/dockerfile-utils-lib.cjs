// dockerfile-utils' validator as a library in one process; crashes are counted, not fatal.
const fs = require('node:fs');
const { validate } = require('dockerfile-utils');
const files = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
let crashed = 0;
let findings = 0;
for (const f of files) {
  try {
    findings += validate(fs.readFileSync(f, 'utf8')).length;
  } catch {
    crashed += 1;
  }
}
fs.writeFileSync(process.argv[3], JSON.stringify({ files: files.length, crashed, findings }));

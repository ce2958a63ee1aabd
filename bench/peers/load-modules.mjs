// The bundle's load cost: import (read, compile, link, evaluate the top level of) every module
// the listed file names, one URL a line, and run nothing else.
import { readFileSync } from 'node:fs';
const urls = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
for (const url of urls) await import(url);

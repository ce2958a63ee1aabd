#!/usr/bin/env node
// Thin entry point of the unbundled CLI (dist/src/cli.js); the installed bin is the bundle in
// dist/bin/ (scripts/bundle.mjs), which starts cli-start.js through its own loader.
import * as nodeModule from 'node:module';

// Node's on-disk cache of compiled code (Node >= 22.1): a later run skips compiling the modules it
// loads. Turned on before anything of ours is loaded, so main and the command modules (imported
// below, not statically) are all cached. NODE_DISABLE_COMPILE_CACHE=1 turns it off; older Node
// has no such function and runs as before.
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
await import('./cli-start.js');

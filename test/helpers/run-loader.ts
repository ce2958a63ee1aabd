// Registers the real run loader for testRule: a snippet is a shell script (deploy.sh), read by
// the project's command-line extractor and the run command reader exactly as a file would be.
import { registerLoader, TEST_PATH } from './rule-tester.js';
import { runModelOf } from '../../src/targets/run/audit.js';

registerLoader('run', (code, c) => runModelOf((c.options?.file as string | undefined) ?? `${TEST_PATH}.sh`, code));

// Registers the 'daemon' loader for testRule: a rule test's `code` is daemon.json text, read by
// the real parser.
import { registerLoader, TEST_PATH } from './rule-tester.js';
import { parseDaemonConfig } from '../../src/targets/daemon/load.js';

registerLoader('daemon', (code) => parseDaemonConfig(code, TEST_PATH));

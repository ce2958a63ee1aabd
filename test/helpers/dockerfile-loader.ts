// Registers the real Dockerfile parser as the rule tester's loader for dockerfile rules.
// Rule tests import this file for its side effect.
import { registerLoader, TEST_PATH } from './rule-tester.js';
import { parseDockerfile } from '../../src/targets/dockerfile/parse.js';

registerLoader('dockerfile', (code, c) => parseDockerfile(code, { path: TEST_PATH, buildArgs: c.buildArgs }));

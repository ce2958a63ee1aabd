// Registers the real Dockerfile parser as the rule tester's loader for dockerfile rules.
// Rule tests import this file for its side effect.
import { registerLoader, TEST_PATH } from './rule-tester.js';
import { parseDockerfile } from '../../src/targets/dockerfile/parse.js';
import { shellcheckFacts } from '../../src/targets/dockerfile/shellcheck.js';
import { engineImages } from './engine-images.js';

// ShellCheck (the load step's one tool) runs only for the rule that reads its results
registerLoader('dockerfile', async (code, c, rule) => {
  const model = parseDockerfile(code, { path: TEST_PATH, buildArgs: c.buildArgs });
  if (rule.id === 'dockerfile/shellcheck') model.shellcheck = await shellcheckFacts(model);
  // the base images a snippet's `# engine:` comments describe (lint --inspect-images)
  const engine = engineImages(code);
  if (engine) model.baseImages = engine;
  return model;
});

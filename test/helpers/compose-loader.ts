// Registers the real compose loader for testRule: a snippet is parsed, schema-validated and
// merged exactly as a file would be (one file, no .env unless the case gives options.env).
// options.dir: the folder the snippet is taken to live in (env_file and build paths are checked
// there, as auditCompose does); the working directory by default.
import { registerLoader, TEST_PATH } from './rule-tester.js';
import { assembleCompose, checkBuildFiles, readEnvFiles } from '../../src/targets/compose/load.js';

registerLoader('compose', async (code, c) => {
  const env = (c.options?.env ?? {}) as Record<string, string>;
  const model = assembleCompose([{ path: TEST_PATH, text: code }], { env });
  const dir = (c.options?.dir as string | undefined) ?? process.cwd();
  await readEnvFiles(model, dir, dir);
  checkBuildFiles(model, dir, dir);
  return model;
});

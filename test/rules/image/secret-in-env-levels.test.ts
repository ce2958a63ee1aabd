// image/secret-in-env: the severity follows the evidence, across variables too.
import { testRule } from '../../helpers/rule-tester.js';
import '../../helpers/image-loader.js';
import rule from '../../../src/rules/image/secret-in-env.js';
import { awsKeyId, awsSecretKey, badChecksum, githubToken } from '../../secrets/fakes.js';

testRule(rule, {
  valid: [
    { name: 'an option value', code: 'env: MYSQL_ALLOW_EMPTY_PASSWORD=yes' },
  ],
  invalid: [
    { name: 'an AWS key pair spread over two variables: both errors',
      code: `env: AWS_ACCESS_KEY_ID=${awsKeyId(4)}\nenv: AWS_SECRET_ACCESS_KEY=${awsSecretKey(5)}`,
      errors: [{ field: 'config.Env.AWS_ACCESS_KEY_ID', severity: 'error', message: 'AWS access key id' }, { field: 'config.Env.AWS_SECRET_ACCESS_KEY', severity: 'error', message: 'AWS secret access key' }] },
    { name: 'a verified token under any name: error', code: `env: GIT_AUTH=${githubToken(6)}`, errors: [{ field: 'config.Env.GIT_AUTH', severity: 'error', message: 'GitHub token' }] },
    { name: 'a made-up token under a secret name: a warning by the name', code: `env: GH_TOKEN=${badChecksum(githubToken(7))}`, errors: [{ field: 'config.Env.GH_TOKEN', severity: 'warning' }] },
    { name: 'a word as a password: info', code: 'env: POSTGRES_PASSWORD=postgres', errors: [{ field: 'config.Env.POSTGRES_PASSWORD', severity: 'info' }] },
  ],
});

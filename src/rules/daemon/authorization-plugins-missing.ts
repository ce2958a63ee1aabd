import { defineRule } from '../../engine/types.js';
import { setting } from '../../targets/daemon/model.js';
import { readable, reportMissing, reportSetting } from '../../targets/daemon/rule-helpers.js';

export default defineRule({
  id: 'daemon/authorization-plugins-missing',
  target: 'daemon',
  title: 'Engine API calls go through an authorization plugin',
  severity: 'info',
  level: null,
  rationale: 'Without an authorization plugin, anyone who can reach the socket may do anything the API allows, including `--privileged` containers that mount the host. A plugin (OPA, Casbin…) can refuse such requests per user.',
  remediation: 'Where several people or tools share an engine, install an authorization plugin and name it in `"authorization-plugins"`.',
  references: ['https://docs.docker.com/engine/extend/plugins_authorization/', 'CIS Docker Benchmark 2.12'],
  equivalents: { cis: ['2.12'], dockerBench: ['check_2_12'] },
  examples: { bad: '{\n  "icc": false\n}\n', good: '{\n  "authorization-plugins": ["opa-docker-authz"]\n}\n' },
  check(model, ctx) {
    if (!readable(model)) return;
    const s = setting(model, 'authorization-plugins');
    if (!s) reportMissing(ctx, model, 'no "authorization-plugins": whoever reaches the socket may do anything the API allows');
    else if (!Array.isArray(s.value) || s.value.length === 0) reportSetting(ctx, s, '"authorization-plugins" is empty');
  },
});

import { defineRule } from '../../engine/types.js';

export default defineRule({
  id: 'daemon/invalid-json',
  target: 'daemon',
  title: 'daemon.json is a valid JSON object',
  severity: 'error',
  level: 'nonroot',
  breaksBuild: true,
  rationale: 'dockerd refuses to start when daemon.json is not valid JSON (a trailing comma, a comment, a duplicate key): the next restart of the engine, often at a reboot, takes every container down with it.',
  remediation: 'Fix the JSON at the position given (`python3 -m json.tool daemon.json` shows the same error); `dockerd --validate --config-file daemon.json` checks it before a restart.',
  references: ['https://docs.docker.com/reference/cli/dockerd/#daemon-configuration-file'],
  equivalents: {},
  examples: { bad: '{\n  "icc": false,\n}\n', good: '{\n  "icc": false\n}\n' },
  check(model, ctx) {
    for (const p of model.problems) ctx.report({ message: `daemon.json: ${p.message}`, range: p.range });
  },
});

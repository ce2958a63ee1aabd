// Logs grow without bounds.
import { defineRule } from '../../engine/types.js';

export default defineRule({
  id: 'container/no-log-limits',
  target: 'container',
  title: 'Container logs are rotated',
  severity: 'info',
  level: null,
  rationale: 'The json-file driver keeps every line by default; a chatty or attacked service fills the host\'s disk. Not meaningful for the one-off containers verify starts itself.',
  remediation: 'Set `--log-opt max-size=10m --log-opt max-file=3` (compose: `logging.options`), or use the local driver.',
  references: ['https://docs.docker.com/engine/logging/drivers/json-file/'],
  equivalents: {},
  examples: { bad: '{"mode":"container","profile":null,"hostConfig":{"logConfig":{"type":"json-file","config":{}}}}', good: '{"mode":"container","profile":null,"hostConfig":{"logConfig":{"type":"json-file","config":{"max-size":"10m","max-file":"3"}}}}' },
  check(model, ctx) {
    if (model.mode !== 'container') return;
    const l = model.hostConfig.logConfig;
    if (l.type === 'json-file' && !l.config['max-size']) ctx.report({ message: 'json-file logging without max-size: logs grow until the disk is full', location: { field: 'HostConfig.LogConfig' } });
  },
});

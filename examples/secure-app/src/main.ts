// Entry point: listen on PORT (default 8000), stop gracefully on SIGTERM/SIGINT.
import { createApp, portFrom } from './server.js';

let port: number;
try {
  port = portFrom(process.env.PORT);
} catch (err) {
  process.stderr.write(`${JSON.stringify({ level: 'error', error: (err as Error).message })}\n`);
  process.exit(2);
}

const server = createApp();
server.listen(port, '0.0.0.0', () => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'info', msg: 'listening', port })}\n`);
});

function shutdown(signal: NodeJS.Signals): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'info', msg: 'shutting down', signal })}\n`);
  // stop accepting, let in-flight requests finish, close idle keep-alive sockets; give up after 10 s
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);

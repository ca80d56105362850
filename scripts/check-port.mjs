/**
 * A busy port in one line, before a long build and without a stack trace. As a command,
 * `node scripts/check-port.mjs "npm start"` exits with that line when `PORT` on `HOST` cannot be used.
 */
import { createServer } from 'node:net';

export const demoHost = () => process.env.HOST ?? '127.0.0.1';
export const demoPort = () => Number(process.env.PORT ?? 8000);

/** The line to print when listening failed for a reason the user can fix, else undefined. */
export function portProblem(error, port, host, command) {
  if (error?.code !== 'EADDRINUSE' && error?.code !== 'EACCES') return undefined;
  const reason = error.code === 'EADDRINUSE' ? 'is already in use' : 'cannot be used by this user';
  return `Port ${port} on ${host} ${reason}: try another one, e.g. PORT=${port + 1} ${command}`;
}

/** Exits with the one line when `port` on `host` cannot be listened on. */
export async function exitIfPortBusy(port, host, command) {
  const error = await new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', resolve);
    probe.listen(port, host, () => probe.close(() => resolve(undefined)));
  });
  if (!error) return;
  console.error(portProblem(error, port, host, command) ?? `Cannot listen on ${host}:${port}: ${error.message}`);
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) await exitIfPortBusy(demoPort(), demoHost(), process.argv[2] ?? 'npm start');

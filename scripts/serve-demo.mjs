/**
 * `npm start`: serves the project folder and prints the demo's URL. The demo is static files only.
 * `PORT` (default 8000) and `HOST` (default 127.0.0.1; `0.0.0.0` to reach it from other machines).
 */
import { demoHost, demoPort, portProblem } from './check-port.mjs';
import { startStaticServer } from './static-server.mjs';

const host = demoHost();
const port = demoPort();
process.on('uncaughtException', (error) => {
  const line = portProblem(error, port, host, 'npm start');
  if (!line) throw error;
  console.error(line);
  process.exit(1);
});
await startStaticServer({ port, host });
console.log(`\nLMS Kit demo: http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/demo/\n(Ctrl+C to stop)`);

/**
 * `npm start`: serves the project folder and prints the demo's URL. The demo is static files only.
 * `PORT` (default 8000) and `HOST` (default 127.0.0.1; `0.0.0.0` to reach it from other machines).
 */
import { startStaticServer } from './static-server.mjs';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 8000);
process.on('uncaughtException', (error) => {
  if (error.code !== 'EADDRINUSE' && error.code !== 'EACCES') throw error;
  const reason = error.code === 'EADDRINUSE' ? 'is already in use' : 'cannot be used by this user';
  console.error(`Port ${port} on ${host} ${reason}: try another one, e.g. PORT=${port + 1} npm start`);
  process.exit(1);
});
await startStaticServer({ port, host });
console.log(`\nLMS Kit demo: http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/demo/\n(Ctrl+C to stop)`);

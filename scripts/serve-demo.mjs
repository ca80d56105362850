/** `npm start`: serves the project folder and prints the demo's URL. The demo is static files only. */
import { startStaticServer } from './static-server.mjs';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 8000);
await startStaticServer({ port, host });
console.log(`\nLMS Kit demo: http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/demo/\n(Ctrl+C to stop)`);

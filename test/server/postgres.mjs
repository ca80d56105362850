/**
 * A real PostgreSQL for the tests: Debian's `postgresql` binaries, a cluster made in a temporary
 * directory, listening on 127.0.0.1 on a free port, stopped and removed at the end. PostgreSQL refuses
 * to run as root, so as root it runs as the `postgres` user (which the Debian package creates).
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './lrs.mjs';

export function postgresBinDir() {
  if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => join(base, v, 'bin')).find((dir) => existsSync(join(dir, 'pg_ctl')));
}

export async function startPostgres() {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL is not installed: `apt-get install -y postgresql` (.ci/run does it), or set PG_BIN_DIR.');
  const dir = mkdtempSync(join(tmpdir(), 'lms-kit-pg-'));
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const run = (args) => {
    const line = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    if (asRoot) execFileSync('su', ['postgres', '-s', '/bin/bash', '-c', line], { stdio: 'pipe' });
    else execFileSync('/bin/bash', ['-c', line], { stdio: 'pipe' });
  };
  run([join(bin, 'initdb'), '-D', join(dir, 'data'), '-A', 'trust', '-U', 'lms', '-E', 'UTF8', '--no-sync']);
  const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  run([join(bin, 'pg_ctl'), '-D', join(dir, 'data'), '-o', settings, '-l', join(dir, 'log'), '-w', 'start']);
  const stop = () => {
    try {
      run([join(bin, 'pg_ctl'), '-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
    } catch {
      // already stopped
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  // Interrupted (Ctrl+C, a timeout): stop the cluster too; `exit` handlers do not run on signals.
  const onSignal = (signal) => {
    stop();
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    url: `postgres://lms@127.0.0.1:${port}/postgres`,
    /** A URL for another database of this cluster (created here). */
    async database(name) {
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: `postgres://lms@127.0.0.1:${port}/postgres` });
      await client.connect();
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      await client.end();
      return `postgres://lms@127.0.0.1:${port}/${name}`;
    },
    stop() {
      process.off('exit', stop);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      stop();
    },
  };
}

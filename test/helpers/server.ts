/** Browser side of test/server/lms-server.mjs: a real LMS Kit server and tokens signed as a site would. */
import { executeServerCommand } from '@web/test-runner-commands';

export type Backend = 'postgres' | 'pglite';

export interface Claims {
  sub: string;
  tenant: string;
  roles?: Array<'learner' | 'instructor' | 'admin'>;
  name?: string;
  email?: string;
}

/** URLs of `instances` server processes over one database of `backend` (started once per run). */
export async function lmsServer(backend: Backend, instances = 1): Promise<string[]> {
  for (;;) {
    const answer = (await executeServerCommand('lms-server:start', { backend, instances })) as { urls?: string[] };
    if (answer.urls) return answer.urls;
  }
}

export async function tokenFor(claims: Claims, expiresIn?: string): Promise<string> {
  return ((await executeServerCommand('lms-server:token', { claims, expiresIn })) as { token: string }).token;
}

let tenants = 0;
/** A tenant no other test uses: data of one test never meets another's. */
export const freshTenant = (label = 't') => `${label}-${Date.now().toString(36)}-${++tenants}-${Math.random().toString(36).slice(2, 8)}`;

/** A JSON request with a bearer token, answering status and body. */
export async function call(
  base: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(new URL(path, base), {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, etag: response.headers.get('etag') };
}

/** A fault proxy of our own in front of `target` (see test/server/lms-server.mjs). */
export async function faultProxy(target: string): Promise<string> {
  return ((await executeServerCommand('lms-server:proxy', { target })) as { url: string }).url;
}

export async function setFaults(url: string, faults: { down?: boolean; dropAfterStore?: number }): Promise<{ forwarded: number }> {
  return ((await executeServerCommand('lms-server:proxy-faults', { url, faults })) as { state: { forwarded: number } }).state;
}

export interface CapturedResponse {
  url: string;
  method: string;
  status: number;
  body: string;
}

/** Starts recording every response this page receives from URLs starting with `prefix` (bodies included). */
export async function captureResponses(prefix: string): Promise<void> {
  await executeServerCommand('lms-server:capture', { prefix });
}

export async function capturedResponses(prefix: string): Promise<CapturedResponse[]> {
  return ((await executeServerCommand('lms-server:captured', { prefix })) as { responses: CapturedResponse[] }).responses;
}

/** The staff demo (`npm run demo:server`) on a free port; resolves to its origin. */
export async function demoServer(): Promise<string> {
  for (;;) {
    const answer = (await executeServerCommand('lms-server:demo', {})) as { url?: string };
    if (answer.url) return answer.url;
  }
}

/** Runs one SQL statement on the PostgreSQL database behind `lmsServer('postgres', instances)` (started first). */
export async function sqlOnPostgres(sql: string, params: unknown[] = [], instances = 1): Promise<{ rows?: unknown[]; error?: string }> {
  return (await executeServerCommand('lms-server:sql', { sql, params, instances })) as { rows?: unknown[]; error?: string };
}

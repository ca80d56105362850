import type { Statement } from '@lms-kit/core';
import type { NormalizedLrs } from './config.js';

/** What one POST of statements came to, in the terms the sync engine acts on. */
export type PostOutcome =
  | { kind: 'stored' }
  /** 409: a statement with one of these ids is already stored (a resend): success for a single statement. */
  | { kind: 'conflict'; reason: string }
  | { kind: 'rejected'; status: number; reason: string }
  | { kind: 'unauthorized'; status: 401 | 403; reason: string }
  | { kind: 'retry'; status?: number; retryAfterMs?: number; reason: string };

export interface PostOptions {
  keepalive?: boolean;
  signal?: AbortSignal;
}

/** The Statements resource of one LRS, with its auth. Knows HTTP; knows nothing of outboxes. */
export class LrsClient {
  private token?: string;

  constructor(readonly lrs: NormalizedLrs) {}

  url(resource: string, params?: Record<string, string>): string {
    const url = new URL(resource, this.lrs.endpoint);
    for (const [name, value] of Object.entries(params ?? {})) url.searchParams.set(name, value);
    return url.href;
  }

  /** Headers for a request, asking the host for a token when there is none yet. */
  async headers(json = true, refreshToken = false): Promise<Record<string, string>> {
    const { config, version } = this.lrs;
    const headers: Record<string, string> = { 'X-Experience-API-Version': version === '2.0' ? '2.0.0' : '1.0.3' };
    if (json) headers['Content-Type'] = 'application/json';
    if (config.token) {
      if (refreshToken || this.token === undefined) this.token = await config.token(refreshToken ? 'unauthorized' : 'initial');
      headers.Authorization = `Bearer ${this.token}`;
    } else if (config.username !== undefined) {
      headers.Authorization = `Basic ${base64(`${config.username}:${config.password ?? ''}`)}`;
    }
    return headers;
  }

  /** Headers for a keepalive request at pagehide: no await possible, so only a token already known. */
  headersNow(): Record<string, string> | undefined {
    const { config, version } = this.lrs;
    const headers: Record<string, string> = {
      'X-Experience-API-Version': version === '2.0' ? '2.0.0' : '1.0.3',
      'Content-Type': 'application/json',
    };
    if (config.token) {
      if (this.token === undefined) return undefined;
      headers.Authorization = `Bearer ${this.token}`;
    } else if (config.username !== undefined) headers.Authorization = `Basic ${base64(`${config.username}:${config.password ?? ''}`)}`;
    return headers;
  }

  /** POSTs statements as one array. A 401 with a token callback asks for a new token and tries once more. */
  async postStatements(statements: Statement[], options: PostOptions = {}): Promise<PostOutcome> {
    let outcome = await this.postOnce(statements, options, false);
    if (outcome.kind === 'unauthorized' && outcome.status === 401 && this.lrs.config.token) {
      outcome = await this.postOnce(statements, options, true);
    }
    return outcome;
  }

  private async postOnce(statements: Statement[], options: PostOptions, refreshToken: boolean): Promise<PostOutcome> {
    let headers: Record<string, string>;
    try {
      headers = await this.headers(true, refreshToken);
    } catch (error) {
      return { kind: 'unauthorized', status: 401, reason: `The token callback failed: ${(error as Error).message}` };
    }
    let response: Response;
    try {
      response = await fetch(this.url('statements'), {
        method: 'POST',
        headers,
        body: JSON.stringify(statements),
        keepalive: options.keepalive,
        signal: options.signal,
        credentials: 'omit',
      });
    } catch (error) {
      return { kind: 'retry', reason: `Network error: ${(error as Error).message}` };
    }
    return classify(response);
  }

  /** Writes (PUT, the whole document) or deletes one State or Profile document; resolves to the HTTP status. */
  async sendDocument(
    resource: string,
    params: Record<string, string>,
    document: { body?: string; contentType?: string; deleted?: boolean },
  ): Promise<number> {
    const headers = await this.headers(false);
    if (!document.deleted) headers['Content-Type'] = document.contentType ?? 'application/json';
    const response = await fetch(this.url(resource, params), {
      method: document.deleted ? 'DELETE' : 'PUT',
      headers,
      body: document.deleted ? undefined : document.body,
      credentials: 'omit',
    });
    return response.status;
  }

  async getJson<T>(resource: string, params: Record<string, string>, signal?: AbortSignal): Promise<{ status: number; body?: T }> {
    const response = await fetch(this.url(resource, params), { headers: await this.headers(false), signal, credentials: 'omit' });
    if (!response.ok) return { status: response.status };
    return { status: response.status, body: (await response.json()) as T };
  }
}

async function classify(response: Response): Promise<PostOutcome> {
  const status = response.status;
  if (response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'stored' };
  }
  const reason = await reasonOf(response);
  if (status === 409) return { kind: 'conflict', reason };
  if (status === 401 || status === 403) return { kind: 'unauthorized', status, reason };
  if (status === 429 || status === 408 || status >= 500) {
    return { kind: 'retry', status, retryAfterMs: parseRetryAfter(response.headers.get('Retry-After')), reason };
  }
  return { kind: 'rejected', status, reason };
}

/** The LRS's own words: its JSON `message`/`warnings`, or the start of its text. */
async function reasonOf(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { message?: unknown; warnings?: unknown; error?: unknown };
    const parts = [body.message, ...(Array.isArray(body.warnings) ? body.warnings : []), body.error].filter(
      (part): part is string => typeof part === 'string' && part !== '',
    );
    if (parts.length) return `HTTP ${response.status}: ${parts.join('; ')}`;
  } catch {
    // not JSON
  }
  return `HTTP ${response.status}${text ? `: ${text.replace(/\s+/g, ' ').trim().slice(0, 300)}` : ''}`;
}

/** `Retry-After` in seconds or as an HTTP date, in ms from now. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  bytes.forEach((byte) => (binary += String.fromCharCode(byte)));
  return btoa(binary);
}

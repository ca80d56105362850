/**
 * The server protocol's HTTP layer: bearer token (asked again once on 401), JSON in and out, and the
 * server's `{ error: { code, message } }` turned into `LmsError`s with the same codes.
 */
import { LmsError, type LmsErrorCode } from '@lms-kit/core';

export type TokenSource = string | ((reason: 'initial' | 'expired') => string | Promise<string>);

export interface ServerClientOptions {
  /** Base URL of the LMS Kit server (its `/v1/…` routes are resolved against it). */
  endpoint: string;
  token: TokenSource;
  fetch?: typeof fetch;
}

export interface ServerAnswer<T> {
  status: number;
  body: T;
  etag: string | null;
}

export class ServerClient {
  private cachedToken: Promise<string> | undefined;
  readonly base: string;

  constructor(private readonly options: ServerClientOptions) {
    this.base = options.endpoint.endsWith('/') ? options.endpoint : `${options.endpoint}/`;
  }

  private token(reason: 'initial' | 'expired'): Promise<string> {
    const source = this.options.token;
    if (reason === 'expired' || !this.cachedToken)
      this.cachedToken = Promise.resolve(typeof source === 'function' ? source(reason) : source);
    return this.cachedToken;
  }

  /** The roles claim of the current token (read, not verified: the server verifies every request). */
  async roles(): Promise<string[]> {
    try {
      const payload = (await this.token('initial')).split('.')[1] ?? '';
      const json = atob(
        payload
          .replaceAll('-', '+')
          .replaceAll('_', '/')
          .padEnd(Math.ceil(payload.length / 4) * 4, '='),
      );
      const roles = (JSON.parse(json) as { roles?: unknown }).roles;
      return Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : ['learner'];
    } catch {
      return ['learner'];
    }
  }

  /** Answers the parsed body for 2xx, and for the statuses in `accept`; throws an LmsError otherwise. */
  async request<T>(
    method: string,
    path: string,
    init: { body?: unknown; headers?: Record<string, string>; accept?: number[] } = {},
  ): Promise<ServerAnswer<T>> {
    let response = await this.send(method, path, init, 'initial');
    if (response.status === 401 && typeof this.options.token === 'function') response = await this.send(method, path, init, 'expired');
    const text = await response.text();
    const body = text ? (JSON.parse(text) as T) : (undefined as T);
    if (response.ok || init.accept?.includes(response.status)) return { status: response.status, body, etag: response.headers.get('etag') };
    const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new LmsError(
      (error?.code as LmsErrorCode | undefined) ?? (response.status === 401 ? 'auth/unauthenticated' : 'storage/failed'),
      error?.message ?? `The server answered ${response.status}.`,
    );
  }

  /**
   * `fetch` with the bearer token (asked again once on 401), for other clients of the same server, e.g.
   * `serverSigner({ endpoint: '<server>/v1/certificates', fetch: client.authorizedFetch })`.
   */
  readonly authorizedFetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const attempt = async (reason: 'initial' | 'expired') => {
      const headers = new Headers(init.headers);
      headers.set('Authorization', `Bearer ${await this.token(reason)}`);
      return (this.options.fetch ?? fetch)(input, { ...init, headers });
    };
    const response = await attempt('initial');
    return response.status === 401 && typeof this.options.token === 'function' ? attempt('expired') : response;
  };

  private async send(
    method: string,
    path: string,
    init: { body?: unknown; headers?: Record<string, string> },
    reason: 'initial' | 'expired',
  ): Promise<Response> {
    const headers: Record<string, string> = { Authorization: `Bearer ${await this.token(reason)}`, ...init.headers };
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      return await (this.options.fetch ?? fetch)(new URL(path, this.base), {
        method,
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
    } catch (cause) {
      throw new LmsError('storage/unavailable', 'The LMS server cannot be reached.', { cause });
    }
  }
}

/** A path segment: ids such as `mailto:ada@example.com` travel encoded. */
export const seg = (value: string) => encodeURIComponent(value);

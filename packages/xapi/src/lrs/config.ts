/** Why the host's token callback is called: the first request, or the LRS answered 401 to the last token. */
export type TokenReason = 'initial' | 'unauthorized';

/** A Learning Record Store the statement outbox is sent to. */
export interface LrsConfig {
  /** The LRS's xAPI endpoint, e.g. `https://lrs.example.com/xapi/` (with or without the trailing slash). */
  endpoint: string;
  /** `X-Experience-API-Version` sent: `1.0.3` (default) or `2.0` (sent as `2.0.0`). */
  version?: '1.0.3' | '2.0';
  /** HTTP Basic credentials (the LRS's key and secret). */
  username?: string;
  password?: string;
  /**
   * Or a bearer token from the host (for a token your server issues): called before the first
   * request, and again with `'unauthorized'` when the LRS answers 401.
   */
  token?: (reason: TokenReason) => string | Promise<string>;
  /** A name for status and dead letters. Default: the endpoint's host. */
  name?: string;
}

/** How the outbox is drained; every field has a default fit for a learner's browser. */
export interface SyncOptions {
  /** Statements per POST. Default 250. */
  batchSize?: number;
  /** Sync again this often while the page is open (ms). Default 60 000; 0 turns the timer off. */
  intervalMs?: number;
  /** First retry delay after a network error, 5xx or 429 (ms); doubles each time, with jitter. Default 1000. */
  retryBaseMs?: number;
  /** Longest retry delay (ms). Default 300 000. */
  retryMaxMs?: number;
  /** A request that takes longer is abandoned and retried (ms). Default 30 000. */
  timeoutMs?: number;
  /** Wait this long after statements are queued before sending, to batch them (ms). Default 2000. */
  debounceMs?: number;
}

export interface NormalizedLrs extends Required<Pick<LrsConfig, 'endpoint' | 'version' | 'name'>> {
  config: LrsConfig;
  /** Stable key of this LRS: its endpoint without the trailing slash. */
  key: string;
}

/** Fills defaults and checks the configuration; throws a `TypeError` a developer can act on. */
export function normalizeLrs(config: LrsConfig): NormalizedLrs {
  if (!config || typeof config.endpoint !== 'string') throw new TypeError('An LRS needs an `endpoint` (its xAPI base URL).');
  let url: URL;
  try {
    url = new URL(config.endpoint, globalThis.location?.href);
  } catch {
    throw new TypeError(`The LRS endpoint "${config.endpoint}" is not a URL.`);
  }
  if (!/^https?:$/.test(url.protocol)) throw new TypeError(`The LRS endpoint "${config.endpoint}" must be an http(s) URL.`);
  const version = config.version ?? '1.0.3';
  if (version !== '1.0.3' && version !== '2.0') throw new TypeError(`LRS version must be "1.0.3" or "2.0", got "${String(version)}".`);
  if ((config.username === undefined) !== (config.password === undefined)) {
    throw new TypeError('Give both `username` and `password` for Basic authentication.');
  }
  const endpoint = url.href.endsWith('/') ? url.href : `${url.href}/`;
  return { config, endpoint, version, name: config.name ?? url.host, key: endpoint.slice(0, -1) };
}

export function resolveSyncOptions(options: SyncOptions = {}): Required<SyncOptions> {
  return {
    batchSize: Math.max(1, Math.floor(options.batchSize ?? 250)),
    intervalMs: options.intervalMs ?? 60_000,
    retryBaseMs: options.retryBaseMs ?? 1000,
    retryMaxMs: options.retryMaxMs ?? 300_000,
    timeoutMs: options.timeoutMs ?? 30_000,
    debounceMs: options.debounceMs ?? 2000,
  };
}

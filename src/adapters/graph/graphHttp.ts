import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import type { TokenCredential } from '@azure/identity';
import {
  AuthenticationHandler,
  RetryHandler,
  RetryHandlerOptions,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js';

/** A Graph answer outside 2xx, with Graph's own error code (`Request_ResourceNotFound` …) and message. */
export class GraphRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'GraphRequestError';
  }
}

/** The token could not be obtained (wrong secret, no credential configured …): nothing reached Graph. */
export class GraphAuthError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GraphAuthError';
  }
}

export interface GraphHttpOptions {
  /** `https://graph.microsoft.com` or a national cloud / loopback Graph; no version, no trailing slash. */
  baseUrl: string;
  credential: TokenCredential;
  /** Extra trusted certificate (PEM) for a private Graph endpoint; the system store (and NODE_EXTRA_CA_CERTS) else. */
  ca?: string;
  /** Longest wait honoured from a Retry-After header, in seconds (the client's own cap is 180 s). */
  maxRetryAfterSeconds?: number;
  /** Retries of 429/503/504 answers (Retry-After honoured) before the failure is reported. */
  maxRetries?: number;
  /** Longest time one request may take, in milliseconds. */
  timeoutMs?: number;
}

/** Retry options whose longest wait is ours, not the client's 180 s: a throttled call must not hold a turn for minutes. */
class CappedRetryOptions extends RetryHandlerOptions {
  constructor(
    delaySeconds: number,
    maxRetries: number,
    private readonly capSeconds: number,
  ) {
    super(delaySeconds, maxRetries);
  }

  override getMaxDelay(): number {
    return this.capSeconds;
  }
}

/**
 * The last link of the Graph client's middleware chain: sends the request with Node's https module over a
 * keep-alive agent (thousands of paged reads at start), trusting `ca` when given.
 */
class NodeHttpsHandler implements Middleware {
  constructor(
    private readonly agent: HttpsAgent,
    private readonly timeoutMs: number,
  ) {}

  async execute(context: Context): Promise<void> {
    const request = context.request as string | { url: string };
    const url = typeof request === 'string' ? request : request.url;
    const options = context.options ?? {};
    const headers = normaliseHeaders(options.headers);
    const body = typeof options.body === 'string' ? options.body : undefined;
    context.response = await new Promise<Response>((resolve, reject) => {
      const req = httpsRequest(
        url,
        { method: options.method ?? 'GET', headers, agent: this.agent, timeout: this.timeoutMs },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const status = res.statusCode ?? 500;
            const text = Buffer.concat(chunks);
            const noBody = status === 204 || status === 304 || text.length === 0;
            resolve(new Response(noBody ? null : text, { status, headers: toHeaders(res.headers) }));
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`Graph did not answer within ${this.timeoutMs} ms`)));
      req.on('error', reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
  }
}

function normaliseHeaders(headers: unknown): Record<string, string> {
  if (headers === undefined || headers === null) return {};
  if (headers instanceof Headers) return Object.fromEntries(headers.entries());
  if (Array.isArray(headers)) return Object.fromEntries(headers as [string, string][]);
  return { ...(headers as Record<string, string>) };
}

function toHeaders(raw: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return headers;
}

type Json = Record<string, unknown>;

/**
 * Microsoft Graph over the Graph client's middleware: token from @azure/identity (attached only to the configured
 * Graph host), retries of 429/503/504 honouring Retry-After up to a cap, then one https send. Paths are relative to
 * the base URL (`/v1.0/users?$select=id`); `@odata.nextLink`/`deltaLink` URLs are followed as given when they point
 * at the same host.
 */
export class GraphHttp {
  readonly baseUrl: string;
  /** Requests sent (retries included), for the idle-traffic figure of the benchmark. */
  calls = 0;
  private readonly chain: Middleware;
  private readonly host: string;
  private readonly agent: HttpsAgent;

  constructor(options: GraphHttpOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    const base = new URL(this.baseUrl);
    if (base.protocol !== 'https:') throw new Error(`GRAPH_BASE_URL must be an https URL (got ${this.baseUrl})`);
    this.host = base.hostname.toLowerCase();
    this.agent = new HttpsAgent({ keepAlive: true, maxSockets: 16, ca: options.ca });
    const scope = `${base.origin}/.default`;
    const auth = new AuthenticationHandler(
      new TokenCredentialAuthenticationProvider(options.credential, { scopes: [scope] }),
    );
    const retry = new RetryHandler(
      new CappedRetryOptions(1, options.maxRetries ?? 3, options.maxRetryAfterSeconds ?? 30),
    );
    const send = new NodeHttpsHandler(this.agent, options.timeoutMs ?? 60_000);
    auth.setNext(retry);
    retry.setNext(send);
    this.chain = auth;
  }

  get<T = Json>(path: string, headers: Record<string, string> = {}): Promise<T> {
    return this.request<T>('GET', path, undefined, headers);
  }

  post<T = Json>(path: string, body: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  delete(path: string): Promise<void> {
    return this.request<void>('DELETE', path);
  }

  /** Every item of a collection, following `@odata.nextLink` page by page. */
  async all<T = Json>(path: string): Promise<T[]> {
    const items: T[] = [];
    for await (const page of this.pages<T>(path)) items.push(...page.value);
    return items;
  }

  /** The pages of a collection (or a delta round); the last page carries `@odata.deltaLink` for delta functions. */
  async *pages<T = Json>(path: string): AsyncGenerator<{ value: T[]; deltaLink?: string }> {
    let next: string | undefined = path;
    while (next !== undefined) {
      const page: Json = await this.get<Json>(next);
      const value = Array.isArray(page.value) ? (page.value as T[]) : [];
      const nextLink = typeof page['@odata.nextLink'] === 'string' ? page['@odata.nextLink'] : undefined;
      const deltaLink = typeof page['@odata.deltaLink'] === 'string' ? page['@odata.deltaLink'] : undefined;
      yield { value, deltaLink: nextLink === undefined ? deltaLink : undefined };
      next = nextLink;
    }
  }

  async request<T>(
    method: string,
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<T> {
    const url = this.resolve(path);
    const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const context: Context = {
      request: url,
      options: { method, headers, body: body === undefined ? undefined : JSON.stringify(body) },
      customHosts: new Set([this.host]),
    };
    this.calls += 1;
    try {
      await this.chain.execute(context);
    } catch (error) {
      if (isCredentialError(error)) throw new GraphAuthError((error as Error).message);
      throw error;
    }
    const response = context.response!;
    const text = await response.text();
    const parsed = parseJson(text);
    if (response.status >= 200 && response.status < 300) return parsed as T;
    const err = (parsed as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new GraphRequestError(
      response.status,
      typeof err?.code === 'string' ? err.code : `HTTP${response.status}`,
      typeof err?.message === 'string' ? err.message : text.slice(0, 200),
      retryAfterMs(response.headers.get('retry-after')),
    );
  }

  /** Closes idle keep-alive sockets. */
  close(): void {
    this.agent.destroy();
  }

  private resolve(path: string): string {
    if (!/^https?:\/\//i.test(path)) return `${this.baseUrl}${path.startsWith('/') ? '' : '/'}${path}`;
    const url = new URL(path);
    // A nextLink names Graph's public host; the configured one (a national cloud, a test Graph) is the one we trust.
    if (url.hostname.toLowerCase() !== this.host) {
      const base = new URL(this.baseUrl);
      url.protocol = base.protocol;
      url.host = base.host;
    }
    return url.toString();
  }
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function retryAfterMs(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function isCredentialError(error: unknown): boolean {
  const name = (error as { name?: string })?.name ?? '';
  return (
    name === 'AuthenticationError' || name === 'CredentialUnavailableError' || name === 'AuthenticationRequiredError'
  );
}

import restify, { type Request, type Response, type Server } from 'restify';
import { z } from 'zod';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import { replyBody } from './cards/settledCard.js';
import type { Logger } from './logger.js';

export interface ServerDeps {
  adapter: Pick<CloudAdapter, 'process'>;
  /** Runs one turn: the bot's `run`. */
  logic: (context: TurnContext) => Promise<void>;
  logger: Logger;
  maxBodyBytes: number;
  version: string;
  /** Whether an activity's serviceUrl may be used (and stored); see {@link serviceUrlAllowed}. */
  acceptServiceUrl?: (serviceUrl: string) => boolean;
  /** Extra fields for /healthz (e.g. tenant and mode), cheap to compute. */
  health?: () => Record<string, unknown>;
}

// The minimum an activity must have before the Bot Framework adapter may see it: it throws (outside its own error
// handling) on bodies that are not activities, so malformed input is answered with 400 here.
// Fields the bot reads must have the types the Bot Framework schema gives them: a well-formed body with, say, an
// object for `locale` would otherwise fail deep inside a turn instead of at the door.
const id = z.string().min(1).max(1024);
const activityShape = z.looseObject({
  type: z.string().min(1).max(64),
  id: z.string().max(1024).optional(),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.string().min(1).max(2048),
  conversation: z.looseObject({
    id,
    tenantId: z.string().max(128).optional(),
    conversationType: z.string().max(64).optional(),
  }),
  from: z.looseObject({ id, aadObjectId: z.string().max(128).optional(), name: z.string().max(1024).optional() }),
  recipient: z.looseObject({ id }).optional(),
  locale: z.string().max(64).optional(),
  text: z.string().optional(),
  channelData: z.looseObject({ tenant: z.looseObject({ id: z.string().max(128) }).optional() }).optional(),
});

/**
 * Where the bot may send replies. In local mode nothing is authenticated, so only loopback http(s) URLs are
 * accepted: a forged activity must not make the bot call (or remember) `file:`, link-local metadata endpoints or
 * other hosts. Outside local mode the adapter's token check covers it (the token names the serviceUrl it was
 * issued for), so the door leaves it to the adapter and unsigned requests get their 401.
 */
export function serviceUrlAllowed(serviceUrl: string, localMode: boolean): boolean {
  if (!localMode) return true;
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

class BodyError extends Error {
  constructor(
    readonly code: 'payloadTooLarge' | 'malformedJson' | 'notAnActivity' | 'unsupportedMediaType' | 'serviceUrlRefused',
    message: string,
  ) {
    super(message);
  }
}

/** Reads the whole body, refusing more than `limit` bytes without buffering them. */
function readJsonBody(req: Request, limit: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new BodyError('payloadTooLarge', `body larger than ${limit} bytes`));
      req.resume(); // drain so the connection can be reused
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        chunks.length = 0;
        reject(new BodyError('payloadTooLarge', `body larger than ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (failed) return;
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new BodyError('malformedJson', 'body is not valid JSON'));
      }
    });
    req.on('error', (err) => {
      if (!failed) reject(err);
    });
  });
}

/** Builds the HTTP server (not listening yet, so tests can listen on port 0). */
export function createServer(deps: ServerDeps): Server {
  const server = restify.createServer({
    name: 'guest-access-bot',
    version: deps.version,
    handleUncaughtExceptions: false,
    // restify's own JSON formatter, except that cards sent again and again (kept per settings version) are not
    // serialised again for every reply.
    formatters: {
      'application/json': (_req: Request, res: Response, body: unknown) => {
        const data = body === undefined ? 'null' : replyBody(body);
        res.setHeader('Content-Length', typeof data === 'string' ? Buffer.byteLength(data) : data.length);
        return data;
      },
    },
  });
  server.server.requestTimeout = 30_000;
  server.server.headersTimeout = 15_000;

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok', version: deps.version, ...(deps.health?.() ?? {}) });
  });

  // Every activity of a conversation carries the same serviceUrl: the verdict is remembered (a bounded few).
  const serviceUrls = new Map<string, boolean>();
  const acceptServiceUrl = (url: string): boolean => {
    let verdict = serviceUrls.get(url);
    if (verdict === undefined) {
      verdict = deps.acceptServiceUrl?.(url) ?? true;
      if (serviceUrls.size >= 100) serviceUrls.clear();
      serviceUrls.set(url, verdict);
    }
    return verdict;
  };

  server.post('/api/messages', async (req: Request, res: Response) => {
    const started = process.hrtime.bigint();
    let body: unknown;
    try {
      const type = String(req.headers['content-type'] ?? '');
      if (!/^application\/(.+\+)?json\b/i.test(type)) {
        throw new BodyError('unsupportedMediaType', 'Content-Type must be application/json');
      }
      body = await readJsonBody(req, deps.maxBodyBytes);
      const shape = activityShape.safeParse(body);
      if (!shape.success || Array.isArray(body))
        throw new BodyError('notAnActivity', 'body is not a Bot Framework activity');
      if (!acceptServiceUrl(shape.data.serviceUrl)) {
        throw new BodyError('serviceUrlRefused', 'serviceUrl is not an address this bot answers to');
      }
    } catch (err) {
      const code = err instanceof BodyError ? err.code : 'unreadableBody';
      deps.logger.warn({ code, url: req.url }, 'rejected HTTP body');
      if (code === 'payloadTooLarge') res.setHeader('Connection', 'close');
      res.send(400, { error: { code, message: err instanceof Error ? err.message : 'unreadable body' } });
      return;
    }
    (req as Request & { body: unknown }).body = body;
    try {
      await deps.adapter.process(req, res, deps.logic);
    } catch (err) {
      deps.logger.error({ err, activityId: (body as { id?: string }).id }, 'activity processing failed');
      if (!res.headersSent) res.send(500, { error: { code: 'internal', message: 'internal error' } });
    } finally {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      deps.logger.debug({ activityId: (body as { id?: string }).id, status: res.statusCode, ms }, 'activity handled');
    }
  });

  return server;
}

/** Starts listening; resolves with the bound port (useful with port 0). */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, host, () => {
      server.server.off('error', reject);
      const address = server.server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

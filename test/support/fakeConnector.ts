import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** One call the bot made to the Bot Connector. */
export interface ConnectorCall {
  method: string;
  path: string;
  conversationId?: string;
  activityId?: string;
  body: any;
}

/**
 * A loopback stand-in for the Bot Connector service: records what the bot sends (replies, proactive messages,
 * updates, new 1:1 conversations) and answers like the real service. `throttleNext(n)` answers the next n sends with
 * 429 to exercise the bot's backoff.
 */
export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  private server?: Server;
  private throttle = 0;
  private failStatus = 429;
  private retryAfterSeconds = 0;
  /** Milliseconds each call takes to answer (a slow service). */
  latencyMs = 0;
  /** Answers 429 to every send with this Retry-After (seconds) while set: a service that wants a long pause. */
  throttleAllWithRetryAfter?: number;
  /** When set, opening a new 1:1 chat is refused with 403 (e.g. the user blocked the bot). */
  refuseNewConversations = false;
  /** Opening a 1:1 chat with these users (Entra object ids) is refused with 403: the app is not installed for them. */
  readonly refusedUsers = new Set<string>();
  /** The status for refused new 1:1 chats (403 as Teams answers for users without the app; 429 for throttling). */
  refusalStatus = 403;
  /** Team details the connector knows (GET /v3/teams/{teamId}), keyed by Teams team id. */
  readonly teams = new Map<string, { id: string; name: string; aadGroupId: string }>();
  private seq = 0;
  url = '';
  /**
   * While true, calls are held unanswered and unrecorded. A held call whose client goes away (its process was
   * killed) is dropped, like a message that never got through; {@link FakeConnector.release} answers the others.
   */
  hold = false;
  private readonly held: (() => void)[] = [];

  /** How many calls are being held now. */
  get holding(): number {
    return this.held.length;
  }

  release(): void {
    this.hold = false;
    for (const answer of this.held.splice(0)) answer();
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  throttleNext(n: number, retryAfterSeconds = 0): void {
    this.throttle = n;
    this.failStatus = 429;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Every call answered, throttled ones included: what the bot asked of the service. */
  readonly attempts: { method: string; path: string; status: number; at: number }[] = [];

  /** Answers the next n calls with this status (e.g. 503: the service is briefly unavailable). */
  failNext(n: number, status: number): void {
    this.throttle = n;
    this.failStatus = status;
  }

  /** Activities sent into a conversation (SendToConversation or ReplyToActivity: both are new messages). */
  sent(conversationId?: string): ConnectorCall[] {
    return this.calls.filter(
      (c) => c.method === 'POST' && c.conversationId && (!conversationId || c.conversationId === conversationId),
    );
  }

  updates(conversationId?: string): ConnectorCall[] {
    return this.calls.filter((c) => c.method === 'PUT' && (!conversationId || c.conversationId === conversationId));
  }

  created(): ConnectorCall[] {
    return this.calls.filter((c) => c.method === 'POST' && c.path === '/v3/conversations');
  }

  /** Waits until `predicate` holds over the calls so far (proactive work runs in the background). */
  async waitFor(predicate: (calls: ConnectorCall[]) => boolean, timeoutMs = 5000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!predicate(this.calls)) {
      if (Date.now() > until)
        throw new Error(
          `fake connector: condition not met in ${timeoutMs} ms; calls: ${JSON.stringify(this.calls.map((c) => `${c.method} ${c.path}`))}`,
        );
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (this.hold) {
      const answer = await new Promise<boolean>((resolve) => {
        const release = () => resolve(true);
        this.held.push(release);
        res.once('close', () => {
          this.held.splice(this.held.indexOf(release) >>> 0, this.held.includes(release) ? 1 : 0);
          resolve(false);
        });
      });
      if (!answer) return;
    }
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? JSON.parse(text) : undefined;
    const path = (req.url ?? '').split('?')[0];
    const m = path.match(/^\/v3\/conversations(?:\/([^/]+)\/activities(?:\/([^/]+))?)?$/);
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    const send = (status: number, payload: unknown) => {
      this.attempts.push({ method: req.method ?? '', path, status, at: Date.now() });
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    const team = req.method === 'GET' ? path.match(/^\/v3\/teams\/([^/]+)$/) : null;
    if (team) {
      const details = this.teams.get(decodeURIComponent(team[1]));
      this.calls.push({ method: 'GET', path, body: undefined });
      return details ? send(200, details) : send(404, { error: { code: 'NotFound', message: 'team not found' } });
    }
    if (!m) return send(404, { error: { code: 'NotFound', message: path } });
    if (this.throttleAllWithRetryAfter !== undefined) {
      res.setHeader('Retry-After', String(this.throttleAllWithRetryAfter));
      return send(429, { error: { code: 'Throttled', message: 'try again later' } });
    }
    if (this.throttle > 0) {
      this.throttle -= 1;
      if (this.failStatus === 429) res.setHeader('Retry-After', String(this.retryAfterSeconds));
      return send(this.failStatus, {
        error: { code: this.failStatus === 429 ? 'Throttled' : 'ServiceUnavailable', message: 'try again later' },
      });
    }
    const conversationId = m[1] ? decodeURIComponent(m[1]) : undefined;
    const activityId = m[2] ? decodeURIComponent(m[2]) : undefined;
    this.calls.push({ method: req.method ?? '', path, conversationId, activityId, body });
    const refusedUser = this.refusedUsers.has(body?.members?.[0]?.id ?? '');
    if (req.method === 'POST' && !conversationId && (this.refuseNewConversations || refusedUser)) {
      const status = refusedUser ? 403 : this.refusalStatus;
      const code = status === 403 ? 'Forbidden' : 'Throttled';
      return send(status, { error: { code, message: 'The bot is not installed for this user' } });
    }
    if (req.method === 'POST' && !conversationId) {
      const userId = body?.members?.[0]?.id ?? 'user';
      return send(201, { id: `a:1on1-${userId}`, activityId: `act-${++this.seq}` });
    }
    if (req.method === 'PUT') return send(200, { id: activityId });
    if (req.method === 'DELETE') return send(200, {});
    return send(201, { id: `act-${++this.seq}` });
  }
}

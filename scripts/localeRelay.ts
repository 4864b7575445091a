/**
 * The Agents Playground (0.2.28) stamps every activity `locale: "en-US"`, whoever is signed in; Teams sends the
 * user's client language. This loopback relay sits between a Playground and the bot and sets the signed-in
 * person's language on each activity (and its clientInfo entity), so a Dutch colleague sees the Dutch bot.
 */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

const MAX_BODY = 1024 * 1024;

export interface LocaleRelay {
  /** The URL to give the Playground as its bot endpoint. */
  url: string;
  close(): Promise<void>;
}

function withLocale(body: string, locale: string): string {
  try {
    const activity = JSON.parse(body) as { locale?: string; entities?: { type?: string; locale?: string }[] };
    activity.locale = locale;
    for (const e of activity.entities ?? []) if (e.type === 'clientInfo') e.locale = locale;
    return JSON.stringify(activity);
  } catch {
    return body; // Not JSON: the bot answers it as it would anyway.
  }
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts the relay on a free loopback port in front of `botUrl` (e.g. http://127.0.0.1:3978/api/messages). */
export async function startLocaleRelay(botUrl: string, locale: string): Promise<LocaleRelay> {
  const target = new URL(botUrl);
  const server: Server = createServer((req, res) => void relay(req, res));
  async function relay(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    if (body === undefined) {
      res.writeHead(413).end();
      return;
    }
    const forwarded = withLocale(body, locale);
    const headers = { ...req.headers, host: target.host, 'content-length': String(Buffer.byteLength(forwarded)) };
    const upstream = request(target, { method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    upstream.end(forwarded);
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${target.pathname}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Whether a person needs the relay: anyone whose language is not the Playground's English. */
export function needsLocaleRelay(locale: string | null | undefined): locale is string {
  return !!locale && !/^en(-US)?$/i.test(locale.trim());
}

import { randomUUID } from 'node:crypto';
import type { AdaptiveCardJson } from './cardTemplate.js';

/** A settled card's JSON, as text and as the UTF-8 bytes a reply sends. */
interface Settled {
  text: string;
  bytes: Buffer;
}

/** JSON of cards that will not change again, kept beside them (dropped with them). */
const settled = new WeakMap<object, Settled>();

/**
 * Marks a card that is sent as it is many times (built once per settings version and kept): it is frozen, so nothing
 * can change it after this, and its JSON is written now, once, for {@link replyBody}.
 */
export function settleCard(card: AdaptiveCardJson): AdaptiveCardJson {
  deepFreeze(card);
  const text = JSON.stringify(card);
  settled.set(card, { text, bytes: Buffer.from(text, 'utf8') });
  return card;
}

/** The JSON text of a settled card (exactly `JSON.stringify(card)`), or undefined for any other value. */
export function settledCardJson(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null ? settled.get(value)?.text : undefined;
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}

// Stands in for a settled card while the rest of a reply is serialised. The NUL and the random part make sure no text
// of a reply (escaped by JSON.stringify like any other) can look like it.
const MARK = `\u0000settled-card-${randomUUID()}:`;

/**
 * A Bot Framework reply body (`{ activities: [...] }`, as expectReplies answers) serialised with every settled card
 * left out, in order, and the marks standing in for them (JSON strings); undefined when it holds no settled card.
 */
function withoutSettledCards(body: unknown): { json: string; cards: Settled[] } | undefined {
  const activities = (body as { activities?: unknown } | null)?.activities;
  if (!Array.isArray(activities)) return undefined;
  const cards: Settled[] = [];
  const swapped = activities.map((activity: unknown) => {
    const attachments = (activity as { attachments?: unknown } | null)?.attachments;
    if (!Array.isArray(attachments)) return activity;
    let found = false;
    const copies = attachments.map((attachment: unknown) => {
      const content = (attachment as { content?: unknown } | null)?.content;
      const card = typeof content === 'object' && content !== null ? settled.get(content) : undefined;
      if (!card) return attachment;
      found = true;
      cards.push(card);
      return { ...(attachment as object), content: `${MARK}${cards.length - 1}` };
    });
    return found ? { ...(activity as object), attachments: copies } : activity;
  });
  if (cards.length === 0) return undefined;
  return { json: JSON.stringify({ ...(body as object), activities: swapped }), cards };
}

/**
 * The HTTP body of a reply: exactly the UTF-8 of `JSON.stringify(body)`, with each settled card's bytes put in as
 * they are instead of serialising (and encoding) the card again. A string when the body holds no settled card.
 */
export function replyBody(body: unknown): string | Buffer {
  const swapped = withoutSettledCards(body);
  if (!swapped) return JSON.stringify(body);
  const parts: Buffer[] = [];
  let rest = swapped.json;
  swapped.cards.forEach((card, i) => {
    const mark = JSON.stringify(`${MARK}${i}`);
    const at = rest.indexOf(mark);
    parts.push(Buffer.from(rest.slice(0, at), 'utf8'), card.bytes);
    rest = rest.slice(at + mark.length);
  });
  parts.push(Buffer.from(rest, 'utf8'));
  return Buffer.concat(parts);
}

import { randomUUID } from 'node:crypto';
import type { AdaptiveCardJson } from './cardTemplate.js';

/** JSON text of cards that will not change again, kept beside them (dropped with them). */
const texts = new WeakMap<object, string>();

/**
 * Marks a card that is sent as it is many times (built once per settings version and kept): it is frozen, so nothing
 * can change it after this, and its JSON text is written now, once, for {@link settledCardJson}.
 */
export function settleCard(card: AdaptiveCardJson): AdaptiveCardJson {
  deepFreeze(card);
  texts.set(card, JSON.stringify(card));
  return card;
}

/** The JSON text of a settled card (exactly `JSON.stringify(card)`), or undefined for any other value. */
export function settledCardJson(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null ? texts.get(value) : undefined;
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
 * `JSON.stringify(body)` for a Bot Framework reply body (`{ activities: [...] }`, as expectReplies answers), with each
 * settled card's text put in as it is instead of serialising the card again. The text is the same, byte for byte.
 */
export function stringifyReplies(body: unknown): string {
  const activities = (body as { activities?: unknown } | null)?.activities;
  if (!Array.isArray(activities)) return JSON.stringify(body);
  const cards: string[] = [];
  const swapped = activities.map((activity: unknown) => {
    const attachments = (activity as { attachments?: unknown } | null)?.attachments;
    if (!Array.isArray(attachments)) return activity;
    let found = false;
    const copies = attachments.map((attachment: unknown) => {
      const json = settledCardJson((attachment as { content?: unknown } | null)?.content);
      if (json === undefined) return attachment;
      found = true;
      cards.push(json);
      return { ...(attachment as object), content: `${MARK}${cards.length - 1}` };
    });
    return found ? { ...(activity as object), attachments: copies } : activity;
  });
  if (cards.length === 0) return JSON.stringify(body);
  let text = JSON.stringify({ ...(body as object), activities: swapped });
  cards.forEach((json, i) => {
    text = text.replace(JSON.stringify(`${MARK}${i}`), () => json);
  });
  return text;
}

import { message, type ActivityOptions } from './activities.js';
import { cardProblems } from './cards.js';
import type { TestApp } from './testApp.js';

/** What a chat message got back: the reply texts joined by newlines, and the cards. */
export interface ChatReply {
  text: string;
  cards: any[];
}

/**
 * Sends a chat message to the test app as `user` and returns what the user would see. The HTTP answer must be 200,
 * and every card must be valid with no template placeholder (`${`) left in it.
 */
export async function chat(
  t: TestApp,
  user: { id: string; displayName: string },
  text: string,
  options: ActivityOptions = {},
): Promise<ChatReply> {
  const { status, body } = await t.post({ ...message(user, text, options), serviceUrl: t.connector.url });
  expect(status).toBe(200);
  const activities = (body?.activities ?? []) as { text?: string; attachments?: { content: unknown }[] }[];
  const cards = activities.flatMap((a) => (a.attachments ?? []).map((x) => x.content));
  for (const card of cards) {
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).not.toContain('${');
  }
  return { text: activities.map((a) => a.text ?? '').join('\n'), cards };
}

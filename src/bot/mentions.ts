import { TurnContext, type Activity } from 'botbuilder';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const sameName = (a: string, b: string | undefined) =>
  !!b && a.replace(/^@/, '').trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Removes the bot's @mention from a message before anything reads it, in every scope: the mention entity of the
 * recipient (`TurnContext.removeRecipientMention`), then what that misses: an `<at>` tag or a typed `@Name` with the
 * bot's own name at the start, and non-breaking spaces. Other people's mentions stay. Changes `activity.text`.
 */
export function removeBotMention(activity: Partial<Activity>): string {
  if (typeof activity.text !== 'string') return '';
  if (activity.recipient?.id && Array.isArray(activity.entities)) {
    try {
      TurnContext.removeRecipientMention(activity);
    } catch {
      // A malformed mention entity (no `mentioned`): the name-based removal below still applies.
    }
  }
  const name = activity.recipient?.name;
  let text = activity.text
    .replace(/&nbsp;|\u00a0|\u202f/g, ' ')
    .replace(/<at>([^<]*)<\/at>/gi, (whole, inner: string) => (sameName(inner, name) ? ' ' : whole));
  if (name) text = text.replace(new RegExp(`^\\s*@${escapeRegExp(name.trim())}(?=$|[\\s,:;])[\\s,:;]*`, 'i'), '');
  text = text.replace(/[ \t]+/g, ' ').replace(/^\s+|\s+$/g, '');
  activity.text = text;
  return text;
}

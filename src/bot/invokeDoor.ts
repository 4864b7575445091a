import type { Activity, AdaptiveCardInvokeValue } from 'botbuilder';

/** What to do with an invoke activity, decided before any handler, store or dialog state sees it. */
export type InvokeVerdict =
  | { kind: 'cardAction'; value: AdaptiveCardInvokeValue }
  /** Teams expects an answer but the bot offers nothing there (task modules, message extensions): empty 200. */
  | { kind: 'empty' }
  | { kind: 'refused'; status: 400; code: 'BAD_INVOKE_VALUE' | 'UNKNOWN_INVOKE' };

const VERB = /^[A-Za-z][A-Za-z0-9]{0,63}$/;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks an invoke at the door. `adaptiveCard/action` needs an object value whose `action` is an Action.Execute
 * with a verb (a plain name) and, if any, object data; anything else is refused with 400 rather than failing inside
 * the turn. Task-module and message-extension invokes get an empty 200, as Teams expects; other names are refused.
 */
export function checkInvoke(activity: Pick<Activity, 'name' | 'value'>): InvokeVerdict {
  const name = typeof activity.name === 'string' ? activity.name : '';
  if (name === 'task/fetch' || name === 'task/submit' || name.startsWith('composeExtension/')) return { kind: 'empty' };
  if (name !== 'adaptiveCard/action') return { kind: 'refused', status: 400, code: 'UNKNOWN_INVOKE' };
  const value = activity.value as unknown;
  if (!isPlainObject(value) || !isPlainObject(value.action))
    return { kind: 'refused', status: 400, code: 'BAD_INVOKE_VALUE' };
  const { type, verb, data, id } = value.action;
  if (type !== 'Action.Execute' || typeof verb !== 'string' || !VERB.test(verb)) {
    return { kind: 'refused', status: 400, code: 'BAD_INVOKE_VALUE' };
  }
  if (data !== undefined && data !== null && !isPlainObject(data))
    return { kind: 'refused', status: 400, code: 'BAD_INVOKE_VALUE' };
  const trigger = value.trigger === 'automatic' ? 'automatic' : 'manual';
  return {
    kind: 'cardAction',
    value: {
      action: { type, verb, id: typeof id === 'string' ? id : '', data: isPlainObject(data) ? data : {} },
      authentication: undefined as never,
      state: '',
      trigger,
    } as AdaptiveCardInvokeValue,
  };
}

/**
 * `conversationUpdate.membersAdded` as the bot can use it: an array of accounts with string ids. Anything else
 * (not an array, members without an id) is undefined, so the update is ignored.
 */
export function validMembersAdded(activity: Pick<Activity, 'type' | 'membersAdded'>): 'absent' | 'valid' | 'malformed' {
  const added = (activity as { membersAdded?: unknown }).membersAdded;
  if (added === undefined || added === null) return 'absent';
  if (!Array.isArray(added)) return 'malformed';
  return added.every((m) => isPlainObject(m) && typeof m.id === 'string' && m.id.length > 0 && m.id.length <= 1024)
    ? 'valid'
    : 'malformed';
}

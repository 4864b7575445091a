import type { Activity } from 'botbuilder';
import { activityTenantId } from './activityTenant.js';

export type OriginCheck = 'ok' | 'wrongTenant' | 'wrongChannel';

/**
 * Whether the bot serves an activity: it must come from the directory's tenant, and (with authentication on) from
 * Microsoft Teams, or from Outlook's actionable-message channel for taps on a mailed card (`adaptiveCard/action`
 * invokes only: nothing else of ours lives in Outlook). Both channels vouch for the user's Entra identity. Other
 * channels, such as Web Chat, let the client choose ids. Local mode also admits the Agents Playground and the Bot
 * Framework Emulator.
 */
export function checkOrigin(
  activity: Partial<Activity>,
  expected: { tenantId: string; localMode: boolean },
): OriginCheck {
  if (!expected.localMode && activity.channelId !== 'msteams' && !isOutlookCardAction(activity)) return 'wrongChannel';
  if (activityTenantId(activity) !== expected.tenantId) return 'wrongTenant';
  return 'ok';
}

/** An Action.Execute tap (or the refresh on opening) on a card in an Outlook actionable message. */
export function isOutlookCardAction(activity: Partial<Activity>): boolean {
  return activity.channelId === 'outlook' && activity.type === 'invoke' && activity.name === 'adaptiveCard/action';
}

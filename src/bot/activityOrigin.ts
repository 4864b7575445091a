import type { Activity } from 'botbuilder';
import { activityTenantId } from './activityTenant.js';

export type OriginCheck = 'ok' | 'wrongTenant' | 'wrongChannel';

/**
 * Whether the bot serves an activity: it must come from the directory's tenant, and (with authentication on) from
 * Microsoft Teams, whose channel vouches for the user's Entra identity. Other channels, such as Web Chat, let the
 * client choose ids. Local mode also admits the Agents Playground and the Bot Framework Emulator.
 */
export function checkOrigin(activity: Partial<Activity>, expected: { tenantId: string; localMode: boolean }): OriginCheck {
  if (!expected.localMode && activity.channelId !== 'msteams') return 'wrongChannel';
  if (activityTenantId(activity) !== expected.tenantId) return 'wrongTenant';
  return 'ok';
}

import { readFileSync } from 'node:fs';
import { validateTenantSnapshot } from '../../src/adapters/embedded/tenantSnapshotSchema.js';
import type { DirectoryGroup, DirectoryUser, TenantSnapshot } from '../../src/policy/tenantModel.js';

/**
 * The committed demo tenant as the bot reads it (validated, defaults applied, roles as the policy names them), for
 * tests that drive the bot as its people.
 */
export const demoTenant: TenantSnapshot = (() => {
  const text = readFileSync(new URL('../../data/demo-tenant.json', import.meta.url), 'utf8');
  const parsed = validateTenantSnapshot(JSON.parse(text));
  if (!parsed.ok) throw new Error(`data/demo-tenant.json is invalid: ${JSON.stringify(parsed.errors)}`);
  return parsed.snapshot;
})();

export function demoUser(displayName: string): DirectoryUser {
  const user = demoTenant.users.find((u) => u.displayName === displayName);
  if (!user) throw new Error(`demo tenant has no user ${displayName}`);
  return user;
}

export function demoGroup(displayName: string): DirectoryGroup {
  const group = demoTenant.groups.find((g) => g.displayName === displayName);
  if (!group) throw new Error(`demo tenant has no group ${displayName}`);
  return group;
}

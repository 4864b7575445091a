import { readFileSync } from 'node:fs';
import type { DirectoryGroup, DirectoryUser, TenantSnapshot } from '../../src/policy/tenantModel.js';

/** The committed demo tenant, for tests that drive the bot as its people. */
export const demoTenant = JSON.parse(readFileSync(new URL('../../data/demo-tenant.json', import.meta.url), 'utf8')) as TenantSnapshot;

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

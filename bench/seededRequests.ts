/**
 * Requests for the storage benches (bench:requests on lowdb, bench:azure on Azurite): a realistic mix of states,
 * one guest each, spread over the demo tenant's members and Microsoft 365 groups. Request `i` is the same in both.
 */
import type { GuestRequest, RequestState } from '../src/domain/guestRequest.js';
import { demoTenant } from '../test/support/demoTenant.js';

const STATES: RequestState[] = [
  'completed',
  'completed',
  'completed',
  'rejected',
  'expired',
  'cancelled',
  'completed',
  'completed',
  'completed',
  'pending',
];
const users = demoTenant.users.filter((u) => u.userType === 'Member');
const groups = demoTenant.groups.filter((g) => g.groupTypes.includes('Unified'));

/** The `i`-th seeded request. */
export function seededRequest(i: number): GuestRequest {
  const group = groups[i % groups.length];
  return {
    id: `R-S${i.toString(36).toUpperCase().padStart(5, '0')}`,
    requesterId: users[i % users.length].id,
    groupId: group.id,
    guests: [{ email: `seed${i}@fabrikam.com` }],
    justification: 'seeded',
    createdAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
    expiresAt: new Date(Date.UTC(2027, 0, 1)).toISOString(),
    state: STATES[i % STATES.length],
    reminderSentAt: new Date(Date.UTC(2025, 0, 4)).toISOString(),
    approverIds: group.owners,
    approverBasis: 'OWNERS_APPROVE',
    cards: [],
    outbox: [],
    version: 1,
    updatedAt: new Date().toISOString(),
  };
}

/** The environment of a bot process (`node dist/index.js`) in local mode on the demo tenant with STORAGE=azure. */
export function azureBotEnv(connectionString: string, prefix: string, tenantFile: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'development',
    PORT: '0',
    LOG_LEVEL: 'warn',
    MICROSOFT_APP_ID: '',
    TENANT_FILE: tenantFile,
    STORAGE: 'azure',
    AZURE_STORAGE_CONNECTION_STRING: connectionString,
    AZURE_STORAGE_PREFIX: prefix,
  };
}

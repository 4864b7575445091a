import { demoTenant } from './demoTenant.js';
import type { DirectoryGroup, DirectoryUser, TenantSnapshot } from '../../src/policy/tenantModel.js';

/** A deterministic id: 8-4-4-4-12 hex from a prefix digit and a counter. */
function id(prefix: number, n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `${prefix.toString(16).padStart(8, '0')}-0000-4000-8000-${hex}`;
}

/**
 * A large tenant with the demo tenant's settings: `users` members (about 5 % guests) and `groups` groups (mostly
 * Microsoft 365 groups with a team; some security groups and dynamic groups), each with 1–2 owners and ~20 members.
 */
export function generateTenant(userCount: number, groupCount: number): TenantSnapshot {
  const users: DirectoryUser[] = [];
  for (let i = 0; i < userCount; i += 1) {
    const guest = i % 20 === 19;
    const name = `user${i}`;
    users.push({
      id: id(0xa1, i),
      displayName: `User ${i}`,
      mail: guest ? `${name}@partner${i % 50}.example` : `${name}@contoso.com`,
      userPrincipalName: guest
        ? `${name}_partner${i % 50}.example#EXT#@contoso.onmicrosoft.com`
        : `${name}@contoso.com`,
      userType: guest ? 'Guest' : 'Member',
      accountEnabled: i % 97 !== 0,
      roles:
        i === 0 ? ['62e90394-69f5-4237-9190-012177145e10'] : i === 1 ? ['fe930be7-5e62-47db-91af-98c3a49a38b1'] : [],
      preferredLanguage: i % 3 === 0 ? 'nl-NL' : 'en-US',
      externalUserState: guest ? 'Accepted' : null,
    });
  }
  const groups: DirectoryGroup[] = [];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let g = 0; g < groupCount; g += 1) {
    const kind = g % 10;
    const unified = kind < 8;
    const dynamic = kind === 7;
    const members = new Set<string>();
    const size = 10 + (next() % 21);
    while (members.size < size) members.add(users[next() % userCount].id);
    const owners = [...members].slice(0, 1 + (g % 2));
    groups.push({
      id: id(0xb1, g),
      displayName: `Group ${g}`,
      mail: unified ? `group${g}@contoso.com` : null,
      description: null,
      groupTypes: unified ? (dynamic ? ['Unified', 'DynamicMembership'] : ['Unified']) : [],
      mailEnabled: unified,
      securityEnabled: !unified,
      onPremisesSyncEnabled: null,
      membershipRule: dynamic ? 'user.department -eq "Sales"' : null,
      resourceProvisioningOptions: unified && g % 2 === 0 ? ['Team'] : [],
      assignedLabels: [],
      assignedLicenses: [],
      settings:
        unified && g % 25 === 0
          ? [
              {
                templateId: '08d542b9-071f-4e16-94b0-74abb372e3d9',
                values: [{ name: 'AllowToAddGuests', value: 'false' }],
              },
            ]
          : [],
      site: unified ? {} : null,
      owners,
      members: [...members],
    });
  }
  return {
    ...demoTenant,
    tenant: { ...demoTenant.tenant, verifiedDomains: ['contoso.com', 'contoso.onmicrosoft.com'] },
    users,
    groups,
  };
}

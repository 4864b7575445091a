/** A large tenant for bench:scale: the demo tenant's settings and people, plus generated users, guests and groups. */
import type { TenantSnapshot } from '../src/policy/tenantModel.js';
import { demoTenant } from '../test/support/demoTenant.js';

const id = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const GUEST_DOMAINS = [
  'fabrikam.com',
  'woodgrovebank.com',
  'outlook.com',
  'adatum.com',
  'litware.com',
  'northwindtraders.com',
];

/** Each demo group kind repeated; 20 members, 2 owners and 4 guests per group. */
export function generateSnapshot(users: number, guests: number, groups: number): TenantSnapshot {
  const t = structuredClone(demoTenant);
  const memberIds: string[] = [];
  for (let i = 0; i < users; i += 1) {
    const uid = id('c1000000', i);
    memberIds.push(uid);
    t.users.push({
      id: uid,
      displayName: `User ${i}`,
      mail: `user${i}@contoso.com`,
      userPrincipalName: `user${i}@contoso.com`,
      userType: 'Member',
      accountEnabled: i % 97 !== 0,
      roles: [],
      preferredLanguage: i % 3 === 0 ? 'nl-NL' : 'en-US',
    });
  }
  const guestIds: string[] = [];
  for (let i = 0; i < guests; i += 1) {
    const gid = id('c2000000', i);
    guestIds.push(gid);
    const domain = GUEST_DOMAINS[i % GUEST_DOMAINS.length];
    t.users.push({
      id: gid,
      displayName: `Guest ${i}`,
      mail: `guest${i}@${domain}`,
      userPrincipalName: `guest${i}_${domain}#EXT#@contoso.onmicrosoft.com`,
      userType: 'Guest',
      accountEnabled: true,
      roles: [],
      preferredLanguage: null,
      externalUserState: i % 10 === 0 ? 'PendingAcceptance' : 'Accepted',
    });
  }
  const templates = demoTenant.groups;
  for (let i = 0; i < groups; i += 1) {
    const template = structuredClone(templates[i % templates.length]);
    const members = Array.from({ length: 20 }, (_, k) => memberIds[(i * 20 + k) % memberIds.length]);
    const groupGuests = Array.from({ length: 4 }, (_, k) => guestIds[(i * 4 + k) % guestIds.length]);
    t.groups.push({
      ...template,
      id: id('c3000000', i),
      displayName: `${template.displayName} ${i}`,
      mail: template.mail ? `group${i}@contoso.com` : null,
      owners: template.owners.length > 0 ? [members[0], members[1]] : [],
      members: [...members, ...groupGuests],
      site: template.site
        ? { ...template.site, webUrl: `https://contoso.sharepoint.com/sites/group${i}` }
        : template.site,
    });
  }
  return t;
}

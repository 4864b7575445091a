import { z } from 'zod';
import { roleTemplateIdOf } from '../../policy/roles.js';
import {
  GUEST_ROLE_LIMITED,
  GUEST_ROLE_RESTRICTED,
  GUEST_ROLE_SAME_AS_MEMBERS,
  type TenantSnapshot,
} from '../../policy/tenantModel.js';
import { BOOLEAN_SETTING_NAMES } from './settingTemplates.js';
import { jsonPath, type SnapshotIssue } from './snapshotIssue.js';
import { findReferenceIssues } from './tenantSnapshotReferences.js';

/**
 * The tenant snapshot file format (see DOMAIN.md, "The tenant snapshot"): Graph's shapes and names, checked strictly
 * so that a typo fails loudly instead of silently meaning "default". Objects reject unknown properties; enums reject
 * unknown values. Properties Graph gives a default are optional here and get that default. Cross-references
 * (owners that are users, labels that exist, unique ids and addresses …) are checked by
 * {@link findReferenceIssues}; {@link validateTenantSnapshot} runs both.
 */

const guid = () => z.guid({ error: 'expected a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)' });
const text = () => z.string().min(1, { error: 'must not be empty' });
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const domainName = () => z.string().regex(DOMAIN, { error: 'expected a domain name such as contoso.com' });
const ADDRESS = /^[^@\s]+@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
/** Mail and userPrincipalName; a guest's UPN has `#EXT#` in its local part, so the local part is permissive. */
const address = () => z.string().regex(ADDRESS, { error: 'expected an address such as someone@contoso.com' });

export const allowInvitesFromSchema = z.enum([
  'none',
  'adminsAndGuestInviters',
  'adminsGuestInvitersAndAllMembers',
  'everyone',
]);
export const sharingCapabilitySchema = z.enum([
  'disabled',
  'existingExternalUserSharingOnly',
  'externalUserSharingOnly',
  'externalUserAndGuestSharing',
]);
const accessTypeSchema = z.enum(['allowed', 'blocked']);

// PowerShell writes "True"/"False"; lowercase them so the policy compares one spelling.
const settingValueSchema = z
  .strictObject({ name: text(), value: z.string() })
  .transform((v) =>
    BOOLEAN_SETTING_NAMES.has(v.name) && /^(true|false)$/i.test(v.value) ? { ...v, value: v.value.toLowerCase() } : v,
  );

const directorySettingSchema = z.strictObject({
  id: z.string().optional(),
  templateId: guid(),
  displayName: z.string().optional(),
  values: z.array(settingValueSchema),
});

const inboundSchema = z.strictObject({
  b2bCollaborationInbound: z.strictObject({
    usersAndGroups: z.strictObject({ accessType: accessTypeSchema }),
  }),
});
const ALLOWED_INBOUND = { b2bCollaborationInbound: { usersAndGroups: { accessType: 'allowed' as const } } };

/**
 * A directory role the user holds: its `roleTemplateId`, or for readability `{ "roleTemplateId", "displayName" }`, or
 * a built-in role's English display name ("Guest Inviter"). All three become the template id: the policy matches
 * roles by template id only. Another name is kept as written and means nothing to the policy (a custom role).
 */
const roleSchema = z
  .union([text(), z.strictObject({ roleTemplateId: guid(), displayName: z.string().optional() })])
  .transform((r) => (typeof r === 'string' ? (roleTemplateIdOf(r) ?? r) : r.roleTemplateId.toLowerCase()));

const userSchema = z.strictObject({
  id: guid(),
  displayName: text(),
  mail: address().nullable().default(null),
  userPrincipalName: address(),
  userType: z.enum(['Member', 'Guest']),
  accountEnabled: z.boolean().default(true),
  /** Directory roles by template id (see roleSchema). */
  roles: z.array(roleSchema).default([]),
  preferredLanguage: z
    .string()
    .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, { error: 'expected a language tag such as en-US or nl-NL' })
    .nullable()
    .optional(),
  externalUserState: z.enum(['PendingAcceptance', 'Accepted']).nullable().optional(),
  externalUserStateChangeDateTime: z.iso.datetime({ offset: true }).nullable().optional(),
  createdDateTime: z.iso.datetime({ offset: true }).nullable().optional(),
  signInActivity: z
    .strictObject({ lastSignInDateTime: z.iso.datetime({ offset: true }).nullable() })
    .nullable()
    .optional(),
  sponsors: z.array(guid()).optional(),
  teamsUserIds: z
    .array(text())
    .optional()
    .describe(
      'Not a Graph property. Bot Framework channel account ids (activity.from.id) that identify this user when the ' +
        'channel sends no aadObjectId, e.g. ["user-id-0"] for the Microsoft 365 Agents Playground default user.',
    ),
});

const groupSchema = z.strictObject({
  id: guid(),
  displayName: text(),
  mail: address().nullable().default(null),
  description: z.string().nullable().optional(),
  groupTypes: z.array(z.enum(['Unified', 'DynamicMembership'])),
  mailEnabled: z.boolean(),
  securityEnabled: z.boolean(),
  onPremisesSyncEnabled: z.boolean().nullable().default(null),
  membershipRule: text().nullable().default(null),
  resourceProvisioningOptions: z.array(z.enum(['Team'])).default([]),
  creationOptions: z.array(text()).optional(),
  assignedLabels: z.array(z.strictObject({ labelId: guid(), displayName: z.string().optional() })).default([]),
  assignedLicenses: z.array(z.strictObject({ skuId: guid() })).default([]),
  settings: z.array(directorySettingSchema).default([]),
  site: z
    // No Graph API gives a site's own level: absent means unknown (reported as unverified).
    .strictObject({ webUrl: z.url().optional(), sharingCapability: sharingCapabilitySchema.optional() })
    .nullable()
    .default(null),
  owners: z.array(guid()).default([]),
  members: z.array(guid()).default([]),
});

/** The whole snapshot, structurally. Parse with {@link validateTenantSnapshot} to also check cross-references. */
export const tenantSnapshotSchema = z.strictObject({
  tenant: z.strictObject({
    id: guid(),
    displayName: text(),
    verifiedDomains: z.array(domainName()).min(1, { error: 'a tenant has at least one verified domain' }),
  }),
  authorizationPolicy: z
    .strictObject({
      allowInvitesFrom: allowInvitesFromSchema.default('everyone'),
      guestUserRoleId: z
        .enum([GUEST_ROLE_SAME_AS_MEMBERS, GUEST_ROLE_LIMITED, GUEST_ROLE_RESTRICTED])
        .default(GUEST_ROLE_LIMITED),
    })
    .default({ allowInvitesFrom: 'everyone', guestUserRoleId: GUEST_ROLE_LIMITED }),
  // Both lists at once is a configuration error the policy reports itself, so the schema accepts it.
  b2bManagementPolicy: z
    .strictObject({
      InvitationsAllowedAndBlockedDomainsPolicy: z
        .strictObject({
          AllowedDomains: z.array(domainName()).optional(),
          BlockedDomains: z.array(domainName()).optional(),
        })
        .optional(),
    })
    .default({}),
  crossTenantAccessPolicy: z
    .strictObject({
      default: inboundSchema.default(ALLOWED_INBOUND),
      partners: z.array(inboundSchema.extend({ tenantId: guid() })).default([]),
    })
    .default({ default: ALLOWED_INBOUND, partners: [] }),
  externalTenants: z
    .array(z.strictObject({ tenantId: guid(), displayName: text(), domains: z.array(domainName()).min(1) }))
    .default([]),
  // Domains findTenantInformationByDomainName found no Entra tenant for: cross-tenant settings do not govern them.
  domainsWithoutTenant: z.array(domainName()).optional(),
  groupSettings: z.array(directorySettingSchema).default([]),
  sharePoint: z
    .strictObject({
      // SharePoint's own default for a new organisation is "Anyone".
      sharingCapability: sharingCapabilitySchema.default('externalUserAndGuestSharing'),
      sharingDomainRestrictionMode: z.enum(['none', 'allowList', 'blockList']).default('none'),
      sharingAllowedDomainList: z.array(domainName()).default([]),
      sharingBlockedDomainList: z.array(domainName()).default([]),
    })
    .default({
      sharingCapability: 'externalUserAndGuestSharing',
      sharingDomainRestrictionMode: 'none',
      sharingAllowedDomainList: [],
      sharingBlockedDomainList: [],
    }),
  // No Graph API for Teams guest access nor for a label's guest setting: absent means unknown (unverified).
  teams: z.strictObject({ allowGuestUser: z.boolean().optional() }).optional(),
  sensitivityLabels: z
    .array(z.strictObject({ id: guid(), displayName: text(), allowGuests: z.boolean().optional() }))
    .default([]),
  users: z.array(userSchema),
  groups: z.array(groupSchema),
});

/** The snapshot as written in the file (defaults not yet applied). */
export type TenantSnapshotInput = z.input<typeof tenantSnapshotSchema>;

export type SnapshotValidation = { ok: true; snapshot: TenantSnapshot } | { ok: false; errors: SnapshotIssue[] };

/** Checks a parsed JSON value against the format and its cross-references; reports every problem found. */
export function validateTenantSnapshot(raw: unknown): SnapshotValidation {
  const parsed = tenantSnapshotSchema.safeParse(raw, { reportInput: true });
  // Reference checks run on the raw value even when the structure is wrong, so that one run shows every problem.
  const errors = [...(parsed.success ? [] : parsed.error.issues.flatMap(describeIssue)), ...findReferenceIssues(raw)];
  if (errors.length > 0 || !parsed.success) return { ok: false, errors };
  const snapshot: TenantSnapshot = parsed.data;
  return { ok: true, snapshot };
}

function describeIssue(issue: z.core.$ZodIssue): SnapshotIssue[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: jsonPath([...issue.path, key]),
      message: 'unknown property (not part of the tenant snapshot format; check the spelling)',
    }));
  }
  const path = jsonPath(issue.path);
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return [{ path, message: `required property is missing (expected ${issue.expected})` }];
  }
  if (issue.code === 'invalid_value' || issue.code === 'invalid_format' || issue.code === 'invalid_type') {
    return [{ path, message: `${issue.message} (got ${preview(issue.input)})` }];
  }
  return [{ path, message: issue.message }];
}

function preview(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

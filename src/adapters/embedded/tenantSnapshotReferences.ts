import {
  ROLE_GLOBAL_ADMIN,
  ROLE_GUEST_INVITER,
  ROLE_USER_ADMIN,
  TEMPLATE_GROUP_UNIFIED_GUEST,
} from '../../policy/tenantModel.js';
import { roleTemplateIdOf } from '../../policy/roles.js';
import { BOOLEAN_SETTING_NAMES, SETTING_TEMPLATES } from './settingTemplates.js';
import { jsonPath, type SnapshotIssue } from './snapshotIssue.js';

/**
 * The checks a per-property schema cannot make: uniqueness, references between users, groups and labels, and the
 * rules Graph enforces between a group's properties. They read the raw JSON defensively (skipping whatever has the
 * wrong type, which the schema reports) so that structural and reference errors come out of one run.
 */

type Json = Record<string, unknown>;
type Path = PropertyKey[];

/** Roles whose misspelling would silently grant or withhold a permission the policy checks. */
const KNOWN_ROLES = [
  ROLE_GLOBAL_ADMIN,
  ROLE_USER_ADMIN,
  ROLE_GUEST_INVITER,
  'Groups Administrator',
  'SharePoint Administrator',
  'Teams Administrator',
  'Exchange Administrator',
  'Global Reader',
  'Privileged Role Administrator',
  'Security Administrator',
  'Helpdesk Administrator',
  'License Administrator',
];

export function findReferenceIssues(raw: unknown): SnapshotIssue[] {
  const issues: SnapshotIssue[] = [];
  const report = (path: Path, message: string) => issues.push({ path: jsonPath(path), message });
  if (!isObject(raw)) return issues; // the schema reports it

  const tenant = isObject(raw.tenant) ? raw.tenant : {};
  const verifiedDomains = strings(tenant.verifiedDomains).map((d) => d.toLowerCase());
  unique(report, items(tenant.verifiedDomains, ['tenant', 'verifiedDomains']), lower, 'verified domain');

  const users = objects(raw.users, ['users']);
  const groups = objects(raw.groups, ['groups']);
  const labels = objects(raw.sensitivityLabels, ['sensitivityLabels']);

  // Object ids are unique across the whole directory, users and groups alike.
  unique(report, [...fieldOf(users, 'id'), ...fieldOf(groups, 'id')], lower, 'object id');
  const kindOf = new Map<string, 'user' | 'group'>();
  for (const [list, kind] of [
    [users, 'user'],
    [groups, 'group'],
  ] as const) {
    for (const { value } of fieldOf(list, 'id')) {
      const id = lower(value);
      if (id !== undefined && !kindOf.has(id)) kindOf.set(id, kind);
    }
  }

  unique(report, fieldOf(users, 'userPrincipalName'), lower, 'userPrincipalName');
  unique(report, [...fieldOf(users, 'mail'), ...fieldOf(groups, 'mail')], lower, 'mail address');
  unique(
    report,
    users.flatMap((u) => items(u.value.teamsUserIds, [...u.path, 'teamsUserIds'])),
    (v) => (typeof v === 'string' ? v : undefined),
    'Teams user id',
  );

  for (const user of users) {
    const upn = user.value.userPrincipalName;
    if (typeof upn === 'string' && upn.includes('@') && verifiedDomains.length > 0) {
      const domain = upn.slice(upn.lastIndexOf('@') + 1).toLowerCase();
      if (!verifiedDomains.includes(domain)) {
        report([...user.path, 'userPrincipalName'], `"${domain}" is not one of the tenant's verified domains`);
      }
    }
    for (const role of items(user.value.roles, [...user.path, 'roles'])) {
      if (isObject(role.value)) {
        // { roleTemplateId, displayName }: the name is for readers, the id decides; they must not disagree.
        const id = typeof role.value.roleTemplateId === 'string' ? role.value.roleTemplateId.toLowerCase() : undefined;
        const name = typeof role.value.displayName === 'string' ? role.value.displayName : undefined;
        const named = name !== undefined ? roleTemplateIdOf(name) : undefined;
        if (id !== undefined && named !== undefined && named !== id) {
          report([...role.path, 'displayName'], `"${name}" is the role with template id ${named}, not ${id}`);
        }
        continue;
      }
      if (typeof role.value !== 'string') continue;
      const meant = KNOWN_ROLES.find((known) => roleKey(known) === roleKey(role.value as string));
      if (meant !== undefined && meant !== role.value) report(role.path, `unknown role; did you mean "${meant}"?`);
    }
    for (const sponsor of items(user.value.sponsors, [...user.path, 'sponsors'])) {
      if (typeof sponsor.value !== 'string') continue;
      if (kindOf.get(sponsor.value.toLowerCase()) !== 'user') {
        report(sponsor.path, `"${sponsor.value}" is not a user in $.users`);
      }
    }
  }

  const labelById = new Map<string, Json>();
  unique(report, fieldOf(labels, 'id'), lower, 'sensitivity label id');
  unique(report, fieldOf(labels, 'displayName'), lower, 'sensitivity label name');
  for (const label of labels)
    if (typeof label.value.id === 'string') labelById.set(lower(label.value.id) ?? '', label.value);

  for (const group of groups) checkGroup(report, group.value, group.path, kindOf, labelById);

  checkSettings(report, raw.groupSettings, ['groupSettings'], 'tenant');

  const tenantId = lower(tenant.id);
  const external = objects(raw.externalTenants, ['externalTenants']);
  unique(report, fieldOf(external, 'tenantId'), lower, 'external tenant id');
  for (const t of fieldOf(external, 'tenantId')) {
    if (tenantId !== undefined && lower(t.value) === tenantId)
      report(t.path, 'this is the tenant itself, not an external tenant');
  }
  const externalDomains = external.flatMap((t) => items(t.value.domains, [...t.path, 'domains']));
  unique(report, externalDomains, lower, 'external tenant domain');
  for (const d of externalDomains) {
    if (typeof d.value === 'string' && verifiedDomains.includes(d.value.toLowerCase())) {
      report(d.path, "this is one of the tenant's own verified domains");
    }
  }

  // A domain either has an Entra tenant or has none: never both, and never one of the tenant's own.
  const withoutTenant = items(raw.domainsWithoutTenant, ['domainsWithoutTenant']);
  unique(report, withoutTenant, lower, 'domain without tenant');
  const tenantDomains = new Set(externalDomains.map((d) => lower(d.value)).filter((d) => d !== undefined));
  for (const d of withoutTenant) {
    const domain = lower(d.value);
    if (domain === undefined) continue;
    if (tenantDomains.has(domain)) {
      report(d.path, 'this domain is listed under externalTenants: it has an Entra tenant');
    }
    if (verifiedDomains.includes(domain)) report(d.path, "this is one of the tenant's own verified domains");
  }

  const cross = isObject(raw.crossTenantAccessPolicy) ? raw.crossTenantAccessPolicy : {};
  const partners = fieldOf(objects(cross.partners, ['crossTenantAccessPolicy', 'partners']), 'tenantId');
  unique(report, partners, lower, 'partner tenant id');
  for (const p of partners) {
    if (tenantId !== undefined && lower(p.value) === tenantId) report(p.path, 'a tenant is not its own partner');
  }

  const b2b = isObject(raw.b2bManagementPolicy) ? raw.b2bManagementPolicy : {};
  const domainsPolicy = isObject(b2b.InvitationsAllowedAndBlockedDomainsPolicy)
    ? b2b.InvitationsAllowedAndBlockedDomainsPolicy
    : {};
  const policyPath = ['b2bManagementPolicy', 'InvitationsAllowedAndBlockedDomainsPolicy'];
  for (const list of ['AllowedDomains', 'BlockedDomains']) {
    unique(report, items(domainsPolicy[list], [...policyPath, list]), lower, 'domain');
  }
  return issues;
}

function checkGroup(
  report: (path: Path, message: string) => void,
  group: Json,
  path: Path,
  kindOf: Map<string, 'user' | 'group'>,
  labelById: Map<string, Json>,
): void {
  const groupTypes = strings(group.groupTypes);
  const unified = groupTypes.includes('Unified');
  const dynamic = groupTypes.includes('DynamicMembership');

  for (const list of ['owners', 'members'] as const) {
    const entries = items(group[list], [...path, list]);
    unique(report, entries, lower, list === 'owners' ? 'owner' : 'member');
    for (const entry of entries) {
      if (typeof entry.value !== 'string') continue;
      const kind = kindOf.get(entry.value.toLowerCase());
      if (kind === 'group')
        report(entry.path, `"${entry.value}" is a group; ${list} must be users (nested groups are not modelled)`);
      else if (kind === undefined) report(entry.path, `"${entry.value}" is not a user in $.users`);
    }
  }

  const labels = objects(group.assignedLabels, [...path, 'assignedLabels']);
  if (labels.length > 1) report([...path, 'assignedLabels'], 'a group carries at most one sensitivity label');
  for (const assigned of labels) {
    if (!isObject(assigned.value) || typeof assigned.value.labelId !== 'string') continue;
    const label = labelById.get(assigned.value.labelId.toLowerCase());
    if (label === undefined) {
      report([...assigned.path, 'labelId'], `"${assigned.value.labelId}" is not a label in $.sensitivityLabels`);
    } else if (typeof assigned.value.displayName === 'string' && assigned.value.displayName !== label.displayName) {
      report([...assigned.path, 'displayName'], `the label with this id is named "${String(label.displayName)}"`);
    }
  }

  const rule = group.membershipRule;
  const hasRule = typeof rule === 'string' && rule.length > 0;
  if (dynamic && !hasRule) report([...path, 'membershipRule'], 'a DynamicMembership group needs a membershipRule');
  if (!dynamic && hasRule)
    report([...path, 'groupTypes'], 'a group with a membershipRule must have "DynamicMembership" in groupTypes');

  if (unified && group.mailEnabled === false)
    report([...path, 'mailEnabled'], 'a Microsoft 365 group (Unified) is always mail-enabled');
  if (group.mailEnabled === true && (group.mail === null || group.mail === undefined))
    report([...path, 'mail'], 'a mail-enabled group has a mail address');
  if (!unified && group.mailEnabled === false && group.securityEnabled === false) {
    report(
      [...path, 'securityEnabled'],
      'a group that is neither Unified, mail-enabled nor security-enabled does not exist',
    );
  }
  if (!unified) {
    if (strings(group.resourceProvisioningOptions).includes('Team')) {
      report([...path, 'resourceProvisioningOptions'], 'only Microsoft 365 groups (Unified) can have a team');
    }
    if (group.site !== null && group.site !== undefined)
      report([...path, 'site'], 'only Microsoft 365 groups (Unified) have a connected site');
    if (items(group.settings, []).length > 0)
      report([...path, 'settings'], 'only Microsoft 365 groups (Unified) have group settings');
  }
  checkSettings(report, group.settings, [...path, 'settings'], 'group');
}

function checkSettings(
  report: (path: Path, message: string) => void,
  value: unknown,
  path: Path,
  scope: 'tenant' | 'group',
): void {
  const settings = objects(value, path);
  unique(report, fieldOf(settings, 'templateId'), lower, 'settings object for template');
  for (const setting of settings) {
    const templateId = lower(setting.value.templateId);
    if (templateId === undefined) continue;
    const template = SETTING_TEMPLATES[templateId];
    if (scope === 'group' && templateId !== TEMPLATE_GROUP_UNIFIED_GUEST) {
      report(
        [...setting.path, 'templateId'],
        `a group's settings use the Group.Unified.Guest template (${TEMPLATE_GROUP_UNIFIED_GUEST})`,
      );
      continue;
    }
    if (scope === 'tenant' && templateId === TEMPLATE_GROUP_UNIFIED_GUEST) {
      report(
        [...setting.path, 'templateId'],
        "Group.Unified.Guest is a per-group template; put it in the group's settings",
      );
      continue;
    }
    if (template === undefined) continue; // other templates (Application, Password Rule Settings …) are not checked
    if (typeof setting.value.displayName === 'string' && setting.value.displayName !== template.displayName) {
      report([...setting.path, 'displayName'], `template ${templateId} is "${template.displayName}"`);
    }
    const values = objects(setting.value.values, [...setting.path, 'values']);
    unique(report, fieldOf(values, 'name'), (v) => (typeof v === 'string' ? v : undefined), 'setting');
    for (const entry of values) {
      const { name, value: settingValue } = entry.value;
      if (typeof name !== 'string') continue;
      if (!template.names.has(name)) {
        report([...entry.path, 'name'], `"${name}" is not a setting of the ${template.displayName} template`);
      } else if (
        BOOLEAN_SETTING_NAMES.has(name) &&
        typeof settingValue === 'string' &&
        !/^(true|false)$/i.test(settingValue)
      ) {
        report([...entry.path, 'value'], `${name} is "true" or "false"`);
      }
    }
  }
}

interface Located<T> {
  value: T;
  path: Path;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The elements of an array, each with its path; a non-array yields nothing (the schema reports it). */
function items(value: unknown, path: Path): Located<unknown>[] {
  if (!Array.isArray(value)) return [];
  return (value as unknown[]).map((element, index) => ({ value: element, path: [...path, index] }));
}

/** The object elements of an array; other elements are skipped (the schema reports them). */
function objects(value: unknown, path: Path): Located<Json>[] {
  return items(value, path).filter((l): l is Located<Json> => isObject(l.value));
}

function fieldOf(list: Located<Json>[], field: string): Located<unknown>[] {
  return list.map((l) => ({ value: l.value[field], path: [...l.path, field] }));
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function lower(value: unknown): string | undefined {
  return typeof value === 'string' ? value.toLowerCase() : undefined;
}

function roleKey(role: string): string {
  return role
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/admin$/, 'administrator');
}

/** Reports every repeat of a key, pointing at the first occurrence; returns the first occurrence of each key. */
function unique(
  report: (path: Path, message: string) => void,
  list: Located<unknown>[],
  keyOf: (value: unknown) => string | undefined,
  what: string,
): Map<string, Path> {
  const seen = new Map<string, Path>();
  for (const entry of list) {
    const key = keyOf(entry.value);
    if (key === undefined) continue;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, entry.path);
    else report(entry.path, `duplicate ${what} "${String(entry.value)}" (first at ${jsonPath(first)})`);
  }
  return seen;
}

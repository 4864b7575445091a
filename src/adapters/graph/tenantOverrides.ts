import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { SensitivityLabel, TenantSnapshot } from '../../policy/tenantModel.js';
import { sharingCapabilitySchema } from '../embedded/tenantSnapshotSchema.js';
import { jsonPath, type SnapshotIssue } from '../embedded/snapshotIssue.js';

/**
 * TENANT_OVERRIDES: what Microsoft Graph cannot tell, in the tenant snapshot's own shape: a group site's own sharing
 * level, Teams' org-wide guest access, and sensitivity labels' guest setting. Anything else is read from Graph, so
 * the file rejects it (a setting copied here would silently go stale).
 */
const overridesSchema = z.strictObject({
  teams: z.strictObject({ allowGuestUser: z.boolean() }).optional(),
  sensitivityLabels: z
    .array(z.strictObject({ id: z.guid(), displayName: z.string().min(1), allowGuests: z.boolean() }))
    .optional(),
  groups: z
    .array(
      z.strictObject({
        id: z.guid(),
        displayName: z.string().optional(),
        site: z.strictObject({ webUrl: z.url().optional(), sharingCapability: sharingCapabilitySchema }),
      }),
    )
    .optional(),
});

export type TenantOverrides = z.infer<typeof overridesSchema>;

export type LoadOverridesResult = { ok: true; overrides: TenantOverrides } | { ok: false; errors: SnapshotIssue[] };

export async function loadTenantOverrides(path: string): Promise<LoadOverridesResult> {
  let raw: unknown;
  try {
    const text = await readFile(path, 'utf8');
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return { ok: false, errors: [{ path: '$', message: `cannot read ${path}: ${(error as Error).message}` }] };
  }
  const parsed = overridesSchema.safeParse(raw);
  if (parsed.success) return { ok: true, overrides: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({
            path: jsonPath([...issue.path, key]),
            message: 'not an override: Graph tells this (only teams, sensitivityLabels and groups[].site belong here)',
          }))
        : [{ path: jsonPath(issue.path), message: issue.message }],
    ),
  };
}

/** The snapshot with the overrides laid over what Graph said. */
export function applyOverrides(snapshot: TenantSnapshot, overrides: TenantOverrides | undefined): TenantSnapshot {
  if (!overrides) return snapshot;
  const sites = new Map((overrides.groups ?? []).map((g) => [g.id.toLowerCase(), g.site]));
  return {
    ...snapshot,
    ...(overrides.teams ? { teams: overrides.teams } : {}),
    sensitivityLabels: mergeLabels(snapshot.sensitivityLabels, overrides.sensitivityLabels ?? []),
    groups:
      sites.size === 0
        ? snapshot.groups
        : snapshot.groups.map((g) => {
            const site = sites.get(g.id.toLowerCase());
            return site && g.groupTypes.includes('Unified') ? { ...g, site } : g;
          }),
  };
}

/** Graph's labels (id, name) with the guest setting from the overrides; labels only the overrides name are kept too. */
function mergeLabels(fromGraph: SensitivityLabel[], fromFile: SensitivityLabel[]): SensitivityLabel[] {
  const byId = new Map(fromGraph.map((l) => [l.id.toLowerCase(), { ...l }]));
  for (const l of fromFile) byId.set(l.id.toLowerCase(), { ...byId.get(l.id.toLowerCase()), ...l });
  return [...byId.values()];
}

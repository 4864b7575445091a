import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTenantSnapshot, parseTenantSnapshot } from '../../../src/adapters/embedded/loadTenantSnapshot.js';
import { validateTenantSnapshot } from '../../../src/adapters/embedded/tenantSnapshotSchema.js';

const DEMO = fileURLToPath(new URL('../../../data/demo-tenant.json', import.meta.url));
const T = '11111111-1111-4111-8111-111111111111';
const U1 = 'a1111111-0000-4000-8000-000000000001';
const U2 = 'a1111111-0000-4000-8000-000000000002';
const G1 = 'b1111111-0000-4000-8000-000000000001';
const L1 = 'c1111111-0000-4000-8000-000000000001';

function minimal(): any {
  return {
    tenant: { id: T, displayName: 'Contoso', verifiedDomains: ['contoso.com', 'contoso.onmicrosoft.com'] },
    sensitivityLabels: [{ id: L1, displayName: 'Confidential', allowGuests: false }],
    users: [
      { id: U1, displayName: 'Ann', mail: 'ann@contoso.com', userPrincipalName: 'ann@contoso.com', userType: 'Member' },
      { id: U2, displayName: 'Bob', mail: 'bob@contoso.com', userPrincipalName: 'bob@contoso.com', userType: 'Member' },
    ],
    groups: [
      {
        id: G1,
        displayName: 'Marketing',
        mail: 'marketing@contoso.com',
        groupTypes: ['Unified'],
        mailEnabled: true,
        securityEnabled: false,
        owners: [U1],
        members: [U1, U2],
      },
    ],
  };
}

function errorsOf(raw: unknown): { path: string; message: string }[] {
  const result = validateTenantSnapshot(raw);
  if (result.ok) throw new Error('expected validation errors');
  return result.errors;
}

function pathsOf(raw: unknown): string[] {
  return errorsOf(raw).map((e) => e.path);
}

describe('tenant snapshot schema', () => {
  test('a minimal snapshot gets Graph defaults for what it leaves out', () => {
    const result = validateTenantSnapshot(minimal());
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const s = result.snapshot;
    expect(s.authorizationPolicy).toEqual({
      allowInvitesFrom: 'everyone',
      guestUserRoleId: '10dae51f-b6af-4016-8d66-8c2a99b929b3',
    });
    expect(s.crossTenantAccessPolicy).toEqual({
      default: { b2bCollaborationInbound: { usersAndGroups: { accessType: 'allowed' } } },
      partners: [],
    });
    expect(s.groupSettings).toEqual([]);
    // No Graph API for Teams guest access: a snapshot that leaves it out leaves it unknown, not on.
    expect(s.teams?.allowGuestUser).toBeUndefined();
    expect(s.sharePoint.sharingCapability).toBe('externalUserAndGuestSharing');
    expect(s.users[0]).toMatchObject({ accountEnabled: true, roles: [] });
    expect(s.groups[0]).toMatchObject({
      onPremisesSyncEnabled: null,
      membershipRule: null,
      resourceProvisioningOptions: [],
      assignedLabels: [],
      assignedLicenses: [],
      settings: [],
      site: null,
    });
  });

  test('missing partners default to an empty list', () => {
    const raw = minimal();
    raw.crossTenantAccessPolicy = {
      default: { b2bCollaborationInbound: { usersAndGroups: { accessType: 'blocked' } } },
    };
    const result = validateTenantSnapshot(raw);
    expect(result.ok && result.snapshot.crossTenantAccessPolicy.partners).toEqual([]);
  });

  test('reports several structural errors at once, each with its JSON path', () => {
    const raw = minimal();
    raw.users[1].userType = 'guest';
    raw.users[0].preferedLanguage = 'nl-NL';
    delete raw.users[1].userPrincipalName;
    raw.groups[0].mailEnabled = 'yes';
    raw.groups[0].groupTypes = ['Unified', 'Dynamic'];
    raw.sharePoint = { sharingCapability: 'anyone' };
    raw.authorizationPolicy = { allowInvitesFrom: 'allMembers' };
    const errors = errorsOf(raw);
    expect(errors.map((e) => e.path).sort()).toEqual(
      [
        '$.authorizationPolicy.allowInvitesFrom',
        '$.groups[0].groupTypes[1]',
        '$.groups[0].mailEnabled',
        '$.sharePoint.sharingCapability',
        '$.users[0].preferedLanguage',
        '$.users[1].userPrincipalName',
        '$.users[1].userType',
      ].sort(),
    );
    expect(errors.find((e) => e.path === '$.users[1].userPrincipalName')?.message).toMatch(/missing/);
    expect(errors.find((e) => e.path === '$.users[0].preferedLanguage')?.message).toMatch(/unknown property/);
    expect(errors.find((e) => e.path === '$.users[1].userType')?.message).toMatch(/"guest"/);
  });

  test('reports owners and members that are not users, and group ids used as members', () => {
    const raw = minimal();
    raw.groups[0].owners = ['a1111111-0000-4000-8000-0000000000ff'];
    raw.groups[0].members = [U1, G1, 'not-a-guid'];
    const errors = errorsOf(raw);
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: '$.groups[0].owners[0]', message: expect.stringMatching(/not a user/) },
        { path: '$.groups[0].members[1]', message: expect.stringMatching(/is a group/) },
        { path: '$.groups[0].members[2]', message: expect.stringMatching(/GUID/) },
      ]),
    );
  });

  test('reports duplicate ids, addresses and list entries, pointing at the first occurrence', () => {
    const raw = minimal();
    raw.users[1].id = U1;
    raw.users[1].mail = 'ANN@contoso.com';
    raw.groups[0].mail = 'bob@contoso.com';
    raw.groups[0].members = [U1, U1];
    const errors = errorsOf(raw);
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: '$.users[1].id', message: expect.stringContaining('first at $.users[0].id') },
        { path: '$.users[1].mail', message: expect.stringContaining('first at $.users[0].mail') },
        { path: '$.groups[0].members[1]', message: expect.stringMatching(/duplicate member/) },
      ]),
    );
  });

  test('reports labels that do not exist and a second label on one group', () => {
    const raw = minimal();
    raw.groups[0].assignedLabels = [{ labelId: L1 }, { labelId: 'c1111111-0000-4000-8000-0000000000ff' }];
    expect(pathsOf(raw)).toEqual(
      expect.arrayContaining(['$.groups[0].assignedLabels', '$.groups[0].assignedLabels[1].labelId']),
    );
  });

  test('checks the rules Graph enforces between group properties', () => {
    const raw = minimal();
    raw.groups[0].groupTypes = ['Unified', 'DynamicMembership'];
    raw.groups.push({
      id: 'b1111111-0000-4000-8000-000000000002',
      displayName: 'Security',
      groupTypes: [],
      mailEnabled: false,
      securityEnabled: true,
      membershipRule: '(user.department -eq "IT")',
      resourceProvisioningOptions: ['Team'],
    });
    expect(pathsOf(raw)).toEqual(
      expect.arrayContaining([
        '$.groups[0].membershipRule',
        '$.groups[1].groupTypes',
        '$.groups[1].resourceProvisioningOptions',
      ]),
    );
  });

  test('checks setting templates, names and boolean values; lowercases "True"/"False"', () => {
    const raw = minimal();
    raw.groupSettings = [
      {
        templateId: '62375ab9-6b52-47ed-826b-58e47e0e304b',
        values: [
          { name: 'AllowToAddGuests', value: 'False' },
          { name: 'AllowGuestToAccessGroups', value: 'true' },
          { name: 'EnableMIPLabels', value: 'yes' },
        ],
      },
    ];
    raw.groups[0].settings = [{ templateId: '62375ab9-6b52-47ed-826b-58e47e0e304b', values: [] }];
    expect(pathsOf(raw).sort()).toEqual(
      [
        '$.groupSettings[0].values[1].name',
        '$.groupSettings[0].values[2].value',
        '$.groups[0].settings[0].templateId',
      ].sort(),
    );

    const ok = minimal();
    ok.groupSettings = [
      { templateId: '62375ab9-6b52-47ed-826b-58e47e0e304b', values: [{ name: 'AllowToAddGuests', value: 'False' }] },
    ];
    const result = validateTenantSnapshot(ok);
    expect(result.ok && result.snapshot.groupSettings[0].values[0].value).toBe('false');
  });

  test('catches a misspelt role the policy depends on and a UPN outside the verified domains', () => {
    const raw = minimal();
    raw.users[0].roles = ['global admin', 'Teams Communications Support Engineer'];
    raw.users[1].userPrincipalName = 'bob@contosso.com';
    const errors = errorsOf(raw);
    expect(errors).toEqual([
      { path: '$.users[0].roles[0]', message: expect.stringContaining('"Global Administrator"') },
      { path: '$.users[1].userPrincipalName', message: expect.stringContaining('contosso.com') },
    ]);
  });

  test('accepts AllowedDomains and BlockedDomains together: the policy reports that itself', () => {
    const raw = minimal();
    raw.b2bManagementPolicy = {
      InvitationsAllowedAndBlockedDomainsPolicy: { AllowedDomains: ['fabrikam.com'], BlockedDomains: ['example.net'] },
    };
    expect(validateTenantSnapshot(raw).ok).toBe(true);
  });

  test('reports structural and reference errors in one run', () => {
    const raw = minimal();
    raw.users[0].accountEnabled = 'true';
    raw.groups[0].owners = ['a1111111-0000-4000-8000-0000000000ff'];
    expect(pathsOf(raw).sort()).toEqual(['$.groups[0].owners[0]', '$.users[0].accountEnabled']);
  });

  test('a non-object snapshot is one error at $', () => {
    expect(errorsOf([])).toEqual([{ path: '$', message: expect.stringMatching(/expected object/) }]);
  });
});

describe('loadTenantSnapshot', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'snapshot-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('loads the demo tenant', async () => {
    const result = await loadTenantSnapshot(DEMO);
    expect(result.ok).toBe(true);
  });

  test('invalid JSON is reported with its line, column and position', async () => {
    const path = join(dir, 'bad.json');
    await writeFile(path, '{\n  "tenant": {\n    "id": "x",\n  }\n}');
    const result = await loadTenantSnapshot(path);
    expect(result).toEqual({
      ok: false,
      errors: [{ path: '$', message: expect.stringMatching(/^invalid JSON at line 4, column 3 \(position 33\)/) }],
    });
  });

  test('truncated JSON is reported at its end', () => {
    const result = parseTenantSnapshot('{"users": [');
    expect(!result.ok && result.errors[0].message).toMatch(/^invalid JSON at line 1, column 12/);
  });

  test('an unreadable file is an error, not an exception', async () => {
    const result = await loadTenantSnapshot(join(dir, 'missing.json'));
    expect(result).toEqual({
      ok: false,
      errors: [{ path: '$', message: expect.stringMatching(/cannot read .*ENOENT/) }],
    });
  });

  test('a file with a byte order mark loads', async () => {
    const path = join(dir, 'bom.json');
    await writeFile(path, `\uFEFF${await readFile(DEMO, 'utf8')}`);
    expect((await loadTenantSnapshot(path)).ok).toBe(true);
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTenantOverrides } from '../../../src/adapters/graph/tenantOverrides.js';
import { PolicyCache } from '../../../src/app/shared/policyCache.js';
import { GraphDirectory } from '../../../src/adapters/graph/graphDirectory.js';
import { GraphHttp } from '../../../src/adapters/graph/graphHttp.js';
import { compilePolicy, evaluateGuest, groupProfile } from '../../../src/policy/index.js';
import { demoGroup, demoTenant, demoUser } from '../../support/demoTenant.js';
import { testCertificate } from '../../support/fakeGraph.js';
import { openGraphDirectory, startFakeGraph } from '../../support/graphTestDirectory.js';

const marketing = demoGroup('Marketing');
const alex = demoUser('Alex Wilber');
const isaiah = demoUser('Isaiah Langer');

type Opened = Awaited<ReturnType<typeof openGraphDirectory>>;
let t: Opened;
afterEach(() => t?.close());

describe('the Graph directory, as Graph sees it', () => {
  test('every collection is paged through @odata.nextLink and asks only for what the model needs', async () => {
    t = await openGraphDirectory(demoTenant, { pageSize: 2 });
    const users = t.graph.graphCalls({ path: /^\/v1\.0\/users$/ });
    expect(users.length).toBe(Math.ceil(demoTenant.users.length / 2));
    expect(users.slice(1).every((c) => c.query.has('$skiptoken'))).toBe(true);
    expect(users[0].query.get('$select')!.split(',').sort()).toEqual([
      'accountEnabled',
      'displayName',
      'externalUserState',
      'id',
      'mail',
      'preferredLanguage',
      'userPrincipalName',
      'userType',
    ]);
    expect(t.graph.graphCalls({ path: /\/members$/ }).every((c) => c.query.get('$select') === 'id')).toBe(true);
    expect(t.graph.graphCalls().every((c) => c.authorized)).toBe(true);
    expect(
      t.graph
        .graphCalls()
        .filter((c) => c.path.startsWith('/beta/'))
        .map((c) => c.path),
    ).toEqual(['/beta/policies/b2bManagementPolicies']);
  });

  test('owners and members come from one groups delta round; per group only where the round lacks them', async () => {
    t = await openGraphDirectory(demoTenant, { pageSize: 3 });
    expect(t.graph.graphCalls({ path: /\/groups\/[^/]+\/(owners|members)$/ })).toEqual([]);
    expect(t.graph.graphCalls({ path: /^\/v1\.0\/groups\/delta$/ }).length).toBe(
      Math.ceil(demoTenant.groups.length / 3),
    );
    await t.close();

    t = await openGraphDirectory(demoTenant, { pageSize: 3, deltaRelationships: ['members'] });
    expect(t.graph.graphCalls({ path: /\/groups\/[^/]+\/members$/ })).toEqual([]);
    const owners = t.graph.graphCalls({ path: /\/groups\/[^/]+\/owners$/ });
    expect(owners).toHaveLength(demoTenant.groups.length);
    expect(owners.every((c) => c.query.get('$select') === 'id')).toBe(true);
    expect((await t.directory.getGroup(marketing.id))?.owners).toEqual(marketing.owners);
    expect([...(await t.directory.getGroup(marketing.id))!.members].sort()).toEqual([...marketing.members].sort());
  });

  test("the invitation carries the redirect URL, the mail, the invited person's language and the reason", async () => {
    t = await openGraphDirectory(demoTenant);
    await t.directory.inviteGuest({
      email: 'jan@example.nl',
      invitedBy: alex.id,
      language: 'nl-NL',
      message: 'Werkt mee aan de campagne',
    });
    expect(t.graph.invitations).toEqual([
      expect.objectContaining({
        invitedUserEmailAddress: 'jan@example.nl',
        inviteRedirectUrl: `https://myapps.microsoft.com/?tenantid=${demoTenant.tenant.id}`,
        sendInvitationMessage: true,
        invitedUserMessageInfo: { messageLanguage: 'nl-NL', customizedMessageBody: 'Werkt mee aan de campagne' },
      }),
    ]);
  });

  test('"already a member" and "not a member" answers from Graph count as done', async () => {
    t = await openGraphDirectory(demoTenant);
    t.graph.members.get(marketing.id)!.add(isaiah.id); // added in the tenant; the mirror has not seen it yet
    await expect(t.directory.addMember(marketing.id, isaiah.id)).resolves.toBeUndefined();
    expect(t.graph.graphCalls({ method: 'POST', path: /members\/\$ref$/ })).toHaveLength(1);
    t.graph.members.get(marketing.id)!.delete(isaiah.id); // removed in the tenant meanwhile
    await expect(t.directory.removeMember(marketing.id, isaiah.id)).resolves.toBeUndefined();
    expect((await t.directory.getGroup(marketing.id))?.members).not.toContain(isaiah.id);
  });

  test('a 429 is retried after its Retry-After', async () => {
    t = await openGraphDirectory(demoTenant);
    t.graph.failNext({ method: 'POST', path: /members\/\$ref$/, status: 429, headers: { 'Retry-After': '1' } });
    const started = Date.now();
    await t.directory.addMember(marketing.id, isaiah.id);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(t.graph.graphCalls({ method: 'POST', path: /members\/\$ref$/ })).toHaveLength(2);
    expect(t.graph.members.get(marketing.id)!.has(isaiah.id)).toBe(true);
  });

  test('throttling that outlasts the retries is a transient failure carrying Retry-After', async () => {
    t = await openGraphDirectory(demoTenant);
    t.graph.failNext({
      method: 'POST',
      path: /members\/\$ref$/,
      status: 429,
      headers: { 'Retry-After': '0' },
      times: 10,
    });
    await expect(t.directory.addMember(marketing.id, isaiah.id)).rejects.toMatchObject({
      code: 'DIRECTORY_UNAVAILABLE',
      transient: true,
      retryAfterMs: 0,
    });
  });

  test("policy refusals from Graph become the policy's reason codes", async () => {
    t = await openGraphDirectory(demoTenant);
    await expect(t.directory.inviteGuest({ email: 'x@tailspintoys.com', invitedBy: alex.id })).rejects.toMatchObject({
      code: 'DOMAIN_BLOCKED',
      transient: false,
    });
    t.graph.refuseInvitations = true;
    await expect(t.directory.inviteGuest({ email: 'x@example.org', invitedBy: alex.id })).rejects.toMatchObject({
      code: 'INVITES_DISABLED',
      transient: false,
    });
    t.graph.failNext({
      method: 'POST',
      path: /members\/\$ref$/,
      status: 403,
      body: {
        error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' },
      },
    });
    await expect(t.directory.addMember(marketing.id, isaiah.id)).rejects.toMatchObject({
      code: 'DIRECTORY_ACCESS_DENIED',
    });
  });

  test('without a valid token Graph answers 401 and the directory will not open', async () => {
    const { graph, http: _unused } = await startFakeGraph(demoTenant);
    _unused.close();
    const { cert } = await testCertificate();
    const http = new GraphHttp({
      baseUrl: graph.url,
      ca: cert,
      credential: { getToken: async () => ({ token: 'forged', expiresOnTimestamp: Date.now() + 3_600_000 }) },
    });
    try {
      await expect(GraphDirectory.open({ http })).rejects.toMatchObject({ code: 'DIRECTORY_AUTH_FAILED' });
      expect(graph.graphCalls().some((c) => !c.authorized)).toBe(true);
    } finally {
      http.close();
      await graph.stop();
    }
  });

  test('changes made in the tenant arrive with the next delta round', async () => {
    t = await openGraphDirectory(demoTenant, { pageSize: 2 });
    const newcomer = {
      id: 'a0000000-0000-4000-8000-0000000000f1',
      displayName: 'Nieuwe Collega',
      mail: 'nieuw@contoso.com',
      userPrincipalName: 'nieuw@contoso.com',
    };
    t.graph.addUser(newcomer);
    t.graph.addGroupMember(marketing.id, isaiah.id);
    t.graph.removeGroupMember(marketing.id, demoUser('Nestor Wilke').id);
    t.graph.addGroupOwner(marketing.id, isaiah.id);
    t.graph.deleteUser(demoUser('Sam Jones').id);
    t.graph.addGroup(
      { id: 'b0000000-0000-4000-8000-0000000000f1', displayName: 'Nieuw team', mail: 'nieuwteam@contoso.com' },
      [alex.id],
      [alex.id],
    );
    expect(await t.directory.findUserByMail('nieuw@contoso.com')).toBeUndefined();
    const calls = t.graph.graphCalls().length;
    await t.directory.sync();
    const round = t.graph.graphCalls().slice(calls);
    expect(
      round.every(
        (c) => /\/(users|groups)\/delta$/.test(c.path) || c.path.includes('b0000000-0000-4000-8000-0000000000f1'),
      ),
    ).toBe(true);
    expect((await t.directory.findUserByMail('nieuw@contoso.com'))?.id).toBe(newcomer.id);
    const group = await t.directory.getGroup(marketing.id);
    expect(group?.members).toContain(isaiah.id);
    expect(group?.members).not.toContain(demoUser('Nestor Wilke').id);
    expect(group?.owners).toContain(isaiah.id);
    expect(await t.directory.getUser(demoUser('Sam Jones').id)).toBeUndefined();
    expect(await t.directory.getGroup('b0000000-0000-4000-8000-0000000000f1')).toMatchObject({
      displayName: 'Nieuw team',
      owners: [alex.id],
    });
  });

  test('a change hands out new objects for what changed only, and the policy compiled after it answers as from scratch', async () => {
    t = await openGraphDirectory(demoTenant);
    const policy = new PolicyCache(t.directory);
    const before = await t.directory.snapshot();
    const compiledBefore = await policy.current();
    await t.directory.addMember(marketing.id, isaiah.id);
    const after = await t.directory.snapshot();
    const compiledAfter = await policy.current();
    // Users (those with roles included) are the very same objects; of the groups only Marketing is new.
    after.users.forEach((user, i) => expect(user).toBe(before.users[i]));
    const renewed = after.groups.filter((g, i) => g !== before.groups[i]).map((g) => g.displayName);
    expect(renewed).toEqual(['Marketing']);
    // The policy took the other groups over, and answers for Marketing as a compile from scratch does.
    for (const group of after.groups) {
      const reused = compiledAfter.groups.get(group.id) === compiledBefore.groups.get(group.id);
      expect(reused).toBe(group.displayName !== 'Marketing');
    }
    const fresh = compilePolicy(after);
    const ask = { groupId: marketing.id, requesterId: alex.id, guestEmail: 'anna@fabrikam.com' };
    expect(evaluateGuest(compiledAfter, ask)).toEqual(evaluateGuest(fresh, ask));
    expect(groupProfile(compiledAfter, marketing.id)).toEqual(groupProfile(fresh, marketing.id));

    // A member added in the tenant: that group is new with the next delta round; the rest stays.
    t.graph.addGroupMember(marketing.id, alex.id);
    await t.directory.sync();
    const synced = await t.directory.snapshot();
    expect(synced.groups.filter((g, i) => g !== after.groups[i]).map((g) => g.displayName)).toEqual(['Marketing']);
    expect((await t.directory.getGroup(marketing.id))?.members).toContain(alex.id);
  });

  test('settings changed in the tenant arrive with the next settings read', async () => {
    t = await openGraphDirectory(demoTenant);
    t.graph.authorizationPolicy.allowInvitesFrom = 'adminsAndGuestInviters';
    t.graph.setDomainsPolicy({ AllowedDomains: ['fabrikam.com'] });
    await t.directory.refreshSettings();
    const snapshot = await t.directory.snapshot();
    expect(snapshot.authorizationPolicy.allowInvitesFrom).toBe('adminsAndGuestInviters');
    expect(snapshot.b2bManagementPolicy).toEqual({
      InvitationsAllowedAndBlockedDomainsPolicy: { AllowedDomains: ['fabrikam.com'] },
    });
  });

  test('a decision on a fresh mirror makes no Graph call; a domain is looked up once, "no tenant" included', async () => {
    t = await openGraphDirectory(demoTenant);
    const policy = new PolicyCache(t.directory);
    const ask = async (guestEmail: string) =>
      evaluateGuest(await policy.current([guestEmail]), {
        groupId: marketing.id,
        requesterId: demoUser('Nestor Wilke').id,
        guestEmail,
      });
    await ask('anna@northwindtraders.com');
    await ask('piet@gmail.com');
    const calls = t.graph.graphCalls().length;
    const blocked = await ask('bob@northwindtraders.com');
    await ask('kees@gmail.com');
    expect(t.graph.graphCalls().length).toBe(calls);
    expect(blocked.blockers.map((b) => b.code)).toContain('CROSS_TENANT_PARTNER_BLOCKED');
    expect(t.graph.graphCalls({ path: /findTenantInformationByDomainName/ }).map((c) => c.path)).toEqual([
      "/v1.0/tenantRelationships/findTenantInformationByDomainName(domainName='northwindtraders.com')",
      "/v1.0/tenantRelationships/findTenantInformationByDomainName(domainName='gmail.com')",
    ]);
  });
});

describe('freshness', () => {
  test('a membership change made in the tenant is seen within two sync intervals, without a full read', async () => {
    t = await openGraphDirectory(demoTenant);
    const usersReads = t.graph.graphCalls({ path: /^\/v1\.0\/users$/ }).length;
    t.directory.startSync(300, 60_000);
    try {
      t.graph.addGroupMember(marketing.id, isaiah.id);
      const started = Date.now();
      while (!(await t.directory.getGroup(marketing.id))?.members.includes(isaiah.id)) {
        if (Date.now() - started > 600 + 2_000) throw new Error('not seen within two intervals (plus slack)');
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await t.directory.stopSync();
    }
    expect(t.graph.graphCalls({ path: /^\/v1\.0\/users$/ }).length).toBe(usersReads);
  });

  test('"no Entra tenant" is remembered; a failed look-up is not', async () => {
    t = await openGraphDirectory(demoTenant);
    const lookups = () => t.graph.graphCalls({ path: /findTenantInformationByDomainName/ }).length;
    t.graph.failNext({
      path: /findTenantInformationByDomainName/,
      status: 503,
      headers: { 'Retry-After': '0' },
      times: 4,
    });
    expect(await t.directory.tenantOfDomain('fabrikam.com')).toBeUndefined();
    const afterFailure = lookups();
    expect((await t.directory.tenantOfDomain('fabrikam.com'))?.displayName).toBe('Fabrikam');
    expect(lookups()).toBe(afterFailure + 1);
    await t.directory.tenantOfDomain('gmail.com');
    await t.directory.tenantOfDomain('GMAIL.com');
    expect(lookups()).toBe(afterFailure + 2);
    expect((await t.directory.snapshot()).domainsWithoutTenant).toEqual(['gmail.com']);
  });
});

describe('what Graph cannot tell', () => {
  const legal = demoTenant.groups.find((g) => g.assignedLabels.length > 0)!;

  test('without overrides, Teams guest access, site sharing and label guest settings stay unverified', async () => {
    t = await openGraphDirectory(demoTenant);
    const snapshot = await t.directory.snapshot();
    expect(snapshot.teams?.allowGuestUser).toBeUndefined();
    expect((await t.directory.getGroup(marketing.id))?.site).toEqual({});
    expect(snapshot.sensitivityLabels.find((l) => l.id === legal.assignedLabels[0].labelId)).toEqual({
      id: legal.assignedLabels[0].labelId,
      displayName: expect.any(String),
    });
    const decision = evaluateGuest(await new PolicyCache(t.directory).current(['kari.hansen@fabrikam.com']), {
      groupId: marketing.id,
      requesterId: alex.id,
      guestEmail: 'kari.hansen@fabrikam.com',
    });
    expect(decision.unverified.map((u) => u.code)).toEqual(
      expect.arrayContaining(['TEAMS_GUEST_ACCESS_UNVERIFIED', 'SITE_SHARING_UNVERIFIED']),
    );
  });

  test('TENANT_OVERRIDES supplies them; anything Graph tells is refused in that file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'overrides-'));
    try {
      const good = join(dir, 'good.json');
      await writeFile(
        good,
        JSON.stringify({
          teams: { allowGuestUser: false },
          sensitivityLabels: [{ id: legal.assignedLabels[0].labelId, displayName: 'Confidential', allowGuests: false }],
          groups: [{ id: marketing.id, site: { sharingCapability: 'existingExternalUserSharingOnly' } }],
        }),
      );
      const loaded = await loadTenantOverrides(good);
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
      t = await openGraphDirectory(demoTenant, { overrides: loaded.overrides });
      const snapshot = await t.directory.snapshot();
      expect(snapshot.teams).toEqual({ allowGuestUser: false });
      expect((await t.directory.getGroup(marketing.id))?.site).toEqual({
        sharingCapability: 'existingExternalUserSharingOnly',
      });
      expect(snapshot.sensitivityLabels.find((l) => l.id === legal.assignedLabels[0].labelId)?.allowGuests).toBe(false);
      const decision = evaluateGuest(await new PolicyCache(t.directory).current(['kari.hansen@fabrikam.com']), {
        groupId: marketing.id,
        requesterId: alex.id,
        guestEmail: 'kari.hansen@fabrikam.com',
      });
      expect(decision.unverified).toEqual([]);

      const bad = join(dir, 'bad.json');
      await writeFile(
        bad,
        JSON.stringify({ authorizationPolicy: { allowInvitesFrom: 'none' }, teams: { allowGuestUser: 'yes' } }),
      );
      const refused = await loadTenantOverrides(bad);
      expect(refused.ok).toBe(false);
      expect(!refused.ok && refused.errors.map((e) => e.path).sort()).toEqual([
        '$.authorizationPolicy',
        '$.teams.allowGuestUser',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

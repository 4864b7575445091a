import { randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import {
  ROLE_DISPLAY_NAMES,
  ROLE_TEMPLATE_IDS,
  type KnownRole,
  type TenantSnapshot,
} from '../../src/policy/tenantModel.js';

/**
 * A loopback Microsoft Graph (and Entra token endpoint) over https, answering in Graph's documented shapes:
 * collections as `{ value, @odata.nextLink }` paged by `$top`/server page size, delta rounds ending in
 * `@odata.deltaLink` (groups carry `members@delta` / `owners@delta`, removals `@removed`), errors as
 * `{ error: { code, message } }`, `$ref` writes answering 204, 429 with Retry-After on request.
 *
 * Built from a tenant snapshot (the embedded format) so the same tenant can be served by both directories. Records
 * every request (`calls`) so tests can assert what reached Graph. Shared by the Graph directory, mail and guest
 * tests: extend it with the endpoints you need, following the Graph documentation for each shape.
 */

export interface GraphCall {
  method: string;
  /** Path with query, as received (e.g. `/v1.0/users?$select=id`). */
  url: string;
  path: string;
  query: URLSearchParams;
  body: any;
  authorized: boolean;
}

type Json = Record<string, any>;

interface Fault {
  method?: string;
  path?: RegExp;
  status: number;
  body?: Json;
  headers?: Record<string, string>;
  remaining: number;
}

interface Change {
  seq: number;
  kind: 'user' | 'group';
  id: string;
  deleted?: boolean;
  members?: { id: string; removed: boolean }[];
  owners?: { id: string; removed: boolean }[];
}

/** A role as a snapshot may write it (template id, built-in display name, or { roleTemplateId }) → template id. */
function roleTemplateId(role: unknown): string | undefined {
  if (typeof role === 'object' && role !== null)
    return (role as { roleTemplateId?: string }).roleTemplateId?.toLowerCase();
  if (typeof role !== 'string') return undefined;
  const byName = (Object.entries(ROLE_DISPLAY_NAMES) as [KnownRole, string][]).find(([, name]) => name === role);
  return byName ? ROLE_TEMPLATE_IDS[byName[0]] : role.toLowerCase();
}

function roleDisplayName(templateId: string): string {
  const known = (Object.entries(ROLE_TEMPLATE_IDS) as [KnownRole, string][]).find(([, id]) => id === templateId);
  return known ? ROLE_DISPLAY_NAMES[known[0]] : templateId;
}

export interface FakeGraphOptions {
  /** Items per page when the client sends no `$top` (Graph's own defaults are 100 for users/groups). */
  pageSize?: number;
  /** The Teams app in the organisation's catalog: its catalog id and the manifest id (externalId). */
  teamsApp?: { id: string; externalId: string; displayName?: string };
  /** The relationships `/groups/delta` reports when selected (Graph documents members and owners; default both). */
  deltaRelationships?: ('members' | 'owners')[];
}

export interface Certificate {
  cert: string;
  key: string;
  /** A file holding the certificate, for NODE_EXTRA_CA_CERTS in child processes. */
  caFile: string;
}

/** A throw-away certificate for 127.0.0.1/localhost (generated once per process). */
let certificate: Promise<Certificate> | undefined;
export function testCertificate(): Promise<Certificate> {
  certificate ??= (async () => {
    const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
      keyType: 'ec',
      curve: 'P-256',
      notAfterDate: new Date(Date.now() + 2 * 86_400_000),
      extensions: [
        { name: 'basicConstraints', cA: true },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 7, ip: '127.0.0.1' },
            { type: 2, value: 'localhost' },
          ],
        },
      ],
    });
    const dir = await mkdtemp(join(tmpdir(), 'fake-graph-ca-'));
    const caFile = join(dir, 'ca.pem');
    await writeFile(caFile, pems.cert);
    return { cert: pems.cert, key: pems.private, caFile };
  })();
  return certificate;
}

const USER_PROPERTIES = [
  'id',
  'displayName',
  'mail',
  'userPrincipalName',
  'userType',
  'accountEnabled',
  'preferredLanguage',
  'externalUserState',
  'givenName',
  'surname',
  'createdDateTime',
];

export class FakeGraph {
  readonly calls: GraphCall[] = [];
  readonly tenantId: string;
  readonly users = new Map<string, Json>();
  readonly groups = new Map<string, Json>();
  readonly owners = new Map<string, Set<string>>();
  readonly members = new Map<string, Set<string>>();
  readonly groupSettingsById = new Map<string, Json[]>();
  /** Directory role assignments: role template id → user ids. */
  readonly roleMembers = new Map<string, Set<string>>();
  organization: Json;
  authorizationPolicy: Json;
  groupSettings: Json[];
  crossTenantDefault: Json;
  crossTenantPartners: Json[];
  b2bManagementPolicies: Json[];
  sharePointSettings: Json;
  /** Domain → tenantInformation, for findTenantInformationByDomainName. Unknown domains answer 404. */
  readonly tenantsByDomain = new Map<string, Json>();
  /** Invitations received (bodies), and the Teams app installations per user. */
  readonly invitations: Json[] = [];
  readonly installedApps = new Map<string, Map<string, string>>();
  /** Users for whom installing the app is refused (403), e.g. because an admin policy blocks the app. */
  readonly refuseAppInstallFor = new Set<string>();
  /** Mails accepted by POST /users/{id | userPrincipalName}/sendMail: the sending mailbox's id and the request body. */
  readonly sentMail: { senderId: string; body: Json }[] = [];
  /** Answer POST /invitations with 403 Authorization_RequestDenied (guest invite settings refuse the app). */
  refuseInvitations = false;
  /** Answer `$select=signInActivity` with 403, as Graph does without AuditLog.Read.All or an Entra ID P1 licence. */
  refuseSignInActivity = false;
  teamsApp?: { id: string; externalId: string; displayName?: string };
  pageSize: number;
  deltaRelationships: ('members' | 'owners')[];
  url = '';
  private server?: Server;
  private readonly tokens = new Set<string>();
  private readonly faults: Fault[] = [];
  private readonly changes: Change[] = [];
  private seq = 1;

  constructor(snapshot: TenantSnapshot, options: FakeGraphOptions = {}) {
    this.pageSize = options.pageSize ?? 100;
    this.deltaRelationships = options.deltaRelationships ?? ['members', 'owners'];
    this.teamsApp = options.teamsApp;
    const t = snapshot.tenant;
    this.tenantId = t.id;
    this.organization = {
      id: t.id,
      displayName: t.displayName,
      verifiedDomains: t.verifiedDomains.map((name, i) => ({
        capabilities: 'Email, OfficeCommunicationsOnline',
        isDefault: i === 0,
        isInitial: /\.onmicrosoft\.com$/i.test(name),
        name,
        type: 'Managed',
      })),
    };
    this.authorizationPolicy = {
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#policies/authorizationPolicy/$entity',
      id: 'authorizationPolicy',
      displayName: 'Authorization Policy',
      description: 'Used to manage authorization related settings across the company.',
      allowInvitesFrom: snapshot.authorizationPolicy.allowInvitesFrom,
      allowedToSignUpEmailBasedSubscriptions: true,
      allowedToUseSSPR: true,
      allowEmailVerifiedUsersToJoinOrganization: true,
      blockMsolPowerShell: null,
      guestUserRoleId: snapshot.authorizationPolicy.guestUserRoleId,
      defaultUserRolePermissions: { allowedToCreateApps: true, allowedToReadOtherUsers: true },
    };
    this.groupSettings = snapshot.groupSettings.map((s) => ({
      id: s.id ?? randomUUID(),
      displayName: s.displayName ?? 'Group.Unified',
      templateId: s.templateId,
      values: s.values.map((v) => ({ ...v })),
    }));
    const inbound = (accessType: string) => ({
      usersAndGroups: { accessType, targets: [{ target: 'AllUsers', targetType: 'user' }] },
      applications: { accessType, targets: [{ target: 'AllApplications', targetType: 'application' }] },
    });
    this.crossTenantDefault = {
      isServiceDefault:
        snapshot.crossTenantAccessPolicy.default.b2bCollaborationInbound.usersAndGroups.accessType === 'allowed',
      inboundTrust: {
        isMfaAccepted: false,
        isCompliantDeviceAccepted: false,
        isHybridAzureADJoinedDeviceAccepted: false,
      },
      b2bCollaborationOutbound: inbound('allowed'),
      b2bCollaborationInbound: inbound(
        snapshot.crossTenantAccessPolicy.default.b2bCollaborationInbound.usersAndGroups.accessType,
      ),
      b2bDirectConnectOutbound: inbound('blocked'),
      b2bDirectConnectInbound: inbound('blocked'),
    };
    this.crossTenantPartners = snapshot.crossTenantAccessPolicy.partners.map((p) => ({
      tenantId: p.tenantId,
      inboundTrust: null,
      automaticUserConsentSettings: { inboundAllowed: null, outboundAllowed: null },
      b2bCollaborationInbound: inbound(p.b2bCollaborationInbound.usersAndGroups.accessType),
      b2bCollaborationOutbound: null,
      b2bDirectConnectOutbound: null,
      b2bDirectConnectInbound: null,
    }));
    const domains = snapshot.b2bManagementPolicy.InvitationsAllowedAndBlockedDomainsPolicy;
    this.b2bManagementPolicies = [];
    if (domains !== undefined) this.setDomainsPolicy(domains);
    this.sharePointSettings = {
      sharingCapability: snapshot.sharePoint.sharingCapability,
      sharingDomainRestrictionMode: snapshot.sharePoint.sharingDomainRestrictionMode,
      sharingAllowedDomainList: [...snapshot.sharePoint.sharingAllowedDomainList],
      sharingBlockedDomainList: [...snapshot.sharePoint.sharingBlockedDomainList],
      isResharingByExternalUsersEnabled: true,
      tenantDefaultTimezone: '(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna',
    };
    for (const name of t.verifiedDomains)
      this.tenantsByDomain.set(name.toLowerCase(), this.tenantInformation(t.id, t.displayName, t.verifiedDomains[0]));
    for (const ext of snapshot.externalTenants) {
      for (const d of ext.domains)
        this.tenantsByDomain.set(
          d.toLowerCase(),
          this.tenantInformation(ext.tenantId, ext.displayName, ext.domains[0]),
        );
    }
    for (const u of snapshot.users) {
      this.users.set(u.id, {
        id: u.id,
        displayName: u.displayName,
        mail: u.mail,
        userPrincipalName: u.userPrincipalName,
        userType: u.userType,
        accountEnabled: u.accountEnabled,
        preferredLanguage: u.preferredLanguage ?? null,
        externalUserState: u.userType === 'Guest' ? (u.externalUserState ?? 'Accepted') : null,
        givenName: null,
        surname: null,
        createdDateTime: u.createdDateTime ?? '2024-01-15T09:00:00Z',
        ...(u.externalUserStateChangeDateTime
          ? { externalUserStateChangeDateTime: u.externalUserStateChangeDateTime }
          : {}),
        ...(u.signInActivity
          ? { signInActivity: { lastSignInDateTime: u.signInActivity.lastSignInDateTime, lastSignInRequestId: null } }
          : {}),
      });
      for (const role of u.roles as unknown[]) {
        const templateId = roleTemplateId(role);
        if (templateId === undefined) continue;
        if (!this.roleMembers.has(templateId)) this.roleMembers.set(templateId, new Set());
        this.roleMembers.get(templateId)!.add(u.id);
      }
    }
    for (const g of snapshot.groups) {
      this.groups.set(g.id, {
        id: g.id,
        displayName: g.displayName,
        description: g.description ?? null,
        mail: g.mail,
        mailNickname: (g.mail ?? g.displayName).split('@')[0].replace(/\s+/g, ''),
        groupTypes: [...g.groupTypes],
        mailEnabled: g.mailEnabled,
        securityEnabled: g.securityEnabled,
        onPremisesSyncEnabled: g.onPremisesSyncEnabled,
        membershipRule: g.membershipRule,
        membershipRuleProcessingState: g.membershipRule ? 'On' : null,
        resourceProvisioningOptions: [...g.resourceProvisioningOptions],
        creationOptions: [...(g.creationOptions ?? [])],
        assignedLabels: g.assignedLabels.map((l) => ({ labelId: l.labelId, displayName: l.displayName ?? null })),
        assignedLicenses: g.assignedLicenses.map((l) => ({ disabledPlans: [], skuId: l.skuId })),
        visibility: 'Private',
        createdDateTime: '2024-01-15T09:00:00Z',
      });
      this.owners.set(g.id, new Set(g.owners));
      this.members.set(g.id, new Set(g.members));
      this.groupSettingsById.set(
        g.id,
        g.settings.map((s) => ({
          id: s.id ?? randomUUID(),
          displayName: s.displayName ?? 'Group.Unified.Guest',
          templateId: s.templateId,
          values: s.values.map((v) => ({ ...v })),
        })),
      );
    }
  }

  /** Starts listening on 127.0.0.1 (https); resolves with the base URL (no trailing slash). */
  async start(): Promise<string> {
    const { cert, key } = await testCertificate();
    this.server = createServer({ cert, key, keepAlive: true }, (req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.url = `https://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    return this.url;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  /** The Entra authority host to give @azure/identity (the token endpoint is `/{tenant}/oauth2/v2.0/token`). */
  get authorityHost(): string {
    return this.url;
  }

  /**
   * Answers the next `times` requests matching `method`/`path` with `status` (e.g. 429 with
   * `{ 'Retry-After': '1' }`); the body defaults to a Graph error.
   */
  failNext(fault: {
    method?: string;
    path?: RegExp;
    status: number;
    body?: Json;
    headers?: Record<string, string>;
    times?: number;
  }): void {
    this.faults.push({ ...fault, remaining: fault.times ?? 1 });
  }

  /** Requests that reached Graph proper (not the token endpoint), optionally filtered. */
  graphCalls(filter?: { method?: string; path?: RegExp }): GraphCall[] {
    return this.calls.filter(
      (c) =>
        /^\/(v1\.0|beta)\//.test(c.path) &&
        (!filter?.method || c.method === filter.method) &&
        (!filter?.path || filter.path.test(c.path)),
    );
  }

  // --- changes made "in the tenant" (by an admin, not the bot), visible through delta -------------------------

  addUser(user: Json): void {
    this.users.set(user.id, {
      accountEnabled: true,
      userType: 'Member',
      preferredLanguage: null,
      externalUserState: null,
      ...user,
    });
    this.record({ kind: 'user', id: user.id });
  }

  updateUser(id: string, change: Json): void {
    Object.assign(this.users.get(id)!, change);
    this.record({ kind: 'user', id });
  }

  deleteUser(id: string): void {
    this.users.delete(id);
    for (const set of [...this.members.values(), ...this.owners.values()]) set.delete(id);
    this.record({ kind: 'user', id, deleted: true });
  }

  addGroupMember(groupId: string, userId: string): void {
    this.members.get(groupId)!.add(userId);
    this.record({ kind: 'group', id: groupId, members: [{ id: userId, removed: false }] });
  }

  removeGroupMember(groupId: string, userId: string): void {
    this.members.get(groupId)!.delete(userId);
    this.record({ kind: 'group', id: groupId, members: [{ id: userId, removed: true }] });
  }

  addGroupOwner(groupId: string, userId: string): void {
    this.owners.get(groupId)!.add(userId);
    this.record({ kind: 'group', id: groupId, owners: [{ id: userId, removed: false }] });
  }

  updateGroup(id: string, change: Json): void {
    Object.assign(this.groups.get(id)!, change);
    this.record({ kind: 'group', id });
  }

  addGroup(group: Json, owners: string[] = [], members: string[] = []): void {
    this.groups.set(group.id, {
      groupTypes: ['Unified'],
      mailEnabled: true,
      securityEnabled: false,
      onPremisesSyncEnabled: null,
      membershipRule: null,
      resourceProvisioningOptions: [],
      assignedLabels: [],
      assignedLicenses: [],
      ...group,
    });
    this.owners.set(group.id, new Set(owners));
    this.members.set(group.id, new Set(members));
    this.groupSettingsById.set(group.id, []);
    this.record({
      kind: 'group',
      id: group.id,
      members: members.map((id) => ({ id, removed: false })),
      owners: owners.map((id) => ({ id, removed: false })),
    });
  }

  deleteGroup(id: string): void {
    this.groups.delete(id);
    this.owners.delete(id);
    this.members.delete(id);
    this.record({ kind: 'group', id, deleted: true });
  }

  setDomainsPolicy(policy: { AllowedDomains?: string[]; BlockedDomains?: string[] }): void {
    this.b2bManagementPolicies = [
      {
        '@odata.type': '#microsoft.graph.b2bManagementPolicy',
        id: 'f596ef0d-42f9-0359-1aaa-12d02b38802a',
        deletedDateTime: null,
        description: 'Policy used for B2B features',
        displayName: 'B2BManagementPolicy',
        definition: [
          JSON.stringify({
            B2BManagementPolicy: {
              InvitationsAllowedAndBlockedDomainsPolicy: policy,
              AutoRedeemPolicy: { AdminConsentedForUsersIntoTenantIds: [], NoAADConsentForUsersFromTenantsIds: [] },
            },
          }),
        ],
        isOrganizationDefault: true,
      },
    ];
  }

  private record(change: Omit<Change, 'seq'>): void {
    this.changes.push({ ...change, seq: this.seq++ });
  }

  private tenantInformation(tenantId: string, displayName: string, defaultDomainName: string): Json {
    return {
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.tenantInformation',
      tenantId,
      federationBrandName: null,
      displayName,
      defaultDomainName,
    };
  }

  // --- HTTP ---------------------------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'https://fake');
    const path = decodeURIComponent(url.pathname);
    const method = req.method ?? 'GET';
    const auth = req.headers.authorization ?? '';
    const authorized = auth.startsWith('Bearer ') && this.tokens.has(auth.slice(7));
    let body: unknown = raw;
    if ((req.headers['content-type'] ?? '').includes('json') && raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const call: GraphCall = { method, url: req.url ?? '/', path, query: url.searchParams, body, authorized };
    this.calls.push(call);
    try {
      if (
        /\/oauth2\/v2\.0\/token$/.test(path) ||
        /openid-configuration$/.test(path) ||
        /\/discovery\/instance$/.test(path)
      ) {
        return this.identity(path, raw, res);
      }
      const fault = this.faults.find(
        (f) => f.remaining > 0 && (!f.method || f.method === method) && (!f.path || f.path.test(path)),
      );
      if (fault) {
        fault.remaining -= 1;
        const status = fault.status;
        const errorBody = fault.body ?? {
          error: {
            code: status === 429 ? 'TooManyRequests' : 'ServiceUnavailable',
            message: 'Please retry again later.',
          },
        };
        return send(res, status, errorBody, fault.headers);
      }
      if (!authorized) {
        return send(res, 401, { error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' } });
      }
      const match = /^\/(v1\.0|beta)(\/.*)$/.exec(path);
      if (!match) return notFound(res, path);
      const [, version, rest] = match;
      return this.route(version, rest, method, url.searchParams, body as Json, req, res);
    } catch (error) {
      send(res, 500, { error: { code: 'generalException', message: String(error) } });
    }
  }

  private identity(path: string, raw: string, res: ServerResponse): void {
    const tenant = path.split('/')[1];
    if (path.endsWith('openid-configuration')) {
      return send(res, 200, {
        token_endpoint: `${this.url}/${tenant}/oauth2/v2.0/token`,
        issuer: `${this.url}/${tenant}/v2.0`,
        authorization_endpoint: `${this.url}/${tenant}/oauth2/v2.0/authorize`,
        jwks_uri: `${this.url}/${tenant}/discovery/v2.0/keys`,
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      });
    }
    if (path.endsWith('/discovery/instance')) {
      return send(res, 200, {
        tenant_discovery_endpoint: `${this.url}/${tenant}/v2.0/.well-known/openid-configuration`,
        metadata: [],
      });
    }
    const form = new URLSearchParams(raw);
    if (form.get('grant_type') !== 'client_credentials' || !form.get('client_id')) {
      return send(res, 400, {
        error: 'invalid_request',
        error_description: 'AADSTS900144: The request body must contain the following parameter: grant_type.',
      });
    }
    if (form.get('client_secret') === 'wrong-secret') {
      return send(res, 401, {
        error: 'invalid_client',
        error_description: 'AADSTS7000215: Invalid client secret provided.',
      });
    }
    const token = `fake-${randomUUID()}`;
    this.tokens.add(token);
    send(res, 200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token });
  }

  /** sendMail: 202 Accepted with no body; 400 ErrorInvalidRecipients / ErrorInvalidRequest for a malformed message. */
  private sendMail(res: ServerResponse, sender: string, body: Json): void {
    const user =
      this.users.get(sender) ??
      [...this.users.values()].find((u) => u.userPrincipalName?.toLowerCase() === sender.toLowerCase());
    if (!user)
      return send(res, 404, {
        error: { code: 'ErrorInvalidUser', message: `The requested user '${sender}' is invalid.` },
      });
    const message = body?.message;
    const recipients = message?.toRecipients;
    if (!message || typeof message !== 'object')
      return send(res, 400, { error: { code: 'ErrorInvalidRequest', message: 'message is required' } });
    if (
      !Array.isArray(recipients) ||
      recipients.length === 0 ||
      recipients.some((r: Json) => typeof r?.emailAddress?.address !== 'string')
    ) {
      return send(res, 400, {
        error: { code: 'ErrorInvalidRecipients', message: 'At least one recipient is not valid.' },
      });
    }
    if (message.body && !/^(text|html)$/i.test(String(message.body.contentType ?? ''))) {
      return send(res, 400, {
        error: { code: 'ErrorInvalidRequest', message: 'body.contentType must be Text or HTML' },
      });
    }
    this.sentMail.push({ senderId: user.id, body });
    return send(res, 202);
  }

  private route(
    version: string,
    path: string,
    method: string,
    q: URLSearchParams,
    body: Json,
    req: IncomingMessage,
    res: ServerResponse,
  ): void {
    const base = `${this.url}/${version}`;
    let m: RegExpExecArray | null;
    if (version === 'beta' && method === 'GET' && path === '/policies/b2bManagementPolicies') {
      return send(res, 200, {
        '@odata.context': `${base}/$metadata#policies/b2bManagementPolicies`,
        value: this.b2bManagementPolicies,
      });
    }
    if (method === 'GET' && path === '/organization') return send(res, 200, { value: [select(this.organization, q)] });
    if (method === 'GET' && path === '/users') return this.listUsers(res, base, path, q);
    if (method === 'DELETE' && (m = /^\/users\/([^/]+)$/.exec(path))) {
      if (!this.users.has(m[1])) return notFound(res, m[1]);
      this.deleteUser(m[1]);
      return send(res, 204);
    }
    if (method === 'GET' && (m = /^\/users\/([^/]+)$/.exec(path)) && m[1] !== 'delta') {
      const user =
        this.users.get(m[1]) ??
        [...this.users.values()].find((u) => u.userPrincipalName?.toLowerCase() === m![1].toLowerCase());
      return user ? send(res, 200, select(user, q)) : notFound(res, m[1]);
    }
    if (method === 'GET' && path === '/users/delta') return this.delta(res, base, 'user', q);
    if (method === 'GET' && path === '/groups') return this.page(res, base, path, q, [...this.groups.values()]);
    if (method === 'GET' && path === '/groups/delta') return this.delta(res, base, 'group', q);
    if (method === 'GET' && (m = /^\/groups\/([^/]+)$/.exec(path))) {
      const group = this.groups.get(m[1]);
      return group ? send(res, 200, select(group, q)) : notFound(res, m[1]);
    }
    if (method === 'GET' && (m = /^\/groups\/([^/]+)\/(owners|members)$/.exec(path))) {
      const ids = (m[2] === 'owners' ? this.owners : this.members).get(m[1]);
      if (!ids) return notFound(res, m[1]);
      return this.page(
        res,
        base,
        path,
        q,
        [...ids].flatMap((id) =>
          this.users.has(id) ? [{ '@odata.type': '#microsoft.graph.user', ...this.users.get(id)! }] : [],
        ),
      );
    }
    if (method === 'GET' && (m = /^\/groups\/([^/]+)\/settings$/.exec(path))) {
      const settings = this.groupSettingsById.get(m[1]);
      return settings ? send(res, 200, { value: settings }) : notFound(res, m[1]);
    }
    if (method === 'POST' && (m = /^\/groups\/([^/]+)\/members\/\$ref$/.exec(path)))
      return this.addMemberRef(res, m[1], body);
    if (method === 'DELETE' && (m = /^\/groups\/([^/]+)\/members\/([^/]+)\/\$ref$/.exec(path))) {
      const members = this.members.get(m[1]);
      if (!members) return notFound(res, m[1]);
      if (!members.has(m[2])) return notFound(res, m[2]);
      this.removeGroupMember(m[1], m[2]);
      return send(res, 204);
    }
    if (method === 'GET' && path === '/directoryRoles') {
      const roles = [...this.roleMembers.keys()].map((templateId) => ({
        id: `role-${templateId}`,
        deletedDateTime: null,
        description: '',
        displayName: roleDisplayName(templateId),
        roleTemplateId: templateId,
      }));
      return send(res, 200, {
        '@odata.context': `${base}/$metadata#directoryRoles`,
        value: roles.map((r) => select(r, q)),
      });
    }
    if (method === 'GET' && (m = /^\/directoryRoles\/([^/]+)\/members$/.exec(path))) {
      const templateId = m[1]
        .replace(/^role-/, '')
        .replace(/^roleTemplateId=(.*)$/, '$1')
        .replace(/'/g, '');
      const ids = this.roleMembers.get(templateId);
      if (!ids) return notFound(res, m[1]);
      return this.page(
        res,
        base,
        path,
        q,
        [...ids].flatMap((id) =>
          this.users.has(id) ? [{ '@odata.type': '#microsoft.graph.user', ...this.users.get(id)! }] : [],
        ),
      );
    }
    if (method === 'GET' && path === '/policies/authorizationPolicy') return send(res, 200, this.authorizationPolicy);
    if (method === 'GET' && path === '/groupSettings')
      return send(res, 200, { '@odata.context': `${base}/$metadata#groupSettings`, value: this.groupSettings });
    if (method === 'GET' && path === '/policies/crossTenantAccessPolicy/default')
      return send(res, 200, this.crossTenantDefault);
    if (method === 'GET' && path === '/policies/crossTenantAccessPolicy/partners')
      return this.page(res, base, path, q, this.crossTenantPartners);
    if (method === 'GET' && path === '/admin/sharepoint/settings') {
      return send(res, 200, {
        '@odata.context': `${base}/$metadata#admin/sharepoint/settings/$entity`,
        ...this.sharePointSettings,
      });
    }
    if (
      method === 'GET' &&
      (m = /^\/tenantRelationships\/findTenantInformationByDomainName\(domainName='([^']*)'\)$/.exec(path))
    ) {
      const info = this.tenantsByDomain.get(m[1].toLowerCase());
      return info ? send(res, 200, info) : notFound(res, m[1]);
    }
    if (method === 'POST' && path === '/invitations') return this.invite(res, base, body);
    if (method === 'POST' && (m = /^\/users\/([^/]+)\/sendMail$/.exec(path))) return this.sendMail(res, m[1], body);
    if (method === 'GET' && path === '/appCatalogs/teamsApps') {
      const filter = q.get('$filter') ?? '';
      const wanted = /externalId eq '([^']*)'/.exec(filter)?.[1];
      const apps =
        this.teamsApp && (wanted === undefined || wanted === this.teamsApp.externalId)
          ? [
              {
                id: this.teamsApp.id,
                externalId: this.teamsApp.externalId,
                displayName: this.teamsApp.displayName ?? 'Guest access',
                distributionMethod: 'organization',
              },
            ]
          : [];
      return send(res, 200, { '@odata.context': `${base}/$metadata#appCatalogs/teamsApps`, value: apps });
    }
    if ((m = /^\/users\/([^/]+)\/teamwork\/installedApps(?:\/([^/]+))?(\/chat)?$/.exec(path)))
      return this.teamwork(res, method, m[1], m[2], !!m[3], q, body);
    void req;
    return notFound(res, path);
  }

  private addMemberRef(res: ServerResponse, groupId: string, body: Json): void {
    const members = this.members.get(groupId);
    if (!members) return notFound(res, groupId);
    const ref = typeof body?.['@odata.id'] === 'string' ? body['@odata.id'] : '';
    const userId = /directoryObjects\/([^/?]+)$/.exec(ref)?.[1] ?? /users\/([^/?]+)$/.exec(ref)?.[1];
    if (!userId)
      return send(res, 400, {
        error: { code: 'BadRequest', message: "Invalid URL format specified in @odata.id for 'members'." },
      });
    if (!this.users.has(userId)) return notFound(res, userId);
    const group = this.groups.get(groupId)!;
    if (group.groupTypes.includes('DynamicMembership') || group.onPremisesSyncEnabled === true) {
      return send(res, 400, {
        error: {
          code: 'Request_BadRequest',
          message: 'Insufficient privileges to complete the write operation on a dynamic or synchronised group.',
        },
      });
    }
    if (members.has(userId)) {
      return send(res, 400, {
        error: {
          code: 'Request_BadRequest',
          message:
            "One or more added object references already exist for the following modified properties: 'members'.",
        },
      });
    }
    this.addGroupMember(groupId, userId);
    send(res, 204);
  }

  private invite(res: ServerResponse, base: string, body: Json): void {
    const address = typeof body?.invitedUserEmailAddress === 'string' ? body.invitedUserEmailAddress.trim() : '';
    if (!body?.inviteRedirectUrl) {
      return send(res, 400, {
        error: { code: 'BadRequest', message: 'The invitation is missing the required property inviteRedirectUrl.' },
      });
    }
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address)) {
      return send(res, 400, { error: { code: 'BadRequest', message: 'The specified email address is invalid.' } });
    }
    if (this.refuseInvitations) {
      return send(res, 403, {
        error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' },
      });
    }
    const domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
    const policy = this.domainsPolicy();
    const allowed = policy?.AllowedDomains?.map((d: string) => d.toLowerCase());
    const blocked = policy?.BlockedDomains?.map((d: string) => d.toLowerCase());
    if ((allowed && !allowed.includes(domain)) || blocked?.includes(domain)) {
      return send(res, 400, {
        error: {
          code: 'BadRequest',
          message: `The invited user's domain ${domain} is blocked by the organization's B2B collaboration policy.`,
        },
      });
    }
    this.invitations.push(body);
    if (body.resetRedemption === true) {
      // Reset: the named user (invitedUser.id) may redeem again, possibly with another account.
      const id = body.invitedUser?.id;
      if (typeof id !== 'string' || !this.users.has(id)) return notFound(res, String(id));
      this.updateUser(id, {
        externalUserState: 'PendingAcceptance',
        externalUserStateChangeDateTime: new Date().toISOString(),
      });
    }
    let user =
      body.resetRedemption === true
        ? this.users.get(body.invitedUser.id)
        : [...this.users.values()].find((u) => u.mail?.toLowerCase() === address.toLowerCase());
    if (!user) {
      const id = randomUUID();
      const initial =
        this.organization.verifiedDomains.find((d: Json) => d.isInitial)?.name ??
        this.organization.verifiedDomains[0].name;
      user = {
        id,
        displayName: body.invitedUserDisplayName ?? address.slice(0, address.indexOf('@')),
        mail: address,
        userPrincipalName: `${address.replace('@', '_')}#EXT#@${initial}`,
        userType: 'Guest',
        accountEnabled: true,
        preferredLanguage: body.invitedUserMessageInfo?.messageLanguage ?? null,
        externalUserState: 'PendingAcceptance',
      };
      this.addUser(user);
    }
    send(res, 201, {
      '@odata.context': `${base}/$metadata#invitations/$entity`,
      id: randomUUID(),
      inviteRedeemUrl: `https://login.microsoftonline.com/redeem?rd=https%3a%2f%2finvitations.microsoft.com%2fredeem%2f%3ftenant%3d${this.tenantId}`,
      invitedUserDisplayName: body.invitedUserDisplayName ?? null,
      invitedUserType: 'Guest',
      invitedUserEmailAddress: address,
      sendInvitationMessage: body.sendInvitationMessage ?? false,
      resetRedemption: body.resetRedemption === true,
      inviteRedirectUrl: body.inviteRedirectUrl,
      status: 'PendingAcceptance',
      invitedUserMessageInfo: {
        messageLanguage: body.invitedUserMessageInfo?.messageLanguage ?? null,
        customizedMessageBody: body.invitedUserMessageInfo?.customizedMessageBody ?? null,
        ccRecipients: [{ emailAddress: { name: null, address: null } }],
      },
      invitedUser: { id: user.id },
    });
  }

  private domainsPolicy(): { AllowedDomains?: string[]; BlockedDomains?: string[] } | undefined {
    const active = this.b2bManagementPolicies.find(
      (p) => p.isOrganizationDefault === true || p.isOrganizationDefault === 'true',
    );
    if (!active) return undefined;
    return JSON.parse(active.definition[0]).B2BManagementPolicy?.InvitationsAllowedAndBlockedDomainsPolicy;
  }

  private teamwork(
    res: ServerResponse,
    method: string,
    userId: string,
    installId: string | undefined,
    chat: boolean,
    q: URLSearchParams,
    body: Json,
  ): void {
    if (!this.users.has(userId)) return notFound(res, userId);
    const installed = this.installedApps.get(userId) ?? new Map<string, string>();
    this.installedApps.set(userId, installed);
    if (method === 'POST' && !installId) {
      const bind = typeof body?.['teamsApp@odata.bind'] === 'string' ? body['teamsApp@odata.bind'] : '';
      const appId = /appCatalogs\/teamsApps\/([^/?]+)$/.exec(bind)?.[1];
      if (!appId) return send(res, 400, { error: { code: 'BadRequest', message: 'teamsApp@odata.bind is required.' } });
      if (!this.teamsApp || appId !== this.teamsApp.id) return notFound(res, appId);
      if (this.refuseAppInstallFor.has(userId)) {
        return send(res, 403, {
          error: { code: 'Forbidden', message: 'The app is blocked by the app permission policy of the user.' },
        });
      }
      if ([...installed.values()].includes(appId)) {
        return send(res, 409, { error: { code: 'Conflict', message: 'App is already installed for the user.' } });
      }
      installed.set(Buffer.from(`${userId}##${appId}`).toString('base64'), appId);
      return send(res, 201);
    }
    if (method === 'GET' && !installId) {
      const wanted = /teamsApp\/id eq '([^']*)'/.exec(q.get('$filter') ?? '')?.[1];
      const value = [...installed.entries()]
        .filter(([, appId]) => wanted === undefined || appId === wanted)
        .map(([id, appId]) => ({
          id,
          teamsApp: {
            id: appId,
            externalId: this.teamsApp?.externalId,
            displayName: this.teamsApp?.displayName ?? 'Guest access',
            distributionMethod: 'organization',
          },
        }));
      return send(res, 200, { value });
    }
    if (method === 'GET' && installId && chat) {
      const appId = installed.get(installId);
      if (!appId) return notFound(res, installId);
      return send(res, 200, {
        id: `19:${userId}_${appId}@unq.gbl.spaces`,
        topic: null,
        createdDateTime: '2024-01-15T09:00:00Z',
        lastUpdatedDateTime: '2024-01-15T09:00:00Z',
        chatType: 'oneOnOne',
      });
    }
    return notFound(res, installId ?? userId);
  }

  /** A collection page: `$top` (or the server's page size) items, `@odata.nextLink` while more remain. */
  /**
   * GET /users: `$filter=userType eq 'Guest'` (the one filter the bot sends); `$select=signInActivity` pages at most
   * 120 users and needs AuditLog.Read.All (see {@link refuseSignInActivity}).
   */
  private listUsers(res: ServerResponse, base: string, path: string, q: URLSearchParams): void {
    const filter = q.get('$filter');
    const signIns = (q.get('$select') ?? '').split(',').includes('signInActivity');
    if (signIns && this.refuseSignInActivity) {
      return send(res, 403, {
        error: {
          code: 'Authorization_RequestDenied',
          message: "Neither tenant is B2C or tenant doesn't have premium license",
        },
      });
    }
    let users = [...this.users.values()];
    if (filter !== null) {
      const userType = /^userType eq '(Guest|Member)'$/.exec(filter)?.[1];
      if (!userType)
        return send(res, 400, { error: { code: 'Request_UnsupportedQuery', message: `Unsupported query: ${filter}` } });
      users = users.filter((u) => u.userType === userType);
    }
    return this.page(res, base, path, q, users, signIns ? 120 : 999);
  }

  private page(res: ServerResponse, base: string, path: string, q: URLSearchParams, items: Json[], maxTop = 999): void {
    const top = Math.min(Number(q.get('$top') ?? this.pageSize) || this.pageSize, maxTop);
    const size = Math.min(top, this.pageSize);
    const offset = Number(q.get('$skiptoken') ? Buffer.from(q.get('$skiptoken')!, 'base64url').toString() : '0');
    const slice = items.slice(offset, offset + size).map((item) => select(item, q));
    const out: Json = { '@odata.context': `${base}/$metadata#${path.slice(1)}`, value: slice };
    if (offset + size < items.length) {
      const next = new URLSearchParams(q);
      next.set('$skiptoken', Buffer.from(String(offset + size)).toString('base64url'));
      out['@odata.nextLink'] = `${base}${path}?${next.toString()}`;
    }
    send(res, 200, out);
  }

  /**
   * A delta round. Without a token: every object (groups with all their members and owners), paged, then a
   * deltaLink. With `$deltatoken=latest`: only a deltaLink. With a token: what changed since it was issued.
   */
  private delta(res: ServerResponse, base: string, kind: 'user' | 'group', q: URLSearchParams): void {
    const path = kind === 'user' ? '/users/delta' : '/groups/delta';
    const skip = q.get('$skiptoken');
    let state: { since: number | null; upTo: number; offset: number; select: string | null };
    if (skip) {
      state = JSON.parse(Buffer.from(skip, 'base64url').toString());
    } else {
      const token = q.get('$deltatoken');
      const select = q.get('$select');
      if (token === 'latest')
        return send(res, 200, {
          value: [],
          '@odata.deltaLink': `${base}${path}?$deltatoken=${this.deltaToken(this.seq - 1, select)}`,
        });
      const since = token ? (JSON.parse(Buffer.from(token, 'base64url').toString()) as { seq: number }).seq : null;
      const selected = token
        ? (JSON.parse(Buffer.from(token, 'base64url').toString()) as { select: string | null }).select
        : select;
      state = { since, upTo: this.seq - 1, offset: 0, select: selected };
    }
    const selectQuery = new URLSearchParams(state.select ? { $select: state.select } : {});
    const fields = state.select?.split(',').map((s) => s.trim());
    const wantMembers =
      kind === 'group' && (!fields || fields.includes('members')) && this.deltaRelationships.includes('members');
    const wantOwners = kind === 'group' && !!fields?.includes('owners') && this.deltaRelationships.includes('owners');
    let items: Json[];
    if (state.since === null) {
      const source = kind === 'user' ? [...this.users.values()] : [...this.groups.values()];
      items = source.map((o) => {
        const out = select(o, selectQuery);
        delete out.members;
        delete out.owners;
        if (wantMembers)
          out['members@delta'] = [...(this.members.get(o.id) ?? [])].map((id) => ({
            '@odata.type': '#microsoft.graph.user',
            id,
          }));
        if (wantOwners)
          out['owners@delta'] = [...(this.owners.get(o.id) ?? [])].map((id) => ({
            '@odata.type': '#microsoft.graph.user',
            id,
          }));
        return out;
      });
    } else {
      const since = state.since;
      const changed = new Map<
        string,
        { deleted: boolean; members: { id: string; removed: boolean }[]; owners: { id: string; removed: boolean }[] }
      >();
      for (const c of this.changes) {
        if (c.kind !== kind || c.seq <= since || c.seq > state.upTo) continue;
        const entry = changed.get(c.id) ?? { deleted: false, members: [], owners: [] };
        entry.deleted = !!c.deleted;
        entry.members.push(...(c.members ?? []));
        entry.owners.push(...(c.owners ?? []));
        changed.set(c.id, entry);
      }
      items = [...changed.entries()].map(([id, entry]) => {
        const current = (kind === 'user' ? this.users : this.groups).get(id);
        if (entry.deleted || !current) return { id, '@removed': { reason: 'deleted' } };
        const out = select(current, selectQuery);
        delete out.members;
        delete out.owners;
        const refs = (list: { id: string; removed: boolean }[]) =>
          list.map((r) =>
            r.removed
              ? { '@odata.type': '#microsoft.graph.user', id: r.id, '@removed': { reason: 'deleted' } }
              : { '@odata.type': '#microsoft.graph.user', id: r.id },
          );
        if (wantMembers && entry.members.length > 0) out['members@delta'] = refs(entry.members);
        if (wantOwners && entry.owners.length > 0) out['owners@delta'] = refs(entry.owners);
        return out;
      });
    }
    const size = this.pageSize;
    const slice = items.slice(state.offset, state.offset + size);
    const out: Json = { '@odata.context': `${base}/$metadata#${kind === 'user' ? 'users' : 'groups'}`, value: slice };
    if (state.offset + size < items.length) {
      const next = Buffer.from(JSON.stringify({ ...state, offset: state.offset + size })).toString('base64url');
      out['@odata.nextLink'] = `${base}${path}?$skiptoken=${next}`;
    } else {
      out['@odata.deltaLink'] = `${base}${path}?$deltatoken=${this.deltaToken(state.upTo, state.select)}`;
    }
    send(res, 200, out);
  }

  private deltaToken(seq: number, select: string | null): string {
    return Buffer.from(JSON.stringify({ seq, select })).toString('base64url');
  }
}

/** The object with only the `$select`ed properties (and `id`, which Graph always returns); all without `$select`. */
function select(object: Json, q: URLSearchParams): Json {
  const fields = q.get('$select');
  if (!fields) {
    const { ...all } = object;
    return all;
  }
  const out: Json = { id: object.id };
  if (object['@odata.type']) out['@odata.type'] = object['@odata.type'];
  for (const field of fields.split(',').map((f) => f.trim())) if (field in object) out[field] = object[field];
  return out;
}

function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...(body === undefined
      ? {}
      : { 'content-type': 'application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8' }),
    'request-id': randomUUID(),
    'client-request-id': randomUUID(),
    ...headers,
  });
  res.end(text);
}

function notFound(res: ServerResponse, what: string): void {
  send(res, 404, {
    error: {
      code: 'Request_ResourceNotFound',
      message: `Resource '${what}' does not exist or one of its queried reference-property objects are not present.`,
      innerError: { date: new Date().toISOString(), 'request-id': randomUUID(), 'client-request-id': randomUUID() },
    },
  });
}

export { USER_PROPERTIES };

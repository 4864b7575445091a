import type * as Graph from '@microsoft/microsoft-graph-types';
import type { Logger } from '../../logger.js';
import {
  DirectoryError,
  type Directory,
  type InviteGuestInput,
  type InviteGuestResult,
  type ResendInvitationInput,
} from '../../ports/directory.js';
import {
  TEMPLATE_GROUP_UNIFIED_GUEST,
  type DirectoryGroup,
  type DirectorySetting,
  type DirectoryUser,
  type ExternalTenant,
  type TenantSnapshot,
} from '../../policy/tenantModel.js';
import { sameItems } from '../../policy/sameItems.js';
import { GraphAuthError, GraphRequestError, type GraphHttp } from './graphHttp.js';
import {
  GROUP_SELECT,
  KNOWN_ROLE_TEMPLATES,
  USER_SELECT,
  isUserReference,
  mergeGroupProperties,
  toAuthorizationPolicy,
  toB2bManagementPolicy,
  toCrossTenant,
  toGroupProperties,
  toSetting,
  toSharePoint,
  toUser,
} from './graphShapes.js';
import { applyOverrides, type TenantOverrides } from './tenantOverrides.js';
import { assertMembershipManageable } from '../manageableGroup.js';

export interface GraphDirectoryOptions {
  http: GraphHttp;
  /** What Graph cannot tell (site sharing, Teams guest access, labels' guest settings), from TENANT_OVERRIDES. */
  overrides?: TenantOverrides;
  /** Where invited guests land after redeeming; default `https://myapps.microsoft.com/?tenantid=<tenant>`. */
  inviteRedirectUrl?: string;
  /** Send Microsoft's invitation mail (default true). */
  sendInvitationMessage?: boolean;
  /** Parallel requests while reading owners, members and settings of every group. */
  concurrency?: number;
  logger?: Logger;
}

type GroupProperties = Omit<DirectoryGroup, 'owners' | 'members' | 'settings' | 'site'>;

interface GroupState {
  properties: GroupProperties;
  owners: Set<string>;
  members: Set<string>;
  settings: DirectorySetting[];
}

interface TenantSettings {
  tenant: TenantSnapshot['tenant'];
  authorizationPolicy: TenantSnapshot['authorizationPolicy'];
  b2bManagementPolicy: TenantSnapshot['b2bManagementPolicy'];
  crossTenantAccessPolicy: TenantSnapshot['crossTenantAccessPolicy'];
  groupSettings: DirectorySetting[];
  sharePoint: TenantSnapshot['sharePoint'];
}

type Ref = { id?: string; '@odata.type'?: string; '@removed'?: unknown };
type DeltaGroup = Graph.Group & { 'members@delta'?: Ref[]; 'owners@delta'?: Ref[]; '@removed'?: unknown };
type DeltaUser = Graph.User & { '@removed'?: unknown };

const ALREADY_MEMBER = /already exist/i;

/**
 * The {@link Directory} on Microsoft Graph: an in-memory mirror of the tenant, built by one full read (users,
 * groups with owners, members and settings, directory roles, tenant settings), then kept fresh by delta queries
 * (`sync`, on an interval) and settings re-reads (`refreshSettings`). Decisions read the mirror and make no Graph
 * call; writes go to Graph and show in the mirror at once.
 */
export class GraphDirectory implements Directory {
  private readonly http: GraphHttp;
  private readonly options: GraphDirectoryOptions;
  private readonly users = new Map<string, DirectoryUser>();
  private readonly usersByAddress = new Map<string, string>();
  private readonly groups = new Map<string, GroupState>();
  /** Role template id → user ids holding the role. */
  private roles = new Map<string, Set<string>>();
  private settings!: TenantSettings;
  /** Domain → its tenant, or null when Graph said the domain has no Entra tenant. Failures are not remembered. */
  private readonly domains = new Map<string, ExternalTenant | null>();
  /** What the last guest list said beyond the mirror's properties (sign-ins, dates), by user id. */
  private readonly guestDetails = new Map<string, GuestDetails>();
  private usersDeltaLink?: string;
  private groupsDeltaLink?: string;
  private changes = 0;
  private cached?: { version: number; snapshot: TenantSnapshot };
  /**
   * The users and groups the last snapshot was built with, by lowercase id, and what each was built from: a user or
   * group that did not change is handed out as the very same object, so the policy compiles only what changed.
   */
  private builtUsers = new Map<string, BuiltUser>();
  private builtGroups = new Map<string, BuiltGroup>();
  private running: Promise<void> = Promise.resolve();
  private timers: NodeJS.Timeout[] = [];
  private groupSettingsReadAt = Date.now();

  private constructor(options: GraphDirectoryOptions) {
    this.http = options.http;
    this.options = options;
  }

  /** Reads the whole tenant once; rejects with a {@link DirectoryError} when Graph cannot be read. */
  static async open(options: GraphDirectoryOptions): Promise<GraphDirectory> {
    const directory = new GraphDirectory(options);
    try {
      await directory.fullRead();
    } catch (error) {
      throw toDirectoryError(error, 'read');
    }
    return directory;
  }

  /** Graph requests sent so far. */
  get graphCalls(): number {
    return this.http.calls;
  }

  async snapshot(): Promise<TenantSnapshot> {
    if (this.cached?.version === this.changes) return this.cached.snapshot;
    const snapshot = this.build();
    this.cached = { version: this.changes, snapshot };
    return snapshot;
  }

  version(): number {
    return this.changes;
  }

  async getUser(id: string): Promise<DirectoryUser | undefined> {
    const user = this.users.get(id.toLowerCase());
    return user ? this.withRoles(user) : undefined;
  }

  async findUserByMail(mail: string): Promise<DirectoryUser | undefined> {
    const id = this.usersByAddress.get(mail.trim().toLowerCase());
    return id === undefined ? undefined : this.getUser(id);
  }

  async getGroup(id: string): Promise<DirectoryGroup | undefined> {
    return (await this.snapshot()).groups.find((g) => g.id.toLowerCase() === id.toLowerCase());
  }

  async listGroups(): Promise<DirectoryGroup[]> {
    return [...(await this.snapshot()).groups];
  }

  /**
   * `findTenantInformationByDomainName`, remembered: a tenant found, or "no Entra tenant" (Graph answered 404).
   * A failed look-up is not remembered and answers undefined this time.
   */
  async tenantOfDomain(domain: string): Promise<ExternalTenant | undefined> {
    const wanted = domain.trim().toLowerCase().replace(/\.$/, '');
    const own = this.settings.tenant;
    if (own.verifiedDomains.some((d) => d.toLowerCase() === wanted)) {
      return { tenantId: own.id, displayName: own.displayName, domains: [...own.verifiedDomains] };
    }
    if (this.domains.has(wanted)) return this.domains.get(wanted) ?? undefined;
    if (!/^[a-z0-9.-]+$/.test(wanted)) return undefined; // not a domain Graph could know; never put it in a URL
    try {
      const info = await this.http.get<Graph.TenantInformation>(
        `/v1.0/tenantRelationships/findTenantInformationByDomainName(domainName='${wanted}')`,
      );
      const tenant = info?.tenantId
        ? {
            tenantId: info.tenantId,
            displayName: info.displayName ?? info.defaultDomainName ?? wanted,
            domains: [wanted],
          }
        : null;
      this.domains.set(wanted, tenant);
      this.changes += 1;
      return tenant ?? undefined;
    } catch (error) {
      if (error instanceof GraphRequestError && error.status === 404) {
        this.domains.set(wanted, null);
        this.changes += 1;
        return undefined;
      }
      this.options.logger?.warn(
        { code: 'TENANT_LOOKUP_FAILED', status: (error as GraphRequestError).status },
        'findTenantInformationByDomainName failed',
      );
      return undefined;
    }
  }

  async inviteGuest(input: InviteGuestInput): Promise<InviteGuestResult> {
    const email = input.email.trim();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
      throw new DirectoryError('INVALID_EMAIL', 'not a valid e-mail address', false);
    const existing = await this.findUserByMail(email);
    if (existing) return { userId: existing.id, created: false };
    const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
    if (this.settings.tenant.verifiedDomains.some((d) => d.toLowerCase() === domain)) {
      throw new DirectoryError('INTERNAL_ADDRESS', 'the address belongs to this tenant: it cannot be a guest', false);
    }
    const body: Record<string, unknown> = {
      invitedUserEmailAddress: email,
      inviteRedirectUrl:
        this.options.inviteRedirectUrl ?? `https://myapps.microsoft.com/?tenantid=${this.settings.tenant.id}`,
      sendInvitationMessage: this.options.sendInvitationMessage ?? true,
      invitedUserType: 'Guest',
    };
    if (input.displayName?.trim()) body.invitedUserDisplayName = input.displayName.trim();
    const info: Record<string, unknown> = {};
    if (input.language) info.messageLanguage = input.language;
    if (input.message?.trim()) info.customizedMessageBody = input.message.trim();
    if (Object.keys(info).length > 0) body.invitedUserMessageInfo = info;
    let invitation: Graph.Invitation;
    try {
      invitation = await this.http.post<Graph.Invitation>('/v1.0/invitations', body);
    } catch (error) {
      throw toDirectoryError(error, 'invite');
    }
    const userId = invitation.invitedUser?.id;
    if (!userId) throw new DirectoryError('DIRECTORY_REFUSED', 'the invitation answer named no user', false);
    if (!this.users.has(userId.toLowerCase())) {
      const initial = this.settings.tenant.verifiedDomains.find(
        (d) => /\.onmicrosoft\.com$/i.test(d) && !/\.mail\./i.test(d),
      );
      this.putUser({
        id: userId,
        displayName: invitation.invitedUserDisplayName || email.slice(0, email.lastIndexOf('@')),
        mail: email,
        userPrincipalName: `${email.replace('@', '_')}#EXT#@${(initial ?? this.settings.tenant.verifiedDomains[0]).toLowerCase()}`,
        userType: 'Guest',
        accountEnabled: true,
        roles: [],
        preferredLanguage: input.language ?? null,
        externalUserState: 'PendingAcceptance',
      });
      this.changes += 1;
    }
    return { userId, created: true };
  }

  async addMember(groupId: string, userId: string): Promise<void> {
    const group = this.manageableGroup(groupId);
    if (group.members.has(userId.toLowerCase())) return;
    try {
      await this.http.post(`/v1.0/groups/${encodeURIComponent(group.properties.id)}/members/$ref`, {
        '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${userId}`,
      });
    } catch (error) {
      const alreadyMember =
        error instanceof GraphRequestError && error.status === 400 && ALREADY_MEMBER.test(error.message);
      if (!alreadyMember) throw toDirectoryError(error, 'addMember', { group: group.properties.id, user: userId });
    }
    group.members.add(userId.toLowerCase());
    this.changes += 1;
  }

  async removeMember(groupId: string, userId: string): Promise<void> {
    const group = this.manageableGroup(groupId);
    try {
      await this.http.delete(
        `/v1.0/groups/${encodeURIComponent(group.properties.id)}/members/${encodeURIComponent(userId)}/$ref`,
      );
    } catch (error) {
      // 404: not (or no longer) a member — the state we wanted.
      if (!(error instanceof GraphRequestError && error.status === 404)) {
        throw toDirectoryError(error, 'removeMember', { group: group.properties.id, user: userId });
      }
    }
    if (group.members.delete(userId.toLowerCase())) this.changes += 1;
  }

  /**
   * Every guest, read from Graph now: `$filter=userType eq 'Guest'` with `signInActivity` (which needs
   * AuditLog.Read.All and an Entra ID P1 licence, and pages at most 120 users), paged through `@odata.nextLink`.
   * Without that permission or licence (403) the list comes without sign-ins. The details are remembered for
   * {@link getUser}.
   */
  async listGuests(): Promise<DirectoryUser[]> {
    const filter = encodeURIComponent("userType eq 'Guest'");
    let found: Graph.User[];
    try {
      const select = `${GUEST_SELECT},signInActivity`;
      found = await this.http.all<Graph.User>(`/v1.0/users?$filter=${filter}&$select=${select}&$top=120`);
    } catch (error) {
      if (!(error instanceof GraphRequestError && error.status === 403)) throw toDirectoryError(error, 'read');
      const why = 'no signInActivity (AuditLog.Read.All and Entra ID P1 needed)';
      this.options.logger?.warn({ code: 'SIGN_IN_ACTIVITY_UNAVAILABLE' }, why);
      try {
        found = await this.http.all<Graph.User>(`/v1.0/users?$filter=${filter}&$select=${GUEST_SELECT}&$top=999`);
      } catch (retryError) {
        throw toDirectoryError(retryError, 'read');
      }
    }
    const guests: DirectoryUser[] = [];
    for (const u of found) {
      if (!u.id || u.userType !== 'Guest') continue;
      const details: GuestDetails = {};
      if (u.createdDateTime !== undefined) details.createdDateTime = u.createdDateTime;
      if (u.externalUserStateChangeDateTime !== undefined) {
        details.externalUserStateChangeDateTime = u.externalUserStateChangeDateTime;
      }
      if (u.signInActivity !== undefined) {
        details.signInActivity = { lastSignInDateTime: u.signInActivity?.lastSignInDateTime ?? null };
      }
      // Details as they were stay the same object: the snapshot then keeps the guest, and the policy its indexes.
      const known = this.guestDetails.get(u.id.toLowerCase());
      if (!known || !sameGuestDetails(known, details)) this.guestDetails.set(u.id.toLowerCase(), details);
      if (!this.users.has(u.id.toLowerCase())) {
        this.putUser(toUser(u, []));
        this.changes += 1;
      }
      guests.push({ ...toUser(u, []), ...details });
    }
    return guests;
  }

  /**
   * `POST /invitations` again for the guest's address: a pending guest gets a new invitation mail; with
   * `resetRedemption` (and `invitedUser.id`) a guest who redeemed with the wrong account may redeem anew.
   */
  async resendInvitation(input: ResendInvitationInput): Promise<void> {
    const user = this.users.get(input.userId.toLowerCase());
    if (user === undefined) throw new DirectoryError('USER_NOT_FOUND', 'no user with this id', false);
    if (user.userType !== 'Guest') throw new DirectoryError('NOT_A_GUEST', 'only guests are invited', false);
    if (user.externalUserState === 'Accepted' && !input.resetRedemption) {
      throw new DirectoryError('ALREADY_REDEEMED', 'the guest has redeemed the invitation already', false);
    }
    const address = user.mail ?? user.userPrincipalName;
    const redirect =
      this.options.inviteRedirectUrl ?? `https://myapps.microsoft.com/?tenantid=${this.settings.tenant.id}`;
    const body: Record<string, unknown> = {
      invitedUserEmailAddress: address,
      inviteRedirectUrl: redirect,
      sendInvitationMessage: this.options.sendInvitationMessage ?? true,
      invitedUserType: 'Guest',
    };
    if (input.resetRedemption) {
      body.invitedUser = { id: user.id };
      body.resetRedemption = true;
    }
    try {
      await this.http.post<Graph.Invitation>('/v1.0/invitations', body);
    } catch (error) {
      throw toDirectoryError(error, 'invite');
    }
    this.putUser({ ...user, externalUserState: 'PendingAcceptance' });
    const details = this.guestDetails.get(user.id.toLowerCase()) ?? {};
    const changed = { ...details, externalUserStateChangeDateTime: new Date().toISOString() };
    this.guestDetails.set(user.id.toLowerCase(), changed);
    this.changes += 1;
  }

  /** `DELETE /users/{id}`: the user goes to Entra's deleted users (restorable for 30 days). 404 is "gone already". */
  async deleteUser(userId: string): Promise<void> {
    try {
      await this.http.delete(`/v1.0/users/${encodeURIComponent(userId)}`);
    } catch (error) {
      const gone = error instanceof GraphRequestError && error.status === 404;
      if (!gone) throw toDirectoryError(error, 'deleteUser', { user: userId });
    }
    const key = userId.toLowerCase();
    this.guestDetails.delete(key);
    if (this.users.delete(key)) {
      for (const g of this.groups.values()) {
        g.members.delete(key);
        g.owners.delete(key);
      }
      this.reindexAddresses();
      this.changes += 1;
    }
  }

  /** The group, if Graph would let anyone change its members by hand (same codes as the embedded directory). */
  private manageableGroup(groupId: string): GroupState {
    const group = this.groups.get(groupId.toLowerCase());
    if (group === undefined) throw new DirectoryError('GROUP_NOT_FOUND', 'no group with this id', false);
    assertMembershipManageable(group.properties);
    return group;
  }

  /** One round of delta queries for users and groups (and members, owners); runs one at a time. */
  sync(): Promise<void> {
    const run = this.running.then(() => this.deltaRound());
    this.running = run.catch(() => undefined);
    return run;
  }

  /** Re-reads tenant settings and directory roles (and, when `groups` is set, every group's own settings). */
  refreshSettings(options: { groups?: boolean } = {}): Promise<void> {
    const run = this.running.then(async () => {
      const [settings, roles] = await Promise.all([this.readSettings(), this.readRoles()]);
      if (options.groups) {
        await mapLimit([...this.groups.values()], this.options.concurrency ?? 8, async (g) => {
          g.settings = await this.readGroupSettings(g.properties);
        });
      }
      this.settings = settings;
      this.roles = roles;
      this.changes += 1;
    });
    this.running = run.catch(() => undefined);
    return run;
  }

  /**
   * Keeps the mirror fresh: a delta round every `syncMs`, tenant settings and roles every `settingsMs`, and every
   * group's own settings once a day (Microsoft allows settings changes up to 24 hours to take effect anyway).
   */
  startSync(syncMs: number, settingsMs: number): void {
    this.stopTimers();
    const log = (what: string) => (error: unknown) =>
      this.options.logger?.warn(
        { code: toDirectoryError(error, 'read').code, what },
        'directory refresh failed; the mirror is kept',
      );
    this.timers.push(setInterval(() => void this.sync().catch(log('delta')), syncMs).unref());
    this.timers.push(
      setInterval(() => {
        const groups = Date.now() - this.groupSettingsReadAt >= 86_400_000;
        if (groups) this.groupSettingsReadAt = Date.now();
        void this.refreshSettings({ groups }).catch(log('settings'));
      }, settingsMs).unref(),
    );
  }

  /** Stops the timers and waits for a refresh under way. */
  async stopSync(): Promise<void> {
    this.stopTimers();
    await this.running;
  }

  /** Stops refreshing and closes Graph connections. */
  async close(): Promise<void> {
    await this.stopSync();
    this.http.close();
  }

  private stopTimers(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
  }

  // --- reading ------------------------------------------------------------------------------------------------

  private async fullRead(): Promise<void> {
    // The users' delta baseline first, so that nothing changed during the full read is missed by the first round.
    this.usersDeltaLink = await this.baseline(`/v1.0/users/delta?$select=${USER_SELECT}`);
    const [settings, roles] = await Promise.all([
      this.readSettings(),
      this.readRoles(),
      this.readUsers(),
      this.readGroups(),
    ]);
    this.settings = settings;
    this.roles = roles;
    this.changes += 1;
  }

  /** The deltaLink marking "now": `$deltatoken=latest`, or a whole round skipped through when that is refused. */
  private async baseline(path: string): Promise<string | undefined> {
    for (const candidate of [`${path}&$deltatoken=latest`, path]) {
      try {
        let deltaLink: string | undefined;
        for await (const page of this.http.pages(candidate)) deltaLink = page.deltaLink ?? deltaLink;
        if (deltaLink) return deltaLink;
      } catch (error) {
        if (error instanceof GraphRequestError && (error.status === 400 || error.status === 501)) continue;
        throw error;
      }
    }
    this.options.logger?.warn(
      { code: 'DELTA_UNAVAILABLE' },
      'no delta link; the directory is re-read in full on each sync',
    );
    return undefined;
  }

  private async readUsers(): Promise<void> {
    for await (const page of this.http.pages<Graph.User>(`/v1.0/users?$select=${USER_SELECT}&$top=999`)) {
      for (const u of page.value) if (u.id) this.putUser(toUser(u, []));
    }
  }

  private async readGroups(): Promise<void> {
    const found: GroupProperties[] = [];
    for await (const page of this.http.pages<Graph.Group>(`/v1.0/groups?$select=${GROUP_SELECT}&$top=999`)) {
      for (const g of page.value) if (g.id) found.push(toGroupProperties(g));
    }
    // Owners and members of every group in one delta round (a few hundred groups a page) instead of two reads per
    // group; its deltaLink is where the next round starts. Per-group reads when Graph's round lacks either list.
    const round = await this.membershipRound();
    this.groupsDeltaLink = round?.deltaLink;
    await mapLimit(found, this.options.concurrency ?? 16, async (properties) => {
      const key = properties.id.toLowerCase();
      const [owners, members, settings] = await Promise.all([
        round?.sawOwners
          ? (round.owners.get(key) ?? new Set<string>())
          : this.readRefs(`/v1.0/groups/${properties.id}/owners?$select=id&$top=999`),
        round?.sawMembers
          ? (round.members.get(key) ?? new Set<string>())
          : this.readRefs(`/v1.0/groups/${properties.id}/members?$select=id&$top=999`),
        this.readGroupSettings(properties),
      ]);
      this.groups.set(key, { properties, owners, members, settings });
    });
  }

  /** A whole `/groups/delta` round with members and owners: who is in which group now, and the deltaLink. */
  private async membershipRound(): Promise<
    | {
        deltaLink?: string;
        owners: Map<string, Set<string>>;
        members: Map<string, Set<string>>;
        sawOwners: boolean;
        sawMembers: boolean;
      }
    | undefined
  > {
    const owners = new Map<string, Set<string>>();
    const members = new Map<string, Set<string>>();
    let sawOwners = false;
    let sawMembers = false;
    let deltaLink: string | undefined;
    const collect = (into: Map<string, Set<string>>, key: string, refs: Ref[]) => {
      const set = into.get(key) ?? new Set<string>();
      into.set(key, set);
      for (const ref of refs) {
        if (!ref.id || !isUserReference(ref)) continue;
        if (ref['@removed'] !== undefined) set.delete(ref.id.toLowerCase());
        else set.add(ref.id.toLowerCase());
      }
    };
    try {
      for await (const page of this.http.pages<DeltaGroup>(
        `/v1.0/groups/delta?$select=${GROUP_SELECT},members,owners`,
      )) {
        for (const g of page.value) {
          if (!g.id || g['@removed'] !== undefined) continue;
          const key = g.id.toLowerCase();
          if (Array.isArray(g['members@delta'])) {
            sawMembers = true;
            collect(members, key, g['members@delta']);
          }
          if (Array.isArray(g['owners@delta'])) {
            sawOwners = true;
            collect(owners, key, g['owners@delta']);
          }
        }
        deltaLink = page.deltaLink ?? deltaLink;
      }
    } catch (error) {
      if (error instanceof GraphAuthError || (error instanceof GraphRequestError && error.status === 401)) throw error;
      this.options.logger?.warn(
        { code: 'DELTA_UNAVAILABLE', status: (error as GraphRequestError).status },
        'groups delta failed; reading each group',
      );
      return undefined;
    }
    return { deltaLink, owners, members, sawOwners, sawMembers };
  }

  private async readRefs(path: string): Promise<Set<string>> {
    const ids = new Set<string>();
    for await (const page of this.http.pages<Ref>(path)) {
      for (const ref of page.value) if (ref.id && isUserReference(ref)) ids.add(ref.id.toLowerCase());
    }
    return ids;
  }

  /** A Microsoft 365 group's own settings (Group.Unified.Guest); other groups have none. Absent = inherit. */
  private async readGroupSettings(group: GroupProperties): Promise<DirectorySetting[]> {
    if (!group.groupTypes.includes('Unified')) return [];
    try {
      const settings = await this.http.all<Graph.GroupSetting>(`/v1.0/groups/${group.id}/settings`);
      return settings.map(toSetting).filter((s) => s.templateId === TEMPLATE_GROUP_UNIFIED_GUEST);
    } catch (error) {
      if (error instanceof GraphRequestError && error.status === 404) return [];
      throw error;
    }
  }

  private async readRoles(): Promise<Map<string, Set<string>>> {
    const roles = new Map<string, Set<string>>();
    const activated = await this.http.all<Graph.DirectoryRole>(
      '/v1.0/directoryRoles?$select=id,roleTemplateId,displayName',
    );
    await Promise.all(
      activated.map(async (role) => {
        const templateId = role.roleTemplateId?.toLowerCase();
        if (!role.id || !templateId || !KNOWN_ROLE_TEMPLATES.has(templateId)) return;
        roles.set(templateId, await this.readRefs(`/v1.0/directoryRoles/${role.id}/members?$select=id`));
      }),
    );
    return roles;
  }

  private async readSettings(): Promise<TenantSettings> {
    const [organization, authorization, groupSettings, crossDefault, partners, b2b, sharePoint] = await Promise.all([
      this.http.all<Graph.Organization>('/v1.0/organization?$select=id,displayName,verifiedDomains'),
      this.http.get<Graph.AuthorizationPolicy & { value?: Graph.AuthorizationPolicy[] }>(
        '/v1.0/policies/authorizationPolicy',
      ),
      this.http.all<Graph.GroupSetting>('/v1.0/groupSettings'),
      this.http.get<Record<string, unknown>>('/v1.0/policies/crossTenantAccessPolicy/default'),
      this.http.all<Record<string, unknown> & { tenantId?: string }>('/v1.0/policies/crossTenantAccessPolicy/partners'),
      this.optional('b2bManagementPolicy', () =>
        this.http.all<Record<string, unknown>>('/beta/policies/b2bManagementPolicies'),
      ),
      this.optional('sharePointSettings', () =>
        this.http.get<Record<string, unknown>>('/v1.0/admin/sharepoint/settings'),
      ),
    ]);
    const org = organization[0];
    if (!org?.id) throw new DirectoryError('DIRECTORY_REFUSED', 'Graph returned no organization', false);
    const verifiedDomains = (org.verifiedDomains ?? []).flatMap((d) => (d.name ? [d.name] : []));
    // Older answers wrapped the policy in a collection; the documented one is the object itself.
    const policy = Array.isArray(authorization?.value) ? authorization.value[0] : authorization;
    return {
      tenant: { id: org.id, displayName: org.displayName ?? org.id, verifiedDomains },
      authorizationPolicy: toAuthorizationPolicy(policy),
      b2bManagementPolicy: b2b ? toB2bManagementPolicy(b2b) : (this.settings?.b2bManagementPolicy ?? {}),
      crossTenantAccessPolicy: toCrossTenant(crossDefault, partners),
      groupSettings: groupSettings.map(toSetting).filter((s) => s.templateId !== TEMPLATE_GROUP_UNIFIED_GUEST),
      sharePoint: sharePoint ? toSharePoint(sharePoint) : (this.settings?.sharePoint ?? toSharePoint(undefined)),
    };
  }

  /** A read the bot can live without (beta, or a permission an admin may withhold): logged, not fatal. */
  private async optional<T>(what: string, read: () => Promise<T>): Promise<T | undefined> {
    try {
      return await read();
    } catch (error) {
      if (error instanceof GraphAuthError) throw error;
      this.options.logger?.warn(
        { code: 'GRAPH_READ_SKIPPED', what, status: (error as GraphRequestError).status },
        'could not read a setting',
      );
      return undefined;
    }
  }

  // --- delta --------------------------------------------------------------------------------------------------

  private async deltaRound(): Promise<void> {
    if (!this.usersDeltaLink || !this.groupsDeltaLink) {
      await this.reread();
      return;
    }
    try {
      this.usersDeltaLink = await this.followDelta<DeltaUser>(this.usersDeltaLink, (u) => this.applyUser(u));
      this.groupsDeltaLink = await this.followDelta<DeltaGroup>(this.groupsDeltaLink, (g) => this.applyGroup(g));
    } catch (error) {
      // 410 Gone: the delta token expired or the service asks for a full resync.
      if (error instanceof GraphRequestError && error.status === 410) {
        await this.reread();
        return;
      }
      throw error;
    }
  }

  private async reread(): Promise<void> {
    this.users.clear();
    this.usersByAddress.clear();
    this.groups.clear();
    await this.fullRead();
  }

  private async followDelta<T>(link: string, apply: (item: T) => Promise<void> | void): Promise<string> {
    let deltaLink = link;
    for await (const page of this.http.pages<T>(link)) {
      for (const item of page.value) await apply(item);
      if (page.deltaLink) deltaLink = page.deltaLink;
    }
    return deltaLink;
  }

  private applyUser(u: DeltaUser): void {
    if (!u.id) return;
    const key = u.id.toLowerCase();
    if (u['@removed'] !== undefined) {
      if (this.users.delete(key)) {
        for (const g of this.groups.values()) {
          g.members.delete(key);
          g.owners.delete(key);
        }
        this.reindexAddresses();
        this.changes += 1;
      }
      return;
    }
    const current = this.users.get(key);
    const merged = { ...(current ?? {}), ...stripUndefined(toUserPatch(u)) } as DirectoryUser;
    this.putUser(toUser({ ...merged, userType: merged.userType } as Graph.User, []));
    this.changes += 1;
  }

  private async applyGroup(g: DeltaGroup): Promise<void> {
    if (!g.id) return;
    const key = g.id.toLowerCase();
    if (g['@removed'] !== undefined) {
      if (this.groups.delete(key)) this.changes += 1;
      return;
    }
    let state = this.groups.get(key);
    if (state === undefined) {
      // A group new to the mirror: read its owners and members outright (a delta item may carry only changes).
      const properties = toGroupProperties(g);
      const [owners, members, settings] = await Promise.all([
        this.readRefs(`/v1.0/groups/${properties.id}/owners?$select=id&$top=999`),
        this.readRefs(`/v1.0/groups/${properties.id}/members?$select=id&$top=999`),
        this.readGroupSettings(properties),
      ]);
      state = { properties, owners, members, settings };
      this.groups.set(key, state);
    } else {
      state.properties = mergeGroupProperties(state.properties, g);
    }
    for (const [list, refs] of [
      [state.members, g['members@delta']],
      [state.owners, g['owners@delta']],
    ] as const) {
      for (const ref of refs ?? []) {
        if (!ref.id || !isUserReference(ref)) continue;
        if (ref['@removed'] !== undefined) list.delete(ref.id.toLowerCase());
        else list.add(ref.id.toLowerCase());
      }
    }
    this.changes += 1;
  }

  // --- the model ----------------------------------------------------------------------------------------------

  private putUser(user: DirectoryUser): void {
    const key = user.id.toLowerCase();
    const previous = this.users.get(key);
    if (previous)
      for (const a of [previous.mail, previous.userPrincipalName]) if (a) this.usersByAddress.delete(a.toLowerCase());
    this.users.set(key, user);
    for (const a of [user.mail, user.userPrincipalName])
      if (a && !this.usersByAddress.has(a.toLowerCase())) this.usersByAddress.set(a.toLowerCase(), key);
  }

  private reindexAddresses(): void {
    this.usersByAddress.clear();
    for (const [key, u] of this.users) {
      for (const a of [u.mail, u.userPrincipalName])
        if (a && !this.usersByAddress.has(a.toLowerCase())) this.usersByAddress.set(a.toLowerCase(), key);
    }
  }

  private rolesOf(userKey: string): string[] {
    const roles: string[] = [];
    for (const [templateId, holders] of this.roles) if (holders.has(userKey)) roles.push(templateId);
    return roles;
  }

  private withRoles(user: DirectoryUser): DirectoryUser {
    const roles = this.rolesOf(user.id.toLowerCase());
    const details = this.guestDetails.get(user.id.toLowerCase());
    if (roles.length === 0 && details === undefined) return user;
    return { ...user, ...details, ...(roles.length > 0 ? { roles } : {}) };
  }

  private build(): TenantSnapshot {
    const s = this.settings;
    const externalTenants = new Map<string, ExternalTenant>();
    for (const [domain, tenant] of this.domains) {
      if (!tenant) continue;
      const known = externalTenants.get(tenant.tenantId);
      if (known) known.domains.push(domain);
      else externalTenants.set(tenant.tenantId, { ...tenant, domains: [domain] });
    }
    const domainsWithoutTenant = [...this.domains].flatMap(([domain, tenant]) => (tenant === null ? [domain] : []));
    // Labels Graph shows on groups; whether each lets guests in is not in Graph (unknown unless the overrides say).
    const labels = new Map<string, { id: string; displayName: string }>();
    for (const g of this.groups.values()) {
      for (const l of g.properties.assignedLabels)
        if (!labels.has(l.labelId)) labels.set(l.labelId, { id: l.labelId, displayName: l.displayName ?? l.labelId });
    }
    const ids = (set: Set<string>) => [...set].flatMap((k) => (this.users.has(k) ? [this.users.get(k)!.id] : []));
    const builtUsers = new Map<string, BuiltUser>();
    const builtGroups = new Map<string, BuiltGroup>();
    const users = [...this.users.values()].map((source) => {
      const key = source.id.toLowerCase();
      const roles = this.rolesOf(key);
      const details = this.guestDetails.get(key);
      const known = this.builtUsers.get(key);
      const same = known?.source === source && known.details === details && sameItems(known.roles, roles);
      const built = same ? known : { source, details, roles, user: this.withRoles(source) };
      builtUsers.set(key, built);
      return built.user;
    });
    const groups = [...this.groups.entries()].map(([key, g]) => {
      const owners = ids(g.owners);
      const members = ids(g.members);
      const known = this.builtGroups.get(key);
      const same =
        known?.properties === g.properties &&
        known.settings === g.settings &&
        sameItems(known.owners, owners) &&
        sameItems(known.members, members);
      const built: BuiltGroup = same
        ? known
        : {
            properties: g.properties,
            settings: g.settings,
            owners,
            members,
            group: {
              ...g.properties,
              settings: g.settings,
              // A Microsoft 365 group has a connected site; its own sharing level is not in Graph (unknown).
              site: g.properties.groupTypes.includes('Unified') ? {} : null,
              owners,
              members,
            },
          };
      builtGroups.set(key, built);
      return built.group;
    });
    this.builtUsers = builtUsers;
    this.builtGroups = builtGroups;
    const base: TenantSnapshot = {
      tenant: s.tenant,
      authorizationPolicy: s.authorizationPolicy,
      b2bManagementPolicy: s.b2bManagementPolicy,
      crossTenantAccessPolicy: s.crossTenantAccessPolicy,
      externalTenants: [...externalTenants.values()],
      domainsWithoutTenant,
      groupSettings: s.groupSettings,
      sharePoint: s.sharePoint,
      sensitivityLabels: [...labels.values()],
      users,
      groups,
    };
    return applyOverrides(base, this.options.overrides);
  }
}

function toUserPatch(u: DeltaUser): Partial<DirectoryUser> {
  const patch: Partial<DirectoryUser> = {};
  const has = (key: string) => Object.hasOwn(u, key);
  if (has('displayName')) patch.displayName = u.displayName ?? undefined;
  if (has('mail')) patch.mail = u.mail ?? null;
  if (has('userPrincipalName')) patch.userPrincipalName = u.userPrincipalName ?? undefined;
  if (has('userType')) patch.userType = u.userType === 'Guest' ? 'Guest' : 'Member';
  if (has('accountEnabled')) patch.accountEnabled = u.accountEnabled !== false;
  if (has('preferredLanguage')) patch.preferredLanguage = u.preferredLanguage ?? null;
  if (has('externalUserState'))
    patch.externalUserState = (u.externalUserState as DirectoryUser['externalUserState']) ?? null;
  patch.id = u.id ?? undefined;
  return patch;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

async function mapLimit<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++];
      await work(item);
    }
  });
  await Promise.all(workers);
}

type Operation = 'read' | 'invite' | 'addMember' | 'removeMember' | 'deleteUser';

/** Guest properties the mirror doesn't keep (read by {@link GraphDirectory.listGuests}). */
type GuestDetails = Pick<DirectoryUser, 'createdDateTime' | 'externalUserStateChangeDateTime' | 'signInActivity'>;

/** A snapshot's user and what it was made from (see `GraphDirectory.build`). */
interface BuiltUser {
  source: DirectoryUser;
  details: GuestDetails | undefined;
  roles: readonly string[];
  user: DirectoryUser;
}

/** A snapshot's group and what it was made from. */
interface BuiltGroup {
  properties: GroupProperties;
  settings: DirectorySetting[];
  owners: readonly string[];
  members: readonly string[];
  group: DirectoryGroup;
}

function sameGuestDetails(a: GuestDetails, b: GuestDetails): boolean {
  return (
    a.createdDateTime === b.createdDateTime &&
    a.externalUserStateChangeDateTime === b.externalUserStateChangeDateTime &&
    signIn(a) === signIn(b)
  );
}

function signIn(details: GuestDetails): string {
  const activity = details.signInActivity;
  return activity === undefined ? 'unknown' : activity === null ? 'none' : `at ${activity.lastSignInDateTime}`;
}

/** The guest list's properties: the mirror's, and the dates the guests page shows. */
const GUEST_SELECT = `${USER_SELECT},createdDateTime,externalUserStateChangeDateTime`;

/**
 * Graph's answer as a {@link DirectoryError} with a stable code, so people read it in their language (never Graph's
 * English). Policy refusals map onto the policy's own reason codes.
 */
export function toDirectoryError(
  error: unknown,
  operation: Operation,
  ids: { group?: string; user?: string } = {},
): DirectoryError {
  if (error instanceof DirectoryError) return error;
  if (error instanceof GraphAuthError) return new DirectoryError('DIRECTORY_AUTH_FAILED', error.message, false);
  if (error instanceof GraphRequestError) {
    const { status, code, message } = error;
    const detail = `${code}: ${message}`;
    if (status === 429 || status === 503 || status === 504 || status >= 500) {
      return new DirectoryError('DIRECTORY_UNAVAILABLE', detail, true, error.retryAfterMs);
    }
    if (status === 401) return new DirectoryError('DIRECTORY_AUTH_FAILED', detail, false);
    if (operation === 'invite') {
      if (status === 403) return new DirectoryError('INVITES_DISABLED', detail, false);
      if (status === 400 && /domain/i.test(message)) return new DirectoryError('DOMAIN_BLOCKED', detail, false);
      if (status === 400 && /(e-?mail|address)/i.test(message))
        return new DirectoryError('INVALID_EMAIL', detail, false);
    }
    if (status === 403) return new DirectoryError('DIRECTORY_ACCESS_DENIED', detail, false);
    if (status === 404) {
      const user = ids.user !== undefined && message.toLowerCase().includes(ids.user.toLowerCase());
      return new DirectoryError(user ? 'USER_NOT_FOUND' : 'GROUP_NOT_FOUND', detail, false);
    }
    return new DirectoryError('DIRECTORY_REFUSED', detail, false);
  }
  const network = (error as { code?: string })?.code;
  if (
    typeof network === 'string' &&
    /^(ECONNRESET|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|ENOTFOUND|EPIPE|UND_ERR)/.test(network)
  ) {
    return new DirectoryError('DIRECTORY_UNAVAILABLE', network, true);
  }
  return new DirectoryError('DIRECTORY_UNAVAILABLE', error instanceof Error ? error.message : String(error), true);
}

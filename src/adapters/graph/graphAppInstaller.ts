import type * as Graph from '@microsoft/microsoft-graph-types';
import type { Logger } from '../../logger.js';
import type { AppInstallation, AppInstaller } from '../../ports/appInstaller.js';
import { GraphRequestError, type GraphHttp } from './graphHttp.js';
import { toDirectoryError } from './graphDirectory.js';

export interface GraphAppInstallerOptions {
  http: GraphHttp;
  /** The app's id in the organisation's Teams app catalog (TEAMS_APP_CATALOG_ID), when known. */
  catalogAppId?: string;
  /** The manifest id, the catalog's `externalId`: used to find the catalog id when it is not configured. */
  externalId?: string;
  logger?: Logger;
}

/**
 * {@link AppInstaller} on Microsoft Graph: `POST /users/{id}/teamwork/installedApps` binding the catalog app (a 409
 * "already installed" is success), the installation found with `$filter=teamsApp/id eq '…'`, then its `/chat`.
 * Needs TeamsAppInstallation.ReadWriteSelfForUser.All (and AppCatalog.Read.All to look the catalog id up).
 */
export class GraphAppInstaller implements AppInstaller {
  private catalogId?: Promise<string | undefined>;

  constructor(private readonly options: GraphAppInstallerOptions) {}

  async installFor(userId: string): Promise<AppInstallation> {
    const appId = await this.appId();
    if (!appId) return { kind: 'refused', code: 'APP_NOT_IN_CATALOG' };
    const user = encodeURIComponent(userId);
    const http = this.options.http;
    try {
      try {
        await http.post(`/v1.0/users/${user}/teamwork/installedApps`, {
          'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${appId}`,
        });
        this.options.logger?.info({ userId, code: 'APP_INSTALLED' }, 'installed the Teams app for a user');
      } catch (error) {
        if (!(error instanceof GraphRequestError && error.status === 409)) throw error; // 409: installed already
      }
      const filter = encodeURIComponent(`teamsApp/id eq '${appId}'`);
      const installs = await http.all<Graph.UserScopeTeamsAppInstallation>(
        `/v1.0/users/${user}/teamwork/installedApps?$expand=teamsApp&$filter=${filter}`,
      );
      const installation = installs.find((i) => !i.teamsApp?.id || i.teamsApp.id === appId) ?? installs[0];
      if (!installation?.id) return { kind: 'refused', code: 'INSTALL_REFUSED' };
      const chat = await http.get<Graph.Chat>(
        `/v1.0/users/${user}/teamwork/installedApps/${encodeURIComponent(installation.id)}/chat`,
      );
      if (!chat?.id) return { kind: 'refused', code: 'INSTALL_REFUSED' };
      return { kind: 'installed', chatId: chat.id };
    } catch (error) {
      if (error instanceof GraphRequestError && error.status === 403) {
        this.options.logger?.warn(
          { userId, code: 'APP_INSTALL_REFUSED', graphCode: error.code },
          'Graph refused to install the app',
        );
        return { kind: 'refused', code: 'INSTALL_REFUSED' };
      }
      if (error instanceof GraphRequestError && error.status === 404) {
        const code = error.message.includes(appId) ? 'APP_NOT_IN_CATALOG' : 'USER_NOT_FOUND';
        if (code === 'APP_NOT_IN_CATALOG') this.catalogId = undefined; // maybe republished: look again next time
        return { kind: 'refused', code };
      }
      throw toDirectoryError(error, 'read');
    }
  }

  /** The catalog id: configured, or the organisation's catalog app whose externalId is the manifest id. */
  private appId(): Promise<string | undefined> {
    if (this.options.catalogAppId) return Promise.resolve(this.options.catalogAppId);
    const externalId = this.options.externalId;
    if (!externalId) return Promise.resolve(undefined);
    this.catalogId ??= this.options.http
      .all<Graph.TeamsApp>(`/v1.0/appCatalogs/teamsApps?$filter=${encodeURIComponent(`externalId eq '${externalId}'`)}`)
      .then((apps) => apps.find((a) => a.id)?.id ?? undefined)
      .catch((error: unknown) => {
        this.catalogId = undefined;
        throw toDirectoryError(error, 'read');
      });
    return this.catalogId;
  }
}

import { Agent } from 'node:https';
import {
  ClientCertificateCredential,
  ClientSecretCredential,
  ManagedIdentityCredential,
  type TokenCredential,
} from '@azure/identity';

/** The app identity Graph is called with: `AZURE_*` when set, else the bot's own registration. */
export interface GraphCredentialSettings {
  tenantId: string;
  clientId: string;
  clientSecret?: string;
  certificatePath?: string;
  /** Use a managed identity (system-assigned when clientId is empty). */
  managedIdentity?: boolean;
  /** Entra authority, e.g. https://login.microsoftonline.us; a non-Microsoft host turns instance discovery off. */
  authorityHost?: string;
  /** Extra trusted certificate (PEM) for a private authority host. */
  ca?: string;
}

const MICROSOFT_AUTHORITIES = new Set([
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn',
]);

/** A @azure/identity credential for the settings; token handling (caching, refresh) stays in the library. */
export function createGraphCredential(settings: GraphCredentialSettings): TokenCredential {
  const host = settings.authorityHost ? new URL(settings.authorityHost).hostname.toLowerCase() : undefined;
  const options = {
    ...(settings.authorityHost ? { authorityHost: settings.authorityHost } : {}),
    disableInstanceDiscovery: host !== undefined && !MICROSOFT_AUTHORITIES.has(host),
    ...(settings.ca ? { agent: new Agent({ keepAlive: true, ca: settings.ca }) } : {}),
  };
  if (settings.managedIdentity) {
    return settings.clientId
      ? new ManagedIdentityCredential(settings.clientId, options)
      : new ManagedIdentityCredential(options);
  }
  if (settings.certificatePath) {
    return new ClientCertificateCredential(
      settings.tenantId,
      settings.clientId,
      { certificatePath: settings.certificatePath },
      options,
    );
  }
  return new ClientSecretCredential(settings.tenantId, settings.clientId, settings.clientSecret ?? '', options);
}

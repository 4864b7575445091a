/** Everything the composition root needs for a Graph tenant, in one module so it can be loaded only when used. */
export { createGraphCredential } from './graphCredential.js';
export { GraphAppInstaller } from './graphAppInstaller.js';
export { GraphDirectory } from './graphDirectory.js';
export { GraphHttp } from './graphHttp.js';
export { loadTenantOverrides } from './tenantOverrides.js';

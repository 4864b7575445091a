import type { PolicyContext } from './context.js';
import type { LayerStatus } from './tenantLayers.js';

/** The tenant-wide chain Entra → cross-tenant → Groups → labels → SharePoint → Teams, computed at compile time. */
export function tenantLayers(ctx: PolicyContext): readonly LayerStatus[] {
  return ctx.layers;
}

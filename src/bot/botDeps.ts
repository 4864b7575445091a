import type { AppServices } from '../app/shared/appServices.js';
import type { GuestReviews, ReviewSettings } from '../app/reviews/guestReviews.js';
import type { PolicyCache } from '../app/shared/policyCache.js';
import type { RequestSettings } from '../app/requests/requestGuests.js';
import type { RequestWorker } from '../app/requests/requestWorker.js';
import type { RequestStore } from '../ports/requestStore.js';
import type { ReviewStore } from '../ports/reviewStore.js';

/** Everything the bot's handlers use, built once in the composition root. */
export interface BotDeps extends AppServices {
  requests: RequestStore;
  policy: PolicyCache;
  worker: RequestWorker;
  settings: RequestSettings & { reminderDays: number; timeZone?: string };
  /** Cards answered to taps in Outlook carry the organisation's actionable-message provider id. */
  outlook?: { originatorId?: string };
  /** The tenant's guests: periodic reviews and their settings. */
  guests: { reviews: GuestReviews; store: ReviewStore; settings: ReviewSettings };
}

/** The use cases' view of the deps: background work goes to the worker. */
export function useCaseDeps(deps: BotDeps) {
  return {
    ...deps,
    onRequestCreated: (id: string) => deps.worker.kick(id),
    onRequestChanged: (id: string) => deps.worker.kick(id),
  };
}

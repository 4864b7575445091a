import { expandCard, type AdaptiveCardJson } from './cardTemplate.js';
import type { ConfirmationCardData } from './confirmationCard.js';

/** The "delete guest" card: what the guest loses, a confirmation, then what happened. Text is escaped. */
export interface DeleteGuestCardData extends ConfirmationCardData {
  /** Only the id travels in the buttons' data; that the tapper is an admin is decided again on the tap. */
  guestUserId: string;
}

export function buildDeleteGuestCard(data: DeleteGuestCardData): AdaptiveCardJson {
  return expandCard('deleteGuest', data);
}

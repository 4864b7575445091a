import { expandCard, type AdaptiveCardJson } from './cardTemplate.js';
import type { ConfirmationCardData } from './confirmationCard.js';

/** The "remove guest" card: a confirmation with two buttons, then what happened. Text is display-ready and escaped. */
export interface RemoveGuestCardData extends ConfirmationCardData {
  /** Only ids travel in the buttons' data; who may remove is decided again on the tap. */
  groupId: string;
  guestUserId: string;
}

export function buildRemoveGuestCard(data: RemoveGuestCardData): AdaptiveCardJson {
  return expandCard('removeGuest', data);
}

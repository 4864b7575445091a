import { expandCard, type AdaptiveCardJson } from './cardTemplate.js';

/** The "delete guest" card: what the guest loses, a confirmation, then what happened. Text is escaped. */
export interface DeleteGuestCardData {
  /** Only the id travels in the buttons' data; that the tapper is an admin is decided again on the tap. */
  guestUserId: string;
  style: 'warning' | 'good' | 'attention' | 'default';
  title: string;
  text: string;
  facts: { title: string; value: string }[];
  note: string;
  showActions: boolean;
  labels: { confirm: string; cancel: string };
}

export function buildDeleteGuestCard(data: DeleteGuestCardData): AdaptiveCardJson {
  return expandCard('deleteGuest', data);
}

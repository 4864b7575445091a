import { expandCard, type AdaptiveCardJson } from './cardTemplate.js';

/** The "remove guest" card: a confirmation with two buttons, then what happened. Text is display-ready and escaped. */
export interface RemoveGuestCardData {
  /** Only ids travel in the buttons' data; who may remove is decided again on the tap. */
  groupId: string;
  guestUserId: string;
  style: 'warning' | 'good' | 'attention' | 'default';
  title: string;
  text: string;
  facts: { title: string; value: string }[];
  note: string;
  showActions: boolean;
  labels: { confirm: string; cancel: string };
}

export function buildRemoveGuestCard(data: RemoveGuestCardData): AdaptiveCardJson {
  return expandCard('removeGuest', data);
}

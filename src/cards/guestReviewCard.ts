import { expandCard, type AdaptiveCardJson } from './cardTemplate.js';

/** A group's guest review: one row per guest with Keep / Remove while undecided, and Keep all. Text is escaped. */
export interface GuestReviewCardData {
  /** Only ids travel in the buttons' data; who may decide is checked again on the tap. */
  reviewId: string;
  style: 'default' | 'warning' | 'good' | 'attention';
  title: string;
  text: string;
  guests: {
    id: string;
    heading: string;
    details: string;
    status: string;
    statusColor: 'default' | 'good' | 'attention' | 'warning';
    showActions: boolean;
  }[];
  footer: string;
  showKeepAll: boolean;
  labels: { keep: string; remove: string; keepAll: string };
}

export function buildGuestReviewCard(data: GuestReviewCardData): AdaptiveCardJson {
  return expandCard('guestReview', data);
}

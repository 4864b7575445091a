import { expandCard, type AdaptiveCardJson } from './cardTemplate.js';

/** One page of the tenant's guests. Text is display-ready and escaped; the buttons carry the filter and offset only. */
export interface TenantGuestsCardData {
  title: string;
  subtitle: string;
  guests: { heading: string; details: string; style: 'default' | 'warning' | 'attention' }[];
  footer: string;
  showPrevious: boolean;
  showMore: boolean;
  page: { filter: string; domain: string; previous: number; next: number };
  labels: { previous: string; more: string };
}

export function buildTenantGuestsCard(data: TenantGuestsCardData): AdaptiveCardJson {
  return expandCard('tenantGuests', data);
}

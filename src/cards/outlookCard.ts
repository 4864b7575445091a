import type { AdaptiveCardJson } from './cardTemplate.js';

/**
 * A card as Outlook takes it in an actionable message: Universal Actions need schema 1.4 or later, and 1.4 is what
 * Outlook clients render (the template uses nothing newer). `originator` is the provider id the organisation
 * registered in the Actionable Email Developer Dashboard: without it Outlook drops the card from mail sent to anyone
 * but the sender. Outlook ignores `refresh.userIds` and refreshes for every reader when the message is opened.
 */
export function forOutlook(card: AdaptiveCardJson, options: { originatorId?: string }): AdaptiveCardJson {
  return { ...card, version: '1.4', ...(options.originatorId ? { originator: options.originatorId } : {}) };
}

/**
 * The `<script>` block that carries a card in the head of an HTML mail. `<` is written as `\u003c` (still the
 * same JSON) so that text in the card can never close the script element or open a comment.
 */
export function adaptiveCardScript(card: AdaptiveCardJson): string {
  const json = JSON.stringify(card)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `<script type="application/adaptivecard+json">${json}</script>`;
}

import { expandCard, type AdaptiveCardJson } from './cardTemplate.js';

/** ✓ lets guests through, ⛔ stops every new guest, ⚠️ stops some (a partner, a label, a domain). */
export type ChainIcon = '✓' | '⛔' | '⚠️' | 'ℹ️';

/** One setting: display-ready (translated, directory text escaped). */
export interface LayerChainRow {
  icon: ChainIcon;
  setting: string;
  /** The current value as Graph spells it (may be empty). */
  value: string;
  meaning: string;
  /** Who, where and how to change it, when it stops guests. */
  fix: { title: string; value: string }[];
}

export interface LayerChainSection {
  icon: ChainIcon;
  name: string;
  rows: LayerChainRow[];
}

/** Settings layer by layer, top (Entra ID) to bottom (Teams, SharePoint), with a one-line chain summary. */
export interface LayerChainView {
  title: string;
  subtitle: string;
  /** "✓ Entra ID → ⛔ Cross-tenant access → …" */
  chain: string;
  sections: LayerChainSection[];
  footer: string;
}

/** The worst icon of a set: ⛔ over ⚠️ over ✓ (ℹ️ rows are information and never colour a layer). */
export function worstIcon(icons: readonly ChainIcon[]): ChainIcon {
  if (icons.includes('⛔')) return '⛔';
  if (icons.includes('⚠️')) return '⚠️';
  return '✓';
}

export function buildLayerChainCard(view: LayerChainView): AdaptiveCardJson {
  return expandCard('layerChain', view);
}

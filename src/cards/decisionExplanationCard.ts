import { expandCard, type AdaptiveCardJson } from './cardTemplate.js';

/** A title/value pair in a FactSet. Display-ready: translated, user text escaped. */
export interface DecisionExplanationFact {
  title: string;
  value: string;
}

/** One blocker or access issue: what, then who/where/how as facts (how much depends on the audience). */
export interface DecisionExplanationItem {
  what: string;
  facts: DecisionExplanationFact[];
}

/**
 * The view of one policy decision for one reader, as `decisionView` (src/app/explanation/explainDecision.ts) builds it.
 * Every string is display-ready: translated, and user or directory text passed through `escapeMarkdown`.
 */
export interface DecisionExplanationView {
  verdict: 'addNow' | 'needsApproval' | 'blocked' | 'nothingToDo';
  /** Colour of the headline: Good (add now), Accent-like Default (approval), Attention (blocked), Default. */
  headlineColor: 'Good' | 'Warning' | 'Attention' | 'Default';
  title: string;
  headline: string;
  /** Why these approvers (or why the requester may add directly); empty when there is nothing to say. */
  approvalText: string;
  facts: DecisionExplanationFact[];
  blockersTitle: string;
  blockers: DecisionExplanationItem[];
  accessTitle: string;
  access: { text: string }[];
  accessIssuesTitle: string;
  accessIssues: DecisionExplanationItem[];
  /** Layers the directory can't know: neither allowing nor blocking, with where an admin can look. */
  unverifiedTitle: string;
  unverified: DecisionExplanationItem[];
  notesTitle: string;
  notes: { text: string }[];
}

/** What the template binds to: the view plus the switches its `$when`s need. */
export interface DecisionExplanationCardData extends DecisionExplanationView {
  hasApprovalText: boolean;
  hasBlockers: boolean;
  hasAccess: boolean;
  hasAccessIssues: boolean;
  hasUnverified: boolean;
  hasNotes: boolean;
}

export function buildDecisionExplanationCard(view: DecisionExplanationView): AdaptiveCardJson {
  const data: DecisionExplanationCardData = {
    ...view,
    hasApprovalText: view.approvalText.length > 0,
    hasBlockers: view.blockers.length > 0,
    hasAccess: view.access.length > 0,
    hasAccessIssues: view.accessIssues.length > 0,
    hasUnverified: view.unverified.length > 0,
    hasNotes: view.notes.length > 0,
  };
  return expandCard('decisionExplanation', data);
}

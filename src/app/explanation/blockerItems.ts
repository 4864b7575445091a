import type { DecisionExplanationItem } from '../../cards/decisionExplanationCard.js';
import { translator, type Language } from '../../i18n/i18n.js';
import type {
  Blocker,
  GuestAccess,
  GuestDecision,
  NoteCode,
  PolicyContext,
  UnverifiedLayer,
  Verdict,
} from '../../policy/index.js';
import type { ApproverSet } from '../../policy/index.js';
import { decisionView } from './explainDecision.js';

const NO_ACCESS: GuestAccess = { groupContent: 'no', team: 'noTeam', site: 'noSite' };
const NOBODY: ApproverSet = { basis: 'none', approverIds: [] };

/**
 * A decision for "a guest" that is not one person: the overviews (tenant settings, a group's settings, an address
 * check) show the same what/who/where/how as a single guest's explanation, rendered by {@link decisionView}.
 */
export function overviewDecision(input: {
  guestLabel: string;
  groupId?: string;
  verdict?: Verdict;
  blockers?: readonly Blocker[];
  accessIssues?: readonly Blocker[];
  unverified?: readonly UnverifiedLayer[];
  access?: GuestAccess;
  approval?: ApproverSet;
  notes?: readonly NoteCode[];
  domain?: string;
}): GuestDecision {
  const blockers = input.blockers ?? [];
  return {
    guestEmail: input.guestLabel,
    domain: input.domain ?? '',
    groupId: input.groupId ?? '',
    requesterId: '',
    verdict: input.verdict ?? (blockers.length > 0 ? 'blocked' : 'needsApproval'),
    blockers,
    accessIssues: input.accessIssues ?? [],
    unverified: input.unverified ?? [],
    invitation: 'required',
    approval: input.approval ?? NOBODY,
    access: input.access ?? NO_ACCESS,
    notes: input.notes ?? [],
  };
}

/**
 * Admin-level what, who (roles and names), where, change, PowerShell, Graph for each blocker. The layer fact is left
 * out: the overviews already group their rows by layer.
 */
export function blockerItems(
  ctx: PolicyContext,
  lang: Language,
  blockers: readonly Blocker[],
  context: { guestLabel: string; groupId?: string; domain?: string },
): DecisionExplanationItem[] {
  if (blockers.length === 0) return [];
  const layer = translator(lang)('policy.card.layer');
  return decisionView(overviewDecision({ ...context, blockers }), ctx, lang, 'admin').blockers.map((item) => ({
    what: item.what,
    facts: item.facts.filter((f) => f.title !== layer),
  }));
}

import { expandCard, type AdaptiveCardJson } from './cardTemplate.js';

/** The view of one guest request for one viewer. Text fields are display-ready and escaped. */
export interface ApprovalRequestCardData {
  requestId: string;
  /** Who gets this card re-rendered for them when they open it (at most 60: a Teams limit). */
  refreshUserIds: string[];
  title: string;
  stateText: string;
  /** A one-off message for the viewer on top of the card (e.g. "already approved by …"). */
  noticeText: string;
  stateStyle: 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
  requester: string;
  group: string;
  guests: string;
  createdAt: string;
  expiresAt: string;
  approvers: string;
  justification: string;
  basisNote: string;
  notes: string[];
  decisionText: string;
  commentText: string;
  errorText: string;
  showDecide: boolean;
  showCancel: boolean;
  showRetry: boolean;
  labels: {
    refresh: string;
    requester: string;
    group: string;
    guests: string;
    requestId: string;
    created: string;
    expires: string;
    approvers: string;
    justification: string;
    comment: string;
    commentPlaceholder: string;
    approve: string;
    reject: string;
    cancel: string;
    retry: string;
  };
}

export const MAX_REFRESH_USERS = 60;

export function buildApprovalRequestCard(data: ApprovalRequestCardData): AdaptiveCardJson {
  return expandCard('approvalRequest', { ...data, refreshUserIds: data.refreshUserIds.slice(0, MAX_REFRESH_USERS) });
}

import type { GuestLosses } from '../app/guests/deleteGuest.js';
import { guestState } from '../app/guests/listGuests.js';
import { formatDay, signInText } from '../app/reviews/presentReview.js';
import { safe } from '../app/requests/presentRequest.js';
import type { TenantGuestFilter, TenantGuestRow, TenantGuestsOutcome } from '../app/guests/tenantGuests.js';
import type { AdaptiveCardJson } from '../cards/cardTemplate.js';
import { buildDeleteGuestCard, type DeleteGuestCardData } from '../cards/deleteGuestCard.js';
import { buildTenantGuestsCard, type TenantGuestsCardData } from '../cards/tenantGuestsCard.js';
import type { Language, Translate } from '../i18n/i18n.js';
import type { DirectoryUser } from '../policy/tenantModel.js';

const MAX_GROUP_NAMES = 8;

function title(tr: Translate, filter: TenantGuestFilter, tenant: string, staleDays: number): string {
  switch (filter.kind) {
    case 'all':
      return tr('guests.title.all', { tenant: safe(tenant) });
    case 'pending':
      return tr('guests.title.pending');
    case 'stale':
      return tr('guests.title.stale', { days: staleDays });
    case 'domain':
      return tr('guests.title.domain', { domain: safe(filter.domain) });
  }
}

function names(list: readonly { displayName: string }[]): string {
  const shown = list.slice(0, MAX_GROUP_NAMES).map((g) => safe(g.displayName));
  return list.length > MAX_GROUP_NAMES ? `${shown.join(', ')} (+${list.length - MAX_GROUP_NAMES})` : shown.join(', ');
}

function rowDetails(tr: Translate, lang: Language, row: TenantGuestRow): string {
  const parts = [tr(`admin.guestState.${row.state}`)];
  if (row.invitedAt && row.invitedByName)
    parts.push(tr('guests.invited', { date: formatDay(lang, row.invitedAt), name: safe(row.invitedByName) }));
  else if (row.invitedAt) parts.push(tr('guests.invitedOn', { date: formatDay(lang, row.invitedAt) }));
  parts.push(row.groups.length > 0 ? tr('guests.groups', { names: names(row.groups) }) : tr('guests.noGroups'));
  parts.push(signInText(tr, lang, row.lastSignIn));
  if (row.stale) parts.push(tr('guests.stale'));
  return parts.join(' · ');
}

/** One page (20) of the tenant's guests, with Previous / More. */
export function tenantGuestsCard(
  tr: Translate,
  lang: Language,
  outcome: Extract<TenantGuestsOutcome, { kind: 'guests' }>,
  tenant: string,
  staleDays: number,
): AdaptiveCardJson {
  const { rows, offset, total, pageSize, filter } = outcome;
  const data: TenantGuestsCardData = {
    title: title(tr, filter, tenant, staleDays),
    subtitle:
      total === 0 ? tr('guests.none') : tr('guests.subtitle', { from: offset + 1, to: offset + rows.length, total }),
    guests: rows.map((row) => ({
      heading: tr('guests.heading', { name: safe(row.displayName), mail: safe(row.mail, 320) }),
      details: rowDetails(tr, lang, row),
      style: !row.accountEnabled ? 'attention' : row.stale ? 'warning' : 'default',
    })),
    footer: tr('guests.footer'),
    showPrevious: offset > 0,
    showMore: offset + rows.length < total,
    page: {
      filter: filter.kind,
      domain: filter.kind === 'domain' ? filter.domain : '',
      previous: Math.max(0, offset - pageSize),
      next: offset + pageSize,
    },
    labels: { previous: tr('guests.previous'), more: tr('guests.more') },
  };
  return buildTenantGuestsCard(data);
}

export type DeleteGuestCardState = 'confirm' | 'deleted' | 'already' | 'cancelled' | 'failed' | 'refused';

/** The delete-guest card in one of its states. `text` overrides the state's own sentence (refusals and errors). */
export function deleteGuestCard(
  tr: Translate,
  state: DeleteGuestCardState,
  guest: Pick<DirectoryUser, 'id'> & Partial<DirectoryUser>,
  losses: GuestLosses | undefined,
  extra: { actorName?: string; text?: string } = {},
): AdaptiveCardJson {
  const guestName = safe(guest.displayName ?? guest.mail ?? guest.id);
  const facts: DeleteGuestCardData['facts'] = [];
  if (guest.displayName) facts.push({ title: tr('delete.fact.guest'), value: guestName });
  if (guest.mail) facts.push({ title: tr('delete.fact.address'), value: safe(guest.mail, 320) });
  if (guest.accountEnabled !== undefined && state === 'confirm') {
    const accountState = guestState({
      accountEnabled: guest.accountEnabled,
      externalUserState: guest.externalUserState,
    });
    facts.push({ title: tr('delete.fact.state'), value: tr(`admin.guestState.${accountState}`) });
  }
  if (losses && (state === 'confirm' || state === 'deleted' || state === 'failed')) {
    const list = (groups: readonly { displayName: string }[]) =>
      groups.length > 0 ? names(groups) : tr('delete.none');
    facts.push(
      { title: tr('delete.fact.groups'), value: list(losses.groups) },
      { title: tr('delete.fact.teams'), value: list(losses.teams) },
      { title: tr('delete.fact.sites'), value: list(losses.sites) },
    );
  }
  const params = { guest: guestName, name: safe(extra.actorName ?? ''), error: safe(extra.text ?? '') };
  const look: Record<
    DeleteGuestCardState,
    Pick<DeleteGuestCardData, 'style' | 'title' | 'text' | 'showActions' | 'note'>
  > = {
    confirm: {
      style: 'warning',
      title: tr('delete.title'),
      text: tr('delete.confirm', params),
      showActions: true,
      note: '',
    },
    deleted: {
      style: 'good',
      title: tr('delete.deletedTitle'),
      text: tr('delete.deleted', params),
      showActions: false,
      note: tr('delete.note'),
    },
    already: {
      style: 'default',
      title: tr('delete.alreadyTitle'),
      text: tr('delete.already'),
      showActions: false,
      note: '',
    },
    cancelled: {
      style: 'default',
      title: tr('delete.title'),
      text: tr('delete.cancelled'),
      showActions: false,
      note: '',
    },
    failed: {
      style: 'attention',
      title: tr('delete.title'),
      text: tr('delete.failed', params),
      showActions: true,
      note: '',
    },
    refused: { style: 'attention', title: tr('delete.title'), text: extra.text ?? '', showActions: false, note: '' },
  };
  return buildDeleteGuestCard({
    guestUserId: guest.id,
    facts,
    labels: { confirm: tr('delete.confirmLabel'), cancel: tr('delete.cancelLabel') },
    ...look[state],
  });
}

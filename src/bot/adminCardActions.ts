import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import { failureText } from '../app/shared/failure.js';
import { guestState } from '../app/guests/listGuests.js';
import { safe } from '../app/requests/presentRequest.js';
import { cancelGuestRemoval, guestRemover, type RemoveGuestDeps } from '../app/guests/removeGuest.js';
import type { AdaptiveCardJson } from '../cards/cardTemplate.js';
import { buildRemoveGuestCard, type RemoveGuestCardData } from '../cards/removeGuestCard.js';
import type { Translate } from '../i18n/i18n.js';
import type { DirectoryGroup, DirectoryUser } from '../policy/tenantModel.js';
import type { CardActionHandlers } from './turn.js';

const CARD = 'application/vnd.microsoft.card.adaptive';
const ERROR = 'application/vnd.microsoft.error';

export type RemoveGuestCardState = 'confirm' | 'removed' | 'already' | 'cancelled' | 'failed' | 'refused';

/** The remove-guest card in one of its states. `text` overrides the state's own sentence (for refusals and errors). */
export function removeGuestCard(
  tr: Translate,
  state: RemoveGuestCardState,
  group: DirectoryGroup,
  guest: {
    id: string;
    displayName?: string;
    mail?: string | null;
    accountEnabled?: boolean;
    externalUserState?: string | null;
  },
  extra: { actorName?: string; text?: string } = {},
): AdaptiveCardJson {
  const groupName = safe(group.displayName);
  const guestName = safe(guest.displayName ?? guest.mail ?? guest.id);
  const facts: RemoveGuestCardData['facts'] = [{ title: tr('admin.remove.fact.guest'), value: guestName }];
  if (guest.mail) facts.push({ title: tr('admin.remove.fact.address'), value: safe(guest.mail, 320) });
  facts.push({ title: tr('admin.remove.fact.group'), value: groupName });
  if (state === 'confirm' && guest.accountEnabled !== undefined) {
    facts.push({
      title: tr('admin.remove.fact.state'),
      value: tr(
        `admin.guestState.${guestState({ accountEnabled: guest.accountEnabled, externalUserState: guest.externalUserState })}`,
      ),
    });
  }
  const params = {
    guest: guestName,
    group: groupName,
    name: safe(extra.actorName ?? ''),
    error: safe(extra.text ?? ''),
  };
  const look: Record<
    RemoveGuestCardState,
    Pick<RemoveGuestCardData, 'style' | 'title' | 'text' | 'showActions' | 'note'>
  > = {
    confirm: {
      style: 'warning',
      title: tr('admin.remove.title'),
      text: tr('admin.remove.confirm', params),
      showActions: true,
      note: '',
    },
    removed: {
      style: 'good',
      title: tr('admin.remove.removedTitle'),
      text: tr('admin.remove.removed', params),
      showActions: false,
      note: tr('admin.remove.note'),
    },
    already: {
      style: 'default',
      title: tr('admin.remove.alreadyTitle'),
      text: tr('admin.remove.already', params),
      showActions: false,
      note: '',
    },
    cancelled: {
      style: 'default',
      title: tr('admin.remove.title'),
      text: tr('admin.remove.cancelled'),
      showActions: false,
      note: '',
    },
    failed: {
      style: 'attention',
      title: tr('admin.remove.title'),
      text: tr('admin.remove.failed', params),
      showActions: true,
      note: '',
    },
    refused: {
      style: 'attention',
      title: tr('admin.remove.title'),
      text: extra.text ?? '',
      showActions: false,
      note: '',
    },
  };
  return buildRemoveGuestCard({
    groupId: group.id,
    guestUserId: guest.id,
    facts,
    labels: { confirm: tr('admin.remove.confirmLabel'), cancel: tr('admin.remove.cancelLabel') },
    ...look[state],
  });
}

const card = (value: AdaptiveCardJson): AdaptiveCardInvokeResponse => ({ statusCode: 200, type: CARD, value });

/**
 * Action.Execute verbs of the remove-guest card. The card's data is trusted for ids only: who taps is the invoke's
 * authenticated user, and whether they may remove this guest is decided again from the directory.
 */
export function adminCardActions(deps: RemoveGuestDeps): CardActionHandlers {
  const confirm = guestRemover(deps);
  const refuse = (tr: Translate, group?: DirectoryGroup): AdaptiveCardInvokeResponse =>
    group
      ? {
          statusCode: 403,
          type: ERROR,
          value: { code: 'FORBIDDEN', message: tr('admin.refuse.owners', { group: safe(group.displayName) }) },
        }
      : { statusCode: 400, type: ERROR, value: { code: 'BAD_REQUEST', message: tr('common.unknownAction') } };

  return {
    confirmRemoveGuest: async ({ user }, data) => {
      const { tr } = user;
      const outcome = await confirm(user.profile, data);
      const actorName = user.profile.user.displayName;
      switch (outcome.kind) {
        case 'badRequest':
          return refuse(tr);
        case 'forbidden':
          return refuse(tr, outcome.group);
        case 'removed':
          return card(removeGuestCard(tr, 'removed', outcome.group, outcome.guest, { actorName }));
        case 'alreadyRemoved':
          return card(removeGuestCard(tr, 'already', outcome.group, outcome.guest ?? { id: String(data.guestUserId) }));
        case 'failed':
          return card(
            removeGuestCard(tr, 'failed', outcome.group, outcome.guest, { text: failureText(tr, outcome.error) }),
          );
        case 'notGuest':
          return card(
            removeGuestCard(tr, 'refused', outcome.group, outcome.user, {
              text: tr('admin.remove.notGuest', { name: safe(outcome.user.displayName) }),
            }),
          );
        case 'unmanaged':
          return card(
            removeGuestCard(
              tr,
              'refused',
              outcome.group,
              { id: String(data.guestUserId) },
              { text: tr(`policy.reason.${outcome.reason}`, { group: safe(outcome.group.displayName) }) },
            ),
          );
      }
    },
    cancelRemoveGuest: async ({ user }, data) => {
      const outcome = await cancelGuestRemoval(deps, user.profile, data);
      if (outcome.kind === 'badRequest') return refuse(user.tr);
      if (outcome.kind === 'forbidden') return refuse(user.tr, outcome.group);
      const guest: Pick<DirectoryUser, 'id'> & Partial<DirectoryUser> = outcome.guest ?? {
        id: String(data.guestUserId),
      };
      return card(removeGuestCard(user.tr, 'cancelled', outcome.group, guest));
    },
  };
}

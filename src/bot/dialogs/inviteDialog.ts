import { MessageFactory, type TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  TextPrompt,
  WaterfallDialog,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { findGroup } from '../../app/shared/findGroup.js';
import { requestGuests } from '../../app/requests/requestGuests.js';
import { escapeMarkdown } from '../../cards/cardTemplate.js';
import { listOf, type Translate } from '../../i18n/i18n.js';
import { evaluateRequest, groupProfile, normaliseEmail } from '../../policy/index.js';
import type { DirectoryGroup } from '../../policy/tenantModel.js';
import { splitAddresses } from '../commands/parseCommand.js';
import { useCaseDeps, type BotDeps } from '../botDeps.js';
import { sendRequestOutcome } from '../requestResponses.js';
import { TURN_USER, type TurnUser } from '../turn.js';

export const INVITE_DIALOG = 'inviteDialog';
const GROUP_PROMPT = 'inviteGroupPrompt';
const GUESTS_PROMPT = 'inviteGuestsPrompt';
const REASON_PROMPT = 'inviteReasonPrompt';

/** What the user already said in the `invite` message; the dialog asks for the rest. */
export interface InviteDialogOptions {
  group?: string;
  guests?: string[];
  justification?: string;
}

interface InviteState extends InviteDialogOptions {
  groupId?: string;
}

/**
 * The guided `invite`: which group (from the user's own), which addresses, why. It only collects; the decision is
 * the use case's, and the answer the same as for a one-line `invite`.
 */
export class InviteDialog extends ComponentDialog {
  constructor(private readonly deps: BotDeps) {
    super(INVITE_DIALOG);
    this.addDialog(new TextPrompt(GROUP_PROMPT, (p) => this.validateGroup(p)));
    this.addDialog(new TextPrompt(GUESTS_PROMPT, async (p) => this.validateGuests(p)));
    this.addDialog(
      new TextPrompt(
        REASON_PROMPT,
        async (p) => p.recognized.succeeded && (p.recognized.value ?? '').trim().length >= 3,
      ),
    );
    this.addDialog(
      new WaterfallDialog('inviteSteps', [
        (step) => this.askGroup(step),
        (step) => this.askGuests(step),
        (step) => this.askReason(step),
        (step) => this.submit(step),
      ]),
    );
    this.initialDialogId = 'inviteSteps';
  }

  /** The authenticated user of the turn, as the bot identified them (the dialog runs only inside the bot's turns). */
  private user(step: { context: TurnContext }): TurnUser {
    const user = step.context.turnState.get<TurnUser | undefined>(TURN_USER);
    if (!user) throw new Error('invite dialog ran outside an identified turn');
    return user;
  }

  private tr(step: { context: TurnContext }): Translate {
    return this.user(step).tr;
  }

  /** The user's groups that can take guests at all (not dynamic, synced, Viva Engage or other kinds). */
  private async myGroups(step: WaterfallStepContext | PromptValidatorContext<string>): Promise<DirectoryGroup[]> {
    const { profile } = this.user(step);
    const mine = new Set([...profile.memberGroupIds, ...profile.ownedGroupIds]);
    const ctx = await this.deps.policy.current();
    const takesGuests = (g: DirectoryGroup) => {
      const p = groupProfile(ctx, g.id);
      return !!p && p.kind === 'microsoft365' && !p.dynamic && !p.onPremises && !p.vivaEngage;
    };
    return (await this.deps.directory.listGroups())
      .filter((g) => mine.has(g.id) && takesGuests(g))
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  private async askGroup(step: WaterfallStepContext) {
    const state = step.values as InviteState;
    Object.assign(state, step.options as InviteDialogOptions);
    if (state.group) return step.next(state.group);
    const groups = await this.myGroups(step);
    const tr = this.tr(step);
    if (groups.length === 0) {
      await step.context.sendActivity(tr('dialog.askGroupNone'));
      return step.endDialog();
    }
    const list = groups.map((g, i) => `${i + 1}. ${escapeMarkdown(g.displayName)}`).join('\n');
    // Say why some of "your groups" are missing, so the list doesn't look like a mistake.
    const { profile } = this.user(step);
    const listed = new Set(groups.map((g) => g.id));
    const hidden = (await this.deps.directory.listGroups()).filter(
      (g) => !listed.has(g.id) && (profile.memberGroupIds.includes(g.id) || profile.ownedGroupIds.includes(g.id)),
    );
    const why =
      hidden.length > 0
        ? `\n\n${tr('dialog.askGroupHidden', {
            names: listOf(
              tr.lang,
              hidden.map((g) => escapeMarkdown(g.displayName)),
            ),
            count: hidden.length,
          })}`
        : '';
    return step.prompt(GROUP_PROMPT, {
      prompt: MessageFactory.text(tr('dialog.askGroup', { groups: `\n\n${list}` }) + why),
      retryPrompt: MessageFactory.text(tr('dialog.retryGroup')),
    });
  }

  private async validateGroup(prompt: PromptValidatorContext<string>): Promise<boolean> {
    const text = (prompt.recognized.value ?? '').trim();
    if (!text) return false;
    const groups = await this.myGroups(prompt);
    const index = Number(text);
    if (Number.isInteger(index) && index >= 1 && index <= groups.length) {
      prompt.recognized.value = groups[index - 1].displayName;
      return true;
    }
    const match = findGroup(text, groups);
    if (match.kind !== 'found') return false;
    prompt.recognized.value = match.group.displayName;
    return true;
  }

  private async askGuests(step: WaterfallStepContext) {
    const state = step.values as InviteState;
    state.group = String(step.result);
    if (state.guests && state.guests.length > 0) return step.next(state.guests.join(', '));
    const tr = this.tr(step);
    return step.prompt(GUESTS_PROMPT, {
      prompt: MessageFactory.text(tr('dialog.askGuests')),
      retryPrompt: MessageFactory.text(tr('dialog.retryGuests')),
    });
  }

  private validateGuests(prompt: PromptValidatorContext<string>): boolean {
    const addresses = splitAddresses(prompt.recognized.value ?? '');
    return addresses.length > 0 && addresses.every((a) => normaliseEmail(a).ok);
  }

  private async askReason(step: WaterfallStepContext) {
    const state = step.values as InviteState;
    state.guests = splitAddresses(String(step.result));
    if (state.justification || !this.deps.settings.requireJustification) return step.next(state.justification ?? '');
    // A reason is asked only when someone has to approve: owners and admins adding directly need not explain.
    const { profile } = this.user(step);
    const match = findGroup(state.group ?? '', await this.deps.directory.listGroups());
    if (match.kind !== 'found') return step.next('');
    const decisions = evaluateRequest(await this.deps.policy.current(state.guests), {
      groupId: match.group.id,
      requesterId: profile.user.id,
      guestEmails: state.guests,
    });
    if (!decisions.some((d) => d.verdict === 'needsApproval')) return step.next('');
    const tr = this.tr(step);
    return step.prompt(REASON_PROMPT, {
      prompt: MessageFactory.text(tr('dialog.askJustification')),
      retryPrompt: MessageFactory.text(tr('dialog.retryJustification')),
    });
  }

  private async submit(step: WaterfallStepContext) {
    const state = step.values as InviteState;
    const justification = String(step.result ?? '') || state.justification;
    const user = this.user(step);
    const outcome = await requestGuests(useCaseDeps(this.deps), {
      requester: user.profile,
      groupQuery: state.group ?? '',
      guests: state.guests ?? [],
      justification,
      requesterCardInReply: true,
    });
    await sendRequestOutcome(step.context, user, outcome, this.deps);
    return step.endDialog();
  }
}

import { ActionTypes, MessageFactory, type Activity } from 'botbuilder';
import { clip, escapeMarkdown } from '../../cards/cardTemplate.js';
import type { Translate } from '../../i18n/i18n.js';

const YES = new Set(['yes', 'y', 'ja', 'j', 'stop', 'stoppen', 'ok', 'oké', 'oke']);
const NO = new Set(['no', 'n', 'nee', 'continue', 'doorgaan', 'verder']);

/** "ja"/"yes" (leave the dialog), "nee"/"no" (carry on), or neither: then the message is handled as usual. */
export function yesOrNo(text: string | undefined): 'yes' | 'no' | undefined {
  const first =
    (text ?? '')
      .trim()
      .toLowerCase()
      .split(/[\s,.!]+/)[0] ?? '';
  if (YES.has(first)) return 'yes';
  if (NO.has(first)) return 'no';
  return undefined;
}

/** The question asked when a command arrives where the dialog waits for an answer, with yes/no buttons. */
export function leaveDialogQuestion(tr: Translate, commandText: string): Partial<Activity> {
  const yes = tr('dialog.leaveYes');
  const no = tr('dialog.leaveNo');
  return MessageFactory.suggestedActions(
    [
      { type: ActionTypes.ImBack, title: yes, value: yes },
      { type: ActionTypes.ImBack, title: no, value: no },
    ],
    tr('dialog.leaveAsk', { command: escapeMarkdown(clip(commandText.trim(), 80)) }),
  );
}

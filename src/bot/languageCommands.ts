import { languageOf, translator } from '../i18n/i18n.js';
import type { LanguagePreferenceStore } from '../ports/languagePreferenceStore.js';
import type { Command } from './commands/parseCommand.js';
import type { CommandHandlers, Turn } from './turn.js';

/** `language nl|en|auto` (`taal …`): pins the language the bot answers this person in, everywhere, or unpins it. */
export function languageCommands(languages: LanguagePreferenceStore): CommandHandlers {
  return {
    language: async (turn: Turn, command: Extract<Command, { kind: 'language' }>) => {
      const { tr, profile } = turn.user;
      if (command.invalid !== undefined || !command.choice) {
        const current = tr(`teams.language.name.${turn.user.lang}`);
        await turn.context.sendActivity(tr('teams.language.usage', { current }));
        return;
      }
      if (command.choice === 'auto') {
        await languages.pin(profile.user.id, undefined);
        // The words of this command were English or Dutch: answer in those, as the next turns will.
        const spoken = (await languages.get(profile.user.id))?.spoken;
        const lang = spoken ?? languageOf(turn.context.activity.locale ?? profile.user.preferredLanguage);
        await turn.context.sendActivity(translator(lang)('teams.language.auto'));
        return;
      }
      await languages.pin(profile.user.id, command.choice);
      const next = translator(command.choice);
      const language = next(`teams.language.name.${command.choice}`);
      await turn.context.sendActivity(next('teams.language.pinned', { language }));
    },
  };
}

import { readFileSync } from 'node:fs';
import { Template } from 'adaptivecards-templating';
import { stripInvisible } from '../policy/text.js';
import type { AdaptiveCardJson } from '../ports/notifier.js';

/** An Adaptive Card as JSON, ready to send as an attachment or an invoke response (defined by the Notifier port). */
export type { AdaptiveCardJson };

// Works from src/cards (tsx, jest) and from dist/cards (built): both sit two levels below the project root.
const CARDS_DIR = new URL('../../cards/', import.meta.url);
// A Template parses every `${…}` once when constructed and can then expand any number of data objects (expand is
// synchronous, so sharing one instance is safe). Parsing is most of the cost: ~4 ms a card when done every time.
const templates = new Map<string, Template>();

function load(name: string): Template {
  let template = templates.get(name);
  if (!template) {
    template = new Template(JSON.parse(readFileSync(new URL(`${name}.json`, CARDS_DIR), 'utf8')) as object);
    templates.set(name, template);
  }
  return template;
}

/**
 * Expands the template `cards/<name>.json` with `data`. User text must travel in `data` (escaped with
 * {@link escapeMarkdown}), never be spliced into a template: templating evaluates `${…}` only in the template.
 */
export function expandCard(name: string, data: object): AdaptiveCardJson {
  return load(name).expand({ $root: data }) as AdaptiveCardJson;
}

/**
 * Makes user-supplied text render literally in a TextBlock or FactSet: Teams interprets a markdown subset there,
 * so `[x](https://evil)` would otherwise become a link and `**` bold. Newlines are kept as line breaks. Bidi
 * controls and zero-width characters are removed, so text can't display as something else (`safe\u202Egpj.exe`).
 */
export function escapeMarkdown(text: string): string {
  return stripInvisible(text)
    .replace(/[\\`*_[\]()#~<>]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+]|\d+\.)(?=\s)/gm, (_m, indent: string, marker: string) => `${indent}\\${marker}`);
}

/**
 * Text for inside a markdown code span. Nothing can be escaped there, and Teams shows `<` and `>` in a code span as
 * `&lt;` and `&gt;`: backticks become quotes and angle brackets become ‹ › (placeholders stay readable as such).
 * Alternatives (`a|b|c`) get spaces so a long list can wrap in a narrow chat bubble.
 */
export function inlineCode(text: string): string {
  return text
    .replace(/`/g, "'")
    .replace(/</g, '‹')
    .replace(/>/g, '›')
    .replace(/\s*\|\s*/g, ' | ');
}

/** Shortens text to `max` characters (user text of any size must keep a card under Teams' size limit). */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

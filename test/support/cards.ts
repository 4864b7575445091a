import { createRequire } from 'node:module';

const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js');

/** Problems the Adaptive Cards parser finds in a card (unknown elements, bad values, duplicate ids …). */
export function cardProblems(card: unknown): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i += 1) problems.push(context.getEventAt(i).message);
  for (const e of parsed.validateProperties().validationEvents) problems.push(e.message);
  const text = JSON.stringify(card);
  // Every Action.Execute needs a verb (the parser does not check that).
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Action.Execute' && !o.verb) problems.push('Action.Execute without verb');
      Object.values(o).forEach(visit);
    }
  };
  visit(card);
  if (text.length > 28_000) problems.push(`card is ${text.length} bytes: over Teams' ~28 KB limit`);
  return problems;
}

/** All TextBlock texts and FactSet values of a card, for asserting what a person reads. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.text === 'string') out.push(o.text);
      if (typeof o.title === 'string') out.push(o.title);
      if (typeof o.value === 'string') out.push(o.value);
      Object.values(o).forEach(visit);
    }
  };
  visit(card);
  return out.join('\n');
}

/** The Action.Execute verbs a card offers. */
export function cardVerbs(card: { actions?: { verb?: string }[] }): string[] {
  return (card.actions ?? []).map((a) => a.verb ?? '');
}

import type { AdaptiveCardJson } from './cardTemplate.js';
import { adaptiveCardScript } from './outlookCard.js';

/** What an approval mail says, in the reader's language. Every text is plain (unescaped) text. */
export interface ApprovalMailData {
  lang: 'en' | 'nl';
  subject: string;
  heading: string;
  intro: string;
  facts: { label: string; value: string }[];
  guestsLabel: string;
  guests: string[];
  reasonLabel: string;
  reason: string;
  basisNote: string;
  howOutlook: string;
  howTeams: string;
  /** The deep link that opens the chat with the bot in Teams (absent when the bot has no app id). */
  teamsLink?: { url: string; text: string };
  expires: string;
  why: string;
  /** The actionable card, carried in the head; clients that show no card show the body. */
  card: AdaptiveCardJson;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const TH = 'padding:2px 12px 2px 0';

/** Plain text with its line breaks kept. */
const para = (text: string) => escapeHtml(text).replace(/\r?\n/g, '<br>');

/**
 * The approval mail as an HTML document (the card in a script block in the head, as actionable messages require)
 * and as plain text. The body stands on its own for clients that show no card.
 */
export function buildApprovalMail(data: ApprovalMailData): { subject: string; html: string; text: string } {
  const facts = data.facts
    .map((f) => `<tr><th align="left" style="${TH}">${escapeHtml(f.label)}</th><td>${para(f.value)}</td></tr>`)
    .join('');
  const guests = data.guests.map((g) => `<li>${escapeHtml(g)}</li>`).join('');
  const link = data.teamsLink
    ? `<p><a href="${escapeHtml(data.teamsLink.url)}">${escapeHtml(data.teamsLink.text)}</a></p>`
    : '';
  const html = [
    '<!DOCTYPE html>',
    `<html lang="${data.lang}">`,
    '<head>',
    '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
    `<title>${escapeHtml(data.subject)}</title>`,
    adaptiveCardScript(data.card),
    '</head>',
    '<body style="font-family:Segoe UI,Helvetica,Arial,sans-serif;font-size:14px">',
    `<h2>${escapeHtml(data.heading)}</h2>`,
    `<p>${para(data.intro)}</p>`,
    `<p><strong>${escapeHtml(data.guestsLabel)}</strong></p>`,
    `<ul>${guests}</ul>`,
    `<table>${facts}</table>`,
    `<p><strong>${escapeHtml(data.reasonLabel)}</strong><br>${para(data.reason)}</p>`,
    data.basisNote ? `<p>${para(data.basisNote)}</p>` : '',
    `<p>${para(data.howOutlook)}<br>${para(data.howTeams)}</p>`,
    link,
    `<p>${para(data.expires)}</p>`,
    `<p style="color:#616161;font-size:12px">${para(data.why)}</p>`,
    '</body>',
    '</html>',
  ]
    .filter(Boolean)
    .join('\n');
  const text = [
    data.heading,
    '',
    data.intro,
    '',
    `${data.guestsLabel}:`,
    ...data.guests.map((g) => `- ${g}`),
    '',
    ...data.facts.map((f) => `${f.label}: ${f.value}`),
    '',
    `${data.reasonLabel}:`,
    data.reason,
    ...(data.basisNote ? ['', data.basisNote] : []),
    '',
    data.howOutlook,
    data.howTeams,
    ...(data.teamsLink ? [`${data.teamsLink.text}: ${data.teamsLink.url}`] : []),
    '',
    data.expires,
    '',
    data.why,
  ].join('\n');
  return { subject: data.subject, html, text };
}

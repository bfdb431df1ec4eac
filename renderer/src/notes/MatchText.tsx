import { MATCH_END, MATCH_START } from '../../../shared/notes-types';

/**
 * Text from a search result with its matches shown as <mark>. The text is split on the marker characters the core
 * put around matches and rendered as React text nodes, so nothing in a note is ever parsed as HTML.
 */
export function MatchText({ text }: { text: string }) {
  const parts: { text: string; match: boolean }[] = [];
  let match = false;
  let current = '';
  for (const ch of text) {
    if (ch === MATCH_START || ch === MATCH_END) {
      if (current) parts.push({ text: current, match });
      current = '';
      match = ch === MATCH_START;
    } else current += ch;
  }
  if (current) parts.push({ text: current, match });
  return <>{parts.map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</>;
}

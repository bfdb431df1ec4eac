/** One note as a Markdown file: its review fields as a header, then the body as written. */
import { VERDICT_LABELS, type ExportedFile, type Note } from '../../../shared/notes-types';

export function noteAsMarkdown(note: Note): ExportedFile {
  const hw = note.hardware;
  const hardware = [
    hw.compute?.toUpperCase(),
    hw.vramGb !== null ? `${hw.vramGb} GB VRAM` : null,
    hw.ramGb !== null ? `${hw.ramGb} GB RAM` : null,
    hw.diskGb !== null ? `${hw.diskGb} GB disk` : null,
    hw.detail || null,
  ].filter(Boolean);
  const verdict = note.verdict
    ? `${VERDICT_LABELS[note.verdict]}${note.confidence ? ` (${note.confidence} confidence)` : ''}`
    : null;
  const header: [string, string | null][] = [
    ['Subnet', `SN${note.netuid}`],
    ['Verdict', verdict],
    ['Repository', note.repositoryUrl || null],
    ['Commit or tag reviewed', note.commitReviewed || null],
    ['Reviewed on', note.reviewedOn || null],
    ['Hardware', hardware.length ? hardware.join(', ') : null],
    ['Tags', note.tags.length ? note.tags.join(', ') : null],
    ['Last edited', new Date(note.updatedAtMs).toISOString()],
  ];
  const sections: [string, string][] = [
    ['Scoring function', note.scoringSummary],
    ['What validators reward', note.validatorsReward],
    ['Exploits and edges', note.exploits],
    ['Risks', note.risks],
  ];
  const lines = [
    `# ${note.title}`,
    '',
    ...header.filter(([, v]) => v !== null).map(([k, v]) => `- **${k}:** ${v}`),
    '',
    ...sections.filter(([, v]) => v.trim()).flatMap(([k, v]) => [`## ${k}`, '', v.trim(), '']),
    '---',
    '',
    note.body,
  ];
  return { fileName: `sn${note.netuid}-${slug(note.title)}.md`, content: `${lines.join('\n').trimEnd()}\n` };
}

function slug(title: string): string {
  return (
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'note'
  );
}

import { useEffect, useState, type ReactNode } from 'react';
import type { HardwareRequirement, NoteContent } from '../../../shared/notes-types';
import { safeExternalUrl } from './markdown';

interface Props {
  draft: NoteContent;
  change(patch: Partial<NoteContent>): void;
  /** Makes the ids unique when two editors are on one page. */
  idPrefix: string;
}

/** The structured part of a code review: what was reviewed, what it rewards, what it needs, and the verdict. */
export function ReviewFields({ draft, change, idPrefix }: Props) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const hardware = (patch: Partial<HardwareRequirement>) => change({ hardware: { ...draft.hardware, ...patch } });
  const repoLink = safeExternalUrl(draft.repositoryUrl);
  return (
    <div className="review-fields">
      <div className="note-field-grid">
        <Field id={id('repo')} label="Repository URL">
          <input
            id={id('repo')}
            type="url"
            value={draft.repositoryUrl}
            placeholder="https://github.com/…"
            onChange={(e) => change({ repositoryUrl: e.target.value })}
          />
          {repoLink && (
            <a className="note-field-link" href={repoLink} target="_blank" rel="noopener noreferrer">
              Open repository
            </a>
          )}
        </Field>
        <Field id={id('commit')} label="Commit or tag reviewed">
          <input
            id={id('commit')}
            value={draft.commitReviewed}
            placeholder="a1b2c3d or v1.4.0"
            onChange={(e) => change({ commitReviewed: e.target.value })}
          />
        </Field>
        <Field id={id('date')} label="Reviewed on">
          <input
            id={id('date')}
            type="date"
            value={draft.reviewedOn}
            onChange={(e) => change({ reviewedOn: e.target.value })}
          />
        </Field>
        <Field id={id('verdict')} label="Verdict">
          <select
            id={id('verdict')}
            value={draft.verdict ?? ''}
            onChange={(e) => change({ verdict: (e.target.value || null) as NoteContent['verdict'] })}
          >
            <option value="">Not decided</option>
            <option value="mine">Mine</option>
            <option value="watch">Watch</option>
            <option value="skip">Skip</option>
          </select>
        </Field>
        <Field id={id('confidence')} label="Confidence">
          <select
            id={id('confidence')}
            value={draft.confidence ?? ''}
            onChange={(e) => change({ confidence: (e.target.value || null) as NoteContent['confidence'] })}
          >
            <option value="">Not given</option>
            <option value="low">Low</option>
            <option value="medium">Medium</option>
            <option value="high">High</option>
          </select>
        </Field>
        <TagsField id={id('tags')} tags={draft.tags} onChange={(tags) => change({ tags })} />
      </div>
      <fieldset className="note-hardware">
        <legend>Hardware requirement</legend>
        <div className="note-field-grid">
          <Field id={id('compute')} label="CPU or GPU">
            <select
              id={id('compute')}
              value={draft.hardware.compute ?? ''}
              onChange={(e) => hardware({ compute: (e.target.value || null) as HardwareRequirement['compute'] })}
            >
              <option value="">Unknown</option>
              <option value="cpu">CPU</option>
              <option value="gpu">GPU</option>
            </select>
          </Field>
          <SizeField
            id={id('vram')}
            label="VRAM (GB)"
            value={draft.hardware.vramGb}
            onChange={(vramGb) => hardware({ vramGb })}
          />
          <SizeField
            id={id('ram')}
            label="RAM (GB)"
            value={draft.hardware.ramGb}
            onChange={(ramGb) => hardware({ ramGb })}
          />
          <SizeField
            id={id('disk')}
            label="Disk (GB)"
            value={draft.hardware.diskGb}
            onChange={(diskGb) => hardware({ diskGb })}
          />
          <Field id={id('gpu-class')} label="GPU class">
            <input
              id={id('gpu-class')}
              value={draft.hardware.gpuClass ?? ''}
              placeholder="A100 class"
              onChange={(e) => hardware({ gpuClass: e.target.value || null })}
            />
          </Field>
          <SizeField
            id={id('cpu-cores')}
            label="CPU cores"
            value={draft.hardware.cpuCores ?? null}
            onChange={(cpuCores) => hardware({ cpuCores })}
          />
          <SizeField
            id={id('bandwidth')}
            label="Bandwidth (Mbps)"
            value={draft.hardware.bandwidthMbps ?? null}
            onChange={(bandwidthMbps) => hardware({ bandwidthMbps })}
          />
          <Field id={id('hw-detail')} label="Hardware detail" wide>
            <input
              id={id('hw-detail')}
              value={draft.hardware.detail}
              placeholder="1× A100 80 GB, or 2× RTX 4090"
              onChange={(e) => hardware({ detail: e.target.value })}
            />
          </Field>
        </div>
      </fieldset>
      <div className="note-field-grid two">
        <LongField
          id={id('scoring')}
          label="Scoring function summary"
          value={draft.scoringSummary}
          onChange={(scoringSummary) => change({ scoringSummary })}
        />
        <LongField
          id={id('rewards')}
          label="What the validators reward"
          value={draft.validatorsReward}
          onChange={(validatorsReward) => change({ validatorsReward })}
        />
        <LongField
          id={id('exploits')}
          label="Exploits or edges found"
          value={draft.exploits}
          onChange={(exploits) => change({ exploits })}
        />
        <LongField id={id('risks')} label="Risks" value={draft.risks} onChange={(risks) => change({ risks })} />
      </div>
    </div>
  );
}

function Field({ id, label, wide, children }: { id: string; label: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? 'note-field wide' : 'note-field'}>
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

function LongField({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange(v: string): void;
}) {
  return (
    <Field id={id} label={label}>
      <textarea id={id} rows={3} value={value} onChange={(e) => onChange(e.target.value)} />
    </Field>
  );
}

/** Empty (or not a size) means unknown: null, never zero. */
function SizeField({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: number | null;
  onChange(v: number | null): void;
}) {
  return (
    <Field id={id} label={label}>
      <input
        id={id}
        type="number"
        min={0}
        step="any"
        inputMode="decimal"
        value={value ?? ''}
        onChange={(e) => onChange(e.target.valueAsNumber >= 0 ? e.target.valueAsNumber : null)}
      />
    </Field>
  );
}

/** Typed as "gpu, llm": the text is kept as typed (so a trailing comma survives) and saved as a list. */
function TagsField({ id, tags, onChange }: { id: string; tags: string[]; onChange(tags: string[]): void }) {
  const [text, setText] = useState(tags.join(', '));
  useEffect(() => {
    if (parseTags(text).join() !== tags.join()) setText(tags.join(', '));
    // Only an outside change (a restored version) rewrites what the user is typing, so `text` is not a dependency.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tags]);
  return (
    <Field id={id} label="Tags (comma-separated)">
      <input
        id={id}
        value={text}
        placeholder="gpu, inference"
        onChange={(e) => {
          setText(e.target.value);
          onChange(parseTags(e.target.value));
        }}
      />
    </Field>
  );
}

const parseTags = (text: string) =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);

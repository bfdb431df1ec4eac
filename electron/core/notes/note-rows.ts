/** Between a note as the app sees it and its row in the `notes` table. */
import type { Note, NoteContent } from '../../../shared/notes-types';

export interface NoteRow {
  id: string;
  netuid: number;
  title: string;
  body: string;
  repository_url: string;
  commit_reviewed: string;
  reviewed_on: string;
  scoring_summary: string;
  validators_reward: string;
  compute: 'cpu' | 'gpu' | null;
  vram_gb: number | null;
  ram_gb: number | null;
  disk_gb: number | null;
  hardware_detail: string;
  gpu_class: string | null;
  cpu_cores: number | null;
  bandwidth_mbps: number | null;
  exploits: string;
  risks: string;
  verdict: NoteContent['verdict'];
  confidence: NoteContent['confidence'];
  tags: string;
  created_at_ms: number;
  updated_at_ms: number;
}

export function toNote(r: NoteRow): Note {
  return {
    id: r.id,
    ...contentOf({
      netuid: r.netuid,
      title: r.title,
      body: r.body,
      repositoryUrl: r.repository_url,
      commitReviewed: r.commit_reviewed,
      reviewedOn: r.reviewed_on,
      scoringSummary: r.scoring_summary,
      validatorsReward: r.validators_reward,
      hardware: {
        compute: r.compute,
        vramGb: r.vram_gb,
        ramGb: r.ram_gb,
        diskGb: r.disk_gb,
        detail: r.hardware_detail,
        gpuClass: r.gpu_class,
        cpuCores: r.cpu_cores,
        bandwidthMbps: r.bandwidth_mbps,
      },
      exploits: r.exploits,
      risks: r.risks,
      verdict: r.verdict,
      confidence: r.confidence,
      tags: JSON.parse(r.tags) as string[],
    }),
    createdAtMs: r.created_at_ms,
    updatedAtMs: r.updated_at_ms,
  };
}

/** Named parameters for the content columns of an INSERT or UPDATE. */
export function contentParams(c: NoteContent) {
  return {
    netuid: c.netuid,
    title: c.title,
    body: c.body,
    repository_url: c.repositoryUrl,
    commit_reviewed: c.commitReviewed,
    reviewed_on: c.reviewedOn,
    scoring_summary: c.scoringSummary,
    validators_reward: c.validatorsReward,
    compute: c.hardware.compute,
    vram_gb: c.hardware.vramGb,
    ram_gb: c.hardware.ramGb,
    disk_gb: c.hardware.diskGb,
    hardware_detail: c.hardware.detail,
    gpu_class: c.hardware.gpuClass ?? null,
    cpu_cores: c.hardware.cpuCores ?? null,
    bandwidth_mbps: c.hardware.bandwidthMbps ?? null,
    exploits: c.exploits,
    risks: c.risks,
    verdict: c.verdict,
    confidence: c.confidence,
    tags: JSON.stringify(c.tags),
  };
}

export const CONTENT_COLUMNS = Object.keys(contentParams(emptyContent(0)));

/**
 * Only the content of a note (or version), with its keys always in the same order, so two contents can be compared
 * by their JSON and a version stores exactly what the user edits.
 */
export function contentOf(c: NoteContent): NoteContent {
  return {
    netuid: c.netuid,
    title: c.title,
    body: c.body,
    repositoryUrl: c.repositoryUrl,
    commitReviewed: c.commitReviewed,
    reviewedOn: c.reviewedOn,
    scoringSummary: c.scoringSummary,
    validatorsReward: c.validatorsReward,
    hardware: {
      compute: c.hardware.compute,
      vramGb: c.hardware.vramGb,
      ramGb: c.hardware.ramGb,
      diskGb: c.hardware.diskGb,
      detail: c.hardware.detail,
      // The later fields only when known, so a note without them keeps the content (and versions) it had.
      ...(c.hardware.gpuClass ? { gpuClass: c.hardware.gpuClass } : {}),
      ...(c.hardware.cpuCores != null ? { cpuCores: c.hardware.cpuCores } : {}),
      ...(c.hardware.bandwidthMbps != null ? { bandwidthMbps: c.hardware.bandwidthMbps } : {}),
    },
    exploits: c.exploits,
    risks: c.risks,
    verdict: c.verdict,
    confidence: c.confidence,
    tags: [...c.tags],
  };
}

export const contentJson = (c: NoteContent): string => JSON.stringify(contentOf(c));
export const sameContent = (a: NoteContent, b: NoteContent): boolean => contentJson(a) === contentJson(b);

export function emptyContent(netuid: number, title = `SN${netuid} code review`): NoteContent {
  return {
    netuid,
    title,
    body: '',
    repositoryUrl: '',
    commitReviewed: '',
    reviewedOn: '',
    scoringSummary: '',
    validatorsReward: '',
    hardware: { compute: null, vramGb: null, ramGb: null, diskGb: null, detail: '' },
    exploits: '',
    risks: '',
    verdict: null,
    confidence: null,
    tags: [],
  };
}

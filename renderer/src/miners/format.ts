/** Figures of the My miners screen and report; missing stays "—" (shared/format). */
import { formatNumber, MISSING } from '../../../shared/format';

export const usd = (v: number | null, digits = 0) =>
  v === null ? MISSING : `${v < 0 ? '−' : ''}$${formatNumber(Math.abs(v), digits)}`;
export const tao = (v: number | null) => (v === null ? MISSING : `${formatNumber(v, 4)} τ`);
export const alpha = (v: number | null) => (v === null ? MISSING : `${formatNumber(v, 3)} α`);
export const signed = (text: string, v: number | null) => (v === null || v < 0 ? text : `+${text}`);

export function immunityLeft(blocks: number | null, hours: number | null): string {
  if (blocks === null || hours === null) return MISSING;
  if (blocks === 0) return 'ended';
  return `${blocks.toLocaleString('en-US')} blocks · ${formatNumber(hours, 1)} h`;
}

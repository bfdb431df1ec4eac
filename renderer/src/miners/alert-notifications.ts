/**
 * My miners alerts as desktop notifications, per alert kind, off until the user turns a kind on in Settings.
 * Uses the web Notification API: in the desktop app Electron shows these as the OS's own notifications (main.ts
 * grants the notifications permission and nothing else); in a browser they are the browser's. Each alert is
 * announced once, across windows and restarts (the keys of announced alerts are remembered).
 */
import type { MinerAlert, MinerAlertKind } from '../../../shared/miners-types';

export const ALERT_KINDS: { kind: MinerAlertKind; label: string }[] = [
  { kind: 'entered-danger', label: 'A UID entered the danger zone (below the deregistration line)' },
  { kind: 'deregistered', label: 'A UID was deregistered' },
  { kind: 'earnings-fell', label: "A UID's earnings fell past its alert threshold" },
];

const ENABLED_KEY = 'scout.alertNotifications';
const SHOWN_KEY = 'scout.alertNotificationsShown';
/** Enough to cover every alert of many syncs; older keys are forgotten first. */
const SHOWN_LIMIT = 500;

const alertKey = (a: MinerAlert) => `${a.kind}:${a.minerId}:${a.blockNumber}`;

function readJson<T>(key: string, fallback: T): T {
  try {
    return (JSON.parse(localStorage.getItem(key) ?? 'null') as T | null) ?? fallback;
  } catch {
    return fallback;
  }
}

export function enabledKinds(): Record<MinerAlertKind, boolean> {
  const stored = readJson<Partial<Record<MinerAlertKind, unknown>>>(ENABLED_KEY, {});
  return {
    'entered-danger': stored['entered-danger'] === true,
    deregistered: stored.deregistered === true,
    'earnings-fell': stored['earnings-fell'] === true,
  };
}

/**
 * Turns one kind on or off. Turning it on asks for permission when the browser has not been asked yet, and
 * counts today's alerts of that kind as announced: only what happens from now on pops up.
 */
export async function setKindEnabled(
  kind: MinerAlertKind,
  on: boolean,
  current: MinerAlert[],
): Promise<NotificationPermission | 'unsupported'> {
  localStorage.setItem(ENABLED_KEY, JSON.stringify({ ...enabledKinds(), [kind]: on }));
  if (!on) return permission();
  remember(current.filter((a) => a.kind === kind).map(alertKey));
  if (typeof Notification !== 'undefined' && Notification.permission === 'default')
    return Notification.requestPermission();
  return permission();
}

export function permission(): NotificationPermission | 'unsupported' {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

function remember(keys: string[]): void {
  const shown = readJson<string[]>(SHOWN_KEY, []);
  localStorage.setItem(SHOWN_KEY, JSON.stringify([...shown, ...keys].slice(-SHOWN_LIMIT)));
}

/** Shows a notification for each alert of an enabled kind not announced before. */
export function announce(alerts: MinerAlert[]): void {
  if (permission() !== 'granted') return;
  const enabled = enabledKinds();
  const shown = new Set(readJson<string[]>(SHOWN_KEY, []));
  const fresh = alerts.filter((a) => enabled[a.kind] && !shown.has(alertKey(a)));
  if (fresh.length === 0) return;
  remember(fresh.map(alertKey));
  for (const a of fresh)
    new Notification(`Subnet Scout: SN${a.netuid} UID ${a.uid} (${a.label})`, { body: a.message, tag: alertKey(a) });
}

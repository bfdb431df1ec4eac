import { useEffect, type MouseEvent } from 'react';
import { scout } from './scout';
import { useDataStore } from './stores/data-store';
import { useSettingsStore } from './stores/settings-store';
import { useSyncStore } from './stores/sync-store';
import { useWatchlistStore } from './stores/watchlist-store';
import { useScenarioStore } from './stores/scenario-store';
import { useUiStore, VIEWS } from './stores/ui-store';
import { StatusBar } from './components/StatusBar';
import { SyncProgress } from './components/SyncProgress';
import { DataProblemView } from './views/DataProblemView';
import { SubnetsView } from './views/SubnetsView';
import { SubnetPage } from './subnet/SubnetPage';
import { WatchlistsView } from './watchlists/WatchlistsView';
import { ReportPage } from './report/ReportPage';
import { SettingsView } from './views/SettingsView';
import { NotesView } from './notes/NotesView';
import { MyMinersView } from './miners/MyMinersView';
import { MinersAlertBadge } from './miners/AlertsStrip';
import { useMinersStore } from './miners/miners-store';
import { useTheme } from './use-theme';
import { useLayoutStore } from './stores/layout-store';
import { WHAT_IF_FIRST_FIELD } from './scenario/ScenarioPanel';

/** Skip links must not follow their href: the hash is the app's route. */
function skipTo(e: MouseEvent, focus: () => void): void {
  e.preventDefault();
  focus();
}

function focusContent(): void {
  document.querySelector<HTMLElement>('#content .main-panel, #content')?.focus();
}

/** Opens the what-if panel if it was folded away and puts the cursor in the TAO price (Alt+T). */
function focusWhatIf(): void {
  useLayoutStore.getState().setWhatIfOpen(true);
  requestAnimationFrame(() => document.getElementById(WHAT_IF_FIRST_FIELD)?.focus());
}

export function App() {
  const { info, load } = useDataStore();
  const loadSettings = useSettingsStore((s) => s.load);
  const loadSync = useSyncStore((s) => s.load);
  const loadWatchlists = useWatchlistStore((s) => s.load);
  const initScenario = useScenarioStore((s) => s.init);
  const { view, netuid, report, go } = useUiStore();
  useTheme();

  useEffect(() => {
    void load().then(async () => {
      await Promise.all([loadSettings(), loadSync(), loadWatchlists()]);
      const settings = useSettingsStore.getState().settings;
      if (settings) initScenario(settings.scenario);
    });
    return scout.on('data.changed', ({ scope }) => {
      // Notes, My miners and saved scenarios change no figure: the views showing them refresh themselves.
      if (scope === 'notes' || scope === 'scenarios') return;
      // The alerts badge in the navigation is always on screen; a key or the alert threshold changes the alerts.
      if (scope === 'team') return void useMinersStore.getState().loadAlerts();
      // Lists change which subnets are watched, not any subnet's figures: no reload, no re-evaluation.
      if (scope === 'watchlists') return void loadWatchlists();
      // Thresholds change verdicts: re-evaluate with the new settings.
      if (scope === 'settings') return void loadSettings().then(() => useScenarioStore.getState().evaluate());
      // A backup failed or recovered: only the app info (status bar, Settings → Backups) says so.
      if (scope === 'backups') return void load();
      // Another file (a restored backup, the demo data, another folder) brings its own settings.
      if (scope === 'dataset') void loadSettings();
      void load().then(() => useScenarioStore.getState().evaluate());
      void loadWatchlists();
    });
  }, [load, loadSettings, loadSync, loadWatchlists, initScenario]);

  useEffect(() => {
    // Alt+1..5 switch screens from anywhere (the nav buttons are also reachable with Tab); Alt+T goes to the TAO price.
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyT') {
        e.preventDefault();
        focusWhatIf();
        return;
      }
      const index = Number(e.key) - 1;
      if (e.altKey && !e.ctrlKey && !e.metaKey && VIEWS[index]) {
        e.preventDefault();
        go(VIEWS[index].id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  if (info?.problem) return <DataProblemView problem={info.problem} latestBackup={info.latestBackup ?? null} />;
  if (view === 'report' && report) return <ReportPage target={report} />;

  return (
    <div className="frame">
      <div className="skip-links">
        <a href="#content" className="skip-link" onClick={(e) => skipTo(e, focusContent)}>
          Skip to content
        </a>
        {(view === 'subnets' || view === 'subnet') && (
          <a href={`#${WHAT_IF_FIRST_FIELD}`} className="skip-link" onClick={(e) => skipTo(e, focusWhatIf)}>
            Skip to what-if (Alt+T)
          </a>
        )}
      </div>
      <nav className="sidebar" aria-label="Main">
        <div className="brand">Subnet Scout</div>
        {VIEWS.map((v, i) => (
          <button
            key={v.id}
            className="nav-item"
            aria-current={view === v.id || (v.id === 'subnets' && view === 'subnet') ? 'page' : undefined}
            onClick={() => go(v.id)}
            title={`${v.label} (Alt+${i + 1})`}
          >
            {v.label}
            {v.id === 'miners' && <MinersAlertBadge />}
          </button>
        ))}
      </nav>
      <main className="content" id="content" tabIndex={-1}>
        <SyncProgress />
        {view === 'subnets' && <SubnetsView />}
        {view === 'subnet' && netuid !== null && <SubnetPage netuid={netuid} />}
        {view === 'settings' && <SettingsView />}
        {view === 'watchlists' && <WatchlistsView />}
        {view === 'notes' && <NotesView />}
        {view === 'miners' && <MyMinersView />}
      </main>
      <StatusBar />
    </div>
  );
}

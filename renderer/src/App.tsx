import { useEffect } from 'react';
import { scout } from './scout';
import { useDataStore } from './stores/data-store';
import { useSettingsStore } from './stores/settings-store';
import { useSyncStore } from './stores/sync-store';
import { useUiStore, VIEWS } from './stores/ui-store';
import { StatusBar } from './components/StatusBar';
import { DataProblemView } from './views/DataProblemView';
import { SubnetsView } from './views/SubnetsView';
import { SettingsView } from './views/SettingsView';
import { PlaceholderView } from './views/PlaceholderView';
import { useTheme } from './use-theme';

export function App() {
  const { info, load } = useDataStore();
  const loadSettings = useSettingsStore((s) => s.load);
  const loadSync = useSyncStore((s) => s.load);
  const { view, go } = useUiStore();
  useTheme();

  useEffect(() => {
    void load().then(() => Promise.all([loadSettings(), loadSync()]));
    return scout.on('data.changed', () => {
      void load();
      void loadSettings();
    });
  }, [load, loadSettings, loadSync]);

  useEffect(() => {
    // Alt+1..4 switch screens from anywhere (the nav buttons are also reachable with Tab).
    const onKey = (e: KeyboardEvent) => {
      const index = Number(e.key) - 1;
      if (e.altKey && !e.ctrlKey && !e.metaKey && VIEWS[index]) {
        e.preventDefault();
        go(VIEWS[index].id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  if (info?.problem) return <DataProblemView problem={info.problem} />;

  return (
    <div className="frame">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">Subnet Scout</div>
        {VIEWS.map((v, i) => (
          <button
            key={v.id}
            className="nav-item"
            aria-current={view === v.id ? 'page' : undefined}
            onClick={() => go(v.id)}
            title={`${v.label} (Alt+${i + 1})`}
          >
            {v.label}
          </button>
        ))}
      </nav>
      <main className="content" id="content">
        {view === 'subnets' && <SubnetsView />}
        {view === 'settings' && <SettingsView />}
        {view === 'watchlists' && (
          <PlaceholderView title="Watchlists" text="Named lists of subnets you follow, with what changed since the last sync, will appear here." />
        )}
        {view === 'notes' && (
          <PlaceholderView title="Notes" text="Your code-review notes for each subnet, searchable across all subnets, will appear here." />
        )}
      </main>
      <StatusBar />
    </div>
  );
}

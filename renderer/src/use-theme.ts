import { useEffect } from 'react';
import { useSettingsStore } from './stores/settings-store';
import { useUiStore } from './stores/ui-store';

/** Light/dark follows the OS unless the user picked one in Settings; printed reports are always light. */
export function useTheme(): void {
  const chosen = useSettingsStore((s) => s.settings?.theme ?? 'system');
  const printing = useUiStore((s) => s.view === 'report');
  const theme = printing ? 'light' : chosen;
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);
}

import { useEffect } from 'react';
import { useSettingsStore } from './stores/settings-store';

/** Light/dark follows the OS unless the user picked one in Settings. */
export function useTheme(): void {
  const theme = useSettingsStore((s) => s.settings?.theme ?? 'system');
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);
}

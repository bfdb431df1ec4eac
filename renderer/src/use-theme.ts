import { useEffect, useState } from 'react';
import { useSettingsStore } from './stores/settings-store';
import { useUiStore } from './stores/ui-store';

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

/**
 * Sets data-theme on the document: the user's choice, "system" resolved from the OS (and followed when the OS
 * switches), and always light for printed reports.
 */
export function useTheme(): void {
  const chosen = useSettingsStore((s) => s.settings?.theme ?? 'system');
  const printing = useUiStore((s) => s.view === 'report');
  const [osDark, setOsDark] = useState(() => darkQuery().matches);
  useEffect(() => {
    const media = darkQuery();
    const onChange = () => setOsDark(media.matches);
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);
  const theme = printing ? 'light' : chosen === 'system' ? (osDark ? 'dark' : 'light') : chosen;
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}

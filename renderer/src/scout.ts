/** The renderer's only way to the core: the typed object the preload (or the test host's shim) exposes. */
import type { ScoutApi } from '../../shared/api';

declare global {
  interface Window {
    scout: ScoutApi;
  }
}

export const scout: ScoutApi = window.scout;

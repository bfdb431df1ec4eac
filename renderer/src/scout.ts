/**
 * The renderer's only way to the core: the typed object the preload (or the test host's shim) exposes, with every
 * failure turned into a ScoutError whose code the views can switch on (the shells hand over { code, message }).
 */
import { asScoutError, type ScoutApi } from '../../shared/api';

declare global {
  interface Window {
    scout: ScoutApi;
  }
}

const bridge: ScoutApi = window.scout;

export const scout: ScoutApi = {
  call: (method, ...arg) =>
    bridge.call(method, ...arg).catch((e: unknown) => {
      throw asScoutError(e);
    }),
  on: (event, listener) => bridge.on(event, listener),
};

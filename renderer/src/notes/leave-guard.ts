/**
 * Closing or reloading the window while a note editor holds text the core has not got yet (an autosave waiting
 * out its delay, a save in flight, saves held while a "changed / deleted in another window" notice waits for the
 * user) would lose that text without a word. While any such text exists, leaving first sends what can be sent,
 * then asks. The listener exists only while something is unsaved, so a saved window closes without a question.
 *
 * In Electron the question is the main process's own dialog (will-prevent-unload in electron/main.ts); a browser
 * shows its standard one.
 */
import { useEffect } from 'react';

export interface UnsavedText {
  /** Sends a pending autosave now; does nothing while saves wait for the user's choice. */
  flush(): void;
  /** True while some of the text is not stored yet (typed, still being saved, or held). */
  unsaved(): boolean;
}

const holders = new Set<UnsavedText>();

function beforeUnload(event: BeforeUnloadEvent): void {
  // The request goes out before the page does, so leaving anyway usually loses nothing.
  for (const holder of holders) holder.flush();
  // A save just sent is still in flight: its reply (or a refusal, the note having changed elsewhere) is not known.
  if (![...holders].some((holder) => holder.unsaved())) return;
  event.preventDefault();
  // Chromium (and so Electron) still asks only when returnValue is set, whatever preventDefault says.
  event.returnValue = '';
}

/** Guards leaving the window for `holder` until the returned function is called. */
export function guardLeaving(holder: UnsavedText): () => void {
  if (holders.size === 0) window.addEventListener('beforeunload', beforeUnload);
  holders.add(holder);
  return () => {
    if (!holders.delete(holder) || holders.size > 0) return;
    window.removeEventListener('beforeunload', beforeUnload);
  };
}

/** Guards leaving the window for `holder` while `holding` (the editor has text that may not be stored). */
export function useLeaveGuard(holder: UnsavedText, holding: boolean): void {
  useEffect(() => (holding ? guardLeaving(holder) : undefined), [holder, holding]);
}

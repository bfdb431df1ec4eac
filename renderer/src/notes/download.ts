import type { ExportedFile } from '../../../shared/notes-types';

/** Offers a file the core produced as a download (the same in Electron and in a browser; no file paths involved). */
export function download(file: ExportedFile, type: string): void {
  const url = URL.createObjectURL(new Blob([file.content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  // The download has started from the URL by now; release it once this event loop turn is over.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

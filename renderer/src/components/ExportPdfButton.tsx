import { useState } from 'react';
import type { ReportTarget } from '../../../shared/reports-api';
import { scout } from '../scout';

function saveBase64(filename: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Exports a subnet or watchlist report as PDF (printed by the shell; saved where the user chooses). */
export function ExportPdfButton({ target, label }: { target: ReportTarget; label: string }) {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  return (
    <span className="export-pdf">
      <button
        className="secondary small"
        disabled={state.busy}
        onClick={() => {
          setState({ busy: true, error: null });
          scout
            .call('reports.pdf', { target })
            .then((pdf) => {
              saveBase64(pdf.filename, pdf.pdfBase64);
              setState({ busy: false, error: null });
            })
            .catch((e: Error) => setState({ busy: false, error: e.message }));
        }}
      >
        {state.busy ? 'Preparing PDF…' : label}
      </button>
      {state.error && (
        <span className="error" role="alert">
          {state.error}
        </span>
      )}
    </span>
  );
}

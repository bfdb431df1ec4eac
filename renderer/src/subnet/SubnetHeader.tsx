import type { SubnetDetail } from '../../../shared/api-types';
import { formatAge, formatBlock } from '../../../shared/format';
import { ExportPdfButton } from '../components/ExportPdfButton';
import { formatWhen } from '../fixed';

/** Only web addresses become links: on-chain identity text is whatever the owner typed. */
function webUrl(text: string | undefined): string | null {
  if (!text) return null;
  try {
    const url = new URL(text.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

function IdentityLink({ label, text }: { label: string; text: string | undefined }) {
  const href = webUrl(text);
  if (href) {
    // Electron hands target=_blank links to the system browser.
    return (
      <a href={href} target="_blank" rel="noopener noreferrer">
        {label} <span aria-hidden="true">↗</span>
      </a>
    );
  }
  return text ? (
    <span className="muted" title="Not a web address, so not a link">
      {label}: {text}
    </span>
  ) : null;
}

/** Back link, the subnet's name as the heading, where its data comes from, its links and any warning about the data. */
export function SubnetHeader({ netuid, detail }: { netuid: number; detail: SubnetDetail | null }) {
  const a = detail?.analysis;
  const identity = detail?.identity ?? null;
  return (
    <header className="subnet-header">
      <a className="back-link" href="#/subnets">
        <span aria-hidden="true">← </span>Subnets
      </a>
      <h1 id="subnet-title">
        SN{netuid}
        {a && (
          <>
            {' · '}
            {a.name || 'unnamed'} <span className="subnet-symbol">{a.symbol}</span>
          </>
        )}
      </h1>
      {a && (
        <p className="row wrap">
          <span className="muted small" title={formatWhen(a.blockTimeMs)}>
            Chain data at block {formatBlock(a.blockNumber)}, {formatAge(a.blockTimeMs, Date.now())}.
          </span>
          <ExportPdfButton target={{ kind: 'subnet', netuid }} label="Export PDF report" />
        </p>
      )}
      {identity?.description && <p className="subnet-description">{identity.description}</p>}
      {(identity?.githubRepo || identity?.url) && (
        <p className="row wrap identity-links">
          <IdentityLink label="Repository" text={identity.githubRepo} />
          <IdentityLink label="Website" text={identity.url} />
        </p>
      )}
      {detail?.staleReason && (
        <p className="banner" role="note">
          <strong>Stale:</strong> the latest sync could not refresh this subnet ({detail.staleReason}); these figures
          are from an older block.
        </p>
      )}
    </header>
  );
}

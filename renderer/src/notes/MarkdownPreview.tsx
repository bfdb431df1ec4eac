import { useMemo, type MouseEvent } from 'react';
import { renderMarkdown } from './markdown';

/** A note's Markdown, rendered and sanitized (see markdown.ts). */
export function MarkdownPreview({ source, label }: { source: string; label: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  // An in-page anchor would change the URL hash, which is how the app picks its screen: scroll instead.
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const link = (e.target as HTMLElement).closest('a');
    const href = link?.getAttribute('href');
    if (!href?.startsWith('#')) return;
    e.preventDefault();
    e.currentTarget.querySelector(`[id="${CSS.escape(href.slice(1))}"]`)?.scrollIntoView();
  };
  return (
    <div className="markdown" role="region" aria-label={label} onClick={onClick}>
      {source.trim() ? (
        <div dangerouslySetInnerHTML={{ __html: html }} />
      ) : (
        <p className="muted">Nothing written yet.</p>
      )}
    </div>
  );
}

/**
 * Markdown to HTML that is safe to put in the DOM. Notes can come from someone else's export file, so the HTML
 * marked produces is treated as hostile: DOMPurify keeps plain document markup only. No script, no event handler,
 * no style, no frame or form, and URLs only http(s), mailto and in-page anchors.
 */
import DOMPurify, { type Config } from 'dompurify';
import { Marked } from 'marked';

const markdown = new Marked({ gfm: true, async: false });
// An instance of our own, so these hooks and settings apply to notes only.
const purify = DOMPurify(window);

const ALLOWED_URI = /^(?:https?:|mailto:|#)/i;
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'poster', 'xlink:href'];

const SANITIZE: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'style',
    'iframe',
    'object',
    'embed',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'link',
    'meta',
    'base',
  ],
  // srcset holds URLs DOMPurify does not check.
  FORBID_ATTR: ['style', 'srcset'],
  ALLOWED_URI_REGEXP: ALLOWED_URI,
};

/** Links leave the app: opened in the system browser (Electron routes target=_blank there), never inside it. */
const EXTERNAL = /^(?:https?:|mailto:)/i;
purify.addHook('afterSanitizeAttributes', (node) => {
  // DOMPurify lets data: URLs through on images and media whatever ALLOWED_URI_REGEXP says; we do not.
  for (const name of URL_ATTRIBUTES) {
    const value = node.getAttribute(name);
    if (value !== null && !ALLOWED_URI.test(value.trim())) node.removeAttribute(name);
  }
  // A picture pasted as HTML without alt text would be an unnamed image to a screen reader: name it by its file.
  if (node.tagName === 'IMG' && !node.hasAttribute('alt')) {
    const file = (node.getAttribute('src') ?? '').split(/[?#]/)[0]!.split('/').pop();
    node.setAttribute('alt', file ? `Image: ${file}` : 'Image');
  }
  if (node.tagName !== 'A') return;
  if (EXTERNAL.test(node.getAttribute('href') ?? '')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  } else {
    node.removeAttribute('target');
  }
});

export function renderMarkdown(source: string): string {
  return purify.sanitize(markdown.parse(source) as string, SANITIZE) as string;
}

/** A URL the user typed in a field, if it is one we would link to (the same rule as in notes). */
export function safeExternalUrl(text: string): string | null {
  const trimmed = text.trim();
  return /^https?:\/\/\S+$/i.test(trimmed) ? trimmed : null;
}

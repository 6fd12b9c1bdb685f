/**
 * The news body's allow-list (sanitize-html): what the console editor makes and nothing more.
 * Runs on write; the stored HTML is the sanitised one, so every reader (console, portal) gets it.
 */
import sanitizeHtml from 'sanitize-html';

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
/** Images only from this product's uploads: `/api/files/<id>` (or the public news image route). */
const OWN_IMAGE = new RegExp(`^/api/(?:files|public/news-images)/(${UUID})$`);
/** Links: http(s) or a path of this site (no protocol-relative `//host`, no `javascript:`). */
const SAFE_HREF = /^(?:https?:\/\/[^\s]+|\/(?!\/)[^\s]*|#[^\s]*)$/i;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'u', 'h2', 'h3', 'ul', 'ol', 'li', 'blockquote', 'a', 'img'],
  allowedAttributes: { a: ['href', 'rel'], img: ['src', 'alt'] },
  allowedSchemes: ['http', 'https'],
  allowedSchemesByTag: { img: [] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Text inside script/style/iframe etc. is dropped, not kept as text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'template', 'title'],
  transformTags: {
    b: 'strong',
    i: 'em',
    h1: 'h2',
    h4: 'h3',
    div: 'p',
    a: (tagName, attribs): sanitizeHtml.Tag => {
      const href = (attribs.href ?? '').trim();
      return { tagName, attribs: (SAFE_HREF.test(href) ? { href, rel: 'noopener noreferrer' } : {}) as sanitizeHtml.Attributes };
    },
    img: (tagName, attribs): sanitizeHtml.Tag => {
      const m = OWN_IMAGE.exec((attribs.src ?? '').trim());
      return { tagName, attribs: m ? { src: `/api/files/${m[1]?.toLowerCase()}`, alt: (attribs.alt ?? '').slice(0, 120) } : ({} as sanitizeHtml.Attributes) };
    },
  },
  // An image whose source was not ours lost it above: drop the element.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

/** The body as stored: allowed tags and attributes only; images from our uploads only. */
export function sanitizeNewsBody(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

/** Whether the sanitised body says anything (text or an image). */
export function hasContent(clean: string): boolean {
  return /<img\s/.test(clean) || sanitizeHtml(clean, { allowedTags: [], allowedAttributes: {} }).replace(/&nbsp;|\s/g, '').length > 0;
}

/** The upload ids the body's images show, in order, each once. */
export function imageFileIds(clean: string): string[] {
  const ids = [...clean.matchAll(new RegExp(`<img src="/api/files/(${UUID})"`, 'g'))].map((m) => m[1] as string);
  return [...new Set(ids)];
}

/** The body as the portal serves it: images through the public news image route. */
export function publicBody(clean: string): string {
  return clean.replace(new RegExp(`<img src="/api/files/(${UUID})"`, 'g'), '<img src="/api/public/news-images/$1"');
}

/** A plain-text summary when none was typed: the body's first words. */
export function plainSummary(clean: string, max = 120): string {
  const text = sanitizeHtml(clean, { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

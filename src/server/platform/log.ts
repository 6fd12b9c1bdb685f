import type { FastifyRequest } from 'fastify';

/**
 * What a request looks like in the log: method and a URL with nothing personal left in it. Query
 * values (search terms, names, phone numbers, tokens, API keys) are replaced, except small numbers
 * such as page and pageSize; private path segments (a volunteer's calendar token) are replaced too.
 */
const PRIVATE_PATHS: RegExp[] = [/^(\/ical\/volunteers\/)[^/]+?(\.ics)?$/];

export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  let pathPart = q === -1 ? url : url.slice(0, q);
  for (const re of PRIVATE_PATHS) pathPart = pathPart.replace(re, (_m, head: string, ext?: string) => `${head}[redacted]${ext ?? ''}`);
  if (q === -1) return pathPart;
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq === -1) return pair;
      const value = pair.slice(eq + 1);
      return /^\d{1,4}$/.test(value) ? pair : `${pair.slice(0, eq)}=[redacted]`;
    })
    .join('&');
  return `${pathPart}?${query}`;
}

export function requestSerializer(req: FastifyRequest) {
  return { method: req.method, url: redactUrl(req.url), remoteAddress: req.ip };
}

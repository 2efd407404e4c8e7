import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * The Content-Security-Policy for every page DoS Desk serves: scripts only from the app itself,
 * no plugins, no framing, no form posts, no base-tag tricks. Mirrors the meta tag in index.html.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeType(file: string): string {
  return MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path to a file inside `root`, or null when it would leave `root` (`..`, encoded
 * `%2e%2e`, backslashes, NUL, absolute paths). `/` is `index.html`.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const wanted = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  if (isAbsolute(wanted)) return null;
  const base = resolve(root);
  const full = resolve(base, wanted);
  const rel = relative(base, full);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return full;
}

export interface StaticFile {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | string;
}

/** Reads a static file for a URL path with the security headers every response carries. */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile> {
  const headers = {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
  const file = resolveStaticPath(root, urlPath);
  if (!file) return { status: 403, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }, body: 'Forbidden' };
  try {
    const info = await stat(file);
    if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
    const body = await readFile(file);
    return { status: 200, headers: { ...headers, 'Content-Type': mimeType(file), 'Cache-Control': 'no-cache' }, body };
  } catch {
    return { status: 404, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }, body: 'Not found' };
  }
}

/** Handler for the `app://dos-desk/…` protocol: only that host, only files under `root`. */
export function createAppProtocolHandler(root: string, host = 'dos-desk') {
  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (url.host !== host) return new Response('Forbidden', { status: 403 });
    const file = await readStaticFile(root, url.pathname);
    return new Response(file.body as ConstructorParameters<typeof Response>[0], { status: file.status, headers: file.headers });
  };
}

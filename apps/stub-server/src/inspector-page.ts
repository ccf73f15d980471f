// The inspector page (/__stub/ui): the built files of the @tim-marks/inspector workspace, served as
// they are. The stub does not import that workspace: nx builds it before the stub (the stub's
// implicitDependencies), and the stub's build copies its output into dist/ui/ (scripts/inspector-page.mjs),
// so the built binary carries the page; a stub run from its sources (tests) reads apps/inspector/dist.
//
// The page is part of the control plane: the control plane's Host/Origin rules are checked before
// this module is reached (ControlDeps.pages), and the page only calls /__stub/ on its own origin. Its
// Content-Security-Policy allows nothing but same-origin files and calls.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const INSPECTOR_PATH = '/__stub/ui';
/** Where the stub's build puts the page (beside the built modules), then where `vite build` writes it. */
const PAGE_DIRS = [
  fileURLToPath(new URL('./ui/', import.meta.url)),
  fileURLToPath(new URL('../../inspector/dist/', import.meta.url)),
];

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

const SECURITY_HEADERS = [
  'Content-Security-Policy',
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; " +
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options',
  'nosniff',
  'Referrer-Policy',
  'no-referrer',
  'Cross-Origin-Opener-Policy',
  'same-origin',
  'Cross-Origin-Resource-Policy',
  'same-origin',
];

interface PageFile {
  body: Buffer;
  type: string;
  etag: string;
  /** Vite names the files under assets/ by their content hash: they never change, so they may be kept. */
  immutable: boolean;
}

interface LoadedPage {
  dir: string;
  /** index.html's mtime when the files were read: a rebuild while the stub runs is picked up. */
  builtAt: number;
  files: Map<string, PageFile>;
}

let loaded: LoadedPage | undefined;

/** The page's files by URL path, or undefined when the inspector was never built. */
function pageFiles(): Map<string, PageFile> | undefined {
  let dir: string | undefined;
  let builtAt = 0;
  for (const candidate of PAGE_DIRS) {
    try {
      builtAt = statSync(join(candidate, 'index.html')).mtimeMs;
      dir = candidate;
      break;
    } catch {}
  }
  if (dir === undefined) {
    loaded = undefined;
    return undefined;
  }
  if (loaded?.dir === dir && loaded.builtAt === builtAt) return loaded.files;
  const files = new Map<string, PageFile>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const name = relative(dir, path).split(sep).join('/');
        const body = readFileSync(path);
        files.set(`${INSPECTOR_PATH}/${name}`, {
          body,
          type: CONTENT_TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream',
          etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
          immutable: name.startsWith('assets/'),
        });
      }
    }
  };
  walk(dir);
  const index = files.get(`${INSPECTOR_PATH}/index.html`);
  if (index !== undefined) {
    files.set(INSPECTOR_PATH, index);
    files.set(`${INSPECTOR_PATH}/`, index);
  }
  loaded = { dir, builtAt, files };
  return files;
}

/**
 * Answers /__stub/ui and anything under it (a file of the page, 304, 404, or 405 for methods other
 * than GET and HEAD; never reads a body) and returns true; false for any other path.
 */
export function serveInspectorPage(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  close: boolean,
): boolean {
  if (path !== INSPECTOR_PATH && !path.startsWith(`${INSPECTOR_PATH}/`)) return false;
  req.resume();
  const base = close ? ['Connection', 'close'] : [];
  const plain = (status: number, text: string, extra: string[] = []) => {
    const body = `${text}\n`;
    res.writeHead(status, [
      ...base,
      ...extra,
      'Content-Type',
      'text/plain; charset=utf-8',
      'Content-Length',
      String(Buffer.byteLength(body)),
      'Cache-Control',
      'no-store',
      'X-Content-Type-Options',
      'nosniff',
    ]);
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    plain(405, `${req.method} ${path}: the inspector page answers GET and HEAD only`, ['Allow', 'GET, HEAD']);
    return true;
  }
  let files: Map<string, PageFile> | undefined;
  try {
    files = pageFiles();
  } catch (error) {
    plain(
      500,
      `the inspector page could not be read: ${error instanceof Error ? error.message : String(error)}`,
    );
    return true;
  }
  if (files === undefined) {
    plain(
      404,
      'the inspector page is not built into this stub: build it with `npx nx run @tim-marks/stub-server:build` ' +
        '(`npm start` does), or the page alone with `npx nx run @tim-marks/inspector:build`',
    );
    return true;
  }
  const file = files.get(path);
  if (file === undefined) {
    plain(404, `${path} is not a file of the inspector page (it lives at ${INSPECTOR_PATH})`);
    return true;
  }
  const headers = [
    ...base,
    ...SECURITY_HEADERS,
    'Content-Type',
    file.type,
    'ETag',
    file.etag,
    'Cache-Control',
    file.immutable ? 'max-age=31536000, immutable' : 'no-cache',
  ];
  if (req.headers['if-none-match'] === file.etag) {
    res.writeHead(304, headers);
    res.end();
    return true;
  }
  res.writeHead(200, [...headers, 'Content-Length', String(file.body.length)]);
  res.end(req.method === 'HEAD' ? undefined : file.body);
  return true;
}

// The stub's own documents under the control plane: the API's spec (/__stub/openapi.yaml), the control
// plane's (/__stub/control-plane.yaml) and the API reference rendered by Redocly at build time
// (/__stub/docs, and the control plane's at /__stub/docs/control-plane). The build
// (scripts/assets.mjs) puts them in dist/assets/; a stub run from sources finds the specs in the
// repository's openapi/ folder and the reference only once `npm run docs` has rendered it.
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { sendJson } from './api.js';

interface Document {
  /** Under dist/assets/ (the build). */
  asset: string;
  /** Under the repository's openapi/ folder (sources). */
  source: string;
  contentType: string;
}

const DOCUMENTS: Record<string, Document> = {
  '/__stub/openapi.yaml': {
    asset: 'openapi.yaml',
    source: 'openapi.yaml',
    contentType: 'application/yaml; charset=utf-8',
  },
  '/__stub/control-plane.yaml': {
    asset: 'control-plane.yaml',
    source: 'control-plane.yaml',
    contentType: 'application/yaml; charset=utf-8',
  },
  '/__stub/docs': { asset: 'docs.html', source: 'docs/index.html', contentType: 'text/html; charset=utf-8' },
  '/__stub/docs/control-plane': {
    asset: 'control-plane-docs.html',
    source: 'docs/control-plane.html',
    contentType: 'text/html; charset=utf-8',
  },
};

const ASSETS = new URL('./assets/', import.meta.url);
const REPOSITORY_OPENAPI = new URL('../../../openapi/', import.meta.url);

const cache = new Map<string, Buffer | undefined>();

function read(url: URL): Buffer | undefined {
  try {
    return readFileSync(fileURLToPath(url));
  } catch {
    return undefined;
  }
}

/** The document's bytes, read once; undefined when neither the build nor the sources hold it. */
function load(document: Document): Buffer | undefined {
  if (cache.has(document.asset)) return cache.get(document.asset);
  const bytes = read(new URL(document.asset, ASSETS)) ?? read(new URL(document.source, REPOSITORY_OPENAPI));
  // A missing rendering is looked for again next time (`npm run docs` may run meanwhile).
  if (bytes !== undefined) cache.set(document.asset, bytes);
  return bytes;
}

/** Answers GET of a document path; false when the path is not one. */
export function serveDocument(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  close: boolean,
): boolean {
  const document = DOCUMENTS[path.endsWith('/') && path.length > 1 ? path.slice(0, -1) : path];
  if (document === undefined) return false;
  req.resume();
  const bytes = load(document);
  if (bytes === undefined) {
    sendJson(
      res,
      404,
      {
        ok: false,
        error:
          `${path} is not built into this stub: build it (npx nx run @tim-marks/stub-server:build, or npm start) ` +
          'or render the reference from the sources with `npm run docs`',
        code: 'not-built',
      },
      close,
    );
    return true;
  }
  const headers = [
    'Content-Type',
    document.contentType,
    'Content-Length',
    String(bytes.length),
    // The rendered page carries its scripts inline: nothing from another origin may load.
    'Content-Security-Policy',
    "default-src 'self' 'unsafe-inline' data: blob:",
    'X-Content-Type-Options',
    'nosniff',
  ];
  if (close) headers.push('Connection', 'close');
  res.writeHead(200, headers);
  res.end(bytes);
  return true;
}

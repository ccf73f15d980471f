// The page's calls to the control plane. Every one is same-origin, under /__stub/, and a call with a
// body sends Content-Type: application/json: the rules the stub's control plane keeps for any caller
// (loopback Host and Origin, no form posts) hold for this page too.

/** A control-plane answer other than 2xx, or a body that says `ok: false`. */
export class ControlFailure extends Error {
  override name = 'ControlFailure';
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    detail: string,
  ) {
    super(
      `${method} ${path}: ${status === 0 ? 'no answer' : `HTTP ${status}`}${detail === '' ? '' : ` — ${detail}`}`,
    );
  }
}

export async function control<T>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers:
        body === undefined
          ? { Accept: 'application/json' }
          : { Accept: 'application/json', 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      cache: 'no-store',
      credentials: 'same-origin',
    });
  } catch (error) {
    throw new ControlFailure(method, path, 0, error instanceof Error ? error.message : String(error));
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const answer = parsed as { ok?: boolean; error?: string } | undefined;
  if (!response.ok || answer?.ok === false) {
    throw new ControlFailure(method, path, response.status, answer?.error ?? text.slice(0, 200));
  }
  return parsed as T;
}

/** `path?name=value…`, leaving out empty values. */
export function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}

/**
 * The write token of a form read from the first bytes of its body, so a post
 * with a wrong token or none is refused before its files are read (the import
 * page puts the token field before the file field, and browsers send fields in
 * page order). The request is handed back whole, to be read as usual.
 */

const PREFIX_BYTES = 64 * 1024;

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** The `token` field in the first part of a multipart or URL-encoded body, once it is complete. */
function tokenIn(prefix: string, contentType: string): string | undefined {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (boundary) {
    const m = new RegExp(
      `Content-Disposition:\\s*form-data;\\s*name="token"[^\\r\\n]*\\r\\n(?:[^\\r\\n]+\\r\\n)*\\r\\n([^\\r\\n]*)\\r\\n--${boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`,
      'i',
    ).exec(prefix);
    return m?.[1];
  }
  if (/application\/x-www-form-urlencoded/i.test(contentType)) {
    const m = /(?:^|&)token=([^&]*)&/.exec(prefix);
    return m ? decodeURIComponent(m[1]!.replace(/\+/g, ' ')) : undefined;
  }
  return undefined;
}

/**
 * Reads a form's token from at most the first 64 KB of its body.
 * @returns the token (undefined when the first 64 KB hold none) and the request to read the whole form from
 */
export async function peekFormToken(
  request: Request,
): Promise<{ token: string | undefined; request: Request }> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!request.body) return { token: undefined, request };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let token: string | undefined;
  let done = false;
  const decoder = new TextDecoder('latin1');
  while (size < PREFIX_BYTES) {
    const read = await reader.read();
    if (read.done) {
      done = true;
      break;
    }
    chunks.push(read.value);
    size += read.value.byteLength;
    token = tokenIn(decoder.decode(concat(chunks).subarray(0, PREFIX_BYTES)), contentType);
    if (token !== undefined) break;
  }
  if (done && token === undefined) {
    const whole = decoder.decode(concat(chunks));
    token = tokenIn(whole.endsWith('&') ? whole : `${whole}&`, contentType);
  }
  const head = concat(chunks);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (head.byteLength) controller.enqueue(head);
      if (done) controller.close();
    },
    async pull(controller) {
      const read = await reader.read();
      if (read.done) controller.close();
      else controller.enqueue(read.value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  const rebuilt = new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body,
    duplex: 'half',
  } as RequestInit);
  return { token, request: rebuilt };
}

/** Stops reading a body that will not be used (a refused upload). */
export function discardBody(request: Request): void {
  request.body?.cancel().catch(() => undefined);
}

/** A body read past `maxBytes` (the stream stops there: nothing more is read). */
export class BodyTooLarge extends Error {
  override name = 'BodyTooLarge';
}

/**
 * The request with its body counted while it streams: past `maxBytes` the stream fails with
 * `BodyTooLarge` instead of being buffered to the end.
 */
export function limitBody(request: Request, maxBytes: number): Request {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    discardBody(request);
    throw new BodyTooLarge(`${declared} > ${maxBytes}`);
  }
  if (!request.body) return request;
  let size = 0;
  const counted = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size > maxBytes) controller.error(new BodyTooLarge(`> ${maxBytes}`));
        else controller.enqueue(chunk);
      },
    }),
  );
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: counted,
    duplex: 'half',
  } as RequestInit);
}

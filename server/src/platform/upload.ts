import type { FastifyInstance } from 'fastify';

/** An uploaded file (the raw request body). Its bytes are not enumerable: the request-wide text checks do not walk them byte by byte. */
export class Upload {
  readonly #bytes: Buffer;
  constructor(bytes: Buffer) {
    this.#bytes = bytes;
  }
  get bytes(): Buffer {
    return this.#bytes;
  }
}

/** Takes bodies of these content types whole, as an `Upload` of at most `bodyLimit` bytes (in the calling plugin only). */
export function acceptUploads(app: FastifyInstance, contentTypes: string[], bodyLimit: number): void {
  app.addContentTypeParser(contentTypes, { parseAs: 'buffer', bodyLimit }, (_req, body, done) => done(null, new Upload(body as Buffer)));
}

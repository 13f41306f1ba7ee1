import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errorCodes } from 'fastify';
import fp from 'fastify-plugin';
import type { Readable } from 'node:stream';
import { ImportThreads, type HeldBody } from '../register/worker/import-threads.js';
import { decodeUtf8, notUtf8Body } from '../utf8.js';

declare module 'fastify' {
  interface FastifyInstance {
    importThreads: ImportThreads;
  }
  interface FastifyRequest {
    /** The worker that parsed this request's body and holds its large register text. */
    heldBody: HeldBody | null;
  }
}

/** Variables of at least this many characters stay in the worker that parsed the body. */
const HOLD_FROM = 64 * 1024;

/**
 * JSON bodies of at least `fromBytes` (registers for importRegister) are not parsed on the main
 * thread: parsing 50 MB of JSON takes it away from every other request for a second or more.
 * Their chunks go to an import worker as they arrive; the worker parses the body and keeps the
 * register text, and the main thread gets the body with a token in its place; the importRegister
 * resolver then has that same worker import it. Smaller bodies take Fastify's own JSON parser.
 */
export default fp(
  async function registerBodies(app: FastifyInstance, { fromBytes }: { fromBytes: number }) {
    const threads = new ImportThreads(fromBytes);
    app.decorate('importThreads', threads);
    app.decorateRequest('heldBody', null);
    const parseHere = app.getDefaultJsonParser('error', 'ignore');

    app.removeContentTypeParser('application/json');
    app.addContentTypeParser(
      'application/json',
      async (request: FastifyRequest, payload: Readable) => {
        const limit = request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit ?? Infinity;
        const chunks: Buffer[] = [];
        let size = 0;
        let worker: ReturnType<ImportThreads['start']> | null = null;
        try {
          for await (const chunk of payload as AsyncIterable<Buffer>) {
            size += chunk.length;
            if (size > limit) throw new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE();
            if (worker) worker.write(chunk);
            else chunks.push(chunk);
            // A key scoped to controllers imports through its view, on this thread (no worker can open it).
            if (!worker && !request.principal?.controllers && threads.offThread(app.store, size)) {
              worker = threads.start();
              for (const c of chunks.splice(0)) worker.write(c);
            }
          }
        } catch (error) {
          await worker?.stop();
          throw error;
        }
        // JSON bodies (a register among them) must be UTF-8: a bad byte would otherwise become U+FFFD
        // in the imported text. The worker checks the bodies it parses the same way.
        if (!worker) {
          const { text, invalid } = decodeUtf8(Buffer.concat(chunks));
          if (invalid) throw notUtf8Body(invalid);
          return parsedHere(request, text);
        }
        const parsed = await worker
          .parseBody(HOLD_FROM, 'importRegister')
          .catch(async (error: unknown) => {
            await worker.stop();
            throw error;
          });
        if (!parsed.ok || parsed.held.length === 0) await worker.stop();
        if (!parsed.ok && parsed.problem === 'not-utf8') throw notUtf8Body(parsed.at);
        if (!parsed.ok)
          throw parsed.problem === 'empty'
            ? new errorCodes.FST_ERR_CTP_EMPTY_JSON_BODY()
            : new errorCodes.FST_ERR_CTP_INVALID_JSON_BODY();
        if (parsed.held.length > 0) request.heldBody = { worker, tokens: parsed.held };
        return parsed.body;
      },
    );

    // A held register that no import took (a refused query, say) is let go with its request.
    const release = async (request: FastifyRequest) => {
      const held = request.heldBody;
      if (held && !held.worker.importing) await held.worker.stop();
    };
    app.addHook('onResponse', release);
    app.addHook('onRequestAbort', release);
    app.addHook('onClose', async () => threads.close());

    function parsedHere(request: FastifyRequest, text: string): Promise<unknown> {
      return new Promise((resolve, reject) =>
        parseHere(request, text, (error, body) => (error ? reject(error) : resolve(body))),
      );
    }
  },
  { name: 'vendor-chain-register-bodies', dependencies: ['vendor-chain-store'] },
);

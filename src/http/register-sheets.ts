import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { roleAtLeast, type Role } from '../access/model.js';
import type { LifecycleConfig } from '../config.js';
import { BadInputError, NotFoundError } from '../errors.js';
import { registerXlsx } from '../register/export/documents.js';
import { storedRegister } from '../register/stored-register.js';
import { parseScope } from '../register/sync.js';
import { workbookForm } from './workbook-form.js';

// The register as a workbook, for editors who keep it in Excel: GET /register.xlsx downloads it
// (the whole register, or ?controller=ID for one chain), POST /register.xlsx imports an uploaded
// workbook (multipart/form-data, field "file"; fields dryRun, sync and force as for
// importRegister) with the same rules and the same atomic write, in the import worker when large.

export const SHEETS_ROUTE = '/register.xlsx';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const problem = (reply: FastifyReply, status: number, code: string, message: string) =>
  reply.code(status).send({ ok: false, errors: [{ path: '(request)', message }], code });

function allowed(request: FastifyRequest, reply: FastifyReply, needed: Role): boolean {
  const principal = request.principal;
  if (principal === null) {
    problem(reply, 401, 'UNAUTHENTICATED', 'no API key was sent');
    return false;
  }
  if (!roleAtLeast(principal.role, needed)) {
    problem(
      reply,
      403,
      'FORBIDDEN',
      `the register as a workbook needs the ${needed} role; this key is a ${principal.role}`,
    );
    return false;
  }
  return true;
}

export default async function registerSheets(
  app: FastifyInstance,
  { lifecycle, fileLimit }: { lifecycle: LifecycleConfig; fileLimit: number },
) {
  await app.register(multipart, { limits: { files: 1, fileSize: fileLimit, fields: 10 } });

  app.get<{ Querystring: { controller?: string } }>(SHEETS_ROUTE, async (request, reply) => {
    if (!allowed(request, reply, 'reader')) return reply;
    const controller = request.query.controller;
    let register;
    try {
      register = await storedRegister(request.view ?? app.store, controller || undefined);
    } catch (error) {
      if (error instanceof NotFoundError) return problem(reply, 404, 'NOT_FOUND', error.message);
      throw error;
    }
    const name = controller ? `register-${controller}.xlsx` : 'register.xlsx';
    return reply
      .type(XLSX)
      .header('content-disposition', `attachment; filename="${name}"`)
      .send(await registerXlsx(register));
  });

  app.post(SHEETS_ROUTE, async (request, reply) => {
    if (!allowed(request, reply, 'editor')) return reply;
    if (!request.isMultipart())
      return problem(
        reply,
        415,
        'BAD_USER_INPUT',
        'send the workbook as multipart/form-data, in the field "file"',
      );
    const fields: Record<string, string> = {};
    let upload: { name: string; bytes: Buffer } | null = null;
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.fieldname === 'file') upload = { name: part.filename || 'upload.xlsx', bytes };
      } else fields[part.fieldname] = String(part.value);
    }
    if (upload === null)
      return problem(reply, 400, 'BAD_USER_INPUT', 'no workbook: send it in the form field "file"');
    const options = workbookForm(fields);
    if ('problem' in options) return problem(reply, 400, 'BAD_USER_INPUT', options.problem);
    const { dryRun, sync, force } = options.form;
    let scope = {};
    try {
      if (sync !== undefined)
        scope = {
          sync: parseScope(sync),
          force,
          retireLimitPercent: lifecycle.retireLimitPercent,
        };
    } catch (error) {
      if (error instanceof BadInputError)
        return problem(reply, 400, 'BAD_USER_INPUT', error.message);
      throw error;
    }
    // The body is in; the socket now waits, silent, for the import: a large workbook takes longer
    // than the idle timeout (REQUEST_TIMEOUT_S), which would close it before the answer.
    // (Light-my-request's injected requests have a socket without timeouts.)
    request.raw.socket?.setTimeout?.(0);
    const report = await app.importThreads.import(
      request.view ?? app.store,
      [{ file: upload.name, text: '', sheets: { format: 'xlsx', bytes: upload.bytes } }],
      {
        dryRun,
        actor: request.principal!.name,
        action: 'importWorkbook',
        now: lifecycle.now(),
        ...scope,
      },
    );
    return reply.code(report.ok ? 200 : 422).send({ ...report, dryRun });
  });
}

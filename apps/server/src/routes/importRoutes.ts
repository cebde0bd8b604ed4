import { ColumnMapping, ImportQuery, ImportReport, importKinds, type ImportKind } from '@kayoi/contracts';
import { AppFailure } from '@kayoi/core';
import { createRoute, z } from '@hono/zod-openapi';
import { authorizeOrThrow, localeOf, type AppContext } from '../http/context.js';
import { errorResponses, jsonContent, needs, newRouter } from '../http/openapi.js';
import { runImport } from '../imports/importRunner.js';

/** Uploads larger than this are refused while streaming, before they fill a disk or a queue. */
export const IMPORT_MAX_BYTES = 1024 ** 3;

async function* bodyChunks(c: AppContext): AsyncGenerator<Buffer> {
  const body = c.req.raw.body;
  if (!body) return;
  let total = 0;
  for await (const chunk of body) {
    total += chunk.byteLength;
    if (total > IMPORT_MAX_BYTES)
      throw new AppFailure({ code: 'PAYLOAD_TOO_LARGE', details: { maxBytes: IMPORT_MAX_BYTES } });
    yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
}

function mappingFrom(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AppFailure({ code: 'VALIDATION_FAILED', details: { mapping: 'not JSON' } });
  }
  const checked = ColumnMapping.safeParse(parsed);
  if (!checked.success) throw new AppFailure({ code: 'VALIDATION_FAILED', details: { mapping: checked.error.issues } });
  return checked.data;
}

const routeFor = (kind: ImportKind) =>
  createRoute({
    method: 'post',
    path: `/imports/${kind}`,
    tags: ['Imports'],
    summary: `Import ${kind} from a CSV file (UTF-8 or Shift_JIS), all or nothing`,
    description:
      'Send the file itself as the body (Content-Type: text/csv). Headers in Japanese or English are ' +
      'recognised; `mapping` maps other headers to fields. A file with any bad row is rejected with a ' +
      '422 IMPORT_REJECTED whose details are the report (row, column, reason for every bad row); nothing is written.',
    ...needs('imports.run'),
    request: {
      query: ImportQuery,
      body: { required: true, content: { 'text/csv': { schema: z.string().openapi({ format: 'binary' }) } } },
    },
    responses: { 200: jsonContent(ImportReport), ...errorResponses },
  });

export function importRoutes() {
  const app = newRouter();
  for (const kind of importKinds) {
    app.openapi(routeFor(kind), async (c) => {
      const auth = authorizeOrThrow(c, 'imports.run');
      const query = c.req.valid('query');
      const report = await runImport({
        db: c.get('deps').db,
        tenantId: auth.tenant.id,
        kind,
        input: bodyChunks(c),
        encoding: query.encoding ?? 'auto',
        mapping: mappingFrom(query.mapping),
        dryRun: query.dryRun ?? false,
        locale: localeOf(c),
        actorUserId: auth.user.id,
        now: c.get('deps').clock(),
      });
      if (report.status === 'rejected') throw new AppFailure({ code: 'IMPORT_REJECTED', details: report });
      return c.json(report, 200);
    });
  }
  return app;
}

import { z } from 'zod';
import { isoDate, registerSchema } from '../domain/model.js';

// The register's JSON Schema, generated from the zod schemas that validate imports, so editors
// (VS Code's YAML extension: `# yaml-language-server: $schema=…`) complete and check a register
// as people type. docs/register.schema.json is this output; test/docs/register-schema.test.ts
// keeps it in sync (`npm run schema` rewrites it).

/** What a JSON Schema can say of rules that zod checks in code (dates are also checked as real days). */
function override(ctx: { zodSchema: unknown; jsonSchema: Record<string, unknown> }) {
  if (ctx.zodSchema === isoDate)
    Object.assign(ctx.jsonSchema, { format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
}

export function registerJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(registerSchema, {
    io: 'input',
    override: override as never,
  }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    title: 'vendor-chain register, format 1',
    description:
      'Who entrusts personal data to whom: parties, entrustments, incidents and their sources. See docs/register-format.md.',
    ...schema,
  };
}

export const registerJsonSchemaText = () => `${JSON.stringify(registerJsonSchema(), null, 2)}\n`;

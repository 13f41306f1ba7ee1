import { readdirSync, readFileSync } from 'node:fs';
import { buildSchema, type GraphQLSchema, isEnumType } from 'graphql';
import { inProject } from '../paths.js';

// Register values are lower-case ("declared", "confirmed"); GraphQL enums show them upper-case.
// Giving each enum value its internal value lets resolvers return domain values unchanged.
const INTERNAL_ENUM_VALUES: Record<string, Record<string, string>> = {
  Confidence: {
    CONFIRMED: 'confirmed',
    REPORTED: 'reported',
    ALLEGED: 'alleged',
    INFERRED: 'inferred',
  },
  LinkKind: { DECLARED: 'declared', INFERRED: 'inferred' },
};

/** The SDL is one file per noun in schema/; read once at start, in a stable order. */
export function loadSchemaText(): string {
  const dir = inProject('schema');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(`${dir}/${f}`, 'utf8'))
    .join('\n');
}

export function loadSchema(): GraphQLSchema {
  const schema = buildSchema(loadSchemaText());
  for (const [name, values] of Object.entries(INTERNAL_ENUM_VALUES)) {
    const type = schema.getType(name);
    if (!isEnumType(type)) throw new Error(`schema/: enum ${name} is missing`);
    // graphql 16 builds its value lookups lazily from these objects, on first use.
    for (const value of type.getValues()) {
      const internal = values[value.name];
      if (internal === undefined)
        throw new Error(`schema/: ${name}.${value.name} has no internal value`);
      value.value = internal;
    }
  }
  return schema;
}

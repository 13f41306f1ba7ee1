import { readdir, readFile } from 'node:fs/promises';
import { Kind, parse, print, type DocumentNode, type FieldDefinitionNode } from 'graphql';
import t from 'tap';
import { renderResolverTypes, resolverTypesPath } from '../../scripts/resolver-types-module.js';
import { loadSchemaText } from '../../src/graphql/schema.js';
import { inProject } from '../../src/paths.js';
import { typeChecker } from '../helpers/typecheck.js';

t.test(
  'the committed resolver types are those the schema gives (npm run resolver-types)',
  async (t) => {
    const committed = await readFile(resolverTypesPath, 'utf8');
    t.equal(committed, await renderResolverTypes(), 'stale: run npm run resolver-types');
    // Each query of the schema has its resolver type, with its arguments.
    const schema = await readFile(new URL('../../schema/risk.graphql', import.meta.url), 'utf8');
    t.match(schema, /concentration\(/);
    t.match(committed, /export type QueryConcentrationArgs = \{/);
  },
);

/** A change to one field of the schema that the resolvers of `file` no longer fit. */
interface Break {
  file: string;
  type: string;
  field: string;
  change: (field: FieldDefinitionNode) => FieldDefinitionNode;
}

const returning =
  (name: string) =>
  (f: FieldDefinitionNode): FieldDefinitionNode => ({
    ...f,
    type: {
      kind: Kind.NON_NULL_TYPE,
      type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: name } },
    },
  });

const renamingArgument =
  (from: string, to: string) =>
  (f: FieldDefinitionNode): FieldDefinitionNode => {
    if (!f.arguments?.some((a) => a.name.value === from))
      throw new Error(`${f.name.value} has no argument ${from}`);
    return {
      ...f,
      arguments: f.arguments.map((a) =>
        a.name.value === from ? { ...a, name: { ...a.name, value: to } } : a,
      ),
    };
  };

// One break per resolver file: a field's answer of another type, or an argument renamed.
const breaks: Break[] = [
  { file: 'analysis', type: 'RedelegationFinding', field: 'id', change: returning('Int') },
  { file: 'audit', type: 'Query', field: 'auditLog', change: renamingArgument('after', 'before') },
  { file: 'filings', type: 'RecordOfProcessing', field: 'markdown', change: returning('Int') },
  {
    file: 'lifecycle',
    type: 'Query',
    field: 'supplyChainChanges',
    change: renamingArgument('from', 'since'),
  },
  { file: 'notification', type: 'NotificationPacket', field: 'fileName', change: returning('Int') },
  { file: 'overview', type: 'Query', field: 'overview', change: renamingArgument('asOf', 'on') },
  {
    file: 'query',
    type: 'Query',
    field: 'searchParties',
    change: renamingArgument('text', 'words'),
  },
  {
    file: 'register',
    type: 'Mutation',
    field: 'importRegister',
    change: renamingArgument('sync', 'scope'),
  },
  {
    file: 'risk',
    type: 'Query',
    field: 'groupExposure',
    change: renamingArgument('party', 'group'),
  },
];

function broken(schema: DocumentNode, b: Break): DocumentNode {
  let applied = 0;
  const definitions = schema.definitions.map((d) => {
    if (
      (d.kind !== Kind.OBJECT_TYPE_DEFINITION && d.kind !== Kind.OBJECT_TYPE_EXTENSION) ||
      d.name.value !== b.type
    )
      return d;
    return {
      ...d,
      fields: d.fields?.map((f) => {
        if (f.name.value !== b.field) return f;
        applied++;
        return b.change(f);
      }),
    };
  });
  if (applied !== 1) throw new Error(`${b.type}.${b.field}: found ${applied} times, not once`);
  return { ...schema, definitions };
}

t.test(
  'a schema change a resolver does not fit fails the typecheck, in each resolver file',
  async (t) => {
    const dir = inProject('src', 'graphql', 'resolvers');
    const files = (await readdir(dir)).filter((f) => f.endsWith('.ts')).sort();
    t.same(
      files,
      breaks.map((b) => `${b.file}.ts`),
      'every resolver file has a break here',
    );
    const paths = files.map((f) => `${dir}/${f}`);
    // The schema as it stands: no errors, so those below come from the breaks.
    const typeErrors = typeChecker();
    const clean = typeErrors(paths);
    for (const path of paths) t.same(clean.get(path), [], `${path}: no errors as it stands`);

    const schema = breaks.reduce(broken, parse(loadSchemaText()));
    const types = await renderResolverTypes(print(schema));
    const errors = typeErrors(paths, new Map([[resolverTypesPath, types]]));
    for (const b of breaks)
      t.not(
        errors.get(`${dir}/${b.file}.ts`)?.length ?? 0,
        0,
        `${b.file}.ts fails once ${b.type}.${b.field} changes`,
      );
  },
);

import { readdir, readFile } from 'node:fs/promises';
import { Kind, parse, print, type DocumentNode, type FieldDefinitionNode } from 'graphql';
import t from 'tap';
import { renderResolverTypes, resolverTypesPath } from '../../scripts/resolver-types-module.js';
import { loadSchemaText } from '../../src/graphql/schema.js';
import { inProject } from '../../src/paths.js';
import { typeErrors } from '../helpers/typecheck.js';

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
  /** What the compiler says of the file, which shows it is this change it fails on. */
  says: RegExp;
}

type Change = Pick<Break, 'change' | 'says'>;

/** The field answers an Int (where the resolver gives a string): `says` of a field of an answer. */
const returningInt = (field: string): Change => ({
  change: (f) => ({
    ...f,
    type: {
      kind: Kind.NON_NULL_TYPE,
      type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'Int' } },
    },
  }),
  says: new RegExp(
    `Types of property '${field}' are incompatible\\.\\s+Type 'string' is not assignable to type 'number'`,
  ),
});

const renamingArgument = (from: string, to: string): Change => ({
  change: (f) => {
    if (!f.arguments?.some((a) => a.name.value === from))
      throw new Error(`${f.name.value} has no argument ${from}`);
    return {
      ...f,
      arguments: f.arguments.map((a) =>
        a.name.value === from ? { ...a, name: { ...a.name, value: to } } : a,
      ),
    };
  },
  says: new RegExp(`Property '${from}' does not exist on type`),
});

// One break per resolver file: a field's answer of another type, or an argument renamed.
const breaks: Break[] = [
  {
    file: 'analysis',
    type: 'RedelegationFinding',
    field: 'id',
    // A field resolver's own answer, rather than a field of one.
    ...returningInt('id'),
    says: /Type 'string' is not assignable to type 'ResolverTypeWrapper<number>/,
  },
  { file: 'audit', type: 'Query', field: 'auditLog', ...renamingArgument('after', 'before') },
  { file: 'filings', type: 'RecordOfProcessing', field: 'markdown', ...returningInt('markdown') },
  {
    file: 'lifecycle',
    type: 'Query',
    field: 'supplyChainChanges',
    ...renamingArgument('from', 'since'),
  },
  {
    file: 'notification',
    type: 'NotificationPacket',
    field: 'fileName',
    ...returningInt('fileName'),
  },
  { file: 'overview', type: 'Query', field: 'overview', ...renamingArgument('asOf', 'on') },
  { file: 'query', type: 'Query', field: 'searchParties', ...renamingArgument('text', 'words') },
  {
    file: 'register',
    type: 'Mutation',
    field: 'importRegister',
    ...renamingArgument('sync', 'scope'),
  },
  { file: 'risk', type: 'Query', field: 'groupExposure', ...renamingArgument('party', 'group') },
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

// The schema as it stands type-checks (npm run typecheck); each break makes its file fail, on it.
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
    const schema = breaks.reduce(broken, parse(loadSchemaText()));
    const types = await renderResolverTypes(print(schema));
    const errors = typeErrors(
      files.map((f) => `${dir}/${f}`),
      new Map([[resolverTypesPath, types]]),
    );
    for (const b of breaks)
      t.match(
        errors.get(`${dir}/${b.file}.ts`)?.join('\n') ?? '',
        b.says,
        `${b.file}.ts fails once ${b.type}.${b.field} changes`,
      );
  },
);

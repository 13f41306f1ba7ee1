import ts from 'typescript';
import { inProject } from '../../src/paths.js';

/**
 * Type-checks `files` in src/ as `npm run typecheck` does (the whole of src/ is the program, since
 * a module's augmentations such as src/graphql/context.ts apply only there), with the text of
 * some modules replaced: a test sees what the compiler says of code over a changed module without
 * writing it to the tree. Returns each file's error messages.
 */
export function typeErrors(
  files: readonly string[],
  replaced: ReadonlyMap<string, string>,
): Map<string, string[]> {
  const config = ts.getParsedCommandLineOfConfigFile(inProject('tsconfig.json'), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!config) throw new Error('tsconfig.json could not be read');
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, onError) => {
    const text = replaced.get(name);
    return text === undefined
      ? getSourceFile(name, language, onError)
      : ts.createSourceFile(name, text, language);
  };
  const program = ts.createProgram({
    rootNames: config.fileNames.filter((f) => f.startsWith(inProject('src') + '/')),
    options: config.options,
    host,
  });
  return new Map(
    files.map((file) => {
      const source = program.getSourceFile(file);
      if (!source) throw new Error(`${file} is not in the program`);
      const messages = program
        .getSemanticDiagnostics(source)
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      return [file, messages];
    }),
  );
}

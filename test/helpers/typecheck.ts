import ts from 'typescript';
import { inProject } from '../../src/paths.js';

/**
 * A type-checker of src/ as `npm run typecheck` sees it (the whole of src/, since a module's
 * augmentations such as src/graphql/context.ts apply only there), which can check it again with
 * the text of some modules replaced: a test sees what the compiler says of code over a changed
 * module without writing it to the tree. Unchanged files are parsed once.
 */
export function typeChecker(): (
  files: readonly string[],
  replaced?: ReadonlyMap<string, string>,
) => Map<string, string[]> {
  const config = ts.getParsedCommandLineOfConfigFile(inProject('tsconfig.json'), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!config) throw new Error('tsconfig.json could not be read');
  const roots = config.fileNames.filter((f) => f.startsWith(inProject('src') + '/'));
  const parsed = new Map<string, ts.SourceFile | undefined>();
  let program: ts.Program | undefined;
  return (files, replaced = new Map()) => {
    const host = ts.createCompilerHost(config.options);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (name, language, onError) => {
      const text = replaced.get(name);
      if (text !== undefined) return ts.createSourceFile(name, text, language);
      if (!parsed.has(name)) parsed.set(name, getSourceFile(name, language, onError));
      return parsed.get(name);
    };
    program = ts.createProgram({
      rootNames: roots,
      options: config.options,
      host,
      oldProgram: program,
    });
    const checked = program;
    /** Each file's error messages. */
    return new Map(
      files.map((file) => {
        const source = checked.getSourceFile(file);
        if (!source) throw new Error(`${file} is not in the program`);
        const messages = checked
          .getSemanticDiagnostics(source)
          .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
        return [file, messages];
      }),
    );
  };
}

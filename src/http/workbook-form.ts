import { z } from 'zod';

// The form fields that come with an uploaded workbook, as importRegister's arguments. A field
// mistyped (dry_run) or a value that is not a boolean (dryRun=yes) is refused by name: read as
// false, it would write the register the editor meant only to check.

const flag = z.enum(['true', 'false'], { message: 'expected true or false' });

const formSchema = z.strictObject({
  dryRun: flag.optional(),
  sync: z.string().optional(),
  force: flag.optional(),
});

export const FORM_FIELDS = ['file', ...Object.keys(formSchema.shape)];

export type WorkbookForm = { dryRun: boolean; sync?: string; force: boolean };

/** The form's options, or the problem with its first wrong field. */
export function workbookForm(
  fields: Record<string, string>,
): { form: WorkbookForm } | { problem: string } {
  const parsed = formSchema.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    if (issue.code === 'unrecognized_keys')
      return {
        problem: `unknown form field "${issue.keys[0]}": expected ${FORM_FIELDS.join(', ')}`,
      };
    const field = String(issue.path[0]);
    return { problem: `form field "${field}": ${issue.message}; got "${fields[field]}"` };
  }
  const { dryRun, sync, force } = parsed.data;
  return {
    form: {
      dryRun: dryRun === 'true',
      ...(sync !== undefined && sync !== '' ? { sync } : {}),
      force: force === 'true',
    },
  };
}

import { z } from 'zod';
import type { ActionSpec } from '@/lib/action';
import { importFile, importKinds, type ImportKind, type ImportResult } from './index';
import type { ImportReport } from './pipeline';

export const importInputSchema = z.object({ kind: z.enum(importKinds, { error: '未知的导入类型' }) });

/**
 * The import as an action: the wrapper checks session, Origin and permission, then runs the
 * whole import in one transaction with its audit row. The file travels beside the input (the
 * route handler parses the multipart body itself); the hooks report the check and the progress.
 */
export function importSpec(
  file: { bytes: Uint8Array; name: string },
  hooks: { onValidated?: (report: ImportReport) => void; onProgress?: (done: number) => void } = {},
): ActionSpec<typeof importInputSchema, ImportResult> {
  return {
    name: 'import.file',
    permission: 'admin:write',
    schema: importInputSchema,
    async handler({ tx, input }) {
      const result = await importFile(tx, input.kind as ImportKind, file.bytes, { fileName: file.name, ...hooks });
      return { result, entity: `import.${input.kind}`, entityId: file.name.slice(0, 200) };
    },
  };
}

'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';

type Result = { ok: true } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

/**
 * Sends a form's payload with a client-made id: the same payload sent again (a double tap, a
 * retry after a dropped connection) reuses the id, so the server answers from its receipt.
 */
export function useSave<P extends Record<string, unknown>>(send: (input: P & { clientId: string }) => Promise<Result>, onSaved?: (payload: P) => void) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();
  const attempt = useRef<{ key: string; id: string } | null>(null);
  const save = (payload: P) =>
    startTransition(async () => {
      const key = JSON.stringify(payload);
      if (attempt.current?.key !== key) attempt.current = { key, id: crypto.randomUUID() };
      const r = await send({ ...payload, clientId: attempt.current.id });
      if (r.ok) {
        setErrors({});
        attempt.current = null;
        onSaved?.(payload);
        router.refresh();
      } else setErrors(r.fieldErrors ?? { _form: [r.message] });
    });
  return { save, errors, pending };
}

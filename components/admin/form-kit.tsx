'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import { toast } from 'sonner';
import { FieldError } from '@/components/ui/field-error';
import { Label } from '@/components/ui/label';
import type { ActionResult } from '@/lib/action';
import { cn } from '@/lib/utils';

type Action<T> = (input: unknown) => Promise<ActionResult<T>>;

/** A form's values as the server action reads them: text as typed, checkboxes as true / false. */
export function formValues(form: HTMLFormElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const el of Array.from(form.elements)) {
    if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) || !el.name) continue;
    if (el instanceof HTMLInputElement && el.type === 'checkbox') out[el.name] = el.checked;
    else if (el instanceof HTMLInputElement && el.type === 'radio') {
      if (el.checked) out[el.name] = el.value;
    } else out[el.name] = el.value;
  }
  return out;
}

/**
 * Submits a form through a Server Action and keeps its per-field errors. `prefix` keeps element
 * ids unique when one page holds several copies of a form.
 */
export function useActionForm<T>(action: Action<T>, opts: { prefix?: string; success?: string; onOk?: (data: T) => void; refresh?: boolean } = {}) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();
  // one id per filled-in form: a double click or a retry creates the record once
  const clientId = useRef<string>(globalThis.crypto?.randomUUID?.() ?? '');
  const prefix = opts.prefix ? `${opts.prefix}-` : '';
  const idOf = (name: string) => `${prefix}${name}`;

  const submit = (input: Record<string, unknown>) =>
    startTransition(async () => {
      const r = await action({ clientId: clientId.current, ...input });
      if (r.ok) {
        setErrors({});
        clientId.current = globalThis.crypto?.randomUUID?.() ?? '';
        if (opts.success) toast.success(opts.success);
        opts.onOk?.(r.data);
        if (opts.refresh !== false) router.refresh();
      } else {
        setErrors(r.fieldErrors ?? { _form: [r.message] });
      }
    });

  const onSubmit = (extra: Record<string, unknown> = {}) => (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    submit({ ...formValues(e.currentTarget), ...extra });
  };

  /** id, name and the aria wiring of a control, so its error is announced with it. */
  const control = (name: string) => ({
    id: idOf(name),
    name,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `err-${idOf(name)}` : undefined,
  });

  return { errors, pending, submit, onSubmit, control, idOf, setErrors };
}

/** A labelled control with its hint and its error beside it. */
export function Field({
  label,
  htmlFor,
  error,
  errorId,
  hint,
  className,
  children,
}: {
  label: React.ReactNode;
  htmlFor: string;
  error?: string[];
  errorId: string;
  hint?: React.ReactNode;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={cn('space-y-1.5', className)}>
      <Label htmlFor={htmlFor}>{label}</Label>
      {children}
      {hint && <p className="text-xs text-muted-foreground">{hint}</p>}
      <div aria-live="polite">
        <FieldError id={errorId} messages={error} />
      </div>
    </div>
  );
}

/** Shortcut: a Field bound to a useActionForm control by name. */
export function bindField(form: ReturnType<typeof useActionForm<unknown>> | { errors: Record<string, string[]>; idOf: (n: string) => string }) {
  return (name: string) => ({ htmlFor: form.idOf(name), error: form.errors[name], errorId: `err-${form.idOf(name)}` });
}

export function FormError({ form }: { form: { errors: Record<string, string[]>; idOf: (n: string) => string } }) {
  return (
    <div aria-live="polite">
      <FieldError id={`err-${form.idOf('_form')}`} messages={form.errors._form} />
    </div>
  );
}

'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import { toast } from 'sonner';
import { recordCallBack } from '@/app/(app)/follow-up/actions';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { Label } from '@/components/ui/label';
import { Textarea } from '@/components/ui/textarea';
import { cn } from '@/lib/utils';

const outcomes = ['reached', 'not_reached', 'resolved'] as const;

export function CallBackForm({ orderNo }: { orderNo: string }) {
  const t = useTranslations('followUp');
  const router = useRouter();
  const [outcome, setOutcome] = useState<(typeof outcomes)[number] | ''>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();
  // one id per call being recorded: a double tap or a retry after a dropped answer appends it once
  const clientId = useRef<string>(crypto.randomUUID?.() ?? '');
  const id = (name: string) => `cb-${orderNo}-${name}`;

  return (
    <form
      className="space-y-3 rounded-md border bg-muted/40 p-3"
      aria-label={t('recordFor', { orderNo })}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!navigator.onLine) {
          setErrors({ _form: [t('offline')] });
          return;
        }
        startTransition(async () => {
          const r = await recordCallBack({ clientId: clientId.current, orderNo, outcome: outcome || undefined, note: note || undefined });
          if (r.ok) {
            clientId.current = crypto.randomUUID?.() ?? '';
            setOutcome('');
            setNote('');
            setErrors({});
            toast.success(t('saved'));
            router.refresh();
          } else {
            setErrors(r.fieldErrors ?? { _form: [r.message] });
          }
        });
      }}
    >
      <fieldset aria-describedby={errors.outcome ? id('outcome') : undefined}>
        <legend className="mb-2 text-sm font-medium">{t('outcome')}</legend>
        <div className="grid grid-cols-3 gap-2">
          {outcomes.map((o) => (
            <label
              key={o}
              className={cn(
                'relative flex min-h-11 cursor-pointer items-center justify-center gap-1 rounded-md border px-2 text-sm font-medium has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring',
                outcome === o ? 'border-primary bg-primary/10 text-primary' : 'border-input bg-card text-muted-foreground',
                errors.outcome && 'border-destructive',
              )}
            >
              {/* a native radio under the label: arrow keys and screen readers work as usual */}
              <input
                type="radio"
                name={id('outcome-choice')}
                value={o}
                checked={outcome === o}
                onChange={() => setOutcome(o)}
                aria-invalid={!!errors.outcome}
                className="absolute inset-0 cursor-pointer opacity-0"
              />
              <span aria-hidden>{outcome === o ? '●' : '○'}</span>
              {t(`outcomes.${o}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <FieldError id={id('outcome')} messages={errors.outcome} />
      <div className="space-y-2">
        <Label htmlFor={id('note-input')}>{outcome === 'resolved' ? t('noteResolved') : t('note')}</Label>
        <Textarea
          id={id('note-input')}
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-invalid={!!errors.note}
          aria-describedby={errors.note ? id('note') : undefined}
        />
        <FieldError id={id('note')} messages={errors.note} />
      </div>
      <FieldError id={id('form')} messages={errors._form} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t('saving') : t('save')}
      </Button>
    </form>
  );
}

'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import { toast } from 'sonner';
import { saveSummary } from '@/app/(app)/reports/actions';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { Label } from '@/components/ui/label';
import { Textarea } from '@/components/ui/textarea';

export function SummaryForm({ kind, periodStart, analysis }: { kind: 'weekly' | 'monthly'; periodStart: string; analysis: string }) {
  const t = useTranslations('reports');
  const router = useRouter();
  const [text, setText] = useState(analysis);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();
  const attempt = useRef<{ key: string; id: string } | null>(null);
  const save = (submit: boolean) =>
    startTransition(async () => {
      const payload = { kind, periodStart, analysis: text, submit };
      const key = JSON.stringify(payload);
      if (attempt.current?.key !== key) attempt.current = { key, id: crypto.randomUUID() };
      const r = await saveSummary({ clientId: attempt.current.id, ...payload });
      if (r.ok) {
        setErrors({});
        attempt.current = null;
        toast.success(submit ? t('submittedToast') : t('saved'));
        router.refresh();
      } else setErrors(r.fieldErrors ?? { _form: [r.message] });
    });
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        save(true);
      }}
    >
      <div className="space-y-1">
        <Label htmlFor="analysis">{t('analysis')}</Label>
        <Textarea
          id="analysis"
          className="min-h-40"
          value={text}
          maxLength={5000}
          placeholder={t('analysisPlaceholder')}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={!!errors.analysis}
          aria-describedby={errors.analysis ? 'analysis-err' : undefined}
        />
        <FieldError id="analysis-err" messages={errors.analysis} />
      </div>
      <FieldError id="summary-form-err" messages={errors._form ?? errors.periodStart} />
      <div className="flex gap-2">
        <Button type="button" variant="outline" className="min-h-11 flex-1" disabled={pending} onClick={() => save(false)}>
          {t('saveDraft')}
        </Button>
        <Button type="submit" className="min-h-11 flex-1" disabled={pending}>
          {t('submit')}
        </Button>
      </div>
    </form>
  );
}

'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { toast } from 'sonner';
import { saveSummary } from '@/app/(app)/reports/actions';
import { FieldError } from '@/components/ui/field-error';
import { Label } from '@/components/ui/label';
import { Textarea } from '@/components/ui/textarea';
import { SaveButtons } from './save-buttons';
import { useSave } from './use-save';

export function SummaryForm({ kind, periodStart, analysis }: { kind: 'weekly' | 'monthly'; periodStart: string; analysis: string }) {
  const t = useTranslations('reports');
  const [text, setText] = useState(analysis);
  const { save: send, errors, pending } = useSave(saveSummary, (p) => toast.success(p.submit ? t('submittedToast') : t('saved')));
  const save = (submit: boolean) => send({ kind, periodStart, analysis: text, submit });
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
      <SaveButtons pending={pending} onDraft={() => save(false)} />
    </form>
  );
}

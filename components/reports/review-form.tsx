'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { reviewReport } from '@/app/(app)/reviews/actions';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { Textarea } from '@/components/ui/textarea';
import { useSave } from './use-save';

export function ReviewForm({ subject, id }: { subject: 'daily_report' | 'summary' | 'visit_plan'; id: number }) {
  const t = useTranslations('reviews');
  const [comment, setComment] = useState('');
  const { save, errors, pending } = useSave(reviewReport);
  const decide = (decision: 'approve' | 'return') => save({ subject, id, decision, comment });
  return (
    <div className="space-y-2" data-testid="review-form">
      <Textarea
        aria-label={t('commentPlaceholder')}
        placeholder={t('commentPlaceholder')}
        value={comment}
        maxLength={1000}
        onChange={(e) => setComment(e.target.value)}
        aria-invalid={!!errors.comment}
        aria-describedby={errors.comment ? 'review-comment-err' : undefined}
      />
      <FieldError id="review-comment-err" messages={errors.comment} />
      <FieldError id="review-form-err" messages={errors._form} />
      <div className="flex gap-2">
        <Button className="min-h-11" disabled={pending} onClick={() => decide('approve')}>
          {t('approve')}
        </Button>
        <Button className="min-h-11" variant="outline" disabled={pending} onClick={() => decide('return')}>
          {t('return')}
        </Button>
      </div>
    </div>
  );
}

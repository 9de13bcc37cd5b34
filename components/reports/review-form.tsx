'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import { reviewReport } from '@/app/(app)/reviews/actions';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { Textarea } from '@/components/ui/textarea';

export function ReviewForm({ subject, id }: { subject: 'daily_report' | 'summary' | 'visit_plan'; id: number }) {
  const t = useTranslations('reviews');
  const router = useRouter();
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();
  const attempt = useRef<{ key: string; id: string } | null>(null);
  const decide = (decision: 'approve' | 'return') =>
    startTransition(async () => {
      const payload = { subject, id, decision, comment };
      const key = JSON.stringify(payload);
      if (attempt.current?.key !== key) attempt.current = { key, id: crypto.randomUUID() };
      const r = await reviewReport({ clientId: attempt.current.id, ...payload });
      if (r.ok) {
        setErrors({});
        router.refresh();
      } else setErrors(r.fieldErrors ?? { _form: [r.message] });
    });
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

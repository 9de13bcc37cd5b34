'use client';

import type * as React from 'react';
import { cn } from '@/lib/utils';

/** A large on/off button for phones: the state is in aria-pressed and in the text, never colour alone. */
export function ToggleChip({
  pressed,
  onPressedChange,
  children,
  className,
  ...props
}: Omit<React.ComponentProps<'button'>, 'onClick'> & { pressed: boolean; onPressedChange: (v: boolean) => void }) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={() => onPressedChange(!pressed)}
      className={cn(
        'inline-flex min-h-11 items-center gap-1 rounded-md border px-3 text-sm font-medium transition-colors',
        pressed ? 'border-primary bg-primary/10 text-primary' : 'border-input bg-card text-muted-foreground',
        className,
      )}
      {...props}
    >
      <span aria-hidden>{pressed ? '✓' : '○'}</span>
      {children}
    </button>
  );
}

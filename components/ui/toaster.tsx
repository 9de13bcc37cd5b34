'use client';

import { Toaster as Sonner } from 'sonner';

// Only the pages that announce results render this, so the field form stays light.
export function Toaster() {
  return <Sonner position="top-center" richColors />;
}

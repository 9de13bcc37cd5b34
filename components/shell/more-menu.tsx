'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { cn } from '@/lib/utils';
import { NavLinks } from './nav-links';

/** The phone's bottom-bar menu for the places that do not fit in the bar; closes on navigation. */
export function MoreMenu({ label, items }: { label: string; items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [pathname]);
  const active = items.some((i) => pathname === i.href || pathname.startsWith(`${i.href}/`));
  return (
    <details ref={ref} className="relative flex flex-1">
      <summary
        className={cn(
          'flex min-h-14 flex-1 cursor-pointer list-none items-center justify-center px-4 text-sm font-medium [&::-webkit-details-marker]:hidden',
          active ? 'text-primary' : 'text-muted-foreground',
        )}
      >
        {label}
      </summary>
      <div className="absolute right-0 bottom-full mb-2 flex w-48 flex-col rounded-md border bg-card p-1 shadow-lg">
        <NavLinks items={items} />
      </div>
    </details>
  );
}

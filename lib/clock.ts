import { DEFAULT_TZ, dateInTz } from './time';

// One place asks for "now", so tests and demos can pin the clock (ROUNDS_NOW=2026-11-26T10:00:00+08:00).
export function now(): Date {
  const pinned = process.env.ROUNDS_NOW;
  return pinned ? new Date(pinned) : new Date();
}

export function today(tz = DEFAULT_TZ): string {
  return dateInTz(now(), tz);
}

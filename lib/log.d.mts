// Types for lib/log.mjs (plain JavaScript so that server.mjs can import it without a build step).
import type { IncomingMessage, ServerResponse } from 'node:http';

export type LogLevel = 'info' | 'warn' | 'error';
export function scrubText(text: unknown, max?: number): string;
export function setLogSink(next: (line: string) => void): (line: string) => void;
export function log(level: LogLevel, msg: string, fields?: Record<string, unknown>): void;
export function logError(msg: string, error: unknown, fields?: Record<string, unknown>): void;
export function safePath(url: string | undefined): { path: string; queryKeys?: string[] };
export function withRequestLog(
  handler: (req: IncomingMessage, res: ServerResponse) => unknown,
  opts?: { trustProxy?: boolean; userIdOf?: (req: IncomingMessage) => Promise<number | string | null> | number | string | null },
): (req: IncomingMessage, res: ServerResponse) => unknown;

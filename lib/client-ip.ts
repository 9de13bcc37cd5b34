// The address rate limits key on. The server (server.mjs) drops client-sent X-Forwarded-For unless
// TRUST_PROXY=1, so Next fills it from the socket; behind a trusted proxy the first hop is the client.
export function clientIp(headers: Headers | Record<string, string | string[] | undefined>): string {
  const get = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const forwarded = get('x-forwarded-for');
  if (!forwarded) return 'unknown';
  const hops = forwarded.split(',').map((s) => s.trim()).filter(Boolean);
  return (process.env.TRUST_PROXY === '1' ? hops[0] : hops[hops.length - 1]) ?? 'unknown';
}

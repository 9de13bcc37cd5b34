// The address rate limits key on. The server (server.mjs) drops client-sent X-Forwarded-For unless
// TRUST_PROXY=1, so Next fills it from the socket. Behind a trusted proxy the last hop is the
// address the proxy saw: proxies append to what the client sent (nginx $proxy_add_x_forwarded_for),
// so the first hop is whatever the client wrote and would let it pick a new address per attempt.
export function clientIp(headers: Headers | Record<string, string | string[] | undefined>): string {
  const get = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const forwarded = get('x-forwarded-for');
  if (!forwarded) return 'unknown';
  const hops = forwarded.split(',').map((s) => s.trim()).filter(Boolean);
  return hops[hops.length - 1] ?? 'unknown';
}

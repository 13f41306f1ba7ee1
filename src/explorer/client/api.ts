import { w } from './lang.js';
import type { PageSession } from './session.js';

// The public GraphQL API, as the page's session asks it: with the signed-in token or the API key
// typed, if any. Both live in sessionStorage only: gone when the tab closes, never in
// localStorage or a cookie.

let session: PageSession | null = null;

/** The session every request goes out with (main.ts opens it before the first view). */
export function useSession(opened: PageSession): void {
  session = opened;
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export async function gql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const authorization = session?.authorization() ?? null;
  if (authorization !== null) headers.authorization = authorization;
  const response = await fetch('/graphql', {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = await response.json();
  } catch {
    throw new ApiError(w.httpFailed(response.status));
  }
  // The service says why (no key, or a key mistyped or revoked); the page says what to do.
  const why = body.errors?.[0]?.message.split(':')[0] ?? '';
  if (response.status === 401 && session !== null && session.state.kind !== 'keys') {
    // A token the service no longer takes (expired, or its signing key dropped): sign in again.
    if (session.state.kind === 'signed-in') session.expire();
    throw new ApiError(
      session.state.kind === 'expired' ? w.signInExpired : w.signInNeeded,
      'UNAUTHENTICATED',
    );
  }
  if (response.status === 401) throw new ApiError(w.needKey(why), 'UNAUTHENTICATED');
  // A token without a role, say: the provider's administrator can give one.
  if (response.status === 403 && session?.state.kind === 'signed-in')
    throw new ApiError(w.signInRefused(body.errors?.[0]?.message ?? why), 'FORBIDDEN');
  if (body.errors?.length)
    throw new ApiError(
      body.errors.map((e) => e.message).join('; '),
      body.errors[0].extensions?.code,
    );
  if (!body.data) throw new ApiError(w.httpFailed(response.status));
  return body.data;
}

import { w } from './lang.js';

// The public GraphQL API, with the API key the user typed, if any. The key lives in
// sessionStorage only: it is gone when the tab closes and never reaches localStorage or a cookie.

const KEY = 'vendor-chain.apiKey';

export const apiKey = {
  get: (): string => sessionStorage.getItem(KEY) ?? '',
  set: (value: string): void => {
    if (value.trim()) sessionStorage.setItem(KEY, value.trim());
    else sessionStorage.removeItem(KEY);
  },
};

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
  const key = apiKey.get();
  if (key) headers.authorization = `Bearer ${key}`;
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
  if (response.status === 401)
    throw new ApiError(w.needKey(body.errors?.[0]?.message.split(':')[0] ?? ''), 'UNAUTHENTICATED');
  if (body.errors?.length)
    throw new ApiError(
      body.errors.map((e) => e.message).join('; '),
      body.errors[0].extensions?.code,
    );
  if (!body.data) throw new ApiError(w.httpFailed(response.status));
  return body.data;
}

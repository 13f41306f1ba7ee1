// The pages (the explorer, GraphiQL) connect only to this origin, and with single sign-on to the
// provider too: sign-in.ts reads its discovery document and exchanges the code at its token
// endpoint from the browser (a public client with PKCE holds no secret for a server to keep).

/** The page's Content-Security-Policy, with the provider's origin allowed to be fetched. */
export function withSignIn(policy: string, signInOrigin: string | null): string {
  if (signInOrigin === null) return policy;
  return policy.replace("connect-src 'self'", `connect-src 'self' ${signInOrigin}`);
}

/** The origin the pages sign in at, when they do (a client id is configured). */
export function signInOriginOf(
  oidc: { issuer: string; clientId?: string | undefined } | null,
): string | null {
  return oidc?.clientId === undefined ? null : new URL(oidc.issuer).origin;
}

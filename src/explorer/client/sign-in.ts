// Single sign-on for the browser pages (the explorer, GraphiQL): authorization code with PKCE
// (RFC 7636) against the service's OpenID provider, as a public client. The page asks
// GET /auth/config what to sign in with; `startSignIn` sends the browser to the provider,
// `finishSignIn` takes the code it comes back with and keeps the access token in sessionStorage
// (this tab only, gone when it closes); `bearer` gives the Authorization header value. Everything
// it touches of the browser is passed in, so the same code runs under test in Node.

export interface SignInConfig {
  issuer: string;
  clientId: string;
  /** The API's audience. */
  audience: string;
  scope: string;
  /** Sent as the RFC 8707 resource when set (the audience; null for Entra ID, which refuses it). */
  resource?: string | null;
  /** Whether signing out also ends the provider's session (its end_session_endpoint). */
  signOutAtProvider?: boolean;
}

export interface BrowserParts {
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  fetch: typeof fetch;
}

const PENDING = 'vendor-chain.sign-in';
const TOKEN = 'vendor-chain.token';
// The ID token, kept only to name the session when the provider is asked to end it.
const ID_TOKEN = 'vendor-chain.id-token';

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** The S256 challenge of a verifier. */
export async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

const randomText = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

async function endpoints(config: SignInConfig, parts: BrowserParts) {
  const url = `${config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const found = (await (await parts.fetch(url)).json()) as {
    authorization_endpoint: string;
    token_endpoint: string;
    end_session_endpoint?: string;
  };
  return found;
}

/** Where to send the browser to sign in; remembers the verifier and state for the way back. */
export async function startSignIn(
  config: SignInConfig,
  redirectUri: string,
  parts: BrowserParts,
): Promise<string> {
  const { authorization_endpoint } = await endpoints(config, parts);
  const verifier = randomText();
  const state = randomText();
  parts.storage.setItem(PENDING, JSON.stringify({ verifier, state, redirectUri }));
  const url = new URL(authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri,
    scope: config.scope,
    ...(config.resource ? { resource: config.resource } : {}),
    state,
    code_challenge: await challengeOf(verifier),
    code_challenge_method: 'S256',
  }).toString();
  return url.toString();
}

/**
 * On the way back from the provider: exchanges the code for an access token and keeps it.
 * Returns the token, or null when `location` carries no sign-in answer. Throws on a state that
 * does not match (a forged return) or a refused exchange.
 */
export async function finishSignIn(
  config: SignInConfig,
  location: string,
  parts: BrowserParts,
): Promise<string | null> {
  const params = new URL(location).searchParams;
  const code = params.get('code');
  const pending = parts.storage.getItem(PENDING);
  if (code === null || pending === null) return null;
  parts.storage.removeItem(PENDING);
  const { verifier, state, redirectUri } = JSON.parse(pending) as Record<string, string>;
  if (params.get('state') !== state) throw new Error('sign-in: the answer is not for this page');
  const { token_endpoint } = await endpoints(config, parts);
  const response = await parts.fetch(token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri!,
      client_id: config.clientId,
      code_verifier: verifier!,
      ...(config.resource ? { resource: config.resource } : {}),
    }),
  });
  const body = (await response.json()) as {
    access_token?: string;
    id_token?: string;
    error?: string;
  };
  if (!body.access_token) throw new Error(`sign-in refused: ${body.error ?? response.status}`);
  parts.storage.setItem(TOKEN, body.access_token);
  if (body.id_token) parts.storage.setItem(ID_TOKEN, body.id_token);
  else parts.storage.removeItem(ID_TOKEN);
  return body.access_token;
}

/** The Authorization header value for requests to /graphql, once signed in. */
export function bearer(parts: Pick<BrowserParts, 'storage'>): string | null {
  const token = parts.storage.getItem(TOKEN);
  return token === null ? null : `Bearer ${token}`;
}

/** Forgets the tokens in this tab. */
export function signOut(parts: Pick<BrowserParts, 'storage'>): void {
  parts.storage.removeItem(TOKEN);
  parts.storage.removeItem(ID_TOKEN);
}

/**
 * Signs out of this tab, and returns where to send the browser so that the provider ends its own
 * session too (OpenID Connect RP-initiated logout), coming back to `back`: on a shared office
 * computer, the next person's sign-in must not pass without a password. Null where the provider
 * has no end_session_endpoint or the service turned it off; then the provider's session stays.
 */
export async function signOutAt(
  config: SignInConfig,
  back: string,
  parts: BrowserParts,
): Promise<string | null> {
  const idToken = parts.storage.getItem(ID_TOKEN);
  signOut(parts);
  if (config.signOutAtProvider === false) return null;
  const { end_session_endpoint } = await endpoints(config, parts);
  if (!end_session_endpoint) return null;
  const url = new URL(end_session_endpoint);
  // The page's own address: registered with the provider already, as the sign-in's redirect.
  url.search = new URLSearchParams({
    client_id: config.clientId,
    post_logout_redirect_uri: back,
    ...(idToken ? { id_token_hint: idToken } : {}),
  }).toString();
  return url.toString();
}

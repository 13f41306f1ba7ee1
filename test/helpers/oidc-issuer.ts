import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider from 'oidc-provider';

// A real OpenID provider (panva's oidc-provider) on loopback, for the single sign-on tests: its
// clients get JWT access tokens by the client-credentials grant, with the role and scope claims
// each client is given. `rotate` restarts it under the same issuer with new signing keys.

export const API_AUDIENCE = 'https://vendor-chain.test/api';
export const OTHER_AUDIENCE = 'https://elsewhere.test/api';

export interface TestClient {
  id: string;
  claims: Record<string, unknown>;
}

export interface TestIssuer {
  issuer: string;
  /** A token for `client`, for the API's audience (or another's). */
  token(client: string, audience?: string): Promise<string>;
  /** Publish only new keys from now on (or new and old, when `keepOld`). */
  rotate(keepOld: boolean): Promise<void>;
  close(): Promise<void>;
}

export async function signingKey(kid: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
}

/** A public client the pages sign in as (authorization code + PKCE), and who may sign in. */
export interface BrowserClient {
  id: string;
  /** Where the provider may send the browser back to (the explorer's and GraphiQL's addresses). */
  redirectUris: string[];
  /** Account id → its claims. */
  accounts: Record<string, Record<string, unknown>>;
}

export async function startIssuer(
  clients: TestClient[],
  { ttlS = 300, browser }: { ttlS?: number; browser?: BrowserClient } = {},
): Promise<TestIssuer> {
  let handler: RequestListener = (_req, res) => res.end();
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const claimsOf = new Map(clients.map((c) => [c.id, c.claims]));

  const provide = (keys: JWK[]) => {
    const provider = new Provider(issuer, {
      clients: [
        ...clients.map((c) => ({
          client_id: c.id,
          client_secret: `${c.id}-secret`,
          grant_types: ['client_credentials'],
          response_types: [],
          redirect_uris: [],
          token_endpoint_auth_method: 'client_secret_post',
        })),
        ...(browser
          ? [
              {
                client_id: browser.id,
                grant_types: ['authorization_code'],
                response_types: ['code'],
                redirect_uris: browser.redirectUris,
                // The pages come back to their own address after ending the provider's session.
                post_logout_redirect_uris: browser.redirectUris,
                token_endpoint_auth_method: 'none',
              },
            ]
          : []),
      ],
      jwks: { keys },
      features: {
        // The provider's own sign-in pages (any account name, no password), for the code flow.
        devInteractions: { enabled: browser !== undefined },
        clientCredentials: { enabled: true },
        resourceIndicators: {
          enabled: true,
          defaultResource: () => API_AUDIENCE,
          useGrantedResource: () => true,
          getResourceServerInfo: (_ctx: unknown, resource: string) => ({
            scope: 'api',
            audience: resource,
            accessTokenFormat: 'jwt',
            accessTokenTTL: ttlS,
            jwt: { sign: { alg: 'RS256' } },
          }),
        },
      },
      extraTokenClaims: (_ctx: unknown, token: { clientId?: string; accountId?: string }) =>
        token.accountId
          ? (browser?.accounts[token.accountId] ?? {})
          : (claimsOf.get(token.clientId ?? '') ?? {}),
    } as never);
    handler = provider.callback() as RequestListener;
  };
  let keys = [await signingKey('first')];
  provide(keys);
  let generation = 1;

  return {
    issuer,
    async token(client, audience = API_AUDIENCE) {
      const response = await fetch(`${issuer}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: client,
          client_secret: `${client}-secret`,
          resource: audience,
          scope: 'api',
        }),
      });
      const body = (await response.json()) as { access_token?: string };
      if (!body.access_token) throw new Error(`no token: ${JSON.stringify(body)}`);
      return body.access_token;
    },
    async rotate(keepOld) {
      const fresh = await signingKey(`rotated-${++generation}`);
      // The first key signs: the new one, published beside the old one or alone.
      keys = keepOld ? [fresh, ...keys] : [fresh];
      provide(keys);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Signs in at the provider's own pages as `account`, the way a browser would: follows the
 * redirects from `authorizationUrl`, keeping cookies, submits the login and consent forms, and
 * returns the URL the provider sends the browser back to (with the code).
 */
export async function signInAs(authorizationUrl: string, account: string): Promise<string> {
  const cookies = new Map<string, string>();
  const send = async (url: string, form?: Record<string, string>) => {
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { body: new URLSearchParams(form) } : {}),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return response;
  };
  let url = authorizationUrl;
  for (let step = 0; step < 12; step++) {
    const response = await send(url);
    const location = response.headers.get('location');
    if (location === null) throw new Error(`sign-in stopped at ${url}: ${response.status}`);
    const next = new URL(location, url).toString();
    const interaction = /\/interaction\/([^/?]+)$/.exec(new URL(next).pathname);
    if (interaction === null) {
      if (!next.startsWith(new URL(authorizationUrl).origin)) return next;
      url = next;
      continue;
    }
    const page = await (await send(next)).text();
    const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1] ?? 'login';
    const answer = await send(
      next,
      prompt === 'login' ? { prompt, login: account, password: 'x' } : { prompt },
    );
    url = new URL(answer.headers.get('location')!, next).toString();
  }
  throw new Error('sign-in did not come back');
}

import {
  bearer,
  finishSignIn,
  signOut,
  signOutAt,
  startSignIn,
  type SignInConfig,
} from './sign-in.js';

// Who the page asks /graphql as, shared by the explorer and GraphiQL. With single sign-on
// configured (GET /auth/config names a client), the page signs in with authorization code + PKCE
// (sign-in.ts) and keeps the access token in this tab's sessionStorage; otherwise it sends the
// API key typed into its key field, as before. The token's claims are read here only to say who
// is signed in and when it ends: the service verifies every request.

const API_KEY = 'vendor-chain.apiKey';
/** The address the page was at when sign-in began: the way back lands there, not on a bare page. */
const RETURN_TO = 'vendor-chain.sign-in.return';
// The address a sign-out at the provider left from: the provider comes back to the page's path.
const SIGNED_OUT_FROM = 'vendor-chain.sign-out.return';
/** Set when a token ended, so the page started again says so instead of only "sign in". */
const EXPIRED = 'vendor-chain.sign-in.expired';
/** Provider answer parameters (RFC 6749, RFC 9207), removed from the address once read. */
const ANSWER_PARAMS = ['code', 'state', 'iss', 'session_state', 'error', 'error_description'];

export interface SignedIn {
  /** A name a person knows the account by, else the token's subject. */
  name: string;
  /** When the token ends, in ms since the epoch. */
  expiresAt: number;
}

export type SessionState =
  | { kind: 'keys' }
  | { kind: 'signed-out' }
  | { kind: 'signed-in'; user: SignedIn }
  | { kind: 'expired' }
  | { kind: 'failed'; reason: string };

const parts = () => ({ storage: sessionStorage, fetch: window.fetch.bind(window) });

/** A JWT's claims, without checking it (the service does): null for anything that is not one. */
export function claimsOf(token: string): Record<string, unknown> | null {
  const payload = token.split('.')[1];
  if (payload === undefined) return null;
  try {
    const text = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** Who a token names, as the provider's consoles show the account (Keycloak, Entra ID, …). */
export function signedInFrom(token: string): SignedIn | null {
  const claims = claimsOf(token);
  if (claims === null || typeof claims.exp !== 'number') return null;
  const name = ['preferred_username', 'name', 'email', 'upn', 'sub']
    .map((claim) => claims[claim])
    .find((value): value is string => typeof value === 'string' && value !== '');
  return { name: name ?? '?', expiresAt: claims.exp * 1000 };
}

export class PageSession {
  private constructor(
    readonly config: SignInConfig | null,
    public state: SessionState,
  ) {}

  /**
   * The page's session: asks /auth/config, takes the provider's answer when the page is the way
   * back from signing in (and puts the address back as it was), and reads the token kept.
   */
  static async open(): Promise<PageSession> {
    // Leaving for the address a sign-out left from: nothing is drawn on the way.
    if (PageSession.backFromSignOut()) return new Promise<never>(() => undefined);
    const response = await fetch('/auth/config');
    const { signIn } = (await response.json()) as { signIn: SignInConfig | null };
    if (signIn === null) return new PageSession(null, { kind: 'keys' });
    const session = new PageSession(signIn, { kind: 'signed-out' });
    const params = new URLSearchParams(location.search);
    if (params.has('code') || params.has('error')) await session.finish(params);
    if (session.state.kind === 'signed-out') session.readToken();
    return session;
  }

  /**
   * Back from the provider's sign-out, at the page's bare address (the one registered with it):
   * goes on to the address it left from, whose view and language the server renders. True when
   * the page is leaving for it.
   */
  private static backFromSignOut(): boolean {
    const from = sessionStorage.getItem(SIGNED_OUT_FROM);
    if (from === null) return false;
    sessionStorage.removeItem(SIGNED_OUT_FROM);
    const back = new URL(from, location.href);
    // Only this page's own addresses: a stored value is never a way off the site.
    if (back.origin !== location.origin || back.pathname !== location.pathname) return false;
    if (back.href === location.href) return false;
    location.replace(back);
    return true;
  }

  private async finish(params: URLSearchParams): Promise<void> {
    const returnTo = sessionStorage.getItem(RETURN_TO);
    sessionStorage.removeItem(RETURN_TO);
    try {
      const error = params.get('error');
      if (error !== null) throw new Error(params.get('error_description') ?? error);
      await finishSignIn(this.config!, location.href, parts());
    } catch (error) {
      this.state = { kind: 'failed', reason: (error as Error).message };
    }
    const back = new URL(returnTo ?? location.href, location.href);
    for (const name of ANSWER_PARAMS) back.searchParams.delete(name);
    // Only this page's own addresses: a stored value is never a way off the site.
    if (back.origin === location.origin) history.replaceState(null, '', back);
  }

  private readToken(): void {
    const header = bearer({ storage: sessionStorage });
    if (header === null) {
      if (sessionStorage.getItem(EXPIRED) !== null) this.state = { kind: 'expired' };
      sessionStorage.removeItem(EXPIRED);
      return;
    }
    const user = signedInFrom(header.slice('Bearer '.length));
    if (user === null || user.expiresAt <= Date.now()) this.expire();
    else this.state = { kind: 'signed-in', user };
  }

  /** The Authorization header for /graphql, or null. */
  authorization(): string | null {
    if (this.state.kind === 'keys') {
      const key = sessionStorage.getItem(API_KEY);
      return key ? `Bearer ${key}` : null;
    }
    if (this.state.kind !== 'signed-in') return null;
    if (this.state.user.expiresAt <= Date.now()) {
      this.expire();
      return null;
    }
    return bearer({ storage: sessionStorage });
  }

  /** Sends the browser to the provider; it comes back to this page's path (the redirect URI). */
  async signIn(): Promise<void> {
    sessionStorage.setItem(RETURN_TO, location.href);
    sessionStorage.removeItem(EXPIRED);
    const redirectUri = `${location.origin}${location.pathname}`;
    location.assign(await startSignIn(this.config!, redirectUri, parts()));
  }

  /**
   * Forgets the token in this tab, then sends the browser to the provider to end its session
   * too, back to this page (sign-in.ts signOutAt); where the provider cannot, stays here.
   * True when the page is leaving for the provider.
   */
  async signOut(): Promise<boolean> {
    sessionStorage.removeItem(EXPIRED);
    this.state = { kind: 'signed-out' };
    if (this.config === null) {
      signOut({ storage: sessionStorage });
      return false;
    }
    const back = `${location.origin}${location.pathname}`;
    const provider = await signOutAt(this.config, back, parts()).catch(() => null);
    if (provider === null) return false;
    sessionStorage.setItem(SIGNED_OUT_FROM, location.href);
    location.assign(provider);
    return true;
  }

  /** The token ended, or the service refused it: forgotten, and the page says so. */
  expire(): void {
    signOut({ storage: sessionStorage });
    sessionStorage.setItem(EXPIRED, '1');
    this.state = { kind: 'expired' };
  }

  /** The key typed into the page's key field (keys only). */
  static setKey(value: string): void {
    if (value.trim()) sessionStorage.setItem(API_KEY, value.trim());
    else sessionStorage.removeItem(API_KEY);
  }

  static key(): string {
    return sessionStorage.getItem(API_KEY) ?? '';
  }
}

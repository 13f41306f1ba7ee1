import type { Words } from '../model/i18n/en.js';
import type { PageSession } from './session.js';

// The #sign-in slot of both pages under single sign-on: a "Sign in" button, or who is signed in
// and "Sign out", or why the sign-in ended (expired, refused) with the button to sign in again.
// With keys only the slot keeps the page's key field and this draws nothing.

function button(id: string, text: string, onClick: () => void): HTMLButtonElement {
  const el = document.createElement('button');
  el.type = 'button';
  el.id = id;
  el.textContent = text;
  el.addEventListener('click', onClick);
  return el;
}

function note(id: string, text: string, kind: 'who' | 'problem'): HTMLElement {
  const el = document.createElement('span');
  el.id = id;
  el.className = `sign-in-${kind}`;
  el.textContent = text;
  return el;
}

let expiryTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Draws the slot for the session's state; `changed` runs after a sign-out or when the token
 * ends while the page is open, so the page can ask again or say why it cannot.
 */
export function renderSignIn(
  slot: HTMLElement,
  session: PageSession,
  w: Words,
  changed: () => void,
): void {
  const { state } = session;
  if (state.kind === 'keys') return;
  clearTimeout(expiryTimer);
  const signIn = button('sign-in-button', w.signIn, () => void session.signIn());
  const again = () => {
    renderSignIn(slot, session, w, changed);
    changed();
  };
  slot.dataset.state = state.kind;
  if (state.kind === 'signed-in') {
    slot.replaceChildren(
      note('signed-in-as', w.signedInAs(state.user.name), 'who'),
      // Drawn again only where the page stays: one leaving for the provider is not reloaded.
      button('sign-out-button', w.signOut, () => {
        void session.signOut().then((leaving) => {
          if (!leaving) again();
        });
      }),
    );
    // A page left open past the token's end says so at once, not on the next failed request.
    expiryTimer = setTimeout(
      () => {
        session.expire();
        again();
      },
      Math.min(state.user.expiresAt - Date.now(), 2 ** 31 - 1),
    );
    return;
  }
  const problem =
    state.kind === 'expired'
      ? note('sign-in-problem', w.signInExpiredShort, 'problem')
      : state.kind === 'failed'
        ? note('sign-in-problem', w.signInFailed(state.reason), 'problem')
        : null;
  slot.replaceChildren(...(problem ? [problem] : []), signIn);
}

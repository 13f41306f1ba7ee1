import { wordsFor } from '../model/i18n/index.js';
import { PageSession } from './session.js';
import { renderSignIn } from './sign-in-slot.js';

// GraphiQL at /graphiql (src/graphiql/assets.ts serves it, this is bundled with the explorer):
// the vendored UMD builds set window.React, ReactDOM and GraphiQL; the example operations come
// in the page as JSON. The bar above GraphiQL is the explorer's #sign-in slot: an API key field,
// or with single sign-on the sign-in button and who is signed in. GraphiQL is drawn again with a
// fetcher that sends the key or token, so its documentation panel loads the schema at once, and
// subscriptions send it in connection_init.

interface GraphiqlGlobals {
  React: { createElement(type: unknown, props: Record<string, unknown>): unknown };
  ReactDOM: { createRoot(el: Element): { render(node: unknown): void } };
  GraphiQL: ((props: Record<string, unknown>) => unknown) & {
    createFetcher(options: {
      url: string;
      headers: Record<string, string>;
      fetch: typeof fetch;
      subscriptionUrl: string;
      wsConnectionParams: Record<string, string>;
    }): unknown;
  };
}

const { React, ReactDOM, GraphiQL } = window as unknown as GraphiqlGlobals;
const w = wordsFor(document.documentElement.lang);
const operations = JSON.parse(document.getElementById('operations')!.textContent ?? '[]') as {
  query: string;
}[];
const root = ReactDOM.createRoot(document.getElementById('graphiql')!);
const note = document.getElementById('key-status')!;

function say(text: string): void {
  note.textContent = text;
  document.body.classList.toggle('needs-key', text !== '');
}

async function start(): Promise<void> {
  const session = await PageSession.open();
  const slot = document.getElementById('sign-in')!;
  const drawSlot = () => renderSignIn(slot, session, w, () => location.reload());
  drawSlot();

  // The token may end while GraphiQL is open: the first refused request says so and offers to
  // sign in again, instead of GraphiQL showing a bare 401 (or an empty documentation panel).
  const watched: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (response.status === 401) refused();
    return response;
  };
  const refused = () => {
    if (session.state.kind === 'keys') {
      say(PageSession.key() ? w.keyInvalid : w.keyAsked);
      return;
    }
    if (session.state.kind === 'signed-in') session.expire();
    drawSlot();
    say(session.state.kind === 'expired' ? w.signInExpired : w.signInNeeded);
  };

  const render = () => {
    const authorization = session.authorization();
    const headers: Record<string, string> = authorization ? { authorization } : {};
    say('');
    // Asked once up front, so the bar says what is missing before anyone runs a query.
    void watched('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: '{ __typename }' }),
    }).catch(() => undefined);
    root.render(
      React.createElement(GraphiQL, {
        key: authorization ?? '',
        fetcher: GraphiQL.createFetcher({
          url: '/graphql',
          headers,
          fetch: watched,
          // Subscriptions over WebSocket: the same key or token, in connection_init.
          subscriptionUrl: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
          wsConnectionParams: headers,
        }),
        defaultTabs: operations.map((op) => ({ query: op.query })),
        defaultEditorToolsVisibility: false,
      }),
    );
  };

  const input = document.getElementById('api-key') as HTMLInputElement | null;
  if (input) {
    input.value = PageSession.key();
    document.getElementById('key-form')!.addEventListener('submit', (event) => {
      event.preventDefault();
      PageSession.setKey(input.value);
      render();
    });
  }
  render();
}

start().catch((error: Error) => say(error.message));

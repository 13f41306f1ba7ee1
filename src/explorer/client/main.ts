import { ApiError, useSession } from './api.js';
import { showBlastRadius } from './blast-view.js';
import { showSupplyChain } from './chain-view.js';
import { showConcentration } from './concentration-view.js';
import { byId, h, status } from './dom.js';
import { clearGraph, exportPng, exportSvg } from './graph-view.js';
import { showHome } from './home-view.js';
import { explorerHref, w } from './lang.js';
import { installPickers, showSearch } from './pick.js';
import { installPrintHook } from './report.js';
import { PageSession } from './session.js';
import { renderSignIn } from './sign-in-slot.js';
import { refusedDate } from '../model/words.js';

// The address says what to show, so every view can be bookmarked and linked from a report:
// ?incident=ID or ?party=ID[&from&to&data] → blast radius; ?controller=ID[&asOf] → supply chain
// (no asOf: today); ?view=concentration[&asOf]; ?q=TEXT → search; nothing → the home.

function installKeyField(): void {
  const input = byId<HTMLInputElement>('api-key');
  input.value = PageSession.key();
  byId<HTMLFormElement>('key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    PageSession.setKey(input.value);
    location.reload();
  });
}

// Only the form of the view shown is filled in: its first field names the view.
function fillForms(params: URLSearchParams): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('form.query')) {
    const inputs = [...form.querySelectorAll<HTMLInputElement>('input[name]')];
    if (!params.get(inputs[0]?.name ?? '')) continue;
    for (const input of inputs) {
      const value = params.get(input.name);
      if (value !== null && input.type !== 'hidden') input.value = value;
    }
  }
}

async function route(params: URLSearchParams): Promise<void> {
  const get = (name: string) => params.get(name)?.trim() || undefined;
  const incident = get('incident');
  const party = get('party');
  const controller = get('controller');
  const view = (name: string) => {
    document.body.dataset.view = name;
  };
  if (incident || party) {
    view('blast');
    const data = get('data')
      ?.split(',')
      .map((d) => d.trim())
      .filter(Boolean);
    return showBlastRadius(
      incident ? { incident } : { party, from: get('from'), to: get('to'), data },
    );
  }
  if (controller) {
    view('chain');
    return showSupplyChain(controller, get('asOf') ?? null);
  }
  if (get('view') === 'concentration') {
    view('concentration');
    return showConcentration(get('asOf') ?? null);
  }
  view('home');
  const q = get('q');
  if (q) showSearch(q);
  return showHome();
}

/** A failed view says what failed in its heading; an id nobody has gets a link to search for it. */
function failed(error: Error, params: URLSearchParams): void {
  clearGraph();
  // The heading and the message show on every view, the home included (it hides the graph pane).
  document.body.dataset.view = 'failed';
  const param = ['incident', 'controller', 'party'].find((name) => params.get(name)?.trim());
  const asked = param && params.get(param)!.trim();
  const code = error instanceof ApiError ? error.code : undefined;
  const notFound = code === 'NOT_FOUND';
  const signIn = document.getElementById('sign-in-button');
  byId('view-title').textContent =
    code === 'UNAUTHENTICATED'
      ? signIn
        ? error.message
        : w.keyNeeded
      : notFound && asked
        ? w.unknownId(asked)
        : w.viewFailed;
  // The service's own message is English; a missing id is said in the page's language.
  status(
    code === 'UNAUTHENTICATED' && signIn
      ? w.signInHow
      : notFound && asked
        ? w.noSuchId(param === 'incident' ? 'incident' : 'party', asked)
        : (refusedDate(error.message, w) ?? error.message),
    'error',
  );
  // Asked for a key or a sign-in: the page offers it instead of a dead end.
  if (code === 'UNAUTHENTICATED') (signIn ?? byId('api-key')).focus();
  if (notFound && asked)
    byId('status').append(
      ' ',
      h('a', { href: explorerHref({ q: asked }), id: 'search-instead' }, w.searchFor(asked)),
    );
}

/** Opens the session (taking a sign-in's way back), then shows the view the address asks for. */
async function start(): Promise<void> {
  const session = await PageSession.open();
  useSession(session);
  // After signing out, or when the token ends with the page open, the page starts again: it
  // says why it shows nothing, and never keeps showing what the token allowed.
  const drawSlot = () => renderSignIn(byId('sign-in'), session, w, () => location.reload());
  drawSlot();
  const params = new URLSearchParams(location.search);
  fillForms(params);
  await route(params).catch((error: Error) => {
    // The service refused the token: the slot offers to sign in again.
    drawSlot();
    failed(error, params);
  });
}

installKeyField();
installPickers();
installPrintHook();
byId('export-png').addEventListener('click', exportPng);
byId('export-svg').addEventListener('click', exportSvg);
byId('print-report').addEventListener('click', () => window.print());
start().catch((error: Error) => failed(error, new URLSearchParams(location.search)));

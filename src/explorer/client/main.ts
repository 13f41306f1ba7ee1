import { apiKey } from './api.js';
import { showBlastRadius } from './blast-view.js';
import { showSupplyChain } from './chain-view.js';
import { showConcentration } from './concentration-view.js';
import { byId, status } from './dom.js';
import { exportPng, exportSvg } from './graph-view.js';
import { installPrintHook } from './report.js';
import { installSearch } from './search.js';

// The address says what to show, so every view can be bookmarked and linked from a report:
// ?incident=ID or ?party=ID[&from&to&data] → blast radius; ?controller=ID[&asOf] → supply chain;
// nothing (or ?view=concentration[&asOf]) → concentration.

function installKeyField(): void {
  const input = byId<HTMLInputElement>('api-key');
  input.value = apiKey.get();
  byId<HTMLFormElement>('key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    apiKey.set(input.value);
    location.reload();
  });
}

// Only the form of the view shown is filled in: its first field names the view (incident,
// party, controller, view=concentration), and the other forms keep their own dates empty.
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
  if (incident || party) {
    document.body.dataset.view = 'blast';
    const data = get('data')
      ?.split(',')
      .map((d) => d.trim())
      .filter(Boolean);
    return showBlastRadius(
      incident ? { incident } : { party, from: get('from'), to: get('to'), data },
    );
  }
  if (controller) {
    document.body.dataset.view = 'chain';
    return showSupplyChain(controller, get('asOf') ?? null);
  }
  document.body.dataset.view = 'concentration';
  return showConcentration(get('asOf') ?? null);
}

installKeyField();
installSearch();
installPrintHook();
byId('export-png').addEventListener('click', exportPng);
byId('export-svg').addEventListener('click', exportSvg);
byId('print-report').addEventListener('click', () => window.print());
const params = new URLSearchParams(location.search);
fillForms(params);
route(params).catch((error: Error) => status(error.message, 'error'));

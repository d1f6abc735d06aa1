#!/usr/bin/env node
// Scenario runner for end-to-end tests: the TypeScript SDK v2 client (@modelcontextprotocol/client 2.4.0).
// Runs on Node 20 or 22. The same scenarios, arguments and output as e2e/py-client.py (see e2e/README.md):
//
//   node e2e/ts-client-v2.mjs --url URL [--token KEY] [--mode legacy|auto|2026-07-28]
//                             --scenario walk|progress|cancel|confirm|listen [--args JSON] [--ready-file PATH]
//
// Prints ONE JSON object on stdout:
//   {"client":"typescript","sdk":"2.4.0","mode":...,"protocolVersion":...,"era":"modern"|"legacy",
//    "serverInfo":{...},"scenario":...,"result":{...}}
// A protocol or transport failure: message on stderr, exit 1. Bad usage: exit 2.
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { readFileSync, writeFileSync } from 'node:fs';

const SDK_VERSION = JSON.parse(readFileSync(new URL('./node_modules/@modelcontextprotocol/client/package.json', import.meta.url))).version;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function usage(msg) {
  if (msg) process.stderr.write(`ts-client-v2: ${msg}\n`);
  process.stderr.write('usage: node e2e/ts-client-v2.mjs --url URL [--token KEY] [--mode legacy|auto|2026-07-28] '
    + `--scenario ${Object.keys(SCENARIOS).join('|')} [--args JSON] [--ready-file PATH]\n`);
  process.exit(2);
}

/** What the server asked and told this client during one scenario. */
class Recorder {
  constructor(answer) {
    this.answer = answer;
    this.progress = [];
    this.rounds = [];
    this.notifications = [];
  }

  onElicit(request) {
    const fields = request.params.requestedSchema?.properties ?? {};
    this.rounds.push({ message: request.params.message, fields: Object.keys(fields).sort(), answer: this.answer });
    if (this.answer !== 'accept') return { action: this.answer };
    // Tick every boolean the form asks for, as a person confirming would.
    const content = Object.fromEntries(Object.entries(fields).filter(([, p]) => p.type === 'boolean').map(([name]) => [name, true]));
    return { action: 'accept', content };
  }
}

const call = (client, args, options) => client.callTool({ name: args.tool, arguments: args.arguments ?? {} }, options);

const SCENARIOS = {
  async walk(client, args) {
    const tools = await client.listTools();
    return { tools: tools.tools.map((t) => t.name), ttlMs: tools.ttlMs ?? null, cacheScope: tools.cacheScope ?? null,
      call: await call(client, args) };
  },

  async progress(client, args, rec) {
    const result = await call(client, args, { onprogress: (p) => rec.progress.push({ progress: p.progress, total: p.total ?? null, message: p.message ?? null }) });
    return { progress: rec.progress, call: result };
  },

  async cancel(client, args) {
    const abort = new AbortController();
    setTimeout(() => abort.abort('cancelled by ts-client-v2'), args.afterMs ?? 150);
    let result = null;
    try {
      result = await call(client, args, { signal: abort.signal });
    } catch (err) {
      if (!abort.signal.aborted) throw err;
    }
    // Legacy: the SDK sends notifications/cancelled without awaiting it; closing at once would abort that POST.
    await sleep(args.graceMs ?? 500);
    return { cancelled: abort.signal.aborted && result === null, call: result };
  },

  async confirm(client, args, rec) {
    const result = await call(client, args);
    return { rounds: rec.rounds, call: result };
  },

  /** tools/list_changed within `seconds`: a listen stream (modern) or the session's GET stream (legacy). */
  async listen(client, args, rec, ready) {
    const names = async () => (await client.listTools(undefined, { cacheMode: 'refresh' })).tools.map((t) => t.name);
    const before = await names();
    const subscription = client.getProtocolEra() === 'modern' ? await client.listen({ toolsListChanged: true }) : null;
    ready();
    const deadline = Date.now() + (args.seconds ?? 10) * 1000;
    while (!rec.notifications.includes('notifications/tools/list_changed') && Date.now() < deadline) await sleep(50);
    await subscription?.close();
    return { events: rec.notifications, toolsBefore: before, toolsAfter: await names() };
  },
};

function parseArgs(argv) {
  const opts = { url: null, token: null, mode: 'legacy', scenario: null, args: {}, readyFile: null };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const next = () => (i + 1 < argv.length ? argv[++i] : usage(`${flag} needs a value`));
    switch (flag) {
      case '--url': opts.url = next(); break;
      case '--token': opts.token = next(); break;
      case '--mode': opts.mode = next(); break;
      case '--scenario': opts.scenario = next(); break;
      case '--ready-file': opts.readyFile = next(); break;
      case '--args':
        try { opts.args = JSON.parse(next()); } catch (e) { usage(`--args is not JSON: ${e.message}`); }
        break;
      default: usage(`unknown argument '${flag}'`);
    }
  }
  if (!opts.url) usage('--url is required');
  if (!SCENARIOS[opts.scenario]) usage(`unknown --scenario '${opts.scenario}'`);
  if (opts.args === null || typeof opts.args !== 'object' || Array.isArray(opts.args)) usage('--args must be a JSON object');
  if (!['legacy', 'auto', '2026-07-28'].includes(opts.mode)) usage(`unknown --mode '${opts.mode}'`);
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const rec = new Recorder(opts.args.answer ?? 'accept');
  const client = new Client({ name: 'mcp-gateway-e2e-typescript', version: '1.0.0' }, {
    capabilities: { elicitation: { form: {} } },
    versionNegotiation: { mode: opts.mode === '2026-07-28' ? { pin: opts.mode } : opts.mode },
  });
  client.setRequestHandler('elicitation/create', (request) => rec.onElicit(request));
  client.setNotificationHandler('notifications/tools/list_changed', () => { rec.notifications.push('notifications/tools/list_changed'); });
  const transport = new StreamableHTTPClientTransport(new URL(opts.url), {
    requestInit: { headers: opts.token ? { Authorization: `Bearer ${opts.token}` } : {} },
    // A one-shot run: do not retry the optional GET stream.
    reconnectionOptions: { maxReconnectionDelay: 1000, initialReconnectionDelay: 500, reconnectionDelayGrowFactor: 1, maxRetries: 0 },
  });
  await client.connect(transport);
  const ready = () => { if (opts.readyFile) writeFileSync(opts.readyFile, ''); };
  const result = await SCENARIOS[opts.scenario](client, opts.args, rec, ready);
  const out = {
    client: 'typescript', sdk: SDK_VERSION, mode: opts.mode, protocolVersion: client.getNegotiatedProtocolVersion() ?? null,
    era: client.getProtocolEra() ?? null, serverInfo: client.getServerVersion() ?? null, scenario: opts.scenario, result,
  };
  await client.close();
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().then(
  () => process.exit(0),
  (err) => {
    const code = err?.code !== undefined ? ` (code ${err.code})` : '';
    process.stderr.write(`ts-client-v2: error${code}: ${err?.stack ?? err}\n`);
    process.exit(1);
  },
);

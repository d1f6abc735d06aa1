#!/usr/bin/env node
// Third-party MCP client for end-to-end tests: the official TypeScript SDK's Client over
// StreamableHTTPClientTransport. Runs on Node 20 or 22.
//
//   node e2e/ts-client.mjs --url URL [--header 'Name: value']... [--call TOOL [--args JSON]]
//                          [--timeout MS] [--cancel-after MS] [--terminate]
//
// --cancel-after MS aborts the call after MS milliseconds (the SDK sends notifications/cancelled);
// "call" is then {"cancelled": true, "error": "..."}.
// Connects (initialize + notifications/initialized), lists every tool (following nextCursor),
// optionally calls one tool, and prints ONE JSON object on stdout:
//   {"serverInfo":{...}, "protocolVersion":"...", "sessionId":"..."|null, "capabilities":{...},
//    "tools":["name",...], "call": <CallToolResult>|null}
// A tool result with isError:true is still a successful protocol exchange (exit 0); inspect "call".
// Any protocol/transport failure: message on stderr, exit 1. Bad usage: exit 2.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

function usage(msg) {
  if (msg) process.stderr.write(`ts-client: ${msg}\n`);
  process.stderr.write(
    "usage: node e2e/ts-client.mjs --url URL [--header 'Name: value']... [--call TOOL [--args JSON]] [--timeout MS] [--cancel-after MS] [--terminate]\n");
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { headers: {}, url: null, call: null, args: {}, timeout: 30000, terminate: false, cancelAfter: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    switch (a) {
      case '--url': opts.url = next(); break;
      case '--header': {
        const h = next();
        const idx = h.indexOf(':');
        if (idx <= 0) usage(`bad --header '${h}' (want 'Name: value')`);
        opts.headers[h.slice(0, idx).trim()] = h.slice(idx + 1).trim();
        break;
      }
      case '--call': opts.call = next(); break;
      case '--args': {
        const raw = next();
        try { opts.args = JSON.parse(raw); } catch (e) { usage(`--args is not JSON: ${e.message}`); }
        if (opts.args === null || typeof opts.args !== 'object' || Array.isArray(opts.args)) usage('--args must be a JSON object');
        break;
      }
      case '--timeout': opts.timeout = Number(next()); break;
      case '--terminate': opts.terminate = true; break;
      case '--cancel-after': opts.cancelAfter = Number(next()); break;
      case '-h': case '--help': usage();
      default: usage(`unknown argument '${a}'`);
    }
  }
  if (!opts.url) usage('--url is required');
  try { new URL(opts.url); } catch { usage(`--url is not a URL: ${opts.url}`); }
  if (!Number.isFinite(opts.timeout) || opts.timeout <= 0) usage('--timeout must be a positive number of ms');
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const transport = new StreamableHTTPClientTransport(new URL(opts.url), {
    requestInit: { headers: opts.headers },
    // Do not retry the optional GET SSE stream forever in a one-shot CLI.
    reconnectionOptions: { maxReconnectionDelay: 1000, initialReconnectionDelay: 500, reconnectionDelayGrowFactor: 1, maxRetries: 0 },
  });
  const client = new Client({ name: 'mcp-gateway-e2e-ts-client', version: '1.0.0' }, { capabilities: {} });
  // The transport reports non-fatal problems (e.g. the optional GET stream) via onerror; keep them
  // on stderr for diagnosis without failing the run.
  let closing = false;
  client.onerror = (err) => {
    if (!closing) process.stderr.write(`ts-client: transport warning: ${err?.message ?? err}\n`);
  };
  const reqOpts = { timeout: opts.timeout };

  await client.connect(transport, reqOpts);
  const out = {
    serverInfo: client.getServerVersion() ?? null,
    protocolVersion: transport.protocolVersion ?? null,
    sessionId: transport.sessionId ?? null,
    capabilities: client.getServerCapabilities() ?? null,
    tools: [],
    call: null,
  };

  let cursor;
  let pages = 0;
  do {
    const page = await client.listTools(cursor ? { cursor } : undefined, reqOpts);
    out.tools.push(...page.tools.map((t) => t.name));
    cursor = page.nextCursor;
    if (++pages > 1000) throw new Error('tools/list pagination did not terminate after 1000 pages');
  } while (cursor);

  if (opts.call && opts.cancelAfter !== null) {
    const abort = new AbortController();
    setTimeout(() => abort.abort('cancelled by ts-client'), opts.cancelAfter);
    try {
      await client.callTool({ name: opts.call, arguments: opts.args }, undefined, { ...reqOpts, signal: abort.signal });
      out.call = { cancelled: false };
    } catch (err) {
      out.call = { cancelled: abort.signal.aborted, error: String(err?.message ?? err) };
    }
    // The SDK sends notifications/cancelled without awaiting it; closing at once would abort that POST.
    await new Promise((resolve) => setTimeout(resolve, 500));
  } else if (opts.call) {
    out.call = await client.callTool({ name: opts.call, arguments: opts.args }, undefined, reqOpts);
  }

  closing = true;
  if (opts.terminate && transport.sessionId) {
    await transport.terminateSession();
  }
  await client.close();
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().then(
  () => process.exit(0),
  (err) => {
    const code = err?.code !== undefined ? ` (code ${err.code})` : '';
    process.stderr.write(`ts-client: error${code}: ${err?.stack ?? err}\n`);
    process.exit(1);
  },
);

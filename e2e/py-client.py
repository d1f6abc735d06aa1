#!/usr/bin/env python3
"""Scenario runner for end-to-end tests: the official MCP Python SDK (PyPI `mcp` 2.3.0) against a gateway.

    e2e/.venv/bin/python e2e/py-client.py --url URL [--token KEY] [--mode legacy|auto|2026-07-28] \
        --scenario walk|progress|cancel|confirm|listen [--args JSON] [--ready-file PATH]

Prints ONE JSON object on stdout (see e2e/README.md):
    {"client": "python", "sdk": "2.3.0", "mode": ..., "protocolVersion": ..., "era": "modern"|"legacy",
     "serverInfo": {...}, "scenario": ..., "result": {...}}
Tool results appear in their wire shape (isError, structuredContent, _meta, content).
A protocol or transport failure: message on stderr, exit 1. Bad usage: exit 2.
--ready-file is created once the scenario is ready for the test to act (listen: after the server acknowledged).
"""
import argparse
import json
import pathlib
import sys
from importlib.metadata import version

import anyio
import mcp_types as types
from mcp import Client
from mcp.client import CacheConfig
from mcp.client.streamable_http import create_mcp_http_client, streamable_http_client
from mcp.client.subscriptions import ToolsListChanged
from mcp_types.version import MODERN_PROTOCOL_VERSIONS

SCENARIOS = {}
LIST_CHANGED = "notifications/tools/list_changed"


def scenario(fn):
    SCENARIOS[fn.__name__] = fn
    return fn


def wire(result):
    """A result as it travelled: camelCase keys, `_meta`, only the fields the server sent."""
    return result.model_dump(by_alias=True, mode="json", exclude_unset=True)


class Recorder:
    """What the server asked and told this client during one scenario."""

    def __init__(self, answer):
        self.answer = answer
        self.progress = []
        self.rounds = []
        self.notifications = []

    async def on_progress(self, progress, total, message):
        self.progress.append({"progress": progress, "total": total, "message": message})

    async def on_elicit(self, context, params):
        fields = dict((getattr(params, "requested_schema", None) or {}).get("properties", {}))
        self.rounds.append({"message": params.message, "fields": sorted(fields), "answer": self.answer})
        if self.answer != "accept":
            return types.ElicitResult(action=self.answer)
        # Tick every boolean the form asks for, as a person confirming would.
        content = {name: True for name, prop in fields.items() if prop.get("type") == "boolean"}
        return types.ElicitResult(action="accept", content=content)

    async def on_message(self, message):
        method = getattr(message, "method", None) or getattr(getattr(message, "root", None), "method", None)
        if method:
            self.notifications.append(method)


@scenario
async def walk(client, args, rec, ready):
    tools = await client.list_tools()
    sent = wire(tools)  # the model's defaults (ttl_ms 0, cache_scope "private") would hide what the server left out
    listing = {"tools": [t.name for t in tools.tools], "ttlMs": sent.get("ttlMs"), "cacheScope": sent.get("cacheScope")}
    call = await client.call_tool(args["tool"], args.get("arguments", {}))
    return {**listing, "call": wire(call)}


@scenario
async def progress(client, args, rec, ready):
    call = await client.call_tool(args["tool"], args.get("arguments", {}), progress_callback=rec.on_progress)
    return {"progress": rec.progress, "call": wire(call)}


@scenario
async def cancel(client, args, rec, ready):
    call = None
    with anyio.move_on_after(args.get("afterMs", 150) / 1000) as scope:
        call = wire(await client.call_tool(args["tool"], args.get("arguments", {})))
    # Legacy: the SDK posts notifications/cancelled on its own; give it time to leave before the client closes.
    await anyio.sleep(args.get("graceMs", 500) / 1000)
    return {"cancelled": scope.cancelled_caught, "call": call}


@scenario
async def confirm(client, args, rec, ready):
    call = await client.call_tool(args["tool"], args.get("arguments", {}))
    return {"rounds": rec.rounds, "call": wire(call)}


@scenario
async def listen(client, args, rec, ready):
    """tools/list_changed within `seconds`: a listen stream (modern) or the session's GET stream (legacy)."""
    before = [t.name for t in (await client.list_tools()).tools]
    events = []
    with anyio.move_on_after(args.get("seconds", 10)):
        if client.protocol_version in MODERN_PROTOCOL_VERSIONS:
            async with client.listen(tools_list_changed=True) as sub:
                ready()
                async for event in sub:
                    events.append(LIST_CHANGED if isinstance(event, ToolsListChanged) else type(event).__name__)
                    break
        else:
            ready()
            while LIST_CHANGED not in rec.notifications:
                await anyio.sleep(0.05)
            events = list(rec.notifications)
    after = [t.name for t in (await client.list_tools()).tools]
    return {"events": events, "toolsBefore": before, "toolsAfter": after}


def parse(argv):
    p = argparse.ArgumentParser(prog="py-client.py", description="MCP Python SDK scenario runner for e2e tests")
    p.add_argument("--url", required=True)
    p.add_argument("--token", help="sent as 'Authorization: Bearer TOKEN'")
    p.add_argument("--mode", default="legacy", help="legacy | auto | 2026-07-28 (Client(mode=...))")
    p.add_argument("--scenario", required=True, choices=sorted(SCENARIOS))
    p.add_argument("--args", default="{}", type=json.loads, help="scenario arguments as a JSON object")
    p.add_argument("--ready-file", type=pathlib.Path)
    return p.parse_args(argv)


async def run(opts):
    rec = Recorder(opts.args.get("answer", "accept"))
    ready = (lambda: opts.ready_file.touch()) if opts.ready_file else (lambda: None)
    headers = {"Authorization": f"Bearer {opts.token}"} if opts.token else None
    async with create_mcp_http_client(headers=headers) as http:
        async with Client(streamable_http_client(opts.url, http_client=http), mode=opts.mode,
                          client_info=types.Implementation(name="mcp-gateway-e2e-python", version="1.0.0"),
                          elicitation_callback=rec.on_elicit, message_handler=rec.on_message,
                          # listen compares lists before and after a change: no cached answers
                          cache=None if opts.scenario == "listen" else CacheConfig()) as client:
            result = await SCENARIOS[opts.scenario](client, opts.args, rec, ready)
            info = client.server_info
            return {"client": "python", "sdk": version("mcp"), "mode": opts.mode,
                    "protocolVersion": client.protocol_version,
                    "era": "modern" if client.protocol_version in MODERN_PROTOCOL_VERSIONS else "legacy",
                    "serverInfo": wire(info) if info else None, "scenario": opts.scenario, "result": result}


def leaves(error):
    if isinstance(error, BaseExceptionGroup):
        return [leaf for inner in error.exceptions for leaf in leaves(inner)]
    return [error]


def main():
    opts = parse(sys.argv[1:])
    if not isinstance(opts.args, dict):
        print("py-client: --args must be a JSON object", file=sys.stderr)
        sys.exit(2)
    try:
        out = anyio.run(run, opts)
    except Exception as e:  # boundary: the test's assertion message shows what failed, not the task group around it
        for leaf in leaves(e):
            print(f"py-client: error: {type(leaf).__name__}: {leaf}", file=sys.stderr)
        sys.exit(1)
    print(json.dumps(out))


if __name__ == "__main__":
    main()

"""A dashboard tile in Python: poll the overview with ETags, ask by persisted-query hash, and
wait for the next change to the register. VC_URL is the service (http://127.0.0.1:4000), VC_KEY
an API key (omit it on a loopback service that has none). Needs: pip install requests websockets."""

import asyncio
import hashlib
import json
import os

import requests
import websockets

URL = os.environ.get("VC_URL", "http://127.0.0.1:4000") + "/graphql"
KEY = os.environ.get("VC_KEY")
HEADERS = {"Authorization": f"Bearer {KEY}"} if KEY else {}
OVERVIEW = "{ overview { incidentCount findings { total } deadlines { due state } } }"

session = requests.Session()
session.headers.update(HEADERS)

# 1. Poll with If-None-Match: 304 (no body, nothing computed) until the register changes.
first = session.get(URL, params={"query": OVERVIEW})
etag = first.headers["ETag"]
overview = first.json()["data"]["overview"]
print(f"overview: {overview['incidentCount']} incidents, {overview['findings']['total']} findings")
again = session.get(URL, params={"query": OVERVIEW}, headers={"If-None-Match": etag})
print(f"polled again: {again.status_code}")

# 2. Automatic persisted queries: the hash alone, then (once) the hash with the query.
query = "{ stats { parties entrustments } }"
persisted = {"persistedQuery": {"version": 1, "sha256Hash": hashlib.sha256(query.encode()).hexdigest()}}
by_hash = session.get(URL, params={"extensions": json.dumps(persisted)}).json()
if by_hash.get("errors", [{}])[0].get("extensions", {}).get("code") == "PERSISTED_QUERY_NOT_FOUND":
    session.post(URL, json={"query": query, "extensions": persisted})
    print("persisted query registered")
stats_answer = session.get(URL, params={"extensions": json.dumps(persisted)})
stats_tag = stats_answer.headers["ETag"]
stats = stats_answer.json()["data"]["stats"]
print(f"by hash: {stats['parties']} parties")


# 3. The next change, over WebSocket (the graphql-transport-ws protocol).
async def next_change():
    ws_url = URL.replace("http", "ws", 1)
    async with websockets.connect(ws_url, subprotocols=["graphql-transport-ws"]) as ws:
        await ws.send(json.dumps({"type": "connection_init", "payload": HEADERS}))
        assert json.loads(await ws.recv())["type"] == "connection_ack"
        subscription = "subscription { registerChanged { revision at } }"
        await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": subscription}}))
        print("waiting for a change", flush=True)
        while True:
            message = json.loads(await ws.recv())
            if message["type"] == "ping":
                await ws.send(json.dumps({"type": "pong"}))
            elif message["type"] == "next":
                return message["payload"]["data"]["registerChanged"]


change = asyncio.run(next_change())
print(f"changed: revision {change['revision']}")
# An answer the change left as it was is still a 304 (the overview, when a party was only added
# or renamed); an answer it changed comes whole, with its new tag.
overview = session.get(URL, params={"query": OVERVIEW}, headers={"If-None-Match": etag})
print(f"overview after the change: {overview.status_code}")
stats_after = session.get(
    URL, params={"extensions": json.dumps(persisted)}, headers={"If-None-Match": stats_tag}
)
print(f"stats after the change: {stats_after.status_code}")

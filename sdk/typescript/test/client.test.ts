// Transports and clients against a local Connect-node gRPC server (plaintext HTTP/2), and
// the error helpers.
import assert from "node:assert/strict";
import * as http2 from "node:http2";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";

import type { ConnectRouter } from "@connectrpc/connect";
import { connectNodeAdapter } from "@connectrpc/connect-node";
import {
  baseUrl,
  Code,
  ConnectError,
  createClient,
  createClients,
  DEFAULT_TIMEOUT_MS,
  errorCode,
  errorCodeName,
  ims,
  isDeadlineExceeded,
  isNotFound,
  isUnauthenticated,
  oms,
} from "@oms-ims/sdk";

/** What the server saw of each call. */
const seen: { method: string; authorization: string | null; timeout: string | null }[] = [];

function routes(router: ConnectRouter): void {
  router.service(oms.OrderService, {
    async getOrder(request, context) {
      seen.push({
        method: "GetOrder",
        authorization: context.requestHeader.get("authorization"),
        timeout: context.requestHeader.get("grpc-timeout"),
      });
      if (request.id === "slow") {
        await new Promise((resolve) => setTimeout(resolve, 2_000));
      }
      if (request.id === "missing") {
        throw new ConnectError("order missing not found", Code.NotFound);
      }
      return { order: { id: request.id, tenantId: request.tenantId } };
    },
  });
  router.service(ims.SellerService, {
    getSeller(request, context) {
      seen.push({
        method: "GetSeller",
        authorization: context.requestHeader.get("authorization"),
        timeout: context.requestHeader.get("grpc-timeout"),
      });
      if (context.requestHeader.get("authorization") !== "Bearer key-1") {
        throw new ConnectError("bad key", Code.Unauthenticated);
      }
      return { seller: { id: request.id } };
    },
  });
}

let server: http2.Http2Server;
const sessions = new Set<http2.ServerHttp2Session>();
let target = "";

before(async () => {
  server = http2.createServer(connectNodeAdapter({ routes }));
  server.on("session", (session) => {
    sessions.add(session);
    session.on("close", () => sessions.delete(session));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  target = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  // Clients made by createClient(Service, options) keep their (unref'd) idle connection.
  for (const session of sessions) {
    session.destroy();
  }
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("baseUrl", () => {
  it("gives host:port a scheme (TLS unless insecure) and keeps URLs", () => {
    assert.equal(baseUrl("api.example.com:443"), "https://api.example.com:443");
    assert.equal(baseUrl("127.0.0.1:50051", true), "http://127.0.0.1:50051");
    assert.equal(baseUrl("http://127.0.0.1:50051/"), "http://127.0.0.1:50051");
    assert.equal(baseUrl("https://gw.example.com/api", true), "https://gw.example.com/api");
    assert.throws(() => baseUrl(""), /target is empty/);
    assert.throws(() => baseUrl("ftp://x:1"), /http or https/);
  });
});

describe("createClient / createClients", () => {
  it("sends the API key as a bearer token and a default deadline on every call", async () => {
    seen.length = 0;
    const clients = createClients({ target: `http://${target}`, apiKey: "key-1" });
    try {
      const { order } = await clients.oms.orders.getOrder({ tenantId: "t1", id: "o1" });
      assert.equal(order?.id, "o1");
      const { seller } = await clients.ims.sellers.getSeller({ tenantId: "t1", id: "s1" });
      assert.equal(seller?.id, "s1");
    } finally {
      clients.close();
    }
    assert.deepEqual(
      seen.map((s) => [s.method, s.authorization]),
      [
        ["GetOrder", "Bearer key-1"],
        ["GetSeller", "Bearer key-1"],
      ],
    );
    // grpc-timeout is e.g. "30000m"; the server sees the default deadline.
    for (const s of seen) {
      assert.match(s.timeout ?? "", /^\d+m$/);
      assert.ok(Number.parseInt(s.timeout ?? "", 10) <= DEFAULT_TIMEOUT_MS);
    }
  });

  it("calls a credential function per call, and keeps a call's own authorization", async () => {
    seen.length = 0;
    let issued = 0;
    const orders = createClient(oms.OrderService, {
      target,
      insecure: true,
      apiKey: async () => `token-${++issued}`,
      timeoutMs: 0,
    });
    await orders.getOrder({ id: "a" });
    await orders.getOrder({ id: "b" });
    await orders.getOrder({ id: "c" }, { headers: { authorization: "Bearer mine" } });
    assert.deepEqual(
      seen.map((s) => s.authorization),
      ["Bearer token-1", "Bearer token-2", "Bearer mine"],
    );
    assert.equal(seen[0]?.timeout, null, "timeoutMs: 0 sends no deadline");
  });

  it("fails a call with DEADLINE_EXCEEDED after timeoutMs", async () => {
    const orders = createClient(oms.OrderService, {
      target: `http://${target}`,
      apiKey: "key-1",
      timeoutMs: 100,
    });
    const started = Date.now();
    const err = await orders.getOrder({ id: "slow" }).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(isDeadlineExceeded(err), `got ${String(err)}`);
    assert.ok(Date.now() - started < 1_500, "the deadline cut the call short");
    // A call may set a longer deadline of its own.
    const { order } = await orders.getOrder({ id: "slow" }, { timeoutMs: 5_000 });
    assert.equal(order?.id, "slow");
  });

  it("surfaces server errors as ConnectError with the gRPC code", async () => {
    const clients = createClients({
      imsTarget: `http://${target}`,
      omsTarget: `http://${target}`,
      apiKey: "wrong",
    });
    try {
      const missing = await clients.oms.orders.getOrder({ id: "missing" }).catch((e: unknown) => e);
      assert.ok(missing instanceof ConnectError);
      assert.ok(isNotFound(missing));
      assert.equal(errorCode(missing), Code.NotFound);
      assert.equal(errorCodeName(missing), "NOT_FOUND");
      assert.equal(missing.rawMessage, "order missing not found");
      const denied = await clients.ims.sellers.getSeller({ id: "s" }).catch((e: unknown) => e);
      assert.ok(isUnauthenticated(denied));
      assert.equal(errorCodeName(denied), "UNAUTHENTICATED");
    } finally {
      clients.close();
    }
  });

  it("reports an unreachable target as UNAVAILABLE", async () => {
    const orders = createClient(oms.OrderService, {
      target: "http://127.0.0.1:1",
      apiKey: "key-1",
      timeoutMs: 2_000,
    });
    const err = await orders.getOrder({ id: "x" }).catch((e: unknown) => e);
    assert.equal(errorCodeName(err), "UNAVAILABLE");
  });

  it("refuses an empty key or target, and a negative timeout", () => {
    assert.throws(() => createClients({ target, apiKey: "" }), /apiKey is empty/);
    assert.throws(() => createClients({ target: " ", apiKey: "k" }), /target is empty/);
    assert.throws(() => createClients({ target, apiKey: "k", timeoutMs: -1 }), /timeoutMs/);
  });
});

describe("error helpers", () => {
  it("name every code the gRPC way and ignore non-RPC errors", () => {
    assert.equal(errorCodeName(new ConnectError("x", Code.InvalidArgument)), "INVALID_ARGUMENT");
    assert.equal(errorCodeName(new ConnectError("x", Code.DeadlineExceeded)), "DEADLINE_EXCEEDED");
    assert.equal(errorCodeName(new ConnectError("x", Code.DataLoss)), "DATA_LOSS");
    assert.equal(errorCodeName(new Error("x")), undefined);
    assert.equal(errorCode("nope"), undefined);
    assert.equal(isNotFound(new Error("not found")), false);
  });
});

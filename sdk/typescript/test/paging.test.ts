// The page iterators against fake List calls, and against every List RPC's real messages.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { DescService } from "@bufbuild/protobuf";
import { createClient, createRouterTransport, type CallOptions } from "@connectrpc/connect";
import { create, iam, ims, items, oms, pages } from "@oms-ims/sdk";

interface FakeRequest {
  tenantId?: string;
  pageSize?: number;
  pageToken?: string;
}

interface FakeResponse {
  things: string[];
  nextPageToken: string;
}

/** A List call over `all`, `pageSize` at a time, with tokens "t<offset>"; records requests. */
function fakeList(all: string[]) {
  const seen: FakeRequest[] = [];
  const options: (CallOptions | undefined)[] = [];
  const call = async (request: FakeRequest, callOptions?: CallOptions): Promise<FakeResponse> => {
    seen.push({ ...request });
    options.push(callOptions);
    const size = request.pageSize ?? 2;
    const start = request.pageToken ? Number(request.pageToken.slice(1)) : 0;
    const end = start + size;
    return { things: all.slice(start, end), nextPageToken: end < all.length ? `t${end}` : "" };
  };
  return { call, seen, options };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of iterable) {
    out.push(x);
  }
  return out;
}

describe("pages", () => {
  it("follows nextPageToken until it is empty, resending the other fields", async () => {
    const fake = fakeList(["a", "b", "c", "d", "e"]);
    const request = { tenantId: "t1", pageSize: 2 };
    const got = await collect(pages(fake.call, request));
    assert.deepEqual(
      got.map((p) => p.things),
      [["a", "b"], ["c", "d"], ["e"]],
    );
    assert.deepEqual(fake.seen, [
      { tenantId: "t1", pageSize: 2, pageToken: "" },
      { tenantId: "t1", pageSize: 2, pageToken: "t2" },
      { tenantId: "t1", pageSize: 2, pageToken: "t4" },
    ]);
    assert.deepEqual(request, { tenantId: "t1", pageSize: 2 }, "the request is not modified");
  });

  it("reads one page when the first has no next token, and an empty list once", async () => {
    assert.equal((await collect(pages(fakeList(["a"]).call, {}))).length, 1);
    const empty = await collect(pages(fakeList([]).call, {}));
    assert.deepEqual(empty, [{ things: [], nextPageToken: "" }]);
  });

  it("starts at the request's pageToken", async () => {
    const fake = fakeList(["a", "b", "c", "d", "e"]);
    const got = await collect(items(fake.call, { pageToken: "t3" }));
    assert.deepEqual(got, ["d", "e"]);
  });

  it("fetches lazily and stops after maxPages", async () => {
    const fake = fakeList(["a", "b", "c", "d", "e"]);
    for await (const page of pages(fake.call, {})) {
      assert.deepEqual(page.things, ["a", "b"]);
      break;
    }
    assert.equal(fake.seen.length, 1, "breaking out reads no further page");
    const two = await collect(pages(fakeList(["a", "b", "c", "d", "e"]).call, {}, { maxPages: 2 }));
    assert.equal(two.length, 2);
  });

  it("passes the call options to every call", async () => {
    const fake = fakeList(["a", "b", "c"]);
    const callOptions: CallOptions = { timeoutMs: 1234, headers: { "x-request-id": "r1" } };
    await collect(pages(fake.call, {}, { callOptions }));
    assert.deepEqual(fake.options, [callOptions, callOptions]);
  });

  it("throws the call's error after the pages before it", async () => {
    let calls = 0;
    const call = async (): Promise<FakeResponse> => {
      calls++;
      if (calls === 2) {
        throw new Error("boom");
      }
      return { things: ["x"], nextPageToken: "next" };
    };
    const got: FakeResponse[] = [];
    await assert.rejects(async () => {
      for await (const page of pages(call, {})) {
        got.push(page);
      }
    }, /boom/);
    assert.equal(got.length, 1);
  });

  it("refuses a page token that comes back (a server loop)", async () => {
    const tokens = ["p1", "p2", "p1"];
    const call = async (): Promise<FakeResponse> => ({
      things: [],
      nextPageToken: tokens.shift() ?? "",
    });
    await assert.rejects(collect(pages(call, {})), /came back a second time/);
  });
});

describe("items", () => {
  it("yields every item of every page, finding the repeated field itself", async () => {
    const got = await collect(items(fakeList(["a", "b", "c", "d", "e"]).call, { pageSize: 2 }));
    assert.deepEqual(got, ["a", "b", "c", "d", "e"]);
  });

  it("takes the field by name, and refuses to guess between two", async () => {
    const call = async (): Promise<{ a: number[]; b: string[]; nextPageToken: string }> => ({
      a: [1, 2],
      b: ["x"],
      nextPageToken: "",
    });
    assert.deepEqual(await collect(items(call, {}, { field: "b" })), ["x"]);
    assert.deepEqual(await collect(items(call, {}, { field: "a" })), [1, 2]);
    await assert.rejects(collect(items(call, {})), /pass \{ field \}/);
  });
});

const LIST_RPCS = [
  "ApiKeyService.ListApiKeys",
  "CategoryService.ListCategories",
  "DeadLetterService.ListDeadLetters",
  "HubService.ListHubs",
  "InventoryService.ListInventoryTransactions",
  "OrderService.ListOrders",
  "SellerService.ListSellers",
  "SkuService.ListSkus",
  "TenantService.ListTenants",
  "UploadService.ListUploads",
  "WebhookService.ListWebhookDeliveries",
  "WebhookService.ListWebhooks",
];

function services(): DescService[] {
  const found: DescService[] = [];
  for (const namespace of [iam, ims, oms] as Record<string, unknown>[]) {
    for (const value of Object.values(namespace)) {
      if (typeof value === "object" && value !== null && (value as DescService).kind === "service") {
        found.push(value as DescService);
      }
    }
  }
  return found;
}

describe("every List RPC", () => {
  it("pages with pageToken/nextPageToken and has one repeated field of items", async () => {
    const lists = services().flatMap((s) =>
      s.methods.filter((m) => m.name.startsWith("List")).map((m) => ({ s, m })),
    );
    assert.deepEqual(lists.map(({ s, m }) => `${s.name}.${m.name}`).sort(), LIST_RPCS);
    for (const { s, m } of lists) {
      const name = `${s.name}.${m.name}`;
      assert.equal(m.methodKind, "unary", name);
      assert.ok(
        m.input.fields.some((f) => f.localName === "pageToken" && f.fieldKind === "scalar"),
        `${name} request has pageToken`,
      );
      assert.ok(
        m.output.fields.some((f) => f.localName === "nextPageToken"),
        `${name} response has nextPageToken`,
      );
      assert.equal(
        m.output.fields.filter((f) => f.fieldKind === "list").length,
        1,
        `${name} response has one repeated field`,
      );
      // items() finds that field on a real (empty) response message.
      const page = create(m.output);
      const call = async () => page as unknown as { nextPageToken: string };
      assert.deepEqual(await collect(items(call, {})), [], name);
    }
  });

  it("works over a generated client (ListOrders on an in-memory server)", async () => {
    const all = ["o1", "o2", "o3"];
    const requests: { tenantId: string; pageSize: number; pageToken: string }[] = [];
    const transport = createRouterTransport(({ service }) => {
      service(oms.OrderService, {
        listOrders(request) {
          requests.push({
            tenantId: request.tenantId,
            pageSize: request.pageSize,
            pageToken: request.pageToken,
          });
          const start = request.pageToken === "" ? 0 : Number(request.pageToken);
          const end = start + request.pageSize;
          return {
            orders: all.slice(start, end).map((id) => ({ id, tenantId: request.tenantId })),
            nextPageToken: end < all.length ? String(end) : "",
          };
        },
      });
    });
    const orders = createClient(oms.OrderService, transport);
    const request = { tenantId: "t1", pageSize: 2 };
    const got = await collect(pages(orders.listOrders, request));
    assert.deepEqual(
      got.map((p) => p.orders.map((o) => o.id)),
      [["o1", "o2"], ["o3"]],
    );
    const ids: string[] = [];
    for await (const order of items(orders.listOrders, request)) {
      ids.push(order.id); // typed oms.Order
    }
    assert.deepEqual(ids, all);
    assert.deepEqual(requests.slice(0, 2), [
      { tenantId: "t1", pageSize: 2, pageToken: "" },
      { tenantId: "t1", pageSize: 2, pageToken: "2" },
    ]);
  });
});

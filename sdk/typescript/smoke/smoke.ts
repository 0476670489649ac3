// The partner journey against live IMS and OMS servers, with the SDK and the tenant API key
// only (see tests/sdk/sdk_support.py). Reads its world from the environment, fails when any
// of it is missing, and prints one line `SMOKE {json}` for tests/sdk/test_typescript_sdk.py.
//
//   OMSIMS_IMS_TARGET=127.0.0.1:50051 OMSIMS_OMS_TARGET=127.0.0.1:50052 OMSIMS_TENANT_ID=... \
//   OMSIMS_API_KEY=... OMSIMS_FOREIGN_ORDER_ID=... node build/smoke/smoke.js
import { randomUUID } from "node:crypto";

import { createClients, errorCodeName, isNotFound, items, pages } from "@oms-ims/sdk";

const ENV = [
  "OMSIMS_IMS_TARGET",
  "OMSIMS_OMS_TARGET",
  "OMSIMS_TENANT_ID",
  "OMSIMS_API_KEY",
  "OMSIMS_FOREIGN_ORDER_ID",
] as const;

function world(): Record<(typeof ENV)[number], string> {
  const missing = ENV.filter((name) => !process.env[name]);
  if (missing.length > 0) {
    throw new Error(`smoke: missing environment ${missing.join(", ")}`);
  }
  return Object.fromEntries(ENV.map((name) => [name, process.env[name] as string])) as Record<
    (typeof ENV)[number],
    string
  >;
}

function check(ok: boolean, what: string): void {
  if (!ok) {
    throw new Error(`smoke: ${what}`);
  }
}

async function main(): Promise<void> {
  const env = world();
  const tenantId = env.OMSIMS_TENANT_ID;
  // The local servers speak plaintext gRPC (a partner would give host:port, which is TLS).
  const sdk = createClients({
    imsTarget: `http://${env.OMSIMS_IMS_TARGET}`,
    omsTarget: `http://${env.OMSIMS_OMS_TARGET}`,
    apiKey: env.OMSIMS_API_KEY,
    timeoutMs: 15_000,
  });
  try {
    const code = randomUUID().slice(0, 8);
    const { seller } = await sdk.ims.sellers.createSeller({
      seller: { tenantId, name: `Smoke seller ${code}`, code: `ts-seller-${code}` },
    });
    check(seller !== undefined && seller.id !== "", "CreateSeller returned no seller");
    const sellerId = seller!.id;
    const { hub } = await sdk.ims.hubs.createHub({
      hub: { tenantId, sellerId, name: `Smoke hub ${code}`, code: `ts-hub-${code}` },
    });
    check(hub !== undefined && hub.id !== "", "CreateHub returned no hub");
    const hubId = hub!.id;
    const { sku } = await sdk.ims.skus.createSku({
      sku: { tenantId, sellerId, name: `Smoke SKU ${code}`, code: `ts-sku-${code}` },
    });
    check(sku !== undefined && sku.id !== "", "CreateSku returned no SKU");
    const skuId = sku!.id;

    // items() over a real List RPC: the new SKU is the seller's only one.
    const skuIds: string[] = [];
    for await (const listed of items(sdk.ims.skus.listSkus, { tenantId, sellerId })) {
      skuIds.push(listed.id);
    }
    check(skuIds.length === 1 && skuIds[0] === skuId, `ListSkus gave ${skuIds.join(",")}`);

    await sdk.ims.inventory.upsertInventory({
      tenantId,
      hubId,
      skuId,
      change: { case: "setQuantityOnHand", value: 10n },
      reason: "typescript sdk smoke",
    });

    const orderIds: string[] = [];
    for (let n = 0; n < 3; n++) {
      const { order } = await sdk.oms.orders.createOrder({
        tenantId,
        sellerId,
        hubId,
        lines: [{ skuId, quantity: 1n }],
      });
      check(order !== undefined && order.id !== "", "CreateOrder returned no order");
      orderIds.push(order!.id);
    }

    const { order: first } = await sdk.oms.orders.getOrder({ tenantId, id: orderIds[0] });
    check(first?.id === orderIds[0], "GetOrder returned another order");
    check(
      first!.lines.length === 1 && first!.lines[0]?.skuId === skuId && first!.lines[0]?.quantity === 1n,
      "GetOrder's lines differ from what was ordered",
    );

    const pagedOrderIds: string[] = [];
    let pageCount = 0;
    for await (const page of pages(sdk.oms.orders.listOrders, { tenantId, pageSize: 2 })) {
      pageCount++;
      pagedOrderIds.push(...page.orders.map((o) => o.id));
    }

    let foreign: string;
    try {
      const { order } = await sdk.oms.orders.getOrder({ tenantId, id: env.OMSIMS_FOREIGN_ORDER_ID });
      foreign = `FOUND ${order?.id ?? ""}`;
    } catch (err) {
      foreign = isNotFound(err) ? "NOT_FOUND" : `UNEXPECTED ${errorCodeName(err) ?? String(err)}`;
    }

    const report = {
      seller_id: sellerId,
      hub_id: hubId,
      sku_id: skuId,
      order_ids: orderIds,
      paged_order_ids: pagedOrderIds,
      pages: pageCount,
      foreign,
    };
    console.log(`SMOKE ${JSON.stringify(report)}`);
  } finally {
    sdk.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
});

import type { CallOptions } from "@connectrpc/connect";

/** The request of a List RPC: it takes the token of the page to read. */
export interface PageRequest {
  pageToken?: string;
}

/** The response of a List RPC: one page, and the token of the next one ("" after the last). */
export interface PageResponse {
  nextPageToken: string;
}

/** A List RPC, e.g. `clients.oms.orders.listOrders` (client methods need no binding). */
export type ListCall<Req extends PageRequest, Res extends PageResponse> = (
  request: Req,
  options?: CallOptions,
) => Promise<Res>;

/** Names of a response's repeated fields (the page's items), e.g. "orders". */
export type ItemField<Res> = {
  [K in keyof Res]-?: K extends `$${string}`
    ? never
    : Res[K] extends readonly unknown[]
      ? K
      : never;
}[keyof Res];

/** The item type of a response's repeated field `K`. */
export type ItemOf<Res, K extends keyof Res> = Res[K] extends readonly (infer T)[] ? T : never;

export interface PageOptions {
  /** Options of every call (signal, timeoutMs, headers, ...). */
  callOptions?: CallOptions;
  /** Stop after this many pages (no limit by default). */
  maxPages?: number;
}

/**
 * Every page of a List RPC, fetched one at a time as they are consumed, starting at
 * `request.pageToken` (the first page when empty) and following `nextPageToken` until it is
 * empty. The other request fields (filters, `pageSize`) are sent unchanged with every page;
 * `request` itself is not modified.
 *
 *     for await (const page of pages(oms.orders.listOrders, { tenantId, pageSize: 100 })) {
 *       console.log(page.orders.length);
 *     }
 *
 * Throws the call's error (a ConnectError) as soon as a page fails; pages already yielded
 * stay yielded. Throws an Error if the server repeats a page token (a loop).
 */
export async function* pages<Req extends PageRequest, Res extends PageResponse>(
  call: ListCall<Req, Res>,
  request: Req,
  options: PageOptions = {},
): AsyncGenerator<Res, void, undefined> {
  const maxPages = options.maxPages ?? Number.POSITIVE_INFINITY;
  const seen = new Set<string>();
  let token = request.pageToken ?? "";
  for (let count = 0; count < maxPages; count++) {
    const page = await call({ ...request, pageToken: token }, options.callOptions);
    yield page;
    const next = page.nextPageToken;
    if (next === "") {
      return;
    }
    seen.add(token);
    if (seen.has(next)) {
      throw new Error(`page token ${JSON.stringify(next)} came back a second time; stopping`);
    }
    token = next;
  }
}

export interface ItemsOptions<K> extends PageOptions {
  /**
   * The response's repeated field holding the items, e.g. "orders". Optional: every List
   * response of OMS and IMS has exactly one, which is used when this is not given.
   */
  field?: K;
}

/**
 * Every item of every page of a List RPC (see {@link pages}), e.g. each order:
 *
 *     for await (const order of items(oms.orders.listOrders, { tenantId })) { ... }
 */
export async function* items<
  Req extends PageRequest,
  Res extends PageResponse,
  K extends ItemField<Res> = ItemField<Res>,
>(
  call: ListCall<Req, Res>,
  request: Req,
  options: ItemsOptions<K> = {},
): AsyncGenerator<ItemOf<Res, K>, void, undefined> {
  for await (const page of pages(call, request, options)) {
    const field = options.field ?? (itemField(page) as K);
    const values = page[field];
    if (!Array.isArray(values)) {
      throw new Error(`response field ${String(field)} is not a list`);
    }
    yield* values as ItemOf<Res, K>[];
  }
}

/** The one repeated field of a page (protobuf-es sets repeated fields to [] when empty). */
function itemField(page: object): string {
  const fields = Object.entries(page)
    .filter(([name, value]) => !name.startsWith("$") && Array.isArray(value))
    .map(([name]) => name);
  if (fields.length !== 1) {
    throw new Error(
      `cannot tell the items of this response (repeated fields: ${fields.join(", ") || "none"}); ` +
        "pass { field } to items()",
    );
  }
  return fields[0] as string;
}

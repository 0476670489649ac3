import type { DescService } from "@bufbuild/protobuf";
import {
  createClient as createConnectClient,
  type Client,
  type Interceptor,
  type Transport,
} from "@connectrpc/connect";
import { createGrpcTransport, Http2SessionManager } from "@connectrpc/connect-node";
import type { SecureClientSessionOptions } from "node:http2";

import { ApiKeyService } from "./gen/iam/v1/api_key_pb.js";
import { TokenService } from "./gen/iam/v1/token_pb.js";
import { CategoryService } from "./gen/ims/v1/category_pb.js";
import { HubService } from "./gen/ims/v1/hub_pb.js";
import { InventoryService } from "./gen/ims/v1/inventory_pb.js";
import { SellerService } from "./gen/ims/v1/seller_pb.js";
import { SkuService } from "./gen/ims/v1/sku_pb.js";
import { TenantService } from "./gen/ims/v1/tenant_pb.js";
import { DeadLetterService } from "./gen/oms/v1/dead_letter_pb.js";
import { OrderService } from "./gen/oms/v1/order_pb.js";
import { UploadService } from "./gen/oms/v1/upload_pb.js";
import { WebhookService } from "./gen/oms/v1/webhook_pb.js";

/** Used when `timeoutMs` is not given: every call fails with DEADLINE_EXCEEDED after this. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * The credential every call presents as `authorization: Bearer <credential>`: a tenant API
 * key, or an access token from TokenService.IssueToken. A function is called once per call
 * (return a cached token and refresh it before it expires).
 */
export type Credential = string | (() => string | Promise<string>);

export interface ConnectionOptions {
  /**
   * Where the service is: `"host:port"` (gRPC over TLS, the default), or a URL:
   * `"https://host:port"` (TLS) or `"http://host:port"` (plaintext HTTP/2; the credential then
   * travels unencrypted, use it for local development only). `insecure: true` makes a bare
   * `"host:port"` plaintext.
   */
  target: string;
  /** Tenant API key (or access token); see {@link Credential}. */
  apiKey: Credential;
  /**
   * Deadline of every call in milliseconds (DEFAULT_TIMEOUT_MS when not given; 0 for none).
   * A call overrides it with its own `{ timeoutMs }` option.
   */
  timeoutMs?: number;
  /** Plaintext HTTP/2 for a bare `"host:port"` target (ignored for URL targets). */
  insecure?: boolean;
  /** TLS options (e.g. `ca` for a private certificate authority), for TLS targets. */
  tls?: SecureClientSessionOptions;
  /** More interceptors, run after the credential is set (e.g. logging, request ids). */
  interceptors?: Interceptor[];
}

/** A transport with a way to close its HTTP/2 connection. */
export interface ClosableTransport extends Transport {
  /** Closes the connection (and any call still running on it). Idempotent. */
  close(): void;
}

/** The base URL of a target: `host:port` gets a scheme, a URL is kept (without a trailing /). */
export function baseUrl(target: string, insecure = false): string {
  const trimmed = target.trim();
  if (trimmed === "") {
    throw new Error("target is empty: give host:port or an http(s):// URL");
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    const url = new URL(trimmed);
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new Error(`target ${target}: the scheme must be http or https`);
    }
    return trimmed.replace(/\/+$/, "");
  }
  return `${insecure ? "http" : "https"}://${trimmed}`;
}

/**
 * Sets `authorization: Bearer <credential>` on every request, unless the call already sets an
 * `authorization` header of its own (`{ headers: { authorization: ... } }`).
 */
export function authInterceptor(credential: Credential): Interceptor {
  if (typeof credential === "string" && credential.trim() === "") {
    throw new Error("apiKey is empty");
  }
  return (next) => async (req) => {
    if (!req.header.has("authorization")) {
      const secret = typeof credential === "string" ? credential : await credential();
      req.header.set("authorization", `Bearer ${secret}`);
    }
    return next(req);
  };
}

/** One gRPC (HTTP/2) transport to `target` that authenticates and times out every call. */
export function createTransport(options: ConnectionOptions): ClosableTransport {
  const url = baseUrl(options.target, options.insecure ?? false);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs < 0) {
    throw new Error(`timeoutMs must be a number >= 0, not ${timeoutMs}`);
  }
  const session = new Http2SessionManager(
    url,
    undefined,
    url.startsWith("https:") ? options.tls : undefined,
  );
  const transport = createGrpcTransport({
    baseUrl: url,
    sessionManager: session,
    interceptors: [authInterceptor(options.apiKey), ...(options.interceptors ?? [])],
    ...(timeoutMs > 0 ? { defaultTimeoutMs: timeoutMs } : {}),
  });
  return {
    unary: transport.unary.bind(transport),
    stream: transport.stream.bind(transport),
    close: () => session.abort(),
  };
}

/**
 * A client of one service, e.g. `createClient(OrderService, { target, apiKey })`, or over a
 * transport of your own (shared by several clients, or an in-memory one in tests).
 */
export function createClient<S extends DescService>(
  service: S,
  connection: ConnectionOptions | Transport,
): Client<S> {
  const transport = "unary" in connection ? connection : createTransport(connection);
  return createConnectClient(service, transport);
}

/** Clients of every IMS service (IAM's ApiKeyService and TokenService are served by IMS). */
export interface ImsClients {
  tenants: Client<typeof TenantService>;
  sellers: Client<typeof SellerService>;
  categories: Client<typeof CategoryService>;
  hubs: Client<typeof HubService>;
  skus: Client<typeof SkuService>;
  inventory: Client<typeof InventoryService>;
  apiKeys: Client<typeof ApiKeyService>;
  tokens: Client<typeof TokenService>;
}

/** Clients of every OMS service. */
export interface OmsClients {
  orders: Client<typeof OrderService>;
  uploads: Client<typeof UploadService>;
  webhooks: Client<typeof WebhookService>;
  deadLetters: Client<typeof DeadLetterService>;
}

export function imsClients(transport: Transport): ImsClients {
  return {
    tenants: createConnectClient(TenantService, transport),
    sellers: createConnectClient(SellerService, transport),
    categories: createConnectClient(CategoryService, transport),
    hubs: createConnectClient(HubService, transport),
    skus: createConnectClient(SkuService, transport),
    inventory: createConnectClient(InventoryService, transport),
    apiKeys: createConnectClient(ApiKeyService, transport),
    tokens: createConnectClient(TokenService, transport),
  };
}

export function omsClients(transport: Transport): OmsClients {
  return {
    orders: createConnectClient(OrderService, transport),
    uploads: createConnectClient(UploadService, transport),
    webhooks: createConnectClient(WebhookService, transport),
    deadLetters: createConnectClient(DeadLetterService, transport),
  };
}

export type ClientsOptions = Omit<ConnectionOptions, "target"> &
  (
    | {
        /** One endpoint serving IMS and OMS (the gateway). */
        target: string;
        imsTarget?: never;
        omsTarget?: never;
      }
    | {
        target?: never;
        /** The IMS endpoint (also serves IAM). */
        imsTarget: string;
        /** The OMS endpoint. */
        omsTarget: string;
      }
  );

export interface Clients {
  ims: ImsClients;
  oms: OmsClients;
  /** Closes the connections (one per distinct target). */
  close(): void;
}

/**
 * Clients of every service, over one connection per distinct target:
 *
 *     const sdk = createClients({ target: "api.example.com:443", apiKey });
 *     const { order } = await sdk.oms.orders.getOrder({ tenantId, id });
 */
export function createClients(options: ClientsOptions): Clients {
  const { target, imsTarget, omsTarget, ...connection } = options;
  const ims = target ?? imsTarget;
  const oms = target ?? omsTarget;
  if (ims === undefined || oms === undefined) {
    throw new Error("createClients: give target, or both imsTarget and omsTarget");
  }
  const imsTransport = createTransport({ ...connection, target: ims });
  const omsTransport =
    baseUrl(oms, connection.insecure) === baseUrl(ims, connection.insecure)
      ? imsTransport
      : createTransport({ ...connection, target: oms });
  return {
    ims: imsClients(imsTransport),
    oms: omsClients(omsTransport),
    close: () => {
      imsTransport.close();
      omsTransport.close();
    },
  };
}

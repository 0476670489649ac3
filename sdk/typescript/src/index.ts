/**
 * The OMS/IMS partner SDK: Connect-ES 2 clients of the IMS and OMS gRPC services that present
 * a tenant API key on every call, with a default deadline, page iterators and error helpers.
 *
 * Messages, enums and service descriptors are generated from proto/ (src/gen) and re-exported
 * as the namespaces `ims`, `oms` and `iam`, e.g. `oms.OrderService`, `oms.OrderStatus`,
 * `oms.CreateOrderRequestSchema`. Build messages with `create(Schema, init)` from
 * `@bufbuild/protobuf` (re-exported here), or pass plain objects to client methods.
 */
export * as iam from "./iam.js";
export * as ims from "./ims.js";
export * as oms from "./oms.js";

export {
  authInterceptor,
  baseUrl,
  createClient,
  createClients,
  createTransport,
  DEFAULT_TIMEOUT_MS,
  imsClients,
  omsClients,
  type Clients,
  type ClientsOptions,
  type ClosableTransport,
  type ConnectionOptions,
  type Credential,
  type ImsClients,
  type OmsClients,
} from "./client.js";

export {
  Code,
  ConnectError,
  errorCode,
  errorCodeName,
  isAlreadyExists,
  isCode,
  isDeadlineExceeded,
  isFailedPrecondition,
  isInvalidArgument,
  isNotFound,
  isPermissionDenied,
  isResourceExhausted,
  isUnauthenticated,
  isUnavailable,
} from "./errors.js";

export {
  items,
  pages,
  type ItemField,
  type ItemOf,
  type ItemsOptions,
  type ListCall,
  type PageOptions,
  type PageRequest,
  type PageResponse,
} from "./paging.js";

export { create, fromJson, toJson, type MessageInitShape } from "@bufbuild/protobuf";
export type { CallOptions, Client, Interceptor, Transport } from "@connectrpc/connect";

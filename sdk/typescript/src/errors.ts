import { Code, ConnectError } from "@connectrpc/connect";

export { Code, ConnectError };

/**
 * The gRPC status code of a failed call, or undefined when `err` is not a ConnectError (a bug
 * in the caller's own code, say). Every RPC error is a ConnectError: `err.code` is a `Code`,
 * `err.rawMessage` the server's message.
 */
export function errorCode(err: unknown): Code | undefined {
  return err instanceof ConnectError ? err.code : undefined;
}

/** The code's canonical gRPC name, e.g. "NOT_FOUND", or undefined when `err` is no RPC error. */
export function errorCodeName(err: unknown): string | undefined {
  const code = errorCode(err);
  if (code === undefined) {
    return undefined;
  }
  const name = Code[code];
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
}

/** Whether `err` is an RPC error with status `code`. */
export function isCode(err: unknown, code: Code): err is ConnectError {
  return errorCode(err) === code;
}

/** The resource does not exist for the tenant (another tenant's ids are NOT_FOUND too). */
export const isNotFound = (err: unknown): err is ConnectError => isCode(err, Code.NotFound);
/** The request is malformed or fails validation; do not retry it unchanged. */
export const isInvalidArgument = (err: unknown): err is ConnectError =>
  isCode(err, Code.InvalidArgument);
/** A unique field (e.g. a code) is taken. */
export const isAlreadyExists = (err: unknown): err is ConnectError =>
  isCode(err, Code.AlreadyExists);
/** The resource's state forbids the change (e.g. an order status transition). */
export const isFailedPrecondition = (err: unknown): err is ConnectError =>
  isCode(err, Code.FailedPrecondition);
/** No credential, or an unknown, revoked or expired one. */
export const isUnauthenticated = (err: unknown): err is ConnectError =>
  isCode(err, Code.Unauthenticated);
/** The credential may not do this (e.g. a read-only key writing). */
export const isPermissionDenied = (err: unknown): err is ConnectError =>
  isCode(err, Code.PermissionDenied);
/** Over the rate limit; retry later. */
export const isResourceExhausted = (err: unknown): err is ConnectError =>
  isCode(err, Code.ResourceExhausted);
/** The call's deadline (timeoutMs) passed before it completed. */
export const isDeadlineExceeded = (err: unknown): err is ConnectError =>
  isCode(err, Code.DeadlineExceeded);
/** The service could not be reached or is overloaded; safe to retry idempotent calls. */
export const isUnavailable = (err: unknown): err is ConnectError => isCode(err, Code.Unavailable);

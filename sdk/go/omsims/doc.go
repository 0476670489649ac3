// Package omsims is the partner SDK of the OMS/IMS platform: a small layer over the
// generated gRPC stubs (packages gen/iam/v1, gen/ims/v1 and gen/oms/v1).
//
// Dial makes a Conn to one target (IMS or OMS) whose calls
//
//   - carry the tenant API key (WithAPIKey: `authorization: Bearer <key>`),
//   - get a deadline when their context has none (WithDefaultTimeout, DefaultTimeout),
//   - are retried when an idempotent read fails UNAVAILABLE (WithRetry, DefaultRetryPolicy),
//   - fail with errors that match the sentinels: errors.Is(err, ErrNotFound), while
//     status.FromError(err) still gives the gRPC status.
//
// Pages, All and Collect page through any List RPC by following next_page_token.
package omsims

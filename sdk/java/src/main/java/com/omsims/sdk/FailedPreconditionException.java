package com.omsims.sdk;

import io.grpc.Metadata;
import io.grpc.Status;

/** {@code FAILED_PRECONDITION}: The resource is not in a state that allows the call. */
public class FailedPreconditionException extends ApiException {
  private static final long serialVersionUID = 1L;

  public FailedPreconditionException(Status status, Metadata trailers, Throwable cause) {
    super(status, trailers, cause);
  }
}

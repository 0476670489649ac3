package com.omsims.sdk;

import io.grpc.Metadata;
import io.grpc.Status;

/** {@code INVALID_ARGUMENT}: The request is malformed or fails validation. */
public class InvalidArgumentException extends ApiException {
  private static final long serialVersionUID = 1L;

  public InvalidArgumentException(Status status, Metadata trailers, Throwable cause) {
    super(status, trailers, cause);
  }
}

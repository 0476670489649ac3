package com.omsims.sdk;

import io.grpc.Metadata;
import io.grpc.Status;

/** {@code NOT_FOUND}: The resource does not exist (or belongs to another tenant). */
public class NotFoundException extends ApiException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(Status status, Metadata trailers, Throwable cause) {
    super(status, trailers, cause);
  }
}

package com.omsims.sdk;

import io.grpc.Metadata;
import io.grpc.Status;

/** {@code ALREADY_EXISTS}: Something with the same unique key (e.g. a code) exists. */
public class AlreadyExistsException extends ApiException {
  private static final long serialVersionUID = 1L;

  public AlreadyExistsException(Status status, Metadata trailers, Throwable cause) {
    super(status, trailers, cause);
  }
}

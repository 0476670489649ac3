package com.omsims.sdk;

import io.grpc.Metadata;
import io.grpc.Status;

/** {@code UNAUTHENTICATED}: No credential, or an unknown, revoked or expired one. */
public class UnauthenticatedException extends ApiException {
  private static final long serialVersionUID = 1L;

  public UnauthenticatedException(Status status, Metadata trailers, Throwable cause) {
    super(status, trailers, cause);
  }
}

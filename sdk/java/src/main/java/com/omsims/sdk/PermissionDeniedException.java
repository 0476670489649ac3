package com.omsims.sdk;

import io.grpc.Metadata;
import io.grpc.Status;

/** {@code PERMISSION_DENIED}: The credential may not make this call (scope or tenant). */
public class PermissionDeniedException extends ApiException {
  private static final long serialVersionUID = 1L;

  public PermissionDeniedException(Status status, Metadata trailers, Throwable cause) {
    super(status, trailers, cause);
  }
}

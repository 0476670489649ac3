package com.omsims.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class ApiExceptionTest {
  @Test
  void mapsEachCodeToItsType() {
    assertInstanceOf(NotFoundException.class, map(Status.NOT_FOUND));
    assertInstanceOf(InvalidArgumentException.class, map(Status.INVALID_ARGUMENT));
    assertInstanceOf(PermissionDeniedException.class, map(Status.PERMISSION_DENIED));
    assertInstanceOf(UnauthenticatedException.class, map(Status.UNAUTHENTICATED));
    assertInstanceOf(AlreadyExistsException.class, map(Status.ALREADY_EXISTS));
    assertInstanceOf(FailedPreconditionException.class, map(Status.FAILED_PRECONDITION));
    ApiException other = map(Status.UNAVAILABLE);
    assertEquals(ApiException.class, other.getClass());
    assertEquals(Status.Code.UNAVAILABLE, other.getCode());
  }

  @Test
  void keepsStatusTrailersAndCause() {
    Metadata trailers = new Metadata();
    Metadata.Key<String> key = Metadata.Key.of("x-detail", Metadata.ASCII_STRING_MARSHALLER);
    trailers.put(key, "v");
    StatusRuntimeException e =
        Status.NOT_FOUND.withDescription("order o1 not found").asRuntimeException(trailers);
    ApiException mapped = ApiException.from(e);
    assertSame(e, mapped.getCause());
    assertEquals("order o1 not found", mapped.getDescription());
    assertEquals("NOT_FOUND: order o1 not found", mapped.getMessage());
    assertEquals("v", mapped.getTrailers().get(key));
  }

  @Test
  void callMapsFailuresAndPassesResults() {
    assertEquals("ok", ApiException.call(() -> "ok"));
    assertThrows(
        AlreadyExistsException.class,
        () ->
            ApiException.call(
                () -> {
                  throw Status.ALREADY_EXISTS.asRuntimeException();
                }));
  }

  @Test
  void findsStatusInCauseChain() {
    ExecutionException wrapped =
        new ExecutionException(Status.UNAUTHENTICATED.asException());
    assertInstanceOf(UnauthenticatedException.class, ApiException.from((Throwable) wrapped));
    assertEquals(Status.Code.UNKNOWN, ApiException.from(new RuntimeException("x")).getCode());
  }

  private static ApiException map(Status status) {
    return ApiException.from(status.asRuntimeException());
  }
}

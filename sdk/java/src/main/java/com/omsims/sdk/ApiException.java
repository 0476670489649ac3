package com.omsims.sdk;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import java.util.function.Supplier;

/**
 * A failed call, typed by its gRPC status code: {@link NotFoundException}, {@link
 * InvalidArgumentException}, {@link PermissionDeniedException}, {@link
 * UnauthenticatedException}, {@link AlreadyExistsException}, {@link
 * FailedPreconditionException}; any other code is a plain {@code ApiException} (see {@link
 * #getCode()}).
 *
 * <p>The generated stubs throw {@link StatusRuntimeException}; wrap a call in {@link
 * #call(Supplier)} (or map a caught exception with {@link #from(StatusRuntimeException)}) to get
 * these instead. The original exception is the cause.
 */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Status status;
  private final transient Metadata trailers;

  protected ApiException(Status status, Metadata trailers, Throwable cause) {
    super(message(status), cause);
    this.status = status;
    this.trailers = trailers;
  }

  /** The typed exception for a failed call. */
  public static ApiException from(StatusRuntimeException e) {
    return from(e.getStatus(), e.getTrailers(), e);
  }

  /** The typed exception for a failed call (futures and async stubs). */
  public static ApiException from(StatusException e) {
    return from(e.getStatus(), e.getTrailers(), e);
  }

  /**
   * The typed exception for any failure: a gRPC status anywhere in the cause chain (e.g. of an
   * {@code ExecutionException} from a futures stub), or UNKNOWN.
   */
  public static ApiException from(Throwable t) {
    if (t instanceof ApiException api) {
      return api;
    }
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof StatusRuntimeException sre) {
        return from(sre);
      }
      if (c instanceof StatusException se) {
        return from(se);
      }
    }
    return from(Status.fromThrowable(t), Status.trailersFromThrowable(t), t);
  }

  /** The typed exception for a status (and the trailers that came with it, or null). */
  public static ApiException from(Status status, Metadata trailers, Throwable cause) {
    return switch (status.getCode()) {
      case NOT_FOUND -> new NotFoundException(status, trailers, cause);
      case INVALID_ARGUMENT -> new InvalidArgumentException(status, trailers, cause);
      case PERMISSION_DENIED -> new PermissionDeniedException(status, trailers, cause);
      case UNAUTHENTICATED -> new UnauthenticatedException(status, trailers, cause);
      case ALREADY_EXISTS -> new AlreadyExistsException(status, trailers, cause);
      case FAILED_PRECONDITION -> new FailedPreconditionException(status, trailers, cause);
      default -> new ApiException(status, trailers, cause);
    };
  }

  /** Runs a blocking call, throwing the typed exception if it fails. */
  public static <T> T call(Supplier<T> rpc) {
    try {
      return rpc.get();
    } catch (StatusRuntimeException e) {
      throw from(e);
    }
  }

  /** The gRPC status of the failed call. */
  public Status getStatus() {
    return status;
  }

  /** Its status code, e.g. {@code NOT_FOUND}. */
  public Status.Code getCode() {
    return status.getCode();
  }

  /** The server's description of the failure, or null. */
  public String getDescription() {
    return status.getDescription();
  }

  /** The trailers the server sent with the failure, or null. */
  public Metadata getTrailers() {
    return trailers;
  }

  private static String message(Status status) {
    String description = status.getDescription();
    return description == null || description.isEmpty()
        ? status.getCode().name()
        : status.getCode().name() + ": " + description;
  }
}

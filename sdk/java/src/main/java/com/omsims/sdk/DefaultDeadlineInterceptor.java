package com.omsims.sdk;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Gives every call without a deadline of its own one {@code timeout} from its start. A call made
 * with {@code stub.withDeadlineAfter(...)} (or {@code withDeadline}) keeps its own.
 */
public final class DefaultDeadlineInterceptor implements ClientInterceptor {
  private final long timeoutNanos;

  public DefaultDeadlineInterceptor(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    this.timeoutNanos = timeout.toNanos();
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(
      MethodDescriptor<Q, R> method, CallOptions callOptions, Channel next) {
    CallOptions options =
        callOptions.getDeadline() == null
            ? callOptions.withDeadlineAfter(timeoutNanos, TimeUnit.NANOSECONDS)
            : callOptions;
    return next.newCall(method, options);
  }
}

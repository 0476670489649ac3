package com.omsims.sdk;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.util.Objects;

/**
 * Sends {@code authorization: Bearer <api key>} with every call (unless the call already carries
 * an {@code authorization} header of its own).
 */
public final class ApiKeyInterceptor implements ClientInterceptor {
  /** The metadata key the services read the credential from. */
  public static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final String header;

  public ApiKeyInterceptor(String apiKey) {
    Objects.requireNonNull(apiKey, "apiKey");
    if (apiKey.isBlank()) {
      throw new IllegalArgumentException("apiKey is empty");
    }
    this.header = "Bearer " + apiKey;
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(
      MethodDescriptor<Q, R> method, CallOptions callOptions, Channel next) {
    return new SimpleForwardingClientCall<>(next.newCall(method, callOptions)) {
      @Override
      public void start(Listener<R> responseListener, Metadata headers) {
        if (!headers.containsKey(AUTHORIZATION)) {
          headers.put(AUTHORIZATION, header);
        }
        super.start(responseListener, headers);
      }
    };
  }

  @Override
  public String toString() {
    return "ApiKeyInterceptor[Bearer ***]";
  }
}

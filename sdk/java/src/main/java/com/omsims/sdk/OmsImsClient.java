package com.omsims.sdk;

import com.omsims.iam.v1.ApiKeyServiceGrpc;
import com.omsims.iam.v1.ApiKeyServiceGrpc.ApiKeyServiceBlockingStub;
import com.omsims.iam.v1.TokenServiceGrpc;
import com.omsims.iam.v1.TokenServiceGrpc.TokenServiceBlockingStub;
import com.omsims.ims.v1.CategoryServiceGrpc;
import com.omsims.ims.v1.CategoryServiceGrpc.CategoryServiceBlockingStub;
import com.omsims.ims.v1.HubServiceGrpc;
import com.omsims.ims.v1.HubServiceGrpc.HubServiceBlockingStub;
import com.omsims.ims.v1.InventoryServiceGrpc;
import com.omsims.ims.v1.InventoryServiceGrpc.InventoryServiceBlockingStub;
import com.omsims.ims.v1.SellerServiceGrpc;
import com.omsims.ims.v1.SellerServiceGrpc.SellerServiceBlockingStub;
import com.omsims.ims.v1.SkuServiceGrpc;
import com.omsims.ims.v1.SkuServiceGrpc.SkuServiceBlockingStub;
import com.omsims.ims.v1.TenantServiceGrpc;
import com.omsims.ims.v1.TenantServiceGrpc.TenantServiceBlockingStub;
import com.omsims.oms.v1.DeadLetterServiceGrpc;
import com.omsims.oms.v1.DeadLetterServiceGrpc.DeadLetterServiceBlockingStub;
import com.omsims.oms.v1.OrderServiceGrpc;
import com.omsims.oms.v1.OrderServiceGrpc.OrderServiceBlockingStub;
import com.omsims.oms.v1.OrderServiceGrpc.OrderServiceFutureStub;
import com.omsims.oms.v1.UploadServiceGrpc;
import com.omsims.oms.v1.UploadServiceGrpc.UploadServiceBlockingStub;
import com.omsims.oms.v1.UploadServiceGrpc.UploadServiceStub;
import com.omsims.oms.v1.WebhookServiceGrpc;
import com.omsims.oms.v1.WebhookServiceGrpc.WebhookServiceBlockingStub;
import io.grpc.Channel;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A client of the IMS and OMS gRPC services with one tenant API key: one channel to each
 * (the same one when both targets are equal, e.g. behind Envoy), every call authenticated
 * ({@code authorization: Bearer <key>}), given a default deadline when it has none, and retried
 * on UNAVAILABLE. Close it when done (try-with-resources).
 *
 * <pre>{@code
 * try (OmsImsClient client = OmsImsClient.builder()
 *         .imsTarget("ims.example.com:443").omsTarget("oms.example.com:443")
 *         .apiKey(System.getenv("OMSIMS_API_KEY")).build()) {
 *   Order order = client.orders().getOrder(GetOrderRequest.newBuilder()
 *       .setTenantId(tenantId).setId(orderId).build()).getOrder();
 * }
 * }</pre>
 *
 * <p>The blocking stubs throw {@link io.grpc.StatusRuntimeException}; wrap a call in {@link
 * ApiException#call} for the typed exceptions. Other stub kinds of any service: {@link
 * #ims(Function)} and {@link #oms(Function)}, e.g. {@code client.oms(OrderServiceGrpc::newFutureStub)}.
 */
public final class OmsImsClient implements AutoCloseable {
  /** A call without a deadline of its own gets this one, unless the builder says otherwise. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);

  /** Attempts of a call that fails with UNAVAILABLE (the first one included). */
  public static final int DEFAULT_MAX_ATTEMPTS = 4;

  private final List<ManagedChannel> managed;
  private final Channel ims;
  private final Channel oms;

  private final TenantServiceBlockingStub tenants;
  private final SellerServiceBlockingStub sellers;
  private final HubServiceBlockingStub hubs;
  private final SkuServiceBlockingStub skus;
  private final CategoryServiceBlockingStub categories;
  private final InventoryServiceBlockingStub inventory;
  private final ApiKeyServiceBlockingStub apiKeys;
  private final TokenServiceBlockingStub tokens;
  private final OrderServiceBlockingStub orders;
  private final UploadServiceBlockingStub uploads;
  private final WebhookServiceBlockingStub webhooks;
  private final DeadLetterServiceBlockingStub deadLetters;

  private OmsImsClient(Builder b) {
    List<ClientInterceptor> interceptors = new ArrayList<>();
    interceptors.add(new ApiKeyInterceptor(b.apiKey));
    if (b.defaultDeadline != null) {
      interceptors.add(new DefaultDeadlineInterceptor(b.defaultDeadline));
    }
    ManagedChannel imsChannel = b.channel(b.imsTarget);
    ManagedChannel omsChannel =
        b.omsTarget.equals(b.imsTarget) ? imsChannel : b.channel(b.omsTarget);
    managed = imsChannel == omsChannel ? List.of(imsChannel) : List.of(imsChannel, omsChannel);
    ims = ClientInterceptors.intercept(imsChannel, interceptors);
    oms = ClientInterceptors.intercept(omsChannel, interceptors);

    tenants = TenantServiceGrpc.newBlockingStub(ims);
    sellers = SellerServiceGrpc.newBlockingStub(ims);
    hubs = HubServiceGrpc.newBlockingStub(ims);
    skus = SkuServiceGrpc.newBlockingStub(ims);
    categories = CategoryServiceGrpc.newBlockingStub(ims);
    inventory = InventoryServiceGrpc.newBlockingStub(ims);
    apiKeys = ApiKeyServiceGrpc.newBlockingStub(ims);
    tokens = TokenServiceGrpc.newBlockingStub(ims);
    orders = OrderServiceGrpc.newBlockingStub(oms);
    uploads = UploadServiceGrpc.newBlockingStub(oms);
    webhooks = WebhookServiceGrpc.newBlockingStub(oms);
    deadLetters = DeadLetterServiceGrpc.newBlockingStub(oms);
  }

  public static Builder builder() {
    return new Builder();
  }

  // IMS (and IAM, served by IMS).

  public TenantServiceBlockingStub tenants() {
    return tenants;
  }

  public SellerServiceBlockingStub sellers() {
    return sellers;
  }

  public HubServiceBlockingStub hubs() {
    return hubs;
  }

  public SkuServiceBlockingStub skus() {
    return skus;
  }

  public CategoryServiceBlockingStub categories() {
    return categories;
  }

  public InventoryServiceBlockingStub inventory() {
    return inventory;
  }

  public ApiKeyServiceBlockingStub apiKeys() {
    return apiKeys;
  }

  public TokenServiceBlockingStub tokens() {
    return tokens;
  }

  // OMS.

  public OrderServiceBlockingStub orders() {
    return orders;
  }

  /** Futures stub of OrderService (unary calls returning ListenableFuture). */
  public OrderServiceFutureStub ordersFuture() {
    return OrderServiceGrpc.newFutureStub(oms);
  }

  public UploadServiceBlockingStub uploads() {
    return uploads;
  }

  /** Async stub of UploadService: the only one with StreamUpload (client streaming). */
  public UploadServiceStub uploadsAsync() {
    return UploadServiceGrpc.newStub(oms);
  }

  public WebhookServiceBlockingStub webhooks() {
    return webhooks;
  }

  public DeadLetterServiceBlockingStub deadLetters() {
    return deadLetters;
  }

  /** Any stub of an IMS service, e.g. {@code ims(SkuServiceGrpc::newFutureStub)}. */
  public <S> S ims(Function<Channel, S> newStub) {
    return newStub.apply(ims);
  }

  /** Any stub of an OMS service, e.g. {@code oms(WebhookServiceGrpc::newFutureStub)}. */
  public <S> S oms(Function<Channel, S> newStub) {
    return newStub.apply(oms);
  }

  /** Shuts the channels down, waiting up to 5 s for calls in flight, then cancels them. */
  @Override
  public void close() {
    managed.forEach(ManagedChannel::shutdown);
    try {
      for (ManagedChannel c : managed) {
        if (!c.awaitTermination(5, TimeUnit.SECONDS)) {
          c.shutdownNow();
        }
      }
    } catch (InterruptedException e) {
      managed.forEach(ManagedChannel::shutdownNow);
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The service config of the channels: the reads (the unary RPCs the contract marks {@code
   * ACCESS_READ}: Get*, List*) retried on UNAVAILABLE, {@code maxAttempts} attempts in all,
   * backing off from 0.1 s to 2 s. Writes are not retried: an UNAVAILABLE write may have been
   * applied (CreateOrder is safe to repeat yourself with an idempotency_key).
   */
  public static Map<String, Object> retryServiceConfig(int maxAttempts) {
    if (maxAttempts < 2) {
      throw new IllegalArgumentException("maxAttempts must be >= 2: " + maxAttempts);
    }
    Map<String, Object> retryPolicy =
        Map.of(
            "maxAttempts", (double) maxAttempts,
            "initialBackoff", "0.1s",
            "maxBackoff", "2s",
            "backoffMultiplier", 2.0,
            "retryableStatusCodes", List.of("UNAVAILABLE"));
    Map<String, Object> reads = Map.of("name", readMethods(), "retryPolicy", retryPolicy);
    return Map.of("methodConfig", List.of(reads));
  }

  /** {service, method} of every unary RPC whose access rule is ACCESS_READ. */
  static List<Map<String, Object>> readMethods() {
    List<com.google.protobuf.Descriptors.FileDescriptor> files =
        List.of(
            com.omsims.iam.v1.ApiKeyProto.getDescriptor(),
            com.omsims.iam.v1.TokenProto.getDescriptor(),
            com.omsims.ims.v1.CategoryProto.getDescriptor(),
            com.omsims.ims.v1.HubProto.getDescriptor(),
            com.omsims.ims.v1.InventoryProto.getDescriptor(),
            com.omsims.ims.v1.SellerProto.getDescriptor(),
            com.omsims.ims.v1.SkuProto.getDescriptor(),
            com.omsims.ims.v1.TenantProto.getDescriptor(),
            com.omsims.oms.v1.DeadLetterProto.getDescriptor(),
            com.omsims.oms.v1.OrderProto.getDescriptor(),
            com.omsims.oms.v1.UploadProto.getDescriptor(),
            com.omsims.oms.v1.WebhookProto.getDescriptor());
    List<Map<String, Object>> names = new java.util.ArrayList<>();
    for (var file : files) {
      for (var service : file.getServices()) {
        for (var method : service.getMethods()) {
          boolean unary = !method.isClientStreaming() && !method.isServerStreaming();
          var rule = method.getOptions().getExtension(com.omsims.iam.v1.AccessProto.access);
          if (unary && rule.getAccess() == com.omsims.iam.v1.Access.ACCESS_READ) {
            names.add(Map.of("service", service.getFullName(), "method", method.getName()));
          }
        }
      }
    }
    return names;
  }

  /** Settings of an {@link OmsImsClient}; {@code apiKey} and the targets are required. */
  public static final class Builder {
    private String imsTarget;
    private String omsTarget;
    private String apiKey;
    private boolean plaintext;
    private Duration defaultDeadline = DEFAULT_DEADLINE;
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;

    private Builder() {}

    /** One target for both services (e.g. an Envoy in front of both). */
    public Builder target(String target) {
      return imsTarget(target).omsTarget(target);
    }

    /** The IMS server, {@code host:port} or any gRPC target URI. */
    public Builder imsTarget(String target) {
      this.imsTarget = Objects.requireNonNull(target, "target");
      return this;
    }

    /** The OMS server, {@code host:port} or any gRPC target URI. */
    public Builder omsTarget(String target) {
      this.omsTarget = Objects.requireNonNull(target, "target");
      return this;
    }

    /** The tenant API key (the secret returned by CreateApiKey). */
    public Builder apiKey(String apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
      return this;
    }

    /** No TLS (local development only: the API key then travels in clear). Default: TLS. */
    public Builder usePlaintext() {
      this.plaintext = true;
      return this;
    }

    /** The deadline of a call that has none of its own (default 30 s); null: none. */
    public Builder defaultDeadline(Duration deadline) {
      if (deadline != null && (deadline.isNegative() || deadline.isZero())) {
        throw new IllegalArgumentException("deadline must be positive: " + deadline);
      }
      this.defaultDeadline = deadline;
      return this;
    }

    /** Attempts of a call failing with UNAVAILABLE, the first one included; 1: no retries. */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be >= 1: " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    public OmsImsClient build() {
      if (imsTarget == null || omsTarget == null) {
        throw new IllegalStateException("imsTarget and omsTarget (or target) are required");
      }
      if (apiKey == null) {
        throw new IllegalStateException("apiKey is required");
      }
      return new OmsImsClient(this);
    }

    private ManagedChannel channel(String target) {
      ManagedChannelBuilder<?> b = ManagedChannelBuilder.forTarget(target);
      if (plaintext) {
        b.usePlaintext();
      } else {
        b.useTransportSecurity();
      }
      if (maxAttempts > 1) {
        b.defaultServiceConfig(retryServiceConfig(maxAttempts)).enableRetry();
      } else {
        b.disableRetry();
      }
      return b.build();
    }
  }
}

package com.omsims.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.omsims.oms.v1.GetOrderRequest;
import com.omsims.oms.v1.GetOrderResponse;
import com.omsims.oms.v1.Order;
import com.omsims.oms.v1.OrderServiceGrpc;
import com.omsims.oms.v1.OrderServiceGrpc.OrderServiceBlockingStub;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's interceptors and retry config against an in-process OrderService. */
class InterceptorsTest {
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final List<Deadline> deadlines = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final AtomicInteger attempts = new AtomicInteger();
  private Server server;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws Exception {
    String name = InProcessServerBuilder.generateName();
    OrderServiceGrpc.OrderServiceImplBase service =
        new OrderServiceGrpc.OrderServiceImplBase() {
          @Override
          public void getOrder(GetOrderRequest request, StreamObserver<GetOrderResponse> out) {
            attempts.incrementAndGet();
            deadlines.add(Context.current().getDeadline());
            if (failuresLeft.getAndDecrement() > 0) {
              out.onError(Status.UNAVAILABLE.withDescription("try again").asRuntimeException());
              return;
            }
            if (request.getId().equals("missing")) {
              out.onError(Status.NOT_FOUND.withDescription("no such order").asRuntimeException());
              return;
            }
            out.onNext(
                GetOrderResponse.newBuilder()
                    .setOrder(Order.newBuilder().setId(request.getId()))
                    .build());
            out.onCompleted();
          }
        };
    ServerInterceptor capture =
        new ServerInterceptor() {
          @Override
          public <Q, R> ServerCall.Listener<Q> interceptCall(
              ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
            authorizations.add(String.valueOf(headers.get(ApiKeyInterceptor.AUTHORIZATION)));
            return next.startCall(call, headers);
          }
        };
    server =
        InProcessServerBuilder.forName(name)
            .directExecutor()
            .addService(ServerInterceptors.intercept(service, capture))
            .build()
            .start();
    channel =
        InProcessChannelBuilder.forName(name)
            .directExecutor()
            .defaultServiceConfig(OmsImsClient.retryServiceConfig(4))
            .enableRetry()
            .intercept(
                new ApiKeyInterceptor("secret-key"),
                new DefaultDeadlineInterceptor(Duration.ofSeconds(7)))
            .build();
  }

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private OrderServiceBlockingStub stub() {
    return OrderServiceGrpc.newBlockingStub(channel);
  }

  private static GetOrderRequest get(String id) {
    return GetOrderRequest.newBuilder().setId(id).build();
  }

  @Test
  void sendsBearerKeyAndDefaultDeadline() {
    assertEquals("o1", stub().getOrder(get("o1")).getOrder().getId());
    assertEquals(List.of("Bearer secret-key"), authorizations);
    Deadline deadline = deadlines.get(0);
    assertNotNull(deadline);
    long left = deadline.timeRemaining(TimeUnit.MILLISECONDS);
    assertTrue(left > 5_000 && left <= 7_000, "default deadline ~7s, got " + left + " ms");
  }

  @Test
  void keepsTheCallsOwnDeadline() {
    stub().withDeadlineAfter(60, TimeUnit.SECONDS).getOrder(get("o1"));
    long left = deadlines.get(0).timeRemaining(TimeUnit.SECONDS);
    assertTrue(left > 50, "the call's own 60 s deadline, got " + left + " s");
  }

  @Test
  void retriesUnavailable() {
    failuresLeft.set(2);
    assertEquals("o1", stub().getOrder(get("o1")).getOrder().getId());
    assertEquals(3, attempts.get());
  }

  @Test
  void givesUpAfterMaxAttempts() {
    failuresLeft.set(10);
    ApiException e = assertThrows(ApiException.class, () -> ApiException.call(() -> stub().getOrder(get("o1"))));
    assertEquals(Status.Code.UNAVAILABLE, e.getCode());
    assertEquals(4, attempts.get());
  }

  @Test
  void retriesReadsOnly() {
    var names = OmsImsClient.readMethods();
    assertTrue(names.contains(java.util.Map.of("service", "oms.v1.OrderService", "method", "GetOrder")));
    assertTrue(names.contains(java.util.Map.of("service", "oms.v1.OrderService", "method", "ListOrders")));
    assertTrue(!names.contains(java.util.Map.of("service", "oms.v1.OrderService", "method", "CreateOrder")));
    assertTrue(
        !names.contains(
            java.util.Map.of("service", "ims.v1.InventoryService", "method", "ReserveInventory")));
  }

  @Test
  void doesNotRetryOtherCodes() {
    assertThrows(
        NotFoundException.class, () -> ApiException.call(() -> stub().getOrder(get("missing"))));
    assertEquals(1, attempts.get());
  }

  @Test
  void builderValidates() {
    assertThrows(IllegalStateException.class, () -> OmsImsClient.builder().apiKey("k").build());
    assertThrows(
        IllegalStateException.class, () -> OmsImsClient.builder().target("localhost:1").build());
    assertThrows(IllegalArgumentException.class, () -> new ApiKeyInterceptor(" "));
    assertThrows(
        IllegalArgumentException.class, () -> OmsImsClient.builder().defaultDeadline(Duration.ZERO));
    // Builds (channels connect lazily) and closes without a server.
    try (OmsImsClient client =
        OmsImsClient.builder().target("127.0.0.1:1").apiKey("k").usePlaintext().build()) {
      assertNotNull(client.orders());
      assertNotNull(client.ims(com.omsims.ims.v1.SkuServiceGrpc::newFutureStub));
    }
  }
}

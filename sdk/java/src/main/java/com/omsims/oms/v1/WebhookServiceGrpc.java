package com.omsims.oms.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Per-tenant webhooks and their delivery log.
 * Deliveries are signed per the Standard Webhooks spec (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature: v1,&lt;base64 HMAC-SHA256&gt;`) with the webhook's signing secret; the body
 * is the event's canonical proto3 JSON. URLs resolving to loopback, private or link-local
 * addresses are refused (INVALID_ARGUMENT) unless allow-listed by configuration, and checked
 * again on the resolved address before every delivery.
 * Delivery is at least once: `webhook-id` is the event id, the same on every retry, so a
 * receiver de-duplicates on it. Timeouts, connection errors, 429 and 5xx are retried on a
 * growing schedule (honouring `Retry-After`); other answers are final. A webhook whose
 * deliveries fail continuously for the configured period is disabled (`active` false,
 * `disabled_reason`, `disable_time`).
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class WebhookServiceGrpc {

  private WebhookServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "oms.v1.WebhookService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<com.omsims.oms.v1.CreateWebhookRequest,
      com.omsims.oms.v1.CreateWebhookResponse> getCreateWebhookMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateWebhook",
      requestType = com.omsims.oms.v1.CreateWebhookRequest.class,
      responseType = com.omsims.oms.v1.CreateWebhookResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.oms.v1.CreateWebhookRequest,
      com.omsims.oms.v1.CreateWebhookResponse> getCreateWebhookMethod() {
    io.grpc.MethodDescriptor<com.omsims.oms.v1.CreateWebhookRequest, com.omsims.oms.v1.CreateWebhookResponse> getCreateWebhookMethod;
    if ((getCreateWebhookMethod = WebhookServiceGrpc.getCreateWebhookMethod) == null) {
      synchronized (WebhookServiceGrpc.class) {
        if ((getCreateWebhookMethod = WebhookServiceGrpc.getCreateWebhookMethod) == null) {
          WebhookServiceGrpc.getCreateWebhookMethod = getCreateWebhookMethod =
              io.grpc.MethodDescriptor.<com.omsims.oms.v1.CreateWebhookRequest, com.omsims.oms.v1.CreateWebhookResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateWebhook"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.oms.v1.CreateWebhookRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.oms.v1.CreateWebhookResponse.getDefaultInstance()))
              .setSchemaDescriptor(new WebhookServiceMethodDescriptorSupplier("CreateWebhook"))
              .build();
        }
      }
    }
    return getCreateWebhookMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.omsims.oms.v1.ListWebhooksRequest,
      com.omsims.oms.v1.ListWebhooksResponse> getListWebhooksMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListWebhooks",
      requestType = com.omsims.oms.v1.ListWebhooksRequest.class,
      responseType = com.omsims.oms.v1.ListWebhooksResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.oms.v1.ListWebhooksRequest,
      com.omsims.oms.v1.ListWebhooksResponse> getListWebhooksMethod() {
    io.grpc.MethodDescriptor<com.omsims.oms.v1.ListWebhooksRequest, com.omsims.oms.v1.ListWebhooksResponse> getListWebhooksMethod;
    if ((getListWebhooksMethod = WebhookServiceGrpc.getListWebhooksMethod) == null) {
      synchronized (WebhookServiceGrpc.class) {
        if ((getListWebhooksMethod = WebhookServiceGrpc.getListWebhooksMethod) == null) {
          WebhookServiceGrpc.getListWebhooksMethod = getListWebhooksMethod =
              io.grpc.MethodDescriptor.<com.omsims.oms.v1.ListWebhooksRequest, com.omsims.oms.v1.ListWebhooksResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListWebhooks"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.oms.v1.ListWebhooksRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.oms.v1.ListWebhooksResponse.getDefaultInstance()))
              .setSchemaDescriptor(new WebhookServiceMethodDescriptorSupplier("ListWebhooks"))
              .build();
        }
      }
    }
    return getListWebhooksMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.omsims.oms.v1.GetWebhookRequest,
      com.omsims.oms.v1.GetWebhookResponse> getGetWebhookMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetWebhook",
      requestType = com.omsims.oms.v1.GetWebhookRequest.class,
      responseType = com.omsims.oms.v1.GetWebhookResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.oms.v1.GetWebhookRequest,
      com.omsims.oms.v1.GetWebhookResponse> getGetWebhookMethod() {
    io.grpc.MethodDescriptor<com.omsims.oms.v1.GetWebhookRequest, com.omsims.oms.v1.GetWebhookResponse> getGetWebhookMethod;
    if ((getGetWebhookMethod = WebhookServiceGrpc.getGetWebhookMethod) == null) {
      synchronized (WebhookServiceGrpc.class) {
        if ((getGetWebhookMethod = WebhookServiceGrpc.getGetWebhookMethod) == null) {
          WebhookServiceGrpc.getGetWebhookMethod = getGetWebhookMethod =
              io.grpc.MethodDescriptor.<com.omsims.oms.v1.GetWebhookRequest, com.omsims.oms.v1.GetWebhookResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetWebhook"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.oms.v1.GetWebhookRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.oms.v1.GetWebhookResponse.getDefaultInstance()))
              .setSchemaDescriptor(new WebhookServiceMethodDescriptorSupplier("GetWebhook"))
              .build();
        }
      }
    }
    return getGetWebhookMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.omsims.oms.v1.UpdateWebhookRequest,
      com.omsims.oms.v1.UpdateWebhookResponse> getUpdateWebhookMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateWebhook",
      requestType = com.omsims.oms.v1.UpdateWebhookRequest.class,
      responseType = com.omsims.oms.v1.UpdateWebhookResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.oms.v1.UpdateWebhookRequest,
      com.omsims.oms.v1.UpdateWebhookResponse> getUpdateWebhookMethod() {
    io.grpc.MethodDescriptor<com.omsims.oms.v1.UpdateWebhookRequest, com.omsims.oms.v1.UpdateWebhookResponse> getUpdateWebhookMethod;
    if ((getUpdateWebhookMethod = WebhookServiceGrpc.getUpdateWebhookMethod) == null) {
      synchronized (WebhookServiceGrpc.class) {
        if ((getUpdateWebhookMethod = WebhookServiceGrpc.getUpdateWebhookMethod) == null) {
          WebhookServiceGrpc.getUpdateWebhookMethod = getUpdateWebhookMethod =
              io.grpc.MethodDescriptor.<com.omsims.oms.v1.UpdateWebhookRequest, com.omsims.oms.v1.UpdateWebhookResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateWebhook"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.oms.v1.UpdateWebhookRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.oms.v1.UpdateWebhookResponse.getDefaultInstance()))
              .setSchemaDescriptor(new WebhookServiceMethodDescriptorSupplier("UpdateWebhook"))
              .build();
        }
      }
    }
    return getUpdateWebhookMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.omsims.oms.v1.DeleteWebhookRequest,
      com.omsims.oms.v1.DeleteWebhookResponse> getDeleteWebhookMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteWebhook",
      requestType = com.omsims.oms.v1.DeleteWebhookRequest.class,
      responseType = com.omsims.oms.v1.DeleteWebhookResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.oms.v1.DeleteWebhookRequest,
      com.omsims.oms.v1.DeleteWebhookResponse> getDeleteWebhookMethod() {
    io.grpc.MethodDescriptor<com.omsims.oms.v1.DeleteWebhookRequest, com.omsims.oms.v1.DeleteWebhookResponse> getDeleteWebhookMethod;
    if ((getDeleteWebhookMethod = WebhookServiceGrpc.getDeleteWebhookMethod) == null) {
      synchronized (WebhookServiceGrpc.class) {
        if ((getDeleteWebhookMethod = WebhookServiceGrpc.getDeleteWebhookMethod) == null) {
          WebhookServiceGrpc.getDeleteWebhookMethod = getDeleteWebhookMethod =
              io.grpc.MethodDescriptor.<com.omsims.oms.v1.DeleteWebhookRequest, com.omsims.oms.v1.DeleteWebhookResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteWebhook"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.oms.v1.DeleteWebhookRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.oms.v1.DeleteWebhookResponse.getDefaultInstance()))
              .setSchemaDescriptor(new WebhookServiceMethodDescriptorSupplier("DeleteWebhook"))
              .build();
        }
      }
    }
    return getDeleteWebhookMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.omsims.oms.v1.ListWebhookDeliveriesRequest,
      com.omsims.oms.v1.ListWebhookDeliveriesResponse> getListWebhookDeliveriesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListWebhookDeliveries",
      requestType = com.omsims.oms.v1.ListWebhookDeliveriesRequest.class,
      responseType = com.omsims.oms.v1.ListWebhookDeliveriesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.oms.v1.ListWebhookDeliveriesRequest,
      com.omsims.oms.v1.ListWebhookDeliveriesResponse> getListWebhookDeliveriesMethod() {
    io.grpc.MethodDescriptor<com.omsims.oms.v1.ListWebhookDeliveriesRequest, com.omsims.oms.v1.ListWebhookDeliveriesResponse> getListWebhookDeliveriesMethod;
    if ((getListWebhookDeliveriesMethod = WebhookServiceGrpc.getListWebhookDeliveriesMethod) == null) {
      synchronized (WebhookServiceGrpc.class) {
        if ((getListWebhookDeliveriesMethod = WebhookServiceGrpc.getListWebhookDeliveriesMethod) == null) {
          WebhookServiceGrpc.getListWebhookDeliveriesMethod = getListWebhookDeliveriesMethod =
              io.grpc.MethodDescriptor.<com.omsims.oms.v1.ListWebhookDeliveriesRequest, com.omsims.oms.v1.ListWebhookDeliveriesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListWebhookDeliveries"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.oms.v1.ListWebhookDeliveriesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.oms.v1.ListWebhookDeliveriesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new WebhookServiceMethodDescriptorSupplier("ListWebhookDeliveries"))
              .build();
        }
      }
    }
    return getListWebhookDeliveriesMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.omsims.oms.v1.RotateWebhookSecretRequest,
      com.omsims.oms.v1.RotateWebhookSecretResponse> getRotateWebhookSecretMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RotateWebhookSecret",
      requestType = com.omsims.oms.v1.RotateWebhookSecretRequest.class,
      responseType = com.omsims.oms.v1.RotateWebhookSecretResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.oms.v1.RotateWebhookSecretRequest,
      com.omsims.oms.v1.RotateWebhookSecretResponse> getRotateWebhookSecretMethod() {
    io.grpc.MethodDescriptor<com.omsims.oms.v1.RotateWebhookSecretRequest, com.omsims.oms.v1.RotateWebhookSecretResponse> getRotateWebhookSecretMethod;
    if ((getRotateWebhookSecretMethod = WebhookServiceGrpc.getRotateWebhookSecretMethod) == null) {
      synchronized (WebhookServiceGrpc.class) {
        if ((getRotateWebhookSecretMethod = WebhookServiceGrpc.getRotateWebhookSecretMethod) == null) {
          WebhookServiceGrpc.getRotateWebhookSecretMethod = getRotateWebhookSecretMethod =
              io.grpc.MethodDescriptor.<com.omsims.oms.v1.RotateWebhookSecretRequest, com.omsims.oms.v1.RotateWebhookSecretResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RotateWebhookSecret"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.oms.v1.RotateWebhookSecretRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.oms.v1.RotateWebhookSecretResponse.getDefaultInstance()))
              .setSchemaDescriptor(new WebhookServiceMethodDescriptorSupplier("RotateWebhookSecret"))
              .build();
        }
      }
    }
    return getRotateWebhookSecretMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.omsims.oms.v1.RetryWebhookDeliveryRequest,
      com.omsims.oms.v1.RetryWebhookDeliveryResponse> getRetryWebhookDeliveryMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RetryWebhookDelivery",
      requestType = com.omsims.oms.v1.RetryWebhookDeliveryRequest.class,
      responseType = com.omsims.oms.v1.RetryWebhookDeliveryResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.oms.v1.RetryWebhookDeliveryRequest,
      com.omsims.oms.v1.RetryWebhookDeliveryResponse> getRetryWebhookDeliveryMethod() {
    io.grpc.MethodDescriptor<com.omsims.oms.v1.RetryWebhookDeliveryRequest, com.omsims.oms.v1.RetryWebhookDeliveryResponse> getRetryWebhookDeliveryMethod;
    if ((getRetryWebhookDeliveryMethod = WebhookServiceGrpc.getRetryWebhookDeliveryMethod) == null) {
      synchronized (WebhookServiceGrpc.class) {
        if ((getRetryWebhookDeliveryMethod = WebhookServiceGrpc.getRetryWebhookDeliveryMethod) == null) {
          WebhookServiceGrpc.getRetryWebhookDeliveryMethod = getRetryWebhookDeliveryMethod =
              io.grpc.MethodDescriptor.<com.omsims.oms.v1.RetryWebhookDeliveryRequest, com.omsims.oms.v1.RetryWebhookDeliveryResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RetryWebhookDelivery"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.oms.v1.RetryWebhookDeliveryRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.oms.v1.RetryWebhookDeliveryResponse.getDefaultInstance()))
              .setSchemaDescriptor(new WebhookServiceMethodDescriptorSupplier("RetryWebhookDelivery"))
              .build();
        }
      }
    }
    return getRetryWebhookDeliveryMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static WebhookServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<WebhookServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<WebhookServiceStub>() {
        @java.lang.Override
        public WebhookServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new WebhookServiceStub(channel, callOptions);
        }
      };
    return WebhookServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static WebhookServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<WebhookServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<WebhookServiceBlockingV2Stub>() {
        @java.lang.Override
        public WebhookServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new WebhookServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return WebhookServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static WebhookServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<WebhookServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<WebhookServiceBlockingStub>() {
        @java.lang.Override
        public WebhookServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new WebhookServiceBlockingStub(channel, callOptions);
        }
      };
    return WebhookServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static WebhookServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<WebhookServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<WebhookServiceFutureStub>() {
        @java.lang.Override
        public WebhookServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new WebhookServiceFutureStub(channel, callOptions);
        }
      };
    return WebhookServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Per-tenant webhooks and their delivery log.
   * Deliveries are signed per the Standard Webhooks spec (`webhook-id`, `webhook-timestamp`,
   * `webhook-signature: v1,&lt;base64 HMAC-SHA256&gt;`) with the webhook's signing secret; the body
   * is the event's canonical proto3 JSON. URLs resolving to loopback, private or link-local
   * addresses are refused (INVALID_ARGUMENT) unless allow-listed by configuration, and checked
   * again on the resolved address before every delivery.
   * Delivery is at least once: `webhook-id` is the event id, the same on every retry, so a
   * receiver de-duplicates on it. Timeouts, connection errors, 429 and 5xx are retried on a
   * growing schedule (honouring `Retry-After`); other answers are final. A webhook whose
   * deliveries fail continuously for the configured period is disabled (`active` false,
   * `disabled_reason`, `disable_time`).
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Registers a webhook. The response carries the signing secret; it is never shown again.
     * </pre>
     */
    default void createWebhook(com.omsims.oms.v1.CreateWebhookRequest request,
        io.grpc.stub.StreamObserver<com.omsims.oms.v1.CreateWebhookResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateWebhookMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the tenant's webhooks.
     * </pre>
     */
    default void listWebhooks(com.omsims.oms.v1.ListWebhooksRequest request,
        io.grpc.stub.StreamObserver<com.omsims.oms.v1.ListWebhooksResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListWebhooksMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one webhook of the tenant, or NOT_FOUND.
     * </pre>
     */
    default void getWebhook(com.omsims.oms.v1.GetWebhookRequest request,
        io.grpc.stub.StreamObserver<com.omsims.oms.v1.GetWebhookResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetWebhookMethod(), responseObserver);
    }

    /**
     * <pre>
     * Updates a webhook's mutable fields (all of them, or those named in update_mask).
     * </pre>
     */
    default void updateWebhook(com.omsims.oms.v1.UpdateWebhookRequest request,
        io.grpc.stub.StreamObserver<com.omsims.oms.v1.UpdateWebhookResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateWebhookMethod(), responseObserver);
    }

    /**
     * <pre>
     * Deletes a webhook; pending deliveries to it are dropped.
     * </pre>
     */
    default void deleteWebhook(com.omsims.oms.v1.DeleteWebhookRequest request,
        io.grpc.stub.StreamObserver<com.omsims.oms.v1.DeleteWebhookResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteWebhookMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the deliveries of one webhook (every attempt, including permanent failures),
     * newest first.
     * </pre>
     */
    default void listWebhookDeliveries(com.omsims.oms.v1.ListWebhookDeliveriesRequest request,
        io.grpc.stub.StreamObserver<com.omsims.oms.v1.ListWebhookDeliveriesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListWebhookDeliveriesMethod(), responseObserver);
    }

    /**
     * <pre>
     * Replaces the signing secret. The response carries the new secret (it is never shown
     * again); the previous secret keeps signing beside it (a second `v1,` signature) until
     * `previous_secret_expire_time`, so receivers can switch without losing a delivery.
     * </pre>
     */
    default void rotateWebhookSecret(com.omsims.oms.v1.RotateWebhookSecretRequest request,
        io.grpc.stub.StreamObserver<com.omsims.oms.v1.RotateWebhookSecretResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRotateWebhookSecretMethod(), responseObserver);
    }

    /**
     * <pre>
     * Sends one delivery again as soon as possible, with the same `webhook-id` (whatever its
     * state; a failed one gets a fresh retry schedule). FAILED_PRECONDITION while an attempt is
     * in flight or the webhook is inactive.
     * </pre>
     */
    default void retryWebhookDelivery(com.omsims.oms.v1.RetryWebhookDeliveryRequest request,
        io.grpc.stub.StreamObserver<com.omsims.oms.v1.RetryWebhookDeliveryResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRetryWebhookDeliveryMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service WebhookService.
   * <pre>
   * Per-tenant webhooks and their delivery log.
   * Deliveries are signed per the Standard Webhooks spec (`webhook-id`, `webhook-timestamp`,
   * `webhook-signature: v1,&lt;base64 HMAC-SHA256&gt;`) with the webhook's signing secret; the body
   * is the event's canonical proto3 JSON. URLs resolving to loopback, private or link-local
   * addresses are refused (INVALID_ARGUMENT) unless allow-listed by configuration, and checked
   * again on the resolved address before every delivery.
   * Delivery is at least once: `webhook-id` is the event id, the same on every retry, so a
   * receiver de-duplicates on it. Timeouts, connection errors, 429 and 5xx are retried on a
   * growing schedule (honouring `Retry-After`); other answers are final. A webhook whose
   * deliveries fail continuously for the configured period is disabled (`active` false,
   * `disabled_reason`, `disable_time`).
   * </pre>
   */
  public static abstract class WebhookServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return WebhookServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service WebhookService.
   * <pre>
   * Per-tenant webhooks and their delivery log.
   * Deliveries are signed per the Standard Webhooks spec (`webhook-id`, `webhook-timestamp`,
   * `webhook-signature: v1,&lt;base64 HMAC-SHA256&gt;`) with the webhook's signing secret; the body
   * is the event's canonical proto3 JSON. URLs resolving to loopback, private or link-local
   * addresses are refused (INVALID_ARGUMENT) unless allow-listed by configuration, and checked
   * again on the resolved address before every delivery.
   * Delivery is at least once: `webhook-id` is the event id, the same on every retry, so a
   * receiver de-duplicates on it. Timeouts, connection errors, 429 and 5xx are retried on a
   * growing schedule (honouring `Retry-After`); other answers are final. A webhook whose
   * deliveries fail continuously for the configured period is disabled (`active` false,
   * `disabled_reason`, `disable_time`).
   * </pre>
   */
  public static final class WebhookServiceStub
      extends io.grpc.stub.AbstractAsyncStub<WebhookServiceStub> {
    private WebhookServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected WebhookServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new WebhookServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Registers a webhook. The response carries the signing secret; it is never shown again.
     * </pre>
     */
    public void createWebhook(com.omsims.oms.v1.CreateWebhookRequest request,
        io.grpc.stub.StreamObserver<com.omsims.oms.v1.CreateWebhookResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateWebhookMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the tenant's webhooks.
     * </pre>
     */
    public void listWebhooks(com.omsims.oms.v1.ListWebhooksRequest request,
        io.grpc.stub.StreamObserver<com.omsims.oms.v1.ListWebhooksResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListWebhooksMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one webhook of the tenant, or NOT_FOUND.
     * </pre>
     */
    public void getWebhook(com.omsims.oms.v1.GetWebhookRequest request,
        io.grpc.stub.StreamObserver<com.omsims.oms.v1.GetWebhookResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetWebhookMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Updates a webhook's mutable fields (all of them, or those named in update_mask).
     * </pre>
     */
    public void updateWebhook(com.omsims.oms.v1.UpdateWebhookRequest request,
        io.grpc.stub.StreamObserver<com.omsims.oms.v1.UpdateWebhookResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateWebhookMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Deletes a webhook; pending deliveries to it are dropped.
     * </pre>
     */
    public void deleteWebhook(com.omsims.oms.v1.DeleteWebhookRequest request,
        io.grpc.stub.StreamObserver<com.omsims.oms.v1.DeleteWebhookResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteWebhookMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the deliveries of one webhook (every attempt, including permanent failures),
     * newest first.
     * </pre>
     */
    public void listWebhookDeliveries(com.omsims.oms.v1.ListWebhookDeliveriesRequest request,
        io.grpc.stub.StreamObserver<com.omsims.oms.v1.ListWebhookDeliveriesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListWebhookDeliveriesMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Replaces the signing secret. The response carries the new secret (it is never shown
     * again); the previous secret keeps signing beside it (a second `v1,` signature) until
     * `previous_secret_expire_time`, so receivers can switch without losing a delivery.
     * </pre>
     */
    public void rotateWebhookSecret(com.omsims.oms.v1.RotateWebhookSecretRequest request,
        io.grpc.stub.StreamObserver<com.omsims.oms.v1.RotateWebhookSecretResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRotateWebhookSecretMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Sends one delivery again as soon as possible, with the same `webhook-id` (whatever its
     * state; a failed one gets a fresh retry schedule). FAILED_PRECONDITION while an attempt is
     * in flight or the webhook is inactive.
     * </pre>
     */
    public void retryWebhookDelivery(com.omsims.oms.v1.RetryWebhookDeliveryRequest request,
        io.grpc.stub.StreamObserver<com.omsims.oms.v1.RetryWebhookDeliveryResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRetryWebhookDeliveryMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service WebhookService.
   * <pre>
   * Per-tenant webhooks and their delivery log.
   * Deliveries are signed per the Standard Webhooks spec (`webhook-id`, `webhook-timestamp`,
   * `webhook-signature: v1,&lt;base64 HMAC-SHA256&gt;`) with the webhook's signing secret; the body
   * is the event's canonical proto3 JSON. URLs resolving to loopback, private or link-local
   * addresses are refused (INVALID_ARGUMENT) unless allow-listed by configuration, and checked
   * again on the resolved address before every delivery.
   * Delivery is at least once: `webhook-id` is the event id, the same on every retry, so a
   * receiver de-duplicates on it. Timeouts, connection errors, 429 and 5xx are retried on a
   * growing schedule (honouring `Retry-After`); other answers are final. A webhook whose
   * deliveries fail continuously for the configured period is disabled (`active` false,
   * `disabled_reason`, `disable_time`).
   * </pre>
   */
  public static final class WebhookServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<WebhookServiceBlockingV2Stub> {
    private WebhookServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected WebhookServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new WebhookServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Registers a webhook. The response carries the signing secret; it is never shown again.
     * </pre>
     */
    public com.omsims.oms.v1.CreateWebhookResponse createWebhook(com.omsims.oms.v1.CreateWebhookRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCreateWebhookMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the tenant's webhooks.
     * </pre>
     */
    public com.omsims.oms.v1.ListWebhooksResponse listWebhooks(com.omsims.oms.v1.ListWebhooksRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListWebhooksMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one webhook of the tenant, or NOT_FOUND.
     * </pre>
     */
    public com.omsims.oms.v1.GetWebhookResponse getWebhook(com.omsims.oms.v1.GetWebhookRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetWebhookMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Updates a webhook's mutable fields (all of them, or those named in update_mask).
     * </pre>
     */
    public com.omsims.oms.v1.UpdateWebhookResponse updateWebhook(com.omsims.oms.v1.UpdateWebhookRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getUpdateWebhookMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes a webhook; pending deliveries to it are dropped.
     * </pre>
     */
    public com.omsims.oms.v1.DeleteWebhookResponse deleteWebhook(com.omsims.oms.v1.DeleteWebhookRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getDeleteWebhookMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the deliveries of one webhook (every attempt, including permanent failures),
     * newest first.
     * </pre>
     */
    public com.omsims.oms.v1.ListWebhookDeliveriesResponse listWebhookDeliveries(com.omsims.oms.v1.ListWebhookDeliveriesRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListWebhookDeliveriesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Replaces the signing secret. The response carries the new secret (it is never shown
     * again); the previous secret keeps signing beside it (a second `v1,` signature) until
     * `previous_secret_expire_time`, so receivers can switch without losing a delivery.
     * </pre>
     */
    public com.omsims.oms.v1.RotateWebhookSecretResponse rotateWebhookSecret(com.omsims.oms.v1.RotateWebhookSecretRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRotateWebhookSecretMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Sends one delivery again as soon as possible, with the same `webhook-id` (whatever its
     * state; a failed one gets a fresh retry schedule). FAILED_PRECONDITION while an attempt is
     * in flight or the webhook is inactive.
     * </pre>
     */
    public com.omsims.oms.v1.RetryWebhookDeliveryResponse retryWebhookDelivery(com.omsims.oms.v1.RetryWebhookDeliveryRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRetryWebhookDeliveryMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service WebhookService.
   * <pre>
   * Per-tenant webhooks and their delivery log.
   * Deliveries are signed per the Standard Webhooks spec (`webhook-id`, `webhook-timestamp`,
   * `webhook-signature: v1,&lt;base64 HMAC-SHA256&gt;`) with the webhook's signing secret; the body
   * is the event's canonical proto3 JSON. URLs resolving to loopback, private or link-local
   * addresses are refused (INVALID_ARGUMENT) unless allow-listed by configuration, and checked
   * again on the resolved address before every delivery.
   * Delivery is at least once: `webhook-id` is the event id, the same on every retry, so a
   * receiver de-duplicates on it. Timeouts, connection errors, 429 and 5xx are retried on a
   * growing schedule (honouring `Retry-After`); other answers are final. A webhook whose
   * deliveries fail continuously for the configured period is disabled (`active` false,
   * `disabled_reason`, `disable_time`).
   * </pre>
   */
  public static final class WebhookServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<WebhookServiceBlockingStub> {
    private WebhookServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected WebhookServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new WebhookServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Registers a webhook. The response carries the signing secret; it is never shown again.
     * </pre>
     */
    public com.omsims.oms.v1.CreateWebhookResponse createWebhook(com.omsims.oms.v1.CreateWebhookRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateWebhookMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the tenant's webhooks.
     * </pre>
     */
    public com.omsims.oms.v1.ListWebhooksResponse listWebhooks(com.omsims.oms.v1.ListWebhooksRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListWebhooksMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one webhook of the tenant, or NOT_FOUND.
     * </pre>
     */
    public com.omsims.oms.v1.GetWebhookResponse getWebhook(com.omsims.oms.v1.GetWebhookRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetWebhookMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Updates a webhook's mutable fields (all of them, or those named in update_mask).
     * </pre>
     */
    public com.omsims.oms.v1.UpdateWebhookResponse updateWebhook(com.omsims.oms.v1.UpdateWebhookRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateWebhookMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes a webhook; pending deliveries to it are dropped.
     * </pre>
     */
    public com.omsims.oms.v1.DeleteWebhookResponse deleteWebhook(com.omsims.oms.v1.DeleteWebhookRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteWebhookMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the deliveries of one webhook (every attempt, including permanent failures),
     * newest first.
     * </pre>
     */
    public com.omsims.oms.v1.ListWebhookDeliveriesResponse listWebhookDeliveries(com.omsims.oms.v1.ListWebhookDeliveriesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListWebhookDeliveriesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Replaces the signing secret. The response carries the new secret (it is never shown
     * again); the previous secret keeps signing beside it (a second `v1,` signature) until
     * `previous_secret_expire_time`, so receivers can switch without losing a delivery.
     * </pre>
     */
    public com.omsims.oms.v1.RotateWebhookSecretResponse rotateWebhookSecret(com.omsims.oms.v1.RotateWebhookSecretRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRotateWebhookSecretMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Sends one delivery again as soon as possible, with the same `webhook-id` (whatever its
     * state; a failed one gets a fresh retry schedule). FAILED_PRECONDITION while an attempt is
     * in flight or the webhook is inactive.
     * </pre>
     */
    public com.omsims.oms.v1.RetryWebhookDeliveryResponse retryWebhookDelivery(com.omsims.oms.v1.RetryWebhookDeliveryRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRetryWebhookDeliveryMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service WebhookService.
   * <pre>
   * Per-tenant webhooks and their delivery log.
   * Deliveries are signed per the Standard Webhooks spec (`webhook-id`, `webhook-timestamp`,
   * `webhook-signature: v1,&lt;base64 HMAC-SHA256&gt;`) with the webhook's signing secret; the body
   * is the event's canonical proto3 JSON. URLs resolving to loopback, private or link-local
   * addresses are refused (INVALID_ARGUMENT) unless allow-listed by configuration, and checked
   * again on the resolved address before every delivery.
   * Delivery is at least once: `webhook-id` is the event id, the same on every retry, so a
   * receiver de-duplicates on it. Timeouts, connection errors, 429 and 5xx are retried on a
   * growing schedule (honouring `Retry-After`); other answers are final. A webhook whose
   * deliveries fail continuously for the configured period is disabled (`active` false,
   * `disabled_reason`, `disable_time`).
   * </pre>
   */
  public static final class WebhookServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<WebhookServiceFutureStub> {
    private WebhookServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected WebhookServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new WebhookServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Registers a webhook. The response carries the signing secret; it is never shown again.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.oms.v1.CreateWebhookResponse> createWebhook(
        com.omsims.oms.v1.CreateWebhookRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateWebhookMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the tenant's webhooks.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.oms.v1.ListWebhooksResponse> listWebhooks(
        com.omsims.oms.v1.ListWebhooksRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListWebhooksMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one webhook of the tenant, or NOT_FOUND.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.oms.v1.GetWebhookResponse> getWebhook(
        com.omsims.oms.v1.GetWebhookRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetWebhookMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Updates a webhook's mutable fields (all of them, or those named in update_mask).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.oms.v1.UpdateWebhookResponse> updateWebhook(
        com.omsims.oms.v1.UpdateWebhookRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateWebhookMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Deletes a webhook; pending deliveries to it are dropped.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.oms.v1.DeleteWebhookResponse> deleteWebhook(
        com.omsims.oms.v1.DeleteWebhookRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteWebhookMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the deliveries of one webhook (every attempt, including permanent failures),
     * newest first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.oms.v1.ListWebhookDeliveriesResponse> listWebhookDeliveries(
        com.omsims.oms.v1.ListWebhookDeliveriesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListWebhookDeliveriesMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Replaces the signing secret. The response carries the new secret (it is never shown
     * again); the previous secret keeps signing beside it (a second `v1,` signature) until
     * `previous_secret_expire_time`, so receivers can switch without losing a delivery.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.oms.v1.RotateWebhookSecretResponse> rotateWebhookSecret(
        com.omsims.oms.v1.RotateWebhookSecretRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRotateWebhookSecretMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Sends one delivery again as soon as possible, with the same `webhook-id` (whatever its
     * state; a failed one gets a fresh retry schedule). FAILED_PRECONDITION while an attempt is
     * in flight or the webhook is inactive.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.oms.v1.RetryWebhookDeliveryResponse> retryWebhookDelivery(
        com.omsims.oms.v1.RetryWebhookDeliveryRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRetryWebhookDeliveryMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_WEBHOOK = 0;
  private static final int METHODID_LIST_WEBHOOKS = 1;
  private static final int METHODID_GET_WEBHOOK = 2;
  private static final int METHODID_UPDATE_WEBHOOK = 3;
  private static final int METHODID_DELETE_WEBHOOK = 4;
  private static final int METHODID_LIST_WEBHOOK_DELIVERIES = 5;
  private static final int METHODID_ROTATE_WEBHOOK_SECRET = 6;
  private static final int METHODID_RETRY_WEBHOOK_DELIVERY = 7;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final AsyncService serviceImpl;
    private final int methodId;

    MethodHandlers(AsyncService serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_CREATE_WEBHOOK:
          serviceImpl.createWebhook((com.omsims.oms.v1.CreateWebhookRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.oms.v1.CreateWebhookResponse>) responseObserver);
          break;
        case METHODID_LIST_WEBHOOKS:
          serviceImpl.listWebhooks((com.omsims.oms.v1.ListWebhooksRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.oms.v1.ListWebhooksResponse>) responseObserver);
          break;
        case METHODID_GET_WEBHOOK:
          serviceImpl.getWebhook((com.omsims.oms.v1.GetWebhookRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.oms.v1.GetWebhookResponse>) responseObserver);
          break;
        case METHODID_UPDATE_WEBHOOK:
          serviceImpl.updateWebhook((com.omsims.oms.v1.UpdateWebhookRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.oms.v1.UpdateWebhookResponse>) responseObserver);
          break;
        case METHODID_DELETE_WEBHOOK:
          serviceImpl.deleteWebhook((com.omsims.oms.v1.DeleteWebhookRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.oms.v1.DeleteWebhookResponse>) responseObserver);
          break;
        case METHODID_LIST_WEBHOOK_DELIVERIES:
          serviceImpl.listWebhookDeliveries((com.omsims.oms.v1.ListWebhookDeliveriesRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.oms.v1.ListWebhookDeliveriesResponse>) responseObserver);
          break;
        case METHODID_ROTATE_WEBHOOK_SECRET:
          serviceImpl.rotateWebhookSecret((com.omsims.oms.v1.RotateWebhookSecretRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.oms.v1.RotateWebhookSecretResponse>) responseObserver);
          break;
        case METHODID_RETRY_WEBHOOK_DELIVERY:
          serviceImpl.retryWebhookDelivery((com.omsims.oms.v1.RetryWebhookDeliveryRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.oms.v1.RetryWebhookDeliveryResponse>) responseObserver);
          break;
        default:
          throw new AssertionError();
      }
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public io.grpc.stub.StreamObserver<Req> invoke(
        io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        default:
          throw new AssertionError();
      }
    }
  }

  public static final io.grpc.ServerServiceDefinition bindService(AsyncService service) {
    return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
        .addMethod(
          getCreateWebhookMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.oms.v1.CreateWebhookRequest,
              com.omsims.oms.v1.CreateWebhookResponse>(
                service, METHODID_CREATE_WEBHOOK)))
        .addMethod(
          getListWebhooksMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.oms.v1.ListWebhooksRequest,
              com.omsims.oms.v1.ListWebhooksResponse>(
                service, METHODID_LIST_WEBHOOKS)))
        .addMethod(
          getGetWebhookMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.oms.v1.GetWebhookRequest,
              com.omsims.oms.v1.GetWebhookResponse>(
                service, METHODID_GET_WEBHOOK)))
        .addMethod(
          getUpdateWebhookMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.oms.v1.UpdateWebhookRequest,
              com.omsims.oms.v1.UpdateWebhookResponse>(
                service, METHODID_UPDATE_WEBHOOK)))
        .addMethod(
          getDeleteWebhookMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.oms.v1.DeleteWebhookRequest,
              com.omsims.oms.v1.DeleteWebhookResponse>(
                service, METHODID_DELETE_WEBHOOK)))
        .addMethod(
          getListWebhookDeliveriesMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.oms.v1.ListWebhookDeliveriesRequest,
              com.omsims.oms.v1.ListWebhookDeliveriesResponse>(
                service, METHODID_LIST_WEBHOOK_DELIVERIES)))
        .addMethod(
          getRotateWebhookSecretMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.oms.v1.RotateWebhookSecretRequest,
              com.omsims.oms.v1.RotateWebhookSecretResponse>(
                service, METHODID_ROTATE_WEBHOOK_SECRET)))
        .addMethod(
          getRetryWebhookDeliveryMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.oms.v1.RetryWebhookDeliveryRequest,
              com.omsims.oms.v1.RetryWebhookDeliveryResponse>(
                service, METHODID_RETRY_WEBHOOK_DELIVERY)))
        .build();
  }

  private static abstract class WebhookServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    WebhookServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return com.omsims.oms.v1.WebhookProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("WebhookService");
    }
  }

  private static final class WebhookServiceFileDescriptorSupplier
      extends WebhookServiceBaseDescriptorSupplier {
    WebhookServiceFileDescriptorSupplier() {}
  }

  private static final class WebhookServiceMethodDescriptorSupplier
      extends WebhookServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    WebhookServiceMethodDescriptorSupplier(java.lang.String methodName) {
      this.methodName = methodName;
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.MethodDescriptor getMethodDescriptor() {
      return getServiceDescriptor().findMethodByName(methodName);
    }
  }

  private static volatile io.grpc.ServiceDescriptor serviceDescriptor;

  public static io.grpc.ServiceDescriptor getServiceDescriptor() {
    io.grpc.ServiceDescriptor result = serviceDescriptor;
    if (result == null) {
      synchronized (WebhookServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new WebhookServiceFileDescriptorSupplier())
              .addMethod(getCreateWebhookMethod())
              .addMethod(getListWebhooksMethod())
              .addMethod(getGetWebhookMethod())
              .addMethod(getUpdateWebhookMethod())
              .addMethod(getDeleteWebhookMethod())
              .addMethod(getListWebhookDeliveriesMethod())
              .addMethod(getRotateWebhookSecretMethod())
              .addMethod(getRetryWebhookDeliveryMethod())
              .build();
        }
      }
    }
    return result;
  }
}

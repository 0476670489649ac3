package com.omsims.ims.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Stock per (hub, SKU), its ledger, and all-or-nothing reservations.
 * Quantities: `quantity_available = quantity_on_hand - quantity_reserved`, and no operation
 * ever makes it negative. Every stock movement writes one InventoryTransaction (the ledger)
 * in the same database transaction as the change itself.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class InventoryServiceGrpc {

  private InventoryServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "ims.v1.InventoryService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<com.omsims.ims.v1.UpsertInventoryRequest,
      com.omsims.ims.v1.UpsertInventoryResponse> getUpsertInventoryMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpsertInventory",
      requestType = com.omsims.ims.v1.UpsertInventoryRequest.class,
      responseType = com.omsims.ims.v1.UpsertInventoryResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.ims.v1.UpsertInventoryRequest,
      com.omsims.ims.v1.UpsertInventoryResponse> getUpsertInventoryMethod() {
    io.grpc.MethodDescriptor<com.omsims.ims.v1.UpsertInventoryRequest, com.omsims.ims.v1.UpsertInventoryResponse> getUpsertInventoryMethod;
    if ((getUpsertInventoryMethod = InventoryServiceGrpc.getUpsertInventoryMethod) == null) {
      synchronized (InventoryServiceGrpc.class) {
        if ((getUpsertInventoryMethod = InventoryServiceGrpc.getUpsertInventoryMethod) == null) {
          InventoryServiceGrpc.getUpsertInventoryMethod = getUpsertInventoryMethod =
              io.grpc.MethodDescriptor.<com.omsims.ims.v1.UpsertInventoryRequest, com.omsims.ims.v1.UpsertInventoryResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpsertInventory"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.UpsertInventoryRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.UpsertInventoryResponse.getDefaultInstance()))
              .setSchemaDescriptor(new InventoryServiceMethodDescriptorSupplier("UpsertInventory"))
              .build();
        }
      }
    }
    return getUpsertInventoryMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.omsims.ims.v1.GetInventoryRequest,
      com.omsims.ims.v1.GetInventoryResponse> getGetInventoryMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetInventory",
      requestType = com.omsims.ims.v1.GetInventoryRequest.class,
      responseType = com.omsims.ims.v1.GetInventoryResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.ims.v1.GetInventoryRequest,
      com.omsims.ims.v1.GetInventoryResponse> getGetInventoryMethod() {
    io.grpc.MethodDescriptor<com.omsims.ims.v1.GetInventoryRequest, com.omsims.ims.v1.GetInventoryResponse> getGetInventoryMethod;
    if ((getGetInventoryMethod = InventoryServiceGrpc.getGetInventoryMethod) == null) {
      synchronized (InventoryServiceGrpc.class) {
        if ((getGetInventoryMethod = InventoryServiceGrpc.getGetInventoryMethod) == null) {
          InventoryServiceGrpc.getGetInventoryMethod = getGetInventoryMethod =
              io.grpc.MethodDescriptor.<com.omsims.ims.v1.GetInventoryRequest, com.omsims.ims.v1.GetInventoryResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetInventory"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.GetInventoryRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.GetInventoryResponse.getDefaultInstance()))
              .setSchemaDescriptor(new InventoryServiceMethodDescriptorSupplier("GetInventory"))
              .build();
        }
      }
    }
    return getGetInventoryMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.omsims.ims.v1.ListInventoryTransactionsRequest,
      com.omsims.ims.v1.ListInventoryTransactionsResponse> getListInventoryTransactionsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListInventoryTransactions",
      requestType = com.omsims.ims.v1.ListInventoryTransactionsRequest.class,
      responseType = com.omsims.ims.v1.ListInventoryTransactionsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.ims.v1.ListInventoryTransactionsRequest,
      com.omsims.ims.v1.ListInventoryTransactionsResponse> getListInventoryTransactionsMethod() {
    io.grpc.MethodDescriptor<com.omsims.ims.v1.ListInventoryTransactionsRequest, com.omsims.ims.v1.ListInventoryTransactionsResponse> getListInventoryTransactionsMethod;
    if ((getListInventoryTransactionsMethod = InventoryServiceGrpc.getListInventoryTransactionsMethod) == null) {
      synchronized (InventoryServiceGrpc.class) {
        if ((getListInventoryTransactionsMethod = InventoryServiceGrpc.getListInventoryTransactionsMethod) == null) {
          InventoryServiceGrpc.getListInventoryTransactionsMethod = getListInventoryTransactionsMethod =
              io.grpc.MethodDescriptor.<com.omsims.ims.v1.ListInventoryTransactionsRequest, com.omsims.ims.v1.ListInventoryTransactionsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListInventoryTransactions"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.ListInventoryTransactionsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.ListInventoryTransactionsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new InventoryServiceMethodDescriptorSupplier("ListInventoryTransactions"))
              .build();
        }
      }
    }
    return getListInventoryTransactionsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.omsims.ims.v1.ReserveInventoryRequest,
      com.omsims.ims.v1.ReserveInventoryResponse> getReserveInventoryMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ReserveInventory",
      requestType = com.omsims.ims.v1.ReserveInventoryRequest.class,
      responseType = com.omsims.ims.v1.ReserveInventoryResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.ims.v1.ReserveInventoryRequest,
      com.omsims.ims.v1.ReserveInventoryResponse> getReserveInventoryMethod() {
    io.grpc.MethodDescriptor<com.omsims.ims.v1.ReserveInventoryRequest, com.omsims.ims.v1.ReserveInventoryResponse> getReserveInventoryMethod;
    if ((getReserveInventoryMethod = InventoryServiceGrpc.getReserveInventoryMethod) == null) {
      synchronized (InventoryServiceGrpc.class) {
        if ((getReserveInventoryMethod = InventoryServiceGrpc.getReserveInventoryMethod) == null) {
          InventoryServiceGrpc.getReserveInventoryMethod = getReserveInventoryMethod =
              io.grpc.MethodDescriptor.<com.omsims.ims.v1.ReserveInventoryRequest, com.omsims.ims.v1.ReserveInventoryResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ReserveInventory"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.ReserveInventoryRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.ReserveInventoryResponse.getDefaultInstance()))
              .setSchemaDescriptor(new InventoryServiceMethodDescriptorSupplier("ReserveInventory"))
              .build();
        }
      }
    }
    return getReserveInventoryMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.omsims.ims.v1.ReleaseReservationRequest,
      com.omsims.ims.v1.ReleaseReservationResponse> getReleaseReservationMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ReleaseReservation",
      requestType = com.omsims.ims.v1.ReleaseReservationRequest.class,
      responseType = com.omsims.ims.v1.ReleaseReservationResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.ims.v1.ReleaseReservationRequest,
      com.omsims.ims.v1.ReleaseReservationResponse> getReleaseReservationMethod() {
    io.grpc.MethodDescriptor<com.omsims.ims.v1.ReleaseReservationRequest, com.omsims.ims.v1.ReleaseReservationResponse> getReleaseReservationMethod;
    if ((getReleaseReservationMethod = InventoryServiceGrpc.getReleaseReservationMethod) == null) {
      synchronized (InventoryServiceGrpc.class) {
        if ((getReleaseReservationMethod = InventoryServiceGrpc.getReleaseReservationMethod) == null) {
          InventoryServiceGrpc.getReleaseReservationMethod = getReleaseReservationMethod =
              io.grpc.MethodDescriptor.<com.omsims.ims.v1.ReleaseReservationRequest, com.omsims.ims.v1.ReleaseReservationResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ReleaseReservation"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.ReleaseReservationRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.ReleaseReservationResponse.getDefaultInstance()))
              .setSchemaDescriptor(new InventoryServiceMethodDescriptorSupplier("ReleaseReservation"))
              .build();
        }
      }
    }
    return getReleaseReservationMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.omsims.ims.v1.CommitReservationRequest,
      com.omsims.ims.v1.CommitReservationResponse> getCommitReservationMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CommitReservation",
      requestType = com.omsims.ims.v1.CommitReservationRequest.class,
      responseType = com.omsims.ims.v1.CommitReservationResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.ims.v1.CommitReservationRequest,
      com.omsims.ims.v1.CommitReservationResponse> getCommitReservationMethod() {
    io.grpc.MethodDescriptor<com.omsims.ims.v1.CommitReservationRequest, com.omsims.ims.v1.CommitReservationResponse> getCommitReservationMethod;
    if ((getCommitReservationMethod = InventoryServiceGrpc.getCommitReservationMethod) == null) {
      synchronized (InventoryServiceGrpc.class) {
        if ((getCommitReservationMethod = InventoryServiceGrpc.getCommitReservationMethod) == null) {
          InventoryServiceGrpc.getCommitReservationMethod = getCommitReservationMethod =
              io.grpc.MethodDescriptor.<com.omsims.ims.v1.CommitReservationRequest, com.omsims.ims.v1.CommitReservationResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CommitReservation"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.CommitReservationRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.CommitReservationResponse.getDefaultInstance()))
              .setSchemaDescriptor(new InventoryServiceMethodDescriptorSupplier("CommitReservation"))
              .build();
        }
      }
    }
    return getCommitReservationMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static InventoryServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<InventoryServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<InventoryServiceStub>() {
        @java.lang.Override
        public InventoryServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new InventoryServiceStub(channel, callOptions);
        }
      };
    return InventoryServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static InventoryServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<InventoryServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<InventoryServiceBlockingV2Stub>() {
        @java.lang.Override
        public InventoryServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new InventoryServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return InventoryServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static InventoryServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<InventoryServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<InventoryServiceBlockingStub>() {
        @java.lang.Override
        public InventoryServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new InventoryServiceBlockingStub(channel, callOptions);
        }
      };
    return InventoryServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static InventoryServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<InventoryServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<InventoryServiceFutureStub>() {
        @java.lang.Override
        public InventoryServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new InventoryServiceFutureStub(channel, callOptions);
        }
      };
    return InventoryServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Stock per (hub, SKU), its ledger, and all-or-nothing reservations.
   * Quantities: `quantity_available = quantity_on_hand - quantity_reserved`, and no operation
   * ever makes it negative. Every stock movement writes one InventoryTransaction (the ledger)
   * in the same database transaction as the change itself.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Sets (absolute) or adjusts (delta) the on-hand quantity of one (hub, SKU), creating the
     * row if it was never stocked. Fails with NOT_FOUND if the hub or SKU does not exist in the
     * tenant, and with FAILED_PRECONDITION if the result would be negative or below the
     * quantity currently reserved.
     * </pre>
     */
    default void upsertInventory(com.omsims.ims.v1.UpsertInventoryRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.UpsertInventoryResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpsertInventoryMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns current quantities of one hub for a set of SKUs: exactly one level per requested
     * SKU, in request order. A (hub, SKU) never stocked comes back with zeros, not an error.
     * </pre>
     */
    default void getInventory(com.omsims.ims.v1.GetInventoryRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.GetInventoryResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetInventoryMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the ledger (audit trail), newest first.
     * </pre>
     */
    default void listInventoryTransactions(com.omsims.ims.v1.ListInventoryTransactionsRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.ListInventoryTransactionsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListInventoryTransactionsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Internal (called by OMS; no REST route). Reserves every line or none, in one database
     * transaction. Idempotent on (tenant_id, reference): once a reservation exists for the
     * reference, later calls reserve nothing more and return it as it is now. A call that fails
     * for lack of stock reserves and records nothing, so the same reference can be retried
     * later (e.g. when stock arrives for an order left on hold).
     * </pre>
     */
    default void reserveInventory(com.omsims.ims.v1.ReserveInventoryRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.ReserveInventoryResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getReserveInventoryMethod(), responseObserver);
    }

    /**
     * <pre>
     * Internal. Releases a RESERVED reservation, returning its quantities to available stock.
     * Idempotent: releasing a RELEASED or EXPIRED reservation returns it unchanged. Fails with
     * NOT_FOUND for an unknown reference and FAILED_PRECONDITION if it was COMMITTED.
     * </pre>
     */
    default void releaseReservation(com.omsims.ims.v1.ReleaseReservationRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.ReleaseReservationResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getReleaseReservationMethod(), responseObserver);
    }

    /**
     * <pre>
     * Internal. Commits a RESERVED reservation: consumes the stock (on-hand and reserved both
     * drop by each line's quantity). Idempotent: committing a COMMITTED reservation returns it
     * unchanged. Fails with NOT_FOUND for an unknown reference and FAILED_PRECONDITION if it
     * was RELEASED or EXPIRED.
     * </pre>
     */
    default void commitReservation(com.omsims.ims.v1.CommitReservationRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.CommitReservationResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCommitReservationMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service InventoryService.
   * <pre>
   * Stock per (hub, SKU), its ledger, and all-or-nothing reservations.
   * Quantities: `quantity_available = quantity_on_hand - quantity_reserved`, and no operation
   * ever makes it negative. Every stock movement writes one InventoryTransaction (the ledger)
   * in the same database transaction as the change itself.
   * </pre>
   */
  public static abstract class InventoryServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return InventoryServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service InventoryService.
   * <pre>
   * Stock per (hub, SKU), its ledger, and all-or-nothing reservations.
   * Quantities: `quantity_available = quantity_on_hand - quantity_reserved`, and no operation
   * ever makes it negative. Every stock movement writes one InventoryTransaction (the ledger)
   * in the same database transaction as the change itself.
   * </pre>
   */
  public static final class InventoryServiceStub
      extends io.grpc.stub.AbstractAsyncStub<InventoryServiceStub> {
    private InventoryServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected InventoryServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new InventoryServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Sets (absolute) or adjusts (delta) the on-hand quantity of one (hub, SKU), creating the
     * row if it was never stocked. Fails with NOT_FOUND if the hub or SKU does not exist in the
     * tenant, and with FAILED_PRECONDITION if the result would be negative or below the
     * quantity currently reserved.
     * </pre>
     */
    public void upsertInventory(com.omsims.ims.v1.UpsertInventoryRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.UpsertInventoryResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpsertInventoryMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns current quantities of one hub for a set of SKUs: exactly one level per requested
     * SKU, in request order. A (hub, SKU) never stocked comes back with zeros, not an error.
     * </pre>
     */
    public void getInventory(com.omsims.ims.v1.GetInventoryRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.GetInventoryResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetInventoryMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the ledger (audit trail), newest first.
     * </pre>
     */
    public void listInventoryTransactions(com.omsims.ims.v1.ListInventoryTransactionsRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.ListInventoryTransactionsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListInventoryTransactionsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Internal (called by OMS; no REST route). Reserves every line or none, in one database
     * transaction. Idempotent on (tenant_id, reference): once a reservation exists for the
     * reference, later calls reserve nothing more and return it as it is now. A call that fails
     * for lack of stock reserves and records nothing, so the same reference can be retried
     * later (e.g. when stock arrives for an order left on hold).
     * </pre>
     */
    public void reserveInventory(com.omsims.ims.v1.ReserveInventoryRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.ReserveInventoryResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getReserveInventoryMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Internal. Releases a RESERVED reservation, returning its quantities to available stock.
     * Idempotent: releasing a RELEASED or EXPIRED reservation returns it unchanged. Fails with
     * NOT_FOUND for an unknown reference and FAILED_PRECONDITION if it was COMMITTED.
     * </pre>
     */
    public void releaseReservation(com.omsims.ims.v1.ReleaseReservationRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.ReleaseReservationResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getReleaseReservationMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Internal. Commits a RESERVED reservation: consumes the stock (on-hand and reserved both
     * drop by each line's quantity). Idempotent: committing a COMMITTED reservation returns it
     * unchanged. Fails with NOT_FOUND for an unknown reference and FAILED_PRECONDITION if it
     * was RELEASED or EXPIRED.
     * </pre>
     */
    public void commitReservation(com.omsims.ims.v1.CommitReservationRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.CommitReservationResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCommitReservationMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service InventoryService.
   * <pre>
   * Stock per (hub, SKU), its ledger, and all-or-nothing reservations.
   * Quantities: `quantity_available = quantity_on_hand - quantity_reserved`, and no operation
   * ever makes it negative. Every stock movement writes one InventoryTransaction (the ledger)
   * in the same database transaction as the change itself.
   * </pre>
   */
  public static final class InventoryServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<InventoryServiceBlockingV2Stub> {
    private InventoryServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected InventoryServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new InventoryServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Sets (absolute) or adjusts (delta) the on-hand quantity of one (hub, SKU), creating the
     * row if it was never stocked. Fails with NOT_FOUND if the hub or SKU does not exist in the
     * tenant, and with FAILED_PRECONDITION if the result would be negative or below the
     * quantity currently reserved.
     * </pre>
     */
    public com.omsims.ims.v1.UpsertInventoryResponse upsertInventory(com.omsims.ims.v1.UpsertInventoryRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getUpsertInventoryMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns current quantities of one hub for a set of SKUs: exactly one level per requested
     * SKU, in request order. A (hub, SKU) never stocked comes back with zeros, not an error.
     * </pre>
     */
    public com.omsims.ims.v1.GetInventoryResponse getInventory(com.omsims.ims.v1.GetInventoryRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetInventoryMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the ledger (audit trail), newest first.
     * </pre>
     */
    public com.omsims.ims.v1.ListInventoryTransactionsResponse listInventoryTransactions(com.omsims.ims.v1.ListInventoryTransactionsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListInventoryTransactionsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Internal (called by OMS; no REST route). Reserves every line or none, in one database
     * transaction. Idempotent on (tenant_id, reference): once a reservation exists for the
     * reference, later calls reserve nothing more and return it as it is now. A call that fails
     * for lack of stock reserves and records nothing, so the same reference can be retried
     * later (e.g. when stock arrives for an order left on hold).
     * </pre>
     */
    public com.omsims.ims.v1.ReserveInventoryResponse reserveInventory(com.omsims.ims.v1.ReserveInventoryRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getReserveInventoryMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Internal. Releases a RESERVED reservation, returning its quantities to available stock.
     * Idempotent: releasing a RELEASED or EXPIRED reservation returns it unchanged. Fails with
     * NOT_FOUND for an unknown reference and FAILED_PRECONDITION if it was COMMITTED.
     * </pre>
     */
    public com.omsims.ims.v1.ReleaseReservationResponse releaseReservation(com.omsims.ims.v1.ReleaseReservationRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getReleaseReservationMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Internal. Commits a RESERVED reservation: consumes the stock (on-hand and reserved both
     * drop by each line's quantity). Idempotent: committing a COMMITTED reservation returns it
     * unchanged. Fails with NOT_FOUND for an unknown reference and FAILED_PRECONDITION if it
     * was RELEASED or EXPIRED.
     * </pre>
     */
    public com.omsims.ims.v1.CommitReservationResponse commitReservation(com.omsims.ims.v1.CommitReservationRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCommitReservationMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service InventoryService.
   * <pre>
   * Stock per (hub, SKU), its ledger, and all-or-nothing reservations.
   * Quantities: `quantity_available = quantity_on_hand - quantity_reserved`, and no operation
   * ever makes it negative. Every stock movement writes one InventoryTransaction (the ledger)
   * in the same database transaction as the change itself.
   * </pre>
   */
  public static final class InventoryServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<InventoryServiceBlockingStub> {
    private InventoryServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected InventoryServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new InventoryServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Sets (absolute) or adjusts (delta) the on-hand quantity of one (hub, SKU), creating the
     * row if it was never stocked. Fails with NOT_FOUND if the hub or SKU does not exist in the
     * tenant, and with FAILED_PRECONDITION if the result would be negative or below the
     * quantity currently reserved.
     * </pre>
     */
    public com.omsims.ims.v1.UpsertInventoryResponse upsertInventory(com.omsims.ims.v1.UpsertInventoryRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpsertInventoryMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns current quantities of one hub for a set of SKUs: exactly one level per requested
     * SKU, in request order. A (hub, SKU) never stocked comes back with zeros, not an error.
     * </pre>
     */
    public com.omsims.ims.v1.GetInventoryResponse getInventory(com.omsims.ims.v1.GetInventoryRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetInventoryMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the ledger (audit trail), newest first.
     * </pre>
     */
    public com.omsims.ims.v1.ListInventoryTransactionsResponse listInventoryTransactions(com.omsims.ims.v1.ListInventoryTransactionsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListInventoryTransactionsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Internal (called by OMS; no REST route). Reserves every line or none, in one database
     * transaction. Idempotent on (tenant_id, reference): once a reservation exists for the
     * reference, later calls reserve nothing more and return it as it is now. A call that fails
     * for lack of stock reserves and records nothing, so the same reference can be retried
     * later (e.g. when stock arrives for an order left on hold).
     * </pre>
     */
    public com.omsims.ims.v1.ReserveInventoryResponse reserveInventory(com.omsims.ims.v1.ReserveInventoryRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getReserveInventoryMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Internal. Releases a RESERVED reservation, returning its quantities to available stock.
     * Idempotent: releasing a RELEASED or EXPIRED reservation returns it unchanged. Fails with
     * NOT_FOUND for an unknown reference and FAILED_PRECONDITION if it was COMMITTED.
     * </pre>
     */
    public com.omsims.ims.v1.ReleaseReservationResponse releaseReservation(com.omsims.ims.v1.ReleaseReservationRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getReleaseReservationMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Internal. Commits a RESERVED reservation: consumes the stock (on-hand and reserved both
     * drop by each line's quantity). Idempotent: committing a COMMITTED reservation returns it
     * unchanged. Fails with NOT_FOUND for an unknown reference and FAILED_PRECONDITION if it
     * was RELEASED or EXPIRED.
     * </pre>
     */
    public com.omsims.ims.v1.CommitReservationResponse commitReservation(com.omsims.ims.v1.CommitReservationRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCommitReservationMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service InventoryService.
   * <pre>
   * Stock per (hub, SKU), its ledger, and all-or-nothing reservations.
   * Quantities: `quantity_available = quantity_on_hand - quantity_reserved`, and no operation
   * ever makes it negative. Every stock movement writes one InventoryTransaction (the ledger)
   * in the same database transaction as the change itself.
   * </pre>
   */
  public static final class InventoryServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<InventoryServiceFutureStub> {
    private InventoryServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected InventoryServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new InventoryServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Sets (absolute) or adjusts (delta) the on-hand quantity of one (hub, SKU), creating the
     * row if it was never stocked. Fails with NOT_FOUND if the hub or SKU does not exist in the
     * tenant, and with FAILED_PRECONDITION if the result would be negative or below the
     * quantity currently reserved.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.ims.v1.UpsertInventoryResponse> upsertInventory(
        com.omsims.ims.v1.UpsertInventoryRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpsertInventoryMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns current quantities of one hub for a set of SKUs: exactly one level per requested
     * SKU, in request order. A (hub, SKU) never stocked comes back with zeros, not an error.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.ims.v1.GetInventoryResponse> getInventory(
        com.omsims.ims.v1.GetInventoryRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetInventoryMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the ledger (audit trail), newest first.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.ims.v1.ListInventoryTransactionsResponse> listInventoryTransactions(
        com.omsims.ims.v1.ListInventoryTransactionsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListInventoryTransactionsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Internal (called by OMS; no REST route). Reserves every line or none, in one database
     * transaction. Idempotent on (tenant_id, reference): once a reservation exists for the
     * reference, later calls reserve nothing more and return it as it is now. A call that fails
     * for lack of stock reserves and records nothing, so the same reference can be retried
     * later (e.g. when stock arrives for an order left on hold).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.ims.v1.ReserveInventoryResponse> reserveInventory(
        com.omsims.ims.v1.ReserveInventoryRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getReserveInventoryMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Internal. Releases a RESERVED reservation, returning its quantities to available stock.
     * Idempotent: releasing a RELEASED or EXPIRED reservation returns it unchanged. Fails with
     * NOT_FOUND for an unknown reference and FAILED_PRECONDITION if it was COMMITTED.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.ims.v1.ReleaseReservationResponse> releaseReservation(
        com.omsims.ims.v1.ReleaseReservationRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getReleaseReservationMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Internal. Commits a RESERVED reservation: consumes the stock (on-hand and reserved both
     * drop by each line's quantity). Idempotent: committing a COMMITTED reservation returns it
     * unchanged. Fails with NOT_FOUND for an unknown reference and FAILED_PRECONDITION if it
     * was RELEASED or EXPIRED.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.ims.v1.CommitReservationResponse> commitReservation(
        com.omsims.ims.v1.CommitReservationRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCommitReservationMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_UPSERT_INVENTORY = 0;
  private static final int METHODID_GET_INVENTORY = 1;
  private static final int METHODID_LIST_INVENTORY_TRANSACTIONS = 2;
  private static final int METHODID_RESERVE_INVENTORY = 3;
  private static final int METHODID_RELEASE_RESERVATION = 4;
  private static final int METHODID_COMMIT_RESERVATION = 5;

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
        case METHODID_UPSERT_INVENTORY:
          serviceImpl.upsertInventory((com.omsims.ims.v1.UpsertInventoryRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.ims.v1.UpsertInventoryResponse>) responseObserver);
          break;
        case METHODID_GET_INVENTORY:
          serviceImpl.getInventory((com.omsims.ims.v1.GetInventoryRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.ims.v1.GetInventoryResponse>) responseObserver);
          break;
        case METHODID_LIST_INVENTORY_TRANSACTIONS:
          serviceImpl.listInventoryTransactions((com.omsims.ims.v1.ListInventoryTransactionsRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.ims.v1.ListInventoryTransactionsResponse>) responseObserver);
          break;
        case METHODID_RESERVE_INVENTORY:
          serviceImpl.reserveInventory((com.omsims.ims.v1.ReserveInventoryRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.ims.v1.ReserveInventoryResponse>) responseObserver);
          break;
        case METHODID_RELEASE_RESERVATION:
          serviceImpl.releaseReservation((com.omsims.ims.v1.ReleaseReservationRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.ims.v1.ReleaseReservationResponse>) responseObserver);
          break;
        case METHODID_COMMIT_RESERVATION:
          serviceImpl.commitReservation((com.omsims.ims.v1.CommitReservationRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.ims.v1.CommitReservationResponse>) responseObserver);
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
          getUpsertInventoryMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.ims.v1.UpsertInventoryRequest,
              com.omsims.ims.v1.UpsertInventoryResponse>(
                service, METHODID_UPSERT_INVENTORY)))
        .addMethod(
          getGetInventoryMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.ims.v1.GetInventoryRequest,
              com.omsims.ims.v1.GetInventoryResponse>(
                service, METHODID_GET_INVENTORY)))
        .addMethod(
          getListInventoryTransactionsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.ims.v1.ListInventoryTransactionsRequest,
              com.omsims.ims.v1.ListInventoryTransactionsResponse>(
                service, METHODID_LIST_INVENTORY_TRANSACTIONS)))
        .addMethod(
          getReserveInventoryMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.ims.v1.ReserveInventoryRequest,
              com.omsims.ims.v1.ReserveInventoryResponse>(
                service, METHODID_RESERVE_INVENTORY)))
        .addMethod(
          getReleaseReservationMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.ims.v1.ReleaseReservationRequest,
              com.omsims.ims.v1.ReleaseReservationResponse>(
                service, METHODID_RELEASE_RESERVATION)))
        .addMethod(
          getCommitReservationMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.ims.v1.CommitReservationRequest,
              com.omsims.ims.v1.CommitReservationResponse>(
                service, METHODID_COMMIT_RESERVATION)))
        .build();
  }

  private static abstract class InventoryServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    InventoryServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return com.omsims.ims.v1.InventoryProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("InventoryService");
    }
  }

  private static final class InventoryServiceFileDescriptorSupplier
      extends InventoryServiceBaseDescriptorSupplier {
    InventoryServiceFileDescriptorSupplier() {}
  }

  private static final class InventoryServiceMethodDescriptorSupplier
      extends InventoryServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    InventoryServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (InventoryServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new InventoryServiceFileDescriptorSupplier())
              .addMethod(getUpsertInventoryMethod())
              .addMethod(getGetInventoryMethod())
              .addMethod(getListInventoryTransactionsMethod())
              .addMethod(getReserveInventoryMethod())
              .addMethod(getReleaseReservationMethod())
              .addMethod(getCommitReservationMethod())
              .build();
        }
      }
    }
    return result;
  }
}

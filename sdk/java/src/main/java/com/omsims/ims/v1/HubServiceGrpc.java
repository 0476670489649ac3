package com.omsims.ims.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Hubs: the warehouses / stores of a seller where inventory is kept.
 * Reads are cached; a read after a successful write always sees that write.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class HubServiceGrpc {

  private HubServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "ims.v1.HubService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<com.omsims.ims.v1.CreateHubRequest,
      com.omsims.ims.v1.CreateHubResponse> getCreateHubMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateHub",
      requestType = com.omsims.ims.v1.CreateHubRequest.class,
      responseType = com.omsims.ims.v1.CreateHubResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.ims.v1.CreateHubRequest,
      com.omsims.ims.v1.CreateHubResponse> getCreateHubMethod() {
    io.grpc.MethodDescriptor<com.omsims.ims.v1.CreateHubRequest, com.omsims.ims.v1.CreateHubResponse> getCreateHubMethod;
    if ((getCreateHubMethod = HubServiceGrpc.getCreateHubMethod) == null) {
      synchronized (HubServiceGrpc.class) {
        if ((getCreateHubMethod = HubServiceGrpc.getCreateHubMethod) == null) {
          HubServiceGrpc.getCreateHubMethod = getCreateHubMethod =
              io.grpc.MethodDescriptor.<com.omsims.ims.v1.CreateHubRequest, com.omsims.ims.v1.CreateHubResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateHub"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.CreateHubRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.CreateHubResponse.getDefaultInstance()))
              .setSchemaDescriptor(new HubServiceMethodDescriptorSupplier("CreateHub"))
              .build();
        }
      }
    }
    return getCreateHubMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.omsims.ims.v1.GetHubRequest,
      com.omsims.ims.v1.GetHubResponse> getGetHubMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetHub",
      requestType = com.omsims.ims.v1.GetHubRequest.class,
      responseType = com.omsims.ims.v1.GetHubResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.ims.v1.GetHubRequest,
      com.omsims.ims.v1.GetHubResponse> getGetHubMethod() {
    io.grpc.MethodDescriptor<com.omsims.ims.v1.GetHubRequest, com.omsims.ims.v1.GetHubResponse> getGetHubMethod;
    if ((getGetHubMethod = HubServiceGrpc.getGetHubMethod) == null) {
      synchronized (HubServiceGrpc.class) {
        if ((getGetHubMethod = HubServiceGrpc.getGetHubMethod) == null) {
          HubServiceGrpc.getGetHubMethod = getGetHubMethod =
              io.grpc.MethodDescriptor.<com.omsims.ims.v1.GetHubRequest, com.omsims.ims.v1.GetHubResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetHub"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.GetHubRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.GetHubResponse.getDefaultInstance()))
              .setSchemaDescriptor(new HubServiceMethodDescriptorSupplier("GetHub"))
              .build();
        }
      }
    }
    return getGetHubMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.omsims.ims.v1.ListHubsRequest,
      com.omsims.ims.v1.ListHubsResponse> getListHubsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListHubs",
      requestType = com.omsims.ims.v1.ListHubsRequest.class,
      responseType = com.omsims.ims.v1.ListHubsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.ims.v1.ListHubsRequest,
      com.omsims.ims.v1.ListHubsResponse> getListHubsMethod() {
    io.grpc.MethodDescriptor<com.omsims.ims.v1.ListHubsRequest, com.omsims.ims.v1.ListHubsResponse> getListHubsMethod;
    if ((getListHubsMethod = HubServiceGrpc.getListHubsMethod) == null) {
      synchronized (HubServiceGrpc.class) {
        if ((getListHubsMethod = HubServiceGrpc.getListHubsMethod) == null) {
          HubServiceGrpc.getListHubsMethod = getListHubsMethod =
              io.grpc.MethodDescriptor.<com.omsims.ims.v1.ListHubsRequest, com.omsims.ims.v1.ListHubsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListHubs"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.ListHubsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.ListHubsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new HubServiceMethodDescriptorSupplier("ListHubs"))
              .build();
        }
      }
    }
    return getListHubsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.omsims.ims.v1.UpdateHubRequest,
      com.omsims.ims.v1.UpdateHubResponse> getUpdateHubMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateHub",
      requestType = com.omsims.ims.v1.UpdateHubRequest.class,
      responseType = com.omsims.ims.v1.UpdateHubResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.ims.v1.UpdateHubRequest,
      com.omsims.ims.v1.UpdateHubResponse> getUpdateHubMethod() {
    io.grpc.MethodDescriptor<com.omsims.ims.v1.UpdateHubRequest, com.omsims.ims.v1.UpdateHubResponse> getUpdateHubMethod;
    if ((getUpdateHubMethod = HubServiceGrpc.getUpdateHubMethod) == null) {
      synchronized (HubServiceGrpc.class) {
        if ((getUpdateHubMethod = HubServiceGrpc.getUpdateHubMethod) == null) {
          HubServiceGrpc.getUpdateHubMethod = getUpdateHubMethod =
              io.grpc.MethodDescriptor.<com.omsims.ims.v1.UpdateHubRequest, com.omsims.ims.v1.UpdateHubResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateHub"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.UpdateHubRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.UpdateHubResponse.getDefaultInstance()))
              .setSchemaDescriptor(new HubServiceMethodDescriptorSupplier("UpdateHub"))
              .build();
        }
      }
    }
    return getUpdateHubMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.omsims.ims.v1.DeleteHubRequest,
      com.omsims.ims.v1.DeleteHubResponse> getDeleteHubMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteHub",
      requestType = com.omsims.ims.v1.DeleteHubRequest.class,
      responseType = com.omsims.ims.v1.DeleteHubResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.ims.v1.DeleteHubRequest,
      com.omsims.ims.v1.DeleteHubResponse> getDeleteHubMethod() {
    io.grpc.MethodDescriptor<com.omsims.ims.v1.DeleteHubRequest, com.omsims.ims.v1.DeleteHubResponse> getDeleteHubMethod;
    if ((getDeleteHubMethod = HubServiceGrpc.getDeleteHubMethod) == null) {
      synchronized (HubServiceGrpc.class) {
        if ((getDeleteHubMethod = HubServiceGrpc.getDeleteHubMethod) == null) {
          HubServiceGrpc.getDeleteHubMethod = getDeleteHubMethod =
              io.grpc.MethodDescriptor.<com.omsims.ims.v1.DeleteHubRequest, com.omsims.ims.v1.DeleteHubResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteHub"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.DeleteHubRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.DeleteHubResponse.getDefaultInstance()))
              .setSchemaDescriptor(new HubServiceMethodDescriptorSupplier("DeleteHub"))
              .build();
        }
      }
    }
    return getDeleteHubMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static HubServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<HubServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<HubServiceStub>() {
        @java.lang.Override
        public HubServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new HubServiceStub(channel, callOptions);
        }
      };
    return HubServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static HubServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<HubServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<HubServiceBlockingV2Stub>() {
        @java.lang.Override
        public HubServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new HubServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return HubServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static HubServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<HubServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<HubServiceBlockingStub>() {
        @java.lang.Override
        public HubServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new HubServiceBlockingStub(channel, callOptions);
        }
      };
    return HubServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static HubServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<HubServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<HubServiceFutureStub>() {
        @java.lang.Override
        public HubServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new HubServiceFutureStub(channel, callOptions);
        }
      };
    return HubServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Hubs: the warehouses / stores of a seller where inventory is kept.
   * Reads are cached; a read after a successful write always sees that write.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Creates a hub. Fails with ALREADY_EXISTS if the code is taken within the tenant.
     * </pre>
     */
    default void createHub(com.omsims.ims.v1.CreateHubRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.CreateHubResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateHubMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one hub of the tenant, or NOT_FOUND.
     * </pre>
     */
    default void getHub(com.omsims.ims.v1.GetHubRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.GetHubResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetHubMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the tenant's hubs, optionally filtered by seller, ids and/or codes.
     * </pre>
     */
    default void listHubs(com.omsims.ims.v1.ListHubsRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.ListHubsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListHubsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Updates a hub's mutable fields (all of them, or those named in update_mask).
     * </pre>
     */
    default void updateHub(com.omsims.ims.v1.UpdateHubRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.UpdateHubResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateHubMethod(), responseObserver);
    }

    /**
     * <pre>
     * Deletes a hub. Fails with FAILED_PRECONDITION while it holds stock or reservations.
     * </pre>
     */
    default void deleteHub(com.omsims.ims.v1.DeleteHubRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.DeleteHubResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteHubMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service HubService.
   * <pre>
   * Hubs: the warehouses / stores of a seller where inventory is kept.
   * Reads are cached; a read after a successful write always sees that write.
   * </pre>
   */
  public static abstract class HubServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return HubServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service HubService.
   * <pre>
   * Hubs: the warehouses / stores of a seller where inventory is kept.
   * Reads are cached; a read after a successful write always sees that write.
   * </pre>
   */
  public static final class HubServiceStub
      extends io.grpc.stub.AbstractAsyncStub<HubServiceStub> {
    private HubServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected HubServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new HubServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a hub. Fails with ALREADY_EXISTS if the code is taken within the tenant.
     * </pre>
     */
    public void createHub(com.omsims.ims.v1.CreateHubRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.CreateHubResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateHubMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one hub of the tenant, or NOT_FOUND.
     * </pre>
     */
    public void getHub(com.omsims.ims.v1.GetHubRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.GetHubResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetHubMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the tenant's hubs, optionally filtered by seller, ids and/or codes.
     * </pre>
     */
    public void listHubs(com.omsims.ims.v1.ListHubsRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.ListHubsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListHubsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Updates a hub's mutable fields (all of them, or those named in update_mask).
     * </pre>
     */
    public void updateHub(com.omsims.ims.v1.UpdateHubRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.UpdateHubResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateHubMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Deletes a hub. Fails with FAILED_PRECONDITION while it holds stock or reservations.
     * </pre>
     */
    public void deleteHub(com.omsims.ims.v1.DeleteHubRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.DeleteHubResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteHubMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service HubService.
   * <pre>
   * Hubs: the warehouses / stores of a seller where inventory is kept.
   * Reads are cached; a read after a successful write always sees that write.
   * </pre>
   */
  public static final class HubServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<HubServiceBlockingV2Stub> {
    private HubServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected HubServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new HubServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a hub. Fails with ALREADY_EXISTS if the code is taken within the tenant.
     * </pre>
     */
    public com.omsims.ims.v1.CreateHubResponse createHub(com.omsims.ims.v1.CreateHubRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCreateHubMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one hub of the tenant, or NOT_FOUND.
     * </pre>
     */
    public com.omsims.ims.v1.GetHubResponse getHub(com.omsims.ims.v1.GetHubRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetHubMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the tenant's hubs, optionally filtered by seller, ids and/or codes.
     * </pre>
     */
    public com.omsims.ims.v1.ListHubsResponse listHubs(com.omsims.ims.v1.ListHubsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListHubsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Updates a hub's mutable fields (all of them, or those named in update_mask).
     * </pre>
     */
    public com.omsims.ims.v1.UpdateHubResponse updateHub(com.omsims.ims.v1.UpdateHubRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getUpdateHubMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes a hub. Fails with FAILED_PRECONDITION while it holds stock or reservations.
     * </pre>
     */
    public com.omsims.ims.v1.DeleteHubResponse deleteHub(com.omsims.ims.v1.DeleteHubRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getDeleteHubMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service HubService.
   * <pre>
   * Hubs: the warehouses / stores of a seller where inventory is kept.
   * Reads are cached; a read after a successful write always sees that write.
   * </pre>
   */
  public static final class HubServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<HubServiceBlockingStub> {
    private HubServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected HubServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new HubServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a hub. Fails with ALREADY_EXISTS if the code is taken within the tenant.
     * </pre>
     */
    public com.omsims.ims.v1.CreateHubResponse createHub(com.omsims.ims.v1.CreateHubRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateHubMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one hub of the tenant, or NOT_FOUND.
     * </pre>
     */
    public com.omsims.ims.v1.GetHubResponse getHub(com.omsims.ims.v1.GetHubRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetHubMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the tenant's hubs, optionally filtered by seller, ids and/or codes.
     * </pre>
     */
    public com.omsims.ims.v1.ListHubsResponse listHubs(com.omsims.ims.v1.ListHubsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListHubsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Updates a hub's mutable fields (all of them, or those named in update_mask).
     * </pre>
     */
    public com.omsims.ims.v1.UpdateHubResponse updateHub(com.omsims.ims.v1.UpdateHubRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateHubMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes a hub. Fails with FAILED_PRECONDITION while it holds stock or reservations.
     * </pre>
     */
    public com.omsims.ims.v1.DeleteHubResponse deleteHub(com.omsims.ims.v1.DeleteHubRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteHubMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service HubService.
   * <pre>
   * Hubs: the warehouses / stores of a seller where inventory is kept.
   * Reads are cached; a read after a successful write always sees that write.
   * </pre>
   */
  public static final class HubServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<HubServiceFutureStub> {
    private HubServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected HubServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new HubServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a hub. Fails with ALREADY_EXISTS if the code is taken within the tenant.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.ims.v1.CreateHubResponse> createHub(
        com.omsims.ims.v1.CreateHubRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateHubMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one hub of the tenant, or NOT_FOUND.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.ims.v1.GetHubResponse> getHub(
        com.omsims.ims.v1.GetHubRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetHubMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the tenant's hubs, optionally filtered by seller, ids and/or codes.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.ims.v1.ListHubsResponse> listHubs(
        com.omsims.ims.v1.ListHubsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListHubsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Updates a hub's mutable fields (all of them, or those named in update_mask).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.ims.v1.UpdateHubResponse> updateHub(
        com.omsims.ims.v1.UpdateHubRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateHubMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Deletes a hub. Fails with FAILED_PRECONDITION while it holds stock or reservations.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.ims.v1.DeleteHubResponse> deleteHub(
        com.omsims.ims.v1.DeleteHubRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteHubMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_HUB = 0;
  private static final int METHODID_GET_HUB = 1;
  private static final int METHODID_LIST_HUBS = 2;
  private static final int METHODID_UPDATE_HUB = 3;
  private static final int METHODID_DELETE_HUB = 4;

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
        case METHODID_CREATE_HUB:
          serviceImpl.createHub((com.omsims.ims.v1.CreateHubRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.ims.v1.CreateHubResponse>) responseObserver);
          break;
        case METHODID_GET_HUB:
          serviceImpl.getHub((com.omsims.ims.v1.GetHubRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.ims.v1.GetHubResponse>) responseObserver);
          break;
        case METHODID_LIST_HUBS:
          serviceImpl.listHubs((com.omsims.ims.v1.ListHubsRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.ims.v1.ListHubsResponse>) responseObserver);
          break;
        case METHODID_UPDATE_HUB:
          serviceImpl.updateHub((com.omsims.ims.v1.UpdateHubRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.ims.v1.UpdateHubResponse>) responseObserver);
          break;
        case METHODID_DELETE_HUB:
          serviceImpl.deleteHub((com.omsims.ims.v1.DeleteHubRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.ims.v1.DeleteHubResponse>) responseObserver);
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
          getCreateHubMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.ims.v1.CreateHubRequest,
              com.omsims.ims.v1.CreateHubResponse>(
                service, METHODID_CREATE_HUB)))
        .addMethod(
          getGetHubMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.ims.v1.GetHubRequest,
              com.omsims.ims.v1.GetHubResponse>(
                service, METHODID_GET_HUB)))
        .addMethod(
          getListHubsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.ims.v1.ListHubsRequest,
              com.omsims.ims.v1.ListHubsResponse>(
                service, METHODID_LIST_HUBS)))
        .addMethod(
          getUpdateHubMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.ims.v1.UpdateHubRequest,
              com.omsims.ims.v1.UpdateHubResponse>(
                service, METHODID_UPDATE_HUB)))
        .addMethod(
          getDeleteHubMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.ims.v1.DeleteHubRequest,
              com.omsims.ims.v1.DeleteHubResponse>(
                service, METHODID_DELETE_HUB)))
        .build();
  }

  private static abstract class HubServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    HubServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return com.omsims.ims.v1.HubProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("HubService");
    }
  }

  private static final class HubServiceFileDescriptorSupplier
      extends HubServiceBaseDescriptorSupplier {
    HubServiceFileDescriptorSupplier() {}
  }

  private static final class HubServiceMethodDescriptorSupplier
      extends HubServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    HubServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (HubServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new HubServiceFileDescriptorSupplier())
              .addMethod(getCreateHubMethod())
              .addMethod(getGetHubMethod())
              .addMethod(getListHubsMethod())
              .addMethod(getUpdateHubMethod())
              .addMethod(getDeleteHubMethod())
              .build();
        }
      }
    }
    return result;
  }
}

package com.omsims.ims.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Sellers: the businesses of a tenant that own hubs and SKUs.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class SellerServiceGrpc {

  private SellerServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "ims.v1.SellerService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<com.omsims.ims.v1.CreateSellerRequest,
      com.omsims.ims.v1.CreateSellerResponse> getCreateSellerMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateSeller",
      requestType = com.omsims.ims.v1.CreateSellerRequest.class,
      responseType = com.omsims.ims.v1.CreateSellerResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.ims.v1.CreateSellerRequest,
      com.omsims.ims.v1.CreateSellerResponse> getCreateSellerMethod() {
    io.grpc.MethodDescriptor<com.omsims.ims.v1.CreateSellerRequest, com.omsims.ims.v1.CreateSellerResponse> getCreateSellerMethod;
    if ((getCreateSellerMethod = SellerServiceGrpc.getCreateSellerMethod) == null) {
      synchronized (SellerServiceGrpc.class) {
        if ((getCreateSellerMethod = SellerServiceGrpc.getCreateSellerMethod) == null) {
          SellerServiceGrpc.getCreateSellerMethod = getCreateSellerMethod =
              io.grpc.MethodDescriptor.<com.omsims.ims.v1.CreateSellerRequest, com.omsims.ims.v1.CreateSellerResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateSeller"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.CreateSellerRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.CreateSellerResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SellerServiceMethodDescriptorSupplier("CreateSeller"))
              .build();
        }
      }
    }
    return getCreateSellerMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.omsims.ims.v1.GetSellerRequest,
      com.omsims.ims.v1.GetSellerResponse> getGetSellerMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetSeller",
      requestType = com.omsims.ims.v1.GetSellerRequest.class,
      responseType = com.omsims.ims.v1.GetSellerResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.ims.v1.GetSellerRequest,
      com.omsims.ims.v1.GetSellerResponse> getGetSellerMethod() {
    io.grpc.MethodDescriptor<com.omsims.ims.v1.GetSellerRequest, com.omsims.ims.v1.GetSellerResponse> getGetSellerMethod;
    if ((getGetSellerMethod = SellerServiceGrpc.getGetSellerMethod) == null) {
      synchronized (SellerServiceGrpc.class) {
        if ((getGetSellerMethod = SellerServiceGrpc.getGetSellerMethod) == null) {
          SellerServiceGrpc.getGetSellerMethod = getGetSellerMethod =
              io.grpc.MethodDescriptor.<com.omsims.ims.v1.GetSellerRequest, com.omsims.ims.v1.GetSellerResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetSeller"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.GetSellerRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.GetSellerResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SellerServiceMethodDescriptorSupplier("GetSeller"))
              .build();
        }
      }
    }
    return getGetSellerMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.omsims.ims.v1.ListSellersRequest,
      com.omsims.ims.v1.ListSellersResponse> getListSellersMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListSellers",
      requestType = com.omsims.ims.v1.ListSellersRequest.class,
      responseType = com.omsims.ims.v1.ListSellersResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.ims.v1.ListSellersRequest,
      com.omsims.ims.v1.ListSellersResponse> getListSellersMethod() {
    io.grpc.MethodDescriptor<com.omsims.ims.v1.ListSellersRequest, com.omsims.ims.v1.ListSellersResponse> getListSellersMethod;
    if ((getListSellersMethod = SellerServiceGrpc.getListSellersMethod) == null) {
      synchronized (SellerServiceGrpc.class) {
        if ((getListSellersMethod = SellerServiceGrpc.getListSellersMethod) == null) {
          SellerServiceGrpc.getListSellersMethod = getListSellersMethod =
              io.grpc.MethodDescriptor.<com.omsims.ims.v1.ListSellersRequest, com.omsims.ims.v1.ListSellersResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListSellers"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.ListSellersRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.ListSellersResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SellerServiceMethodDescriptorSupplier("ListSellers"))
              .build();
        }
      }
    }
    return getListSellersMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.omsims.ims.v1.UpdateSellerRequest,
      com.omsims.ims.v1.UpdateSellerResponse> getUpdateSellerMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateSeller",
      requestType = com.omsims.ims.v1.UpdateSellerRequest.class,
      responseType = com.omsims.ims.v1.UpdateSellerResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.ims.v1.UpdateSellerRequest,
      com.omsims.ims.v1.UpdateSellerResponse> getUpdateSellerMethod() {
    io.grpc.MethodDescriptor<com.omsims.ims.v1.UpdateSellerRequest, com.omsims.ims.v1.UpdateSellerResponse> getUpdateSellerMethod;
    if ((getUpdateSellerMethod = SellerServiceGrpc.getUpdateSellerMethod) == null) {
      synchronized (SellerServiceGrpc.class) {
        if ((getUpdateSellerMethod = SellerServiceGrpc.getUpdateSellerMethod) == null) {
          SellerServiceGrpc.getUpdateSellerMethod = getUpdateSellerMethod =
              io.grpc.MethodDescriptor.<com.omsims.ims.v1.UpdateSellerRequest, com.omsims.ims.v1.UpdateSellerResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateSeller"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.UpdateSellerRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.UpdateSellerResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SellerServiceMethodDescriptorSupplier("UpdateSeller"))
              .build();
        }
      }
    }
    return getUpdateSellerMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.omsims.ims.v1.DeleteSellerRequest,
      com.omsims.ims.v1.DeleteSellerResponse> getDeleteSellerMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteSeller",
      requestType = com.omsims.ims.v1.DeleteSellerRequest.class,
      responseType = com.omsims.ims.v1.DeleteSellerResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.ims.v1.DeleteSellerRequest,
      com.omsims.ims.v1.DeleteSellerResponse> getDeleteSellerMethod() {
    io.grpc.MethodDescriptor<com.omsims.ims.v1.DeleteSellerRequest, com.omsims.ims.v1.DeleteSellerResponse> getDeleteSellerMethod;
    if ((getDeleteSellerMethod = SellerServiceGrpc.getDeleteSellerMethod) == null) {
      synchronized (SellerServiceGrpc.class) {
        if ((getDeleteSellerMethod = SellerServiceGrpc.getDeleteSellerMethod) == null) {
          SellerServiceGrpc.getDeleteSellerMethod = getDeleteSellerMethod =
              io.grpc.MethodDescriptor.<com.omsims.ims.v1.DeleteSellerRequest, com.omsims.ims.v1.DeleteSellerResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteSeller"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.DeleteSellerRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.DeleteSellerResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SellerServiceMethodDescriptorSupplier("DeleteSeller"))
              .build();
        }
      }
    }
    return getDeleteSellerMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static SellerServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SellerServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SellerServiceStub>() {
        @java.lang.Override
        public SellerServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SellerServiceStub(channel, callOptions);
        }
      };
    return SellerServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static SellerServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SellerServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SellerServiceBlockingV2Stub>() {
        @java.lang.Override
        public SellerServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SellerServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return SellerServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static SellerServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SellerServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SellerServiceBlockingStub>() {
        @java.lang.Override
        public SellerServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SellerServiceBlockingStub(channel, callOptions);
        }
      };
    return SellerServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static SellerServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SellerServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SellerServiceFutureStub>() {
        @java.lang.Override
        public SellerServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SellerServiceFutureStub(channel, callOptions);
        }
      };
    return SellerServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Sellers: the businesses of a tenant that own hubs and SKUs.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Creates a seller. Fails with ALREADY_EXISTS if the code is taken within the tenant.
     * </pre>
     */
    default void createSeller(com.omsims.ims.v1.CreateSellerRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.CreateSellerResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateSellerMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one seller of the tenant, or NOT_FOUND.
     * </pre>
     */
    default void getSeller(com.omsims.ims.v1.GetSellerRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.GetSellerResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetSellerMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the tenant's sellers, optionally filtered by ids and/or codes.
     * </pre>
     */
    default void listSellers(com.omsims.ims.v1.ListSellersRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.ListSellersResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListSellersMethod(), responseObserver);
    }

    /**
     * <pre>
     * Updates a seller's mutable fields (all of them, or those named in update_mask).
     * </pre>
     */
    default void updateSeller(com.omsims.ims.v1.UpdateSellerRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.UpdateSellerResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateSellerMethod(), responseObserver);
    }

    /**
     * <pre>
     * Deletes a seller. Fails with FAILED_PRECONDITION while it still owns hubs or SKUs.
     * </pre>
     */
    default void deleteSeller(com.omsims.ims.v1.DeleteSellerRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.DeleteSellerResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteSellerMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service SellerService.
   * <pre>
   * Sellers: the businesses of a tenant that own hubs and SKUs.
   * </pre>
   */
  public static abstract class SellerServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return SellerServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service SellerService.
   * <pre>
   * Sellers: the businesses of a tenant that own hubs and SKUs.
   * </pre>
   */
  public static final class SellerServiceStub
      extends io.grpc.stub.AbstractAsyncStub<SellerServiceStub> {
    private SellerServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SellerServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SellerServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a seller. Fails with ALREADY_EXISTS if the code is taken within the tenant.
     * </pre>
     */
    public void createSeller(com.omsims.ims.v1.CreateSellerRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.CreateSellerResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateSellerMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one seller of the tenant, or NOT_FOUND.
     * </pre>
     */
    public void getSeller(com.omsims.ims.v1.GetSellerRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.GetSellerResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetSellerMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the tenant's sellers, optionally filtered by ids and/or codes.
     * </pre>
     */
    public void listSellers(com.omsims.ims.v1.ListSellersRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.ListSellersResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListSellersMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Updates a seller's mutable fields (all of them, or those named in update_mask).
     * </pre>
     */
    public void updateSeller(com.omsims.ims.v1.UpdateSellerRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.UpdateSellerResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateSellerMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Deletes a seller. Fails with FAILED_PRECONDITION while it still owns hubs or SKUs.
     * </pre>
     */
    public void deleteSeller(com.omsims.ims.v1.DeleteSellerRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.DeleteSellerResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteSellerMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service SellerService.
   * <pre>
   * Sellers: the businesses of a tenant that own hubs and SKUs.
   * </pre>
   */
  public static final class SellerServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<SellerServiceBlockingV2Stub> {
    private SellerServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SellerServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SellerServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a seller. Fails with ALREADY_EXISTS if the code is taken within the tenant.
     * </pre>
     */
    public com.omsims.ims.v1.CreateSellerResponse createSeller(com.omsims.ims.v1.CreateSellerRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCreateSellerMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one seller of the tenant, or NOT_FOUND.
     * </pre>
     */
    public com.omsims.ims.v1.GetSellerResponse getSeller(com.omsims.ims.v1.GetSellerRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetSellerMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the tenant's sellers, optionally filtered by ids and/or codes.
     * </pre>
     */
    public com.omsims.ims.v1.ListSellersResponse listSellers(com.omsims.ims.v1.ListSellersRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListSellersMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Updates a seller's mutable fields (all of them, or those named in update_mask).
     * </pre>
     */
    public com.omsims.ims.v1.UpdateSellerResponse updateSeller(com.omsims.ims.v1.UpdateSellerRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getUpdateSellerMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes a seller. Fails with FAILED_PRECONDITION while it still owns hubs or SKUs.
     * </pre>
     */
    public com.omsims.ims.v1.DeleteSellerResponse deleteSeller(com.omsims.ims.v1.DeleteSellerRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getDeleteSellerMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service SellerService.
   * <pre>
   * Sellers: the businesses of a tenant that own hubs and SKUs.
   * </pre>
   */
  public static final class SellerServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<SellerServiceBlockingStub> {
    private SellerServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SellerServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SellerServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a seller. Fails with ALREADY_EXISTS if the code is taken within the tenant.
     * </pre>
     */
    public com.omsims.ims.v1.CreateSellerResponse createSeller(com.omsims.ims.v1.CreateSellerRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateSellerMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one seller of the tenant, or NOT_FOUND.
     * </pre>
     */
    public com.omsims.ims.v1.GetSellerResponse getSeller(com.omsims.ims.v1.GetSellerRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetSellerMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the tenant's sellers, optionally filtered by ids and/or codes.
     * </pre>
     */
    public com.omsims.ims.v1.ListSellersResponse listSellers(com.omsims.ims.v1.ListSellersRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListSellersMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Updates a seller's mutable fields (all of them, or those named in update_mask).
     * </pre>
     */
    public com.omsims.ims.v1.UpdateSellerResponse updateSeller(com.omsims.ims.v1.UpdateSellerRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateSellerMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes a seller. Fails with FAILED_PRECONDITION while it still owns hubs or SKUs.
     * </pre>
     */
    public com.omsims.ims.v1.DeleteSellerResponse deleteSeller(com.omsims.ims.v1.DeleteSellerRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteSellerMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service SellerService.
   * <pre>
   * Sellers: the businesses of a tenant that own hubs and SKUs.
   * </pre>
   */
  public static final class SellerServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<SellerServiceFutureStub> {
    private SellerServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SellerServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SellerServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a seller. Fails with ALREADY_EXISTS if the code is taken within the tenant.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.ims.v1.CreateSellerResponse> createSeller(
        com.omsims.ims.v1.CreateSellerRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateSellerMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one seller of the tenant, or NOT_FOUND.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.ims.v1.GetSellerResponse> getSeller(
        com.omsims.ims.v1.GetSellerRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetSellerMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the tenant's sellers, optionally filtered by ids and/or codes.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.ims.v1.ListSellersResponse> listSellers(
        com.omsims.ims.v1.ListSellersRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListSellersMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Updates a seller's mutable fields (all of them, or those named in update_mask).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.ims.v1.UpdateSellerResponse> updateSeller(
        com.omsims.ims.v1.UpdateSellerRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateSellerMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Deletes a seller. Fails with FAILED_PRECONDITION while it still owns hubs or SKUs.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.ims.v1.DeleteSellerResponse> deleteSeller(
        com.omsims.ims.v1.DeleteSellerRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteSellerMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_SELLER = 0;
  private static final int METHODID_GET_SELLER = 1;
  private static final int METHODID_LIST_SELLERS = 2;
  private static final int METHODID_UPDATE_SELLER = 3;
  private static final int METHODID_DELETE_SELLER = 4;

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
        case METHODID_CREATE_SELLER:
          serviceImpl.createSeller((com.omsims.ims.v1.CreateSellerRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.ims.v1.CreateSellerResponse>) responseObserver);
          break;
        case METHODID_GET_SELLER:
          serviceImpl.getSeller((com.omsims.ims.v1.GetSellerRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.ims.v1.GetSellerResponse>) responseObserver);
          break;
        case METHODID_LIST_SELLERS:
          serviceImpl.listSellers((com.omsims.ims.v1.ListSellersRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.ims.v1.ListSellersResponse>) responseObserver);
          break;
        case METHODID_UPDATE_SELLER:
          serviceImpl.updateSeller((com.omsims.ims.v1.UpdateSellerRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.ims.v1.UpdateSellerResponse>) responseObserver);
          break;
        case METHODID_DELETE_SELLER:
          serviceImpl.deleteSeller((com.omsims.ims.v1.DeleteSellerRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.ims.v1.DeleteSellerResponse>) responseObserver);
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
          getCreateSellerMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.ims.v1.CreateSellerRequest,
              com.omsims.ims.v1.CreateSellerResponse>(
                service, METHODID_CREATE_SELLER)))
        .addMethod(
          getGetSellerMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.ims.v1.GetSellerRequest,
              com.omsims.ims.v1.GetSellerResponse>(
                service, METHODID_GET_SELLER)))
        .addMethod(
          getListSellersMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.ims.v1.ListSellersRequest,
              com.omsims.ims.v1.ListSellersResponse>(
                service, METHODID_LIST_SELLERS)))
        .addMethod(
          getUpdateSellerMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.ims.v1.UpdateSellerRequest,
              com.omsims.ims.v1.UpdateSellerResponse>(
                service, METHODID_UPDATE_SELLER)))
        .addMethod(
          getDeleteSellerMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.ims.v1.DeleteSellerRequest,
              com.omsims.ims.v1.DeleteSellerResponse>(
                service, METHODID_DELETE_SELLER)))
        .build();
  }

  private static abstract class SellerServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    SellerServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return com.omsims.ims.v1.SellerProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("SellerService");
    }
  }

  private static final class SellerServiceFileDescriptorSupplier
      extends SellerServiceBaseDescriptorSupplier {
    SellerServiceFileDescriptorSupplier() {}
  }

  private static final class SellerServiceMethodDescriptorSupplier
      extends SellerServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    SellerServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (SellerServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new SellerServiceFileDescriptorSupplier())
              .addMethod(getCreateSellerMethod())
              .addMethod(getGetSellerMethod())
              .addMethod(getListSellersMethod())
              .addMethod(getUpdateSellerMethod())
              .addMethod(getDeleteSellerMethod())
              .build();
        }
      }
    }
    return result;
  }
}

package com.omsims.ims.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * SKUs: the stock-keeping units (products) a seller sells.
 * Reads are cached; a read after a successful write always sees that write.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class SkuServiceGrpc {

  private SkuServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "ims.v1.SkuService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<com.omsims.ims.v1.CreateSkuRequest,
      com.omsims.ims.v1.CreateSkuResponse> getCreateSkuMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateSku",
      requestType = com.omsims.ims.v1.CreateSkuRequest.class,
      responseType = com.omsims.ims.v1.CreateSkuResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.ims.v1.CreateSkuRequest,
      com.omsims.ims.v1.CreateSkuResponse> getCreateSkuMethod() {
    io.grpc.MethodDescriptor<com.omsims.ims.v1.CreateSkuRequest, com.omsims.ims.v1.CreateSkuResponse> getCreateSkuMethod;
    if ((getCreateSkuMethod = SkuServiceGrpc.getCreateSkuMethod) == null) {
      synchronized (SkuServiceGrpc.class) {
        if ((getCreateSkuMethod = SkuServiceGrpc.getCreateSkuMethod) == null) {
          SkuServiceGrpc.getCreateSkuMethod = getCreateSkuMethod =
              io.grpc.MethodDescriptor.<com.omsims.ims.v1.CreateSkuRequest, com.omsims.ims.v1.CreateSkuResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateSku"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.CreateSkuRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.CreateSkuResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SkuServiceMethodDescriptorSupplier("CreateSku"))
              .build();
        }
      }
    }
    return getCreateSkuMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.omsims.ims.v1.GetSkuRequest,
      com.omsims.ims.v1.GetSkuResponse> getGetSkuMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetSku",
      requestType = com.omsims.ims.v1.GetSkuRequest.class,
      responseType = com.omsims.ims.v1.GetSkuResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.ims.v1.GetSkuRequest,
      com.omsims.ims.v1.GetSkuResponse> getGetSkuMethod() {
    io.grpc.MethodDescriptor<com.omsims.ims.v1.GetSkuRequest, com.omsims.ims.v1.GetSkuResponse> getGetSkuMethod;
    if ((getGetSkuMethod = SkuServiceGrpc.getGetSkuMethod) == null) {
      synchronized (SkuServiceGrpc.class) {
        if ((getGetSkuMethod = SkuServiceGrpc.getGetSkuMethod) == null) {
          SkuServiceGrpc.getGetSkuMethod = getGetSkuMethod =
              io.grpc.MethodDescriptor.<com.omsims.ims.v1.GetSkuRequest, com.omsims.ims.v1.GetSkuResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetSku"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.GetSkuRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.GetSkuResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SkuServiceMethodDescriptorSupplier("GetSku"))
              .build();
        }
      }
    }
    return getGetSkuMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.omsims.ims.v1.ListSkusRequest,
      com.omsims.ims.v1.ListSkusResponse> getListSkusMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListSkus",
      requestType = com.omsims.ims.v1.ListSkusRequest.class,
      responseType = com.omsims.ims.v1.ListSkusResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.ims.v1.ListSkusRequest,
      com.omsims.ims.v1.ListSkusResponse> getListSkusMethod() {
    io.grpc.MethodDescriptor<com.omsims.ims.v1.ListSkusRequest, com.omsims.ims.v1.ListSkusResponse> getListSkusMethod;
    if ((getListSkusMethod = SkuServiceGrpc.getListSkusMethod) == null) {
      synchronized (SkuServiceGrpc.class) {
        if ((getListSkusMethod = SkuServiceGrpc.getListSkusMethod) == null) {
          SkuServiceGrpc.getListSkusMethod = getListSkusMethod =
              io.grpc.MethodDescriptor.<com.omsims.ims.v1.ListSkusRequest, com.omsims.ims.v1.ListSkusResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListSkus"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.ListSkusRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.ListSkusResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SkuServiceMethodDescriptorSupplier("ListSkus"))
              .build();
        }
      }
    }
    return getListSkusMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.omsims.ims.v1.UpdateSkuRequest,
      com.omsims.ims.v1.UpdateSkuResponse> getUpdateSkuMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateSku",
      requestType = com.omsims.ims.v1.UpdateSkuRequest.class,
      responseType = com.omsims.ims.v1.UpdateSkuResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.ims.v1.UpdateSkuRequest,
      com.omsims.ims.v1.UpdateSkuResponse> getUpdateSkuMethod() {
    io.grpc.MethodDescriptor<com.omsims.ims.v1.UpdateSkuRequest, com.omsims.ims.v1.UpdateSkuResponse> getUpdateSkuMethod;
    if ((getUpdateSkuMethod = SkuServiceGrpc.getUpdateSkuMethod) == null) {
      synchronized (SkuServiceGrpc.class) {
        if ((getUpdateSkuMethod = SkuServiceGrpc.getUpdateSkuMethod) == null) {
          SkuServiceGrpc.getUpdateSkuMethod = getUpdateSkuMethod =
              io.grpc.MethodDescriptor.<com.omsims.ims.v1.UpdateSkuRequest, com.omsims.ims.v1.UpdateSkuResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateSku"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.UpdateSkuRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.UpdateSkuResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SkuServiceMethodDescriptorSupplier("UpdateSku"))
              .build();
        }
      }
    }
    return getUpdateSkuMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.omsims.ims.v1.DeleteSkuRequest,
      com.omsims.ims.v1.DeleteSkuResponse> getDeleteSkuMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteSku",
      requestType = com.omsims.ims.v1.DeleteSkuRequest.class,
      responseType = com.omsims.ims.v1.DeleteSkuResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.ims.v1.DeleteSkuRequest,
      com.omsims.ims.v1.DeleteSkuResponse> getDeleteSkuMethod() {
    io.grpc.MethodDescriptor<com.omsims.ims.v1.DeleteSkuRequest, com.omsims.ims.v1.DeleteSkuResponse> getDeleteSkuMethod;
    if ((getDeleteSkuMethod = SkuServiceGrpc.getDeleteSkuMethod) == null) {
      synchronized (SkuServiceGrpc.class) {
        if ((getDeleteSkuMethod = SkuServiceGrpc.getDeleteSkuMethod) == null) {
          SkuServiceGrpc.getDeleteSkuMethod = getDeleteSkuMethod =
              io.grpc.MethodDescriptor.<com.omsims.ims.v1.DeleteSkuRequest, com.omsims.ims.v1.DeleteSkuResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteSku"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.DeleteSkuRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.DeleteSkuResponse.getDefaultInstance()))
              .setSchemaDescriptor(new SkuServiceMethodDescriptorSupplier("DeleteSku"))
              .build();
        }
      }
    }
    return getDeleteSkuMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static SkuServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SkuServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SkuServiceStub>() {
        @java.lang.Override
        public SkuServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SkuServiceStub(channel, callOptions);
        }
      };
    return SkuServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static SkuServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SkuServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SkuServiceBlockingV2Stub>() {
        @java.lang.Override
        public SkuServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SkuServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return SkuServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static SkuServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SkuServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SkuServiceBlockingStub>() {
        @java.lang.Override
        public SkuServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SkuServiceBlockingStub(channel, callOptions);
        }
      };
    return SkuServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static SkuServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<SkuServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<SkuServiceFutureStub>() {
        @java.lang.Override
        public SkuServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new SkuServiceFutureStub(channel, callOptions);
        }
      };
    return SkuServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * SKUs: the stock-keeping units (products) a seller sells.
   * Reads are cached; a read after a successful write always sees that write.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Creates a SKU. Fails with ALREADY_EXISTS if the code is taken within the tenant.
     * </pre>
     */
    default void createSku(com.omsims.ims.v1.CreateSkuRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.CreateSkuResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateSkuMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one SKU of the tenant, or NOT_FOUND.
     * </pre>
     */
    default void getSku(com.omsims.ims.v1.GetSkuRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.GetSkuResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetSkuMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the tenant's SKUs, optionally filtered by seller, category, ids and/or codes.
     * </pre>
     */
    default void listSkus(com.omsims.ims.v1.ListSkusRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.ListSkusResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListSkusMethod(), responseObserver);
    }

    /**
     * <pre>
     * Updates a SKU's mutable fields (all of them, or those named in update_mask).
     * </pre>
     */
    default void updateSku(com.omsims.ims.v1.UpdateSkuRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.UpdateSkuResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateSkuMethod(), responseObserver);
    }

    /**
     * <pre>
     * Deletes a SKU. Fails with FAILED_PRECONDITION while it holds stock or reservations.
     * </pre>
     */
    default void deleteSku(com.omsims.ims.v1.DeleteSkuRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.DeleteSkuResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteSkuMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service SkuService.
   * <pre>
   * SKUs: the stock-keeping units (products) a seller sells.
   * Reads are cached; a read after a successful write always sees that write.
   * </pre>
   */
  public static abstract class SkuServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return SkuServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service SkuService.
   * <pre>
   * SKUs: the stock-keeping units (products) a seller sells.
   * Reads are cached; a read after a successful write always sees that write.
   * </pre>
   */
  public static final class SkuServiceStub
      extends io.grpc.stub.AbstractAsyncStub<SkuServiceStub> {
    private SkuServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SkuServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SkuServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a SKU. Fails with ALREADY_EXISTS if the code is taken within the tenant.
     * </pre>
     */
    public void createSku(com.omsims.ims.v1.CreateSkuRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.CreateSkuResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateSkuMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one SKU of the tenant, or NOT_FOUND.
     * </pre>
     */
    public void getSku(com.omsims.ims.v1.GetSkuRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.GetSkuResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetSkuMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the tenant's SKUs, optionally filtered by seller, category, ids and/or codes.
     * </pre>
     */
    public void listSkus(com.omsims.ims.v1.ListSkusRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.ListSkusResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListSkusMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Updates a SKU's mutable fields (all of them, or those named in update_mask).
     * </pre>
     */
    public void updateSku(com.omsims.ims.v1.UpdateSkuRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.UpdateSkuResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateSkuMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Deletes a SKU. Fails with FAILED_PRECONDITION while it holds stock or reservations.
     * </pre>
     */
    public void deleteSku(com.omsims.ims.v1.DeleteSkuRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.DeleteSkuResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteSkuMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service SkuService.
   * <pre>
   * SKUs: the stock-keeping units (products) a seller sells.
   * Reads are cached; a read after a successful write always sees that write.
   * </pre>
   */
  public static final class SkuServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<SkuServiceBlockingV2Stub> {
    private SkuServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SkuServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SkuServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a SKU. Fails with ALREADY_EXISTS if the code is taken within the tenant.
     * </pre>
     */
    public com.omsims.ims.v1.CreateSkuResponse createSku(com.omsims.ims.v1.CreateSkuRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCreateSkuMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one SKU of the tenant, or NOT_FOUND.
     * </pre>
     */
    public com.omsims.ims.v1.GetSkuResponse getSku(com.omsims.ims.v1.GetSkuRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetSkuMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the tenant's SKUs, optionally filtered by seller, category, ids and/or codes.
     * </pre>
     */
    public com.omsims.ims.v1.ListSkusResponse listSkus(com.omsims.ims.v1.ListSkusRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListSkusMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Updates a SKU's mutable fields (all of them, or those named in update_mask).
     * </pre>
     */
    public com.omsims.ims.v1.UpdateSkuResponse updateSku(com.omsims.ims.v1.UpdateSkuRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getUpdateSkuMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes a SKU. Fails with FAILED_PRECONDITION while it holds stock or reservations.
     * </pre>
     */
    public com.omsims.ims.v1.DeleteSkuResponse deleteSku(com.omsims.ims.v1.DeleteSkuRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getDeleteSkuMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service SkuService.
   * <pre>
   * SKUs: the stock-keeping units (products) a seller sells.
   * Reads are cached; a read after a successful write always sees that write.
   * </pre>
   */
  public static final class SkuServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<SkuServiceBlockingStub> {
    private SkuServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SkuServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SkuServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a SKU. Fails with ALREADY_EXISTS if the code is taken within the tenant.
     * </pre>
     */
    public com.omsims.ims.v1.CreateSkuResponse createSku(com.omsims.ims.v1.CreateSkuRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateSkuMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one SKU of the tenant, or NOT_FOUND.
     * </pre>
     */
    public com.omsims.ims.v1.GetSkuResponse getSku(com.omsims.ims.v1.GetSkuRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetSkuMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the tenant's SKUs, optionally filtered by seller, category, ids and/or codes.
     * </pre>
     */
    public com.omsims.ims.v1.ListSkusResponse listSkus(com.omsims.ims.v1.ListSkusRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListSkusMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Updates a SKU's mutable fields (all of them, or those named in update_mask).
     * </pre>
     */
    public com.omsims.ims.v1.UpdateSkuResponse updateSku(com.omsims.ims.v1.UpdateSkuRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateSkuMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes a SKU. Fails with FAILED_PRECONDITION while it holds stock or reservations.
     * </pre>
     */
    public com.omsims.ims.v1.DeleteSkuResponse deleteSku(com.omsims.ims.v1.DeleteSkuRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteSkuMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service SkuService.
   * <pre>
   * SKUs: the stock-keeping units (products) a seller sells.
   * Reads are cached; a read after a successful write always sees that write.
   * </pre>
   */
  public static final class SkuServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<SkuServiceFutureStub> {
    private SkuServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected SkuServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new SkuServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a SKU. Fails with ALREADY_EXISTS if the code is taken within the tenant.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.ims.v1.CreateSkuResponse> createSku(
        com.omsims.ims.v1.CreateSkuRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateSkuMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one SKU of the tenant, or NOT_FOUND.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.ims.v1.GetSkuResponse> getSku(
        com.omsims.ims.v1.GetSkuRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetSkuMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the tenant's SKUs, optionally filtered by seller, category, ids and/or codes.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.ims.v1.ListSkusResponse> listSkus(
        com.omsims.ims.v1.ListSkusRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListSkusMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Updates a SKU's mutable fields (all of them, or those named in update_mask).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.ims.v1.UpdateSkuResponse> updateSku(
        com.omsims.ims.v1.UpdateSkuRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateSkuMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Deletes a SKU. Fails with FAILED_PRECONDITION while it holds stock or reservations.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.ims.v1.DeleteSkuResponse> deleteSku(
        com.omsims.ims.v1.DeleteSkuRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteSkuMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_SKU = 0;
  private static final int METHODID_GET_SKU = 1;
  private static final int METHODID_LIST_SKUS = 2;
  private static final int METHODID_UPDATE_SKU = 3;
  private static final int METHODID_DELETE_SKU = 4;

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
        case METHODID_CREATE_SKU:
          serviceImpl.createSku((com.omsims.ims.v1.CreateSkuRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.ims.v1.CreateSkuResponse>) responseObserver);
          break;
        case METHODID_GET_SKU:
          serviceImpl.getSku((com.omsims.ims.v1.GetSkuRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.ims.v1.GetSkuResponse>) responseObserver);
          break;
        case METHODID_LIST_SKUS:
          serviceImpl.listSkus((com.omsims.ims.v1.ListSkusRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.ims.v1.ListSkusResponse>) responseObserver);
          break;
        case METHODID_UPDATE_SKU:
          serviceImpl.updateSku((com.omsims.ims.v1.UpdateSkuRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.ims.v1.UpdateSkuResponse>) responseObserver);
          break;
        case METHODID_DELETE_SKU:
          serviceImpl.deleteSku((com.omsims.ims.v1.DeleteSkuRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.ims.v1.DeleteSkuResponse>) responseObserver);
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
          getCreateSkuMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.ims.v1.CreateSkuRequest,
              com.omsims.ims.v1.CreateSkuResponse>(
                service, METHODID_CREATE_SKU)))
        .addMethod(
          getGetSkuMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.ims.v1.GetSkuRequest,
              com.omsims.ims.v1.GetSkuResponse>(
                service, METHODID_GET_SKU)))
        .addMethod(
          getListSkusMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.ims.v1.ListSkusRequest,
              com.omsims.ims.v1.ListSkusResponse>(
                service, METHODID_LIST_SKUS)))
        .addMethod(
          getUpdateSkuMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.ims.v1.UpdateSkuRequest,
              com.omsims.ims.v1.UpdateSkuResponse>(
                service, METHODID_UPDATE_SKU)))
        .addMethod(
          getDeleteSkuMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.ims.v1.DeleteSkuRequest,
              com.omsims.ims.v1.DeleteSkuResponse>(
                service, METHODID_DELETE_SKU)))
        .build();
  }

  private static abstract class SkuServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    SkuServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return com.omsims.ims.v1.SkuProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("SkuService");
    }
  }

  private static final class SkuServiceFileDescriptorSupplier
      extends SkuServiceBaseDescriptorSupplier {
    SkuServiceFileDescriptorSupplier() {}
  }

  private static final class SkuServiceMethodDescriptorSupplier
      extends SkuServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    SkuServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (SkuServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new SkuServiceFileDescriptorSupplier())
              .addMethod(getCreateSkuMethod())
              .addMethod(getGetSkuMethod())
              .addMethod(getListSkusMethod())
              .addMethod(getUpdateSkuMethod())
              .addMethod(getDeleteSkuMethod())
              .build();
        }
      }
    }
    return result;
  }
}

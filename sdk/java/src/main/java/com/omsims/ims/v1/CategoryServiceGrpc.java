package com.omsims.ims.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Product categories of a tenant, optionally nested through `parent_id`.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class CategoryServiceGrpc {

  private CategoryServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "ims.v1.CategoryService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<com.omsims.ims.v1.CreateCategoryRequest,
      com.omsims.ims.v1.CreateCategoryResponse> getCreateCategoryMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateCategory",
      requestType = com.omsims.ims.v1.CreateCategoryRequest.class,
      responseType = com.omsims.ims.v1.CreateCategoryResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.ims.v1.CreateCategoryRequest,
      com.omsims.ims.v1.CreateCategoryResponse> getCreateCategoryMethod() {
    io.grpc.MethodDescriptor<com.omsims.ims.v1.CreateCategoryRequest, com.omsims.ims.v1.CreateCategoryResponse> getCreateCategoryMethod;
    if ((getCreateCategoryMethod = CategoryServiceGrpc.getCreateCategoryMethod) == null) {
      synchronized (CategoryServiceGrpc.class) {
        if ((getCreateCategoryMethod = CategoryServiceGrpc.getCreateCategoryMethod) == null) {
          CategoryServiceGrpc.getCreateCategoryMethod = getCreateCategoryMethod =
              io.grpc.MethodDescriptor.<com.omsims.ims.v1.CreateCategoryRequest, com.omsims.ims.v1.CreateCategoryResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateCategory"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.CreateCategoryRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.CreateCategoryResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CategoryServiceMethodDescriptorSupplier("CreateCategory"))
              .build();
        }
      }
    }
    return getCreateCategoryMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.omsims.ims.v1.GetCategoryRequest,
      com.omsims.ims.v1.GetCategoryResponse> getGetCategoryMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetCategory",
      requestType = com.omsims.ims.v1.GetCategoryRequest.class,
      responseType = com.omsims.ims.v1.GetCategoryResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.ims.v1.GetCategoryRequest,
      com.omsims.ims.v1.GetCategoryResponse> getGetCategoryMethod() {
    io.grpc.MethodDescriptor<com.omsims.ims.v1.GetCategoryRequest, com.omsims.ims.v1.GetCategoryResponse> getGetCategoryMethod;
    if ((getGetCategoryMethod = CategoryServiceGrpc.getGetCategoryMethod) == null) {
      synchronized (CategoryServiceGrpc.class) {
        if ((getGetCategoryMethod = CategoryServiceGrpc.getGetCategoryMethod) == null) {
          CategoryServiceGrpc.getGetCategoryMethod = getGetCategoryMethod =
              io.grpc.MethodDescriptor.<com.omsims.ims.v1.GetCategoryRequest, com.omsims.ims.v1.GetCategoryResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetCategory"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.GetCategoryRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.GetCategoryResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CategoryServiceMethodDescriptorSupplier("GetCategory"))
              .build();
        }
      }
    }
    return getGetCategoryMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.omsims.ims.v1.ListCategoriesRequest,
      com.omsims.ims.v1.ListCategoriesResponse> getListCategoriesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListCategories",
      requestType = com.omsims.ims.v1.ListCategoriesRequest.class,
      responseType = com.omsims.ims.v1.ListCategoriesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.ims.v1.ListCategoriesRequest,
      com.omsims.ims.v1.ListCategoriesResponse> getListCategoriesMethod() {
    io.grpc.MethodDescriptor<com.omsims.ims.v1.ListCategoriesRequest, com.omsims.ims.v1.ListCategoriesResponse> getListCategoriesMethod;
    if ((getListCategoriesMethod = CategoryServiceGrpc.getListCategoriesMethod) == null) {
      synchronized (CategoryServiceGrpc.class) {
        if ((getListCategoriesMethod = CategoryServiceGrpc.getListCategoriesMethod) == null) {
          CategoryServiceGrpc.getListCategoriesMethod = getListCategoriesMethod =
              io.grpc.MethodDescriptor.<com.omsims.ims.v1.ListCategoriesRequest, com.omsims.ims.v1.ListCategoriesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListCategories"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.ListCategoriesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.ListCategoriesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CategoryServiceMethodDescriptorSupplier("ListCategories"))
              .build();
        }
      }
    }
    return getListCategoriesMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.omsims.ims.v1.UpdateCategoryRequest,
      com.omsims.ims.v1.UpdateCategoryResponse> getUpdateCategoryMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpdateCategory",
      requestType = com.omsims.ims.v1.UpdateCategoryRequest.class,
      responseType = com.omsims.ims.v1.UpdateCategoryResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.ims.v1.UpdateCategoryRequest,
      com.omsims.ims.v1.UpdateCategoryResponse> getUpdateCategoryMethod() {
    io.grpc.MethodDescriptor<com.omsims.ims.v1.UpdateCategoryRequest, com.omsims.ims.v1.UpdateCategoryResponse> getUpdateCategoryMethod;
    if ((getUpdateCategoryMethod = CategoryServiceGrpc.getUpdateCategoryMethod) == null) {
      synchronized (CategoryServiceGrpc.class) {
        if ((getUpdateCategoryMethod = CategoryServiceGrpc.getUpdateCategoryMethod) == null) {
          CategoryServiceGrpc.getUpdateCategoryMethod = getUpdateCategoryMethod =
              io.grpc.MethodDescriptor.<com.omsims.ims.v1.UpdateCategoryRequest, com.omsims.ims.v1.UpdateCategoryResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpdateCategory"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.UpdateCategoryRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.UpdateCategoryResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CategoryServiceMethodDescriptorSupplier("UpdateCategory"))
              .build();
        }
      }
    }
    return getUpdateCategoryMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.omsims.ims.v1.DeleteCategoryRequest,
      com.omsims.ims.v1.DeleteCategoryResponse> getDeleteCategoryMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "DeleteCategory",
      requestType = com.omsims.ims.v1.DeleteCategoryRequest.class,
      responseType = com.omsims.ims.v1.DeleteCategoryResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.ims.v1.DeleteCategoryRequest,
      com.omsims.ims.v1.DeleteCategoryResponse> getDeleteCategoryMethod() {
    io.grpc.MethodDescriptor<com.omsims.ims.v1.DeleteCategoryRequest, com.omsims.ims.v1.DeleteCategoryResponse> getDeleteCategoryMethod;
    if ((getDeleteCategoryMethod = CategoryServiceGrpc.getDeleteCategoryMethod) == null) {
      synchronized (CategoryServiceGrpc.class) {
        if ((getDeleteCategoryMethod = CategoryServiceGrpc.getDeleteCategoryMethod) == null) {
          CategoryServiceGrpc.getDeleteCategoryMethod = getDeleteCategoryMethod =
              io.grpc.MethodDescriptor.<com.omsims.ims.v1.DeleteCategoryRequest, com.omsims.ims.v1.DeleteCategoryResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "DeleteCategory"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.DeleteCategoryRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.ims.v1.DeleteCategoryResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CategoryServiceMethodDescriptorSupplier("DeleteCategory"))
              .build();
        }
      }
    }
    return getDeleteCategoryMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static CategoryServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<CategoryServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<CategoryServiceStub>() {
        @java.lang.Override
        public CategoryServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new CategoryServiceStub(channel, callOptions);
        }
      };
    return CategoryServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static CategoryServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<CategoryServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<CategoryServiceBlockingV2Stub>() {
        @java.lang.Override
        public CategoryServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new CategoryServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return CategoryServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static CategoryServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<CategoryServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<CategoryServiceBlockingStub>() {
        @java.lang.Override
        public CategoryServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new CategoryServiceBlockingStub(channel, callOptions);
        }
      };
    return CategoryServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static CategoryServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<CategoryServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<CategoryServiceFutureStub>() {
        @java.lang.Override
        public CategoryServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new CategoryServiceFutureStub(channel, callOptions);
        }
      };
    return CategoryServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Product categories of a tenant, optionally nested through `parent_id`.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Creates a category. Fails with ALREADY_EXISTS if the code is taken within the tenant.
     * </pre>
     */
    default void createCategory(com.omsims.ims.v1.CreateCategoryRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.CreateCategoryResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateCategoryMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns one category of the tenant, or NOT_FOUND.
     * </pre>
     */
    default void getCategory(com.omsims.ims.v1.GetCategoryRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.GetCategoryResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetCategoryMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the tenant's categories, optionally filtered by ids and/or codes.
     * </pre>
     */
    default void listCategories(com.omsims.ims.v1.ListCategoriesRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.ListCategoriesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListCategoriesMethod(), responseObserver);
    }

    /**
     * <pre>
     * Updates a category's mutable fields (all of them, or those named in update_mask).
     * </pre>
     */
    default void updateCategory(com.omsims.ims.v1.UpdateCategoryRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.UpdateCategoryResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpdateCategoryMethod(), responseObserver);
    }

    /**
     * <pre>
     * Deletes a category. Fails with FAILED_PRECONDITION while SKUs or child categories use it.
     * </pre>
     */
    default void deleteCategory(com.omsims.ims.v1.DeleteCategoryRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.DeleteCategoryResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getDeleteCategoryMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service CategoryService.
   * <pre>
   * Product categories of a tenant, optionally nested through `parent_id`.
   * </pre>
   */
  public static abstract class CategoryServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return CategoryServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service CategoryService.
   * <pre>
   * Product categories of a tenant, optionally nested through `parent_id`.
   * </pre>
   */
  public static final class CategoryServiceStub
      extends io.grpc.stub.AbstractAsyncStub<CategoryServiceStub> {
    private CategoryServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected CategoryServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new CategoryServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a category. Fails with ALREADY_EXISTS if the code is taken within the tenant.
     * </pre>
     */
    public void createCategory(com.omsims.ims.v1.CreateCategoryRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.CreateCategoryResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateCategoryMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns one category of the tenant, or NOT_FOUND.
     * </pre>
     */
    public void getCategory(com.omsims.ims.v1.GetCategoryRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.GetCategoryResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetCategoryMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the tenant's categories, optionally filtered by ids and/or codes.
     * </pre>
     */
    public void listCategories(com.omsims.ims.v1.ListCategoriesRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.ListCategoriesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListCategoriesMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Updates a category's mutable fields (all of them, or those named in update_mask).
     * </pre>
     */
    public void updateCategory(com.omsims.ims.v1.UpdateCategoryRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.UpdateCategoryResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpdateCategoryMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Deletes a category. Fails with FAILED_PRECONDITION while SKUs or child categories use it.
     * </pre>
     */
    public void deleteCategory(com.omsims.ims.v1.DeleteCategoryRequest request,
        io.grpc.stub.StreamObserver<com.omsims.ims.v1.DeleteCategoryResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getDeleteCategoryMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service CategoryService.
   * <pre>
   * Product categories of a tenant, optionally nested through `parent_id`.
   * </pre>
   */
  public static final class CategoryServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<CategoryServiceBlockingV2Stub> {
    private CategoryServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected CategoryServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new CategoryServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a category. Fails with ALREADY_EXISTS if the code is taken within the tenant.
     * </pre>
     */
    public com.omsims.ims.v1.CreateCategoryResponse createCategory(com.omsims.ims.v1.CreateCategoryRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCreateCategoryMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one category of the tenant, or NOT_FOUND.
     * </pre>
     */
    public com.omsims.ims.v1.GetCategoryResponse getCategory(com.omsims.ims.v1.GetCategoryRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetCategoryMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the tenant's categories, optionally filtered by ids and/or codes.
     * </pre>
     */
    public com.omsims.ims.v1.ListCategoriesResponse listCategories(com.omsims.ims.v1.ListCategoriesRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListCategoriesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Updates a category's mutable fields (all of them, or those named in update_mask).
     * </pre>
     */
    public com.omsims.ims.v1.UpdateCategoryResponse updateCategory(com.omsims.ims.v1.UpdateCategoryRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getUpdateCategoryMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes a category. Fails with FAILED_PRECONDITION while SKUs or child categories use it.
     * </pre>
     */
    public com.omsims.ims.v1.DeleteCategoryResponse deleteCategory(com.omsims.ims.v1.DeleteCategoryRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getDeleteCategoryMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service CategoryService.
   * <pre>
   * Product categories of a tenant, optionally nested through `parent_id`.
   * </pre>
   */
  public static final class CategoryServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<CategoryServiceBlockingStub> {
    private CategoryServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected CategoryServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new CategoryServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a category. Fails with ALREADY_EXISTS if the code is taken within the tenant.
     * </pre>
     */
    public com.omsims.ims.v1.CreateCategoryResponse createCategory(com.omsims.ims.v1.CreateCategoryRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateCategoryMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns one category of the tenant, or NOT_FOUND.
     * </pre>
     */
    public com.omsims.ims.v1.GetCategoryResponse getCategory(com.omsims.ims.v1.GetCategoryRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetCategoryMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the tenant's categories, optionally filtered by ids and/or codes.
     * </pre>
     */
    public com.omsims.ims.v1.ListCategoriesResponse listCategories(com.omsims.ims.v1.ListCategoriesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListCategoriesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Updates a category's mutable fields (all of them, or those named in update_mask).
     * </pre>
     */
    public com.omsims.ims.v1.UpdateCategoryResponse updateCategory(com.omsims.ims.v1.UpdateCategoryRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpdateCategoryMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Deletes a category. Fails with FAILED_PRECONDITION while SKUs or child categories use it.
     * </pre>
     */
    public com.omsims.ims.v1.DeleteCategoryResponse deleteCategory(com.omsims.ims.v1.DeleteCategoryRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getDeleteCategoryMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service CategoryService.
   * <pre>
   * Product categories of a tenant, optionally nested through `parent_id`.
   * </pre>
   */
  public static final class CategoryServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<CategoryServiceFutureStub> {
    private CategoryServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected CategoryServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new CategoryServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a category. Fails with ALREADY_EXISTS if the code is taken within the tenant.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.ims.v1.CreateCategoryResponse> createCategory(
        com.omsims.ims.v1.CreateCategoryRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateCategoryMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns one category of the tenant, or NOT_FOUND.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.ims.v1.GetCategoryResponse> getCategory(
        com.omsims.ims.v1.GetCategoryRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetCategoryMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the tenant's categories, optionally filtered by ids and/or codes.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.ims.v1.ListCategoriesResponse> listCategories(
        com.omsims.ims.v1.ListCategoriesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListCategoriesMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Updates a category's mutable fields (all of them, or those named in update_mask).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.ims.v1.UpdateCategoryResponse> updateCategory(
        com.omsims.ims.v1.UpdateCategoryRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpdateCategoryMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Deletes a category. Fails with FAILED_PRECONDITION while SKUs or child categories use it.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.ims.v1.DeleteCategoryResponse> deleteCategory(
        com.omsims.ims.v1.DeleteCategoryRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getDeleteCategoryMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_CATEGORY = 0;
  private static final int METHODID_GET_CATEGORY = 1;
  private static final int METHODID_LIST_CATEGORIES = 2;
  private static final int METHODID_UPDATE_CATEGORY = 3;
  private static final int METHODID_DELETE_CATEGORY = 4;

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
        case METHODID_CREATE_CATEGORY:
          serviceImpl.createCategory((com.omsims.ims.v1.CreateCategoryRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.ims.v1.CreateCategoryResponse>) responseObserver);
          break;
        case METHODID_GET_CATEGORY:
          serviceImpl.getCategory((com.omsims.ims.v1.GetCategoryRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.ims.v1.GetCategoryResponse>) responseObserver);
          break;
        case METHODID_LIST_CATEGORIES:
          serviceImpl.listCategories((com.omsims.ims.v1.ListCategoriesRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.ims.v1.ListCategoriesResponse>) responseObserver);
          break;
        case METHODID_UPDATE_CATEGORY:
          serviceImpl.updateCategory((com.omsims.ims.v1.UpdateCategoryRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.ims.v1.UpdateCategoryResponse>) responseObserver);
          break;
        case METHODID_DELETE_CATEGORY:
          serviceImpl.deleteCategory((com.omsims.ims.v1.DeleteCategoryRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.ims.v1.DeleteCategoryResponse>) responseObserver);
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
          getCreateCategoryMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.ims.v1.CreateCategoryRequest,
              com.omsims.ims.v1.CreateCategoryResponse>(
                service, METHODID_CREATE_CATEGORY)))
        .addMethod(
          getGetCategoryMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.ims.v1.GetCategoryRequest,
              com.omsims.ims.v1.GetCategoryResponse>(
                service, METHODID_GET_CATEGORY)))
        .addMethod(
          getListCategoriesMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.ims.v1.ListCategoriesRequest,
              com.omsims.ims.v1.ListCategoriesResponse>(
                service, METHODID_LIST_CATEGORIES)))
        .addMethod(
          getUpdateCategoryMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.ims.v1.UpdateCategoryRequest,
              com.omsims.ims.v1.UpdateCategoryResponse>(
                service, METHODID_UPDATE_CATEGORY)))
        .addMethod(
          getDeleteCategoryMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.ims.v1.DeleteCategoryRequest,
              com.omsims.ims.v1.DeleteCategoryResponse>(
                service, METHODID_DELETE_CATEGORY)))
        .build();
  }

  private static abstract class CategoryServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    CategoryServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return com.omsims.ims.v1.CategoryProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("CategoryService");
    }
  }

  private static final class CategoryServiceFileDescriptorSupplier
      extends CategoryServiceBaseDescriptorSupplier {
    CategoryServiceFileDescriptorSupplier() {}
  }

  private static final class CategoryServiceMethodDescriptorSupplier
      extends CategoryServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    CategoryServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (CategoryServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new CategoryServiceFileDescriptorSupplier())
              .addMethod(getCreateCategoryMethod())
              .addMethod(getGetCategoryMethod())
              .addMethod(getListCategoriesMethod())
              .addMethod(getUpdateCategoryMethod())
              .addMethod(getDeleteCategoryMethod())
              .build();
        }
      }
    }
    return result;
  }
}

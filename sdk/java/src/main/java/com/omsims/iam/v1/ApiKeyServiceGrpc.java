package com.omsims.iam.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Tenant API keys: the credentials partners call the APIs with (`authorization: Bearer
 * &lt;key&gt;`). A key is shown once, when it is created; the servers keep only its hash.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class ApiKeyServiceGrpc {

  private ApiKeyServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "iam.v1.ApiKeyService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<com.omsims.iam.v1.CreateApiKeyRequest,
      com.omsims.iam.v1.CreateApiKeyResponse> getCreateApiKeyMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateApiKey",
      requestType = com.omsims.iam.v1.CreateApiKeyRequest.class,
      responseType = com.omsims.iam.v1.CreateApiKeyResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.iam.v1.CreateApiKeyRequest,
      com.omsims.iam.v1.CreateApiKeyResponse> getCreateApiKeyMethod() {
    io.grpc.MethodDescriptor<com.omsims.iam.v1.CreateApiKeyRequest, com.omsims.iam.v1.CreateApiKeyResponse> getCreateApiKeyMethod;
    if ((getCreateApiKeyMethod = ApiKeyServiceGrpc.getCreateApiKeyMethod) == null) {
      synchronized (ApiKeyServiceGrpc.class) {
        if ((getCreateApiKeyMethod = ApiKeyServiceGrpc.getCreateApiKeyMethod) == null) {
          ApiKeyServiceGrpc.getCreateApiKeyMethod = getCreateApiKeyMethod =
              io.grpc.MethodDescriptor.<com.omsims.iam.v1.CreateApiKeyRequest, com.omsims.iam.v1.CreateApiKeyResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateApiKey"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.iam.v1.CreateApiKeyRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.iam.v1.CreateApiKeyResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ApiKeyServiceMethodDescriptorSupplier("CreateApiKey"))
              .build();
        }
      }
    }
    return getCreateApiKeyMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.omsims.iam.v1.ListApiKeysRequest,
      com.omsims.iam.v1.ListApiKeysResponse> getListApiKeysMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListApiKeys",
      requestType = com.omsims.iam.v1.ListApiKeysRequest.class,
      responseType = com.omsims.iam.v1.ListApiKeysResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.iam.v1.ListApiKeysRequest,
      com.omsims.iam.v1.ListApiKeysResponse> getListApiKeysMethod() {
    io.grpc.MethodDescriptor<com.omsims.iam.v1.ListApiKeysRequest, com.omsims.iam.v1.ListApiKeysResponse> getListApiKeysMethod;
    if ((getListApiKeysMethod = ApiKeyServiceGrpc.getListApiKeysMethod) == null) {
      synchronized (ApiKeyServiceGrpc.class) {
        if ((getListApiKeysMethod = ApiKeyServiceGrpc.getListApiKeysMethod) == null) {
          ApiKeyServiceGrpc.getListApiKeysMethod = getListApiKeysMethod =
              io.grpc.MethodDescriptor.<com.omsims.iam.v1.ListApiKeysRequest, com.omsims.iam.v1.ListApiKeysResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListApiKeys"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.iam.v1.ListApiKeysRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.iam.v1.ListApiKeysResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ApiKeyServiceMethodDescriptorSupplier("ListApiKeys"))
              .build();
        }
      }
    }
    return getListApiKeysMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.omsims.iam.v1.RevokeApiKeyRequest,
      com.omsims.iam.v1.RevokeApiKeyResponse> getRevokeApiKeyMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RevokeApiKey",
      requestType = com.omsims.iam.v1.RevokeApiKeyRequest.class,
      responseType = com.omsims.iam.v1.RevokeApiKeyResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.iam.v1.RevokeApiKeyRequest,
      com.omsims.iam.v1.RevokeApiKeyResponse> getRevokeApiKeyMethod() {
    io.grpc.MethodDescriptor<com.omsims.iam.v1.RevokeApiKeyRequest, com.omsims.iam.v1.RevokeApiKeyResponse> getRevokeApiKeyMethod;
    if ((getRevokeApiKeyMethod = ApiKeyServiceGrpc.getRevokeApiKeyMethod) == null) {
      synchronized (ApiKeyServiceGrpc.class) {
        if ((getRevokeApiKeyMethod = ApiKeyServiceGrpc.getRevokeApiKeyMethod) == null) {
          ApiKeyServiceGrpc.getRevokeApiKeyMethod = getRevokeApiKeyMethod =
              io.grpc.MethodDescriptor.<com.omsims.iam.v1.RevokeApiKeyRequest, com.omsims.iam.v1.RevokeApiKeyResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RevokeApiKey"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.iam.v1.RevokeApiKeyRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.iam.v1.RevokeApiKeyResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ApiKeyServiceMethodDescriptorSupplier("RevokeApiKey"))
              .build();
        }
      }
    }
    return getRevokeApiKeyMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.omsims.iam.v1.AuthenticateApiKeyRequest,
      com.omsims.iam.v1.AuthenticateApiKeyResponse> getAuthenticateApiKeyMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "AuthenticateApiKey",
      requestType = com.omsims.iam.v1.AuthenticateApiKeyRequest.class,
      responseType = com.omsims.iam.v1.AuthenticateApiKeyResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.iam.v1.AuthenticateApiKeyRequest,
      com.omsims.iam.v1.AuthenticateApiKeyResponse> getAuthenticateApiKeyMethod() {
    io.grpc.MethodDescriptor<com.omsims.iam.v1.AuthenticateApiKeyRequest, com.omsims.iam.v1.AuthenticateApiKeyResponse> getAuthenticateApiKeyMethod;
    if ((getAuthenticateApiKeyMethod = ApiKeyServiceGrpc.getAuthenticateApiKeyMethod) == null) {
      synchronized (ApiKeyServiceGrpc.class) {
        if ((getAuthenticateApiKeyMethod = ApiKeyServiceGrpc.getAuthenticateApiKeyMethod) == null) {
          ApiKeyServiceGrpc.getAuthenticateApiKeyMethod = getAuthenticateApiKeyMethod =
              io.grpc.MethodDescriptor.<com.omsims.iam.v1.AuthenticateApiKeyRequest, com.omsims.iam.v1.AuthenticateApiKeyResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "AuthenticateApiKey"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.iam.v1.AuthenticateApiKeyRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.iam.v1.AuthenticateApiKeyResponse.getDefaultInstance()))
              .setSchemaDescriptor(new ApiKeyServiceMethodDescriptorSupplier("AuthenticateApiKey"))
              .build();
        }
      }
    }
    return getAuthenticateApiKeyMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static ApiKeyServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ApiKeyServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ApiKeyServiceStub>() {
        @java.lang.Override
        public ApiKeyServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ApiKeyServiceStub(channel, callOptions);
        }
      };
    return ApiKeyServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static ApiKeyServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ApiKeyServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ApiKeyServiceBlockingV2Stub>() {
        @java.lang.Override
        public ApiKeyServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ApiKeyServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return ApiKeyServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static ApiKeyServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ApiKeyServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ApiKeyServiceBlockingStub>() {
        @java.lang.Override
        public ApiKeyServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ApiKeyServiceBlockingStub(channel, callOptions);
        }
      };
    return ApiKeyServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static ApiKeyServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<ApiKeyServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<ApiKeyServiceFutureStub>() {
        @java.lang.Override
        public ApiKeyServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new ApiKeyServiceFutureStub(channel, callOptions);
        }
      };
    return ApiKeyServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Tenant API keys: the credentials partners call the APIs with (`authorization: Bearer
   * &lt;key&gt;`). A key is shown once, when it is created; the servers keep only its hash.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Creates a key for a tenant and returns it, with its secret, this one time.
     * </pre>
     */
    default void createApiKey(com.omsims.iam.v1.CreateApiKeyRequest request,
        io.grpc.stub.StreamObserver<com.omsims.iam.v1.CreateApiKeyResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateApiKeyMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists a tenant's keys (never their secrets), newest first, revoked ones included.
     * </pre>
     */
    default void listApiKeys(com.omsims.iam.v1.ListApiKeysRequest request,
        io.grpc.stub.StreamObserver<com.omsims.iam.v1.ListApiKeysResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListApiKeysMethod(), responseObserver);
    }

    /**
     * <pre>
     * Revokes a key for good. Servers that cached it refuse it within the cache TTL
     * (AUTH_CACHE_TTL_S, 10 s by default). Revoking a revoked key changes nothing.
     * </pre>
     */
    default void revokeApiKey(com.omsims.iam.v1.RevokeApiKeyRequest request,
        io.grpc.stub.StreamObserver<com.omsims.iam.v1.RevokeApiKeyResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRevokeApiKeyMethod(), responseObserver);
    }

    /**
     * <pre>
     * Internal: who a key belongs to (for OMS, which caches the answer). NOT_FOUND for an
     * unknown, malformed or revoked key. Updates the key's last-used time.
     * </pre>
     */
    default void authenticateApiKey(com.omsims.iam.v1.AuthenticateApiKeyRequest request,
        io.grpc.stub.StreamObserver<com.omsims.iam.v1.AuthenticateApiKeyResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getAuthenticateApiKeyMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service ApiKeyService.
   * <pre>
   * Tenant API keys: the credentials partners call the APIs with (`authorization: Bearer
   * &lt;key&gt;`). A key is shown once, when it is created; the servers keep only its hash.
   * </pre>
   */
  public static abstract class ApiKeyServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return ApiKeyServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service ApiKeyService.
   * <pre>
   * Tenant API keys: the credentials partners call the APIs with (`authorization: Bearer
   * &lt;key&gt;`). A key is shown once, when it is created; the servers keep only its hash.
   * </pre>
   */
  public static final class ApiKeyServiceStub
      extends io.grpc.stub.AbstractAsyncStub<ApiKeyServiceStub> {
    private ApiKeyServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ApiKeyServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ApiKeyServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a key for a tenant and returns it, with its secret, this one time.
     * </pre>
     */
    public void createApiKey(com.omsims.iam.v1.CreateApiKeyRequest request,
        io.grpc.stub.StreamObserver<com.omsims.iam.v1.CreateApiKeyResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateApiKeyMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists a tenant's keys (never their secrets), newest first, revoked ones included.
     * </pre>
     */
    public void listApiKeys(com.omsims.iam.v1.ListApiKeysRequest request,
        io.grpc.stub.StreamObserver<com.omsims.iam.v1.ListApiKeysResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListApiKeysMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Revokes a key for good. Servers that cached it refuse it within the cache TTL
     * (AUTH_CACHE_TTL_S, 10 s by default). Revoking a revoked key changes nothing.
     * </pre>
     */
    public void revokeApiKey(com.omsims.iam.v1.RevokeApiKeyRequest request,
        io.grpc.stub.StreamObserver<com.omsims.iam.v1.RevokeApiKeyResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRevokeApiKeyMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Internal: who a key belongs to (for OMS, which caches the answer). NOT_FOUND for an
     * unknown, malformed or revoked key. Updates the key's last-used time.
     * </pre>
     */
    public void authenticateApiKey(com.omsims.iam.v1.AuthenticateApiKeyRequest request,
        io.grpc.stub.StreamObserver<com.omsims.iam.v1.AuthenticateApiKeyResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getAuthenticateApiKeyMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service ApiKeyService.
   * <pre>
   * Tenant API keys: the credentials partners call the APIs with (`authorization: Bearer
   * &lt;key&gt;`). A key is shown once, when it is created; the servers keep only its hash.
   * </pre>
   */
  public static final class ApiKeyServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<ApiKeyServiceBlockingV2Stub> {
    private ApiKeyServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ApiKeyServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ApiKeyServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a key for a tenant and returns it, with its secret, this one time.
     * </pre>
     */
    public com.omsims.iam.v1.CreateApiKeyResponse createApiKey(com.omsims.iam.v1.CreateApiKeyRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCreateApiKeyMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists a tenant's keys (never their secrets), newest first, revoked ones included.
     * </pre>
     */
    public com.omsims.iam.v1.ListApiKeysResponse listApiKeys(com.omsims.iam.v1.ListApiKeysRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListApiKeysMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Revokes a key for good. Servers that cached it refuse it within the cache TTL
     * (AUTH_CACHE_TTL_S, 10 s by default). Revoking a revoked key changes nothing.
     * </pre>
     */
    public com.omsims.iam.v1.RevokeApiKeyResponse revokeApiKey(com.omsims.iam.v1.RevokeApiKeyRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRevokeApiKeyMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Internal: who a key belongs to (for OMS, which caches the answer). NOT_FOUND for an
     * unknown, malformed or revoked key. Updates the key's last-used time.
     * </pre>
     */
    public com.omsims.iam.v1.AuthenticateApiKeyResponse authenticateApiKey(com.omsims.iam.v1.AuthenticateApiKeyRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getAuthenticateApiKeyMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service ApiKeyService.
   * <pre>
   * Tenant API keys: the credentials partners call the APIs with (`authorization: Bearer
   * &lt;key&gt;`). A key is shown once, when it is created; the servers keep only its hash.
   * </pre>
   */
  public static final class ApiKeyServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<ApiKeyServiceBlockingStub> {
    private ApiKeyServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ApiKeyServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ApiKeyServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a key for a tenant and returns it, with its secret, this one time.
     * </pre>
     */
    public com.omsims.iam.v1.CreateApiKeyResponse createApiKey(com.omsims.iam.v1.CreateApiKeyRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateApiKeyMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists a tenant's keys (never their secrets), newest first, revoked ones included.
     * </pre>
     */
    public com.omsims.iam.v1.ListApiKeysResponse listApiKeys(com.omsims.iam.v1.ListApiKeysRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListApiKeysMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Revokes a key for good. Servers that cached it refuse it within the cache TTL
     * (AUTH_CACHE_TTL_S, 10 s by default). Revoking a revoked key changes nothing.
     * </pre>
     */
    public com.omsims.iam.v1.RevokeApiKeyResponse revokeApiKey(com.omsims.iam.v1.RevokeApiKeyRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRevokeApiKeyMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Internal: who a key belongs to (for OMS, which caches the answer). NOT_FOUND for an
     * unknown, malformed or revoked key. Updates the key's last-used time.
     * </pre>
     */
    public com.omsims.iam.v1.AuthenticateApiKeyResponse authenticateApiKey(com.omsims.iam.v1.AuthenticateApiKeyRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getAuthenticateApiKeyMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service ApiKeyService.
   * <pre>
   * Tenant API keys: the credentials partners call the APIs with (`authorization: Bearer
   * &lt;key&gt;`). A key is shown once, when it is created; the servers keep only its hash.
   * </pre>
   */
  public static final class ApiKeyServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<ApiKeyServiceFutureStub> {
    private ApiKeyServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected ApiKeyServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new ApiKeyServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Creates a key for a tenant and returns it, with its secret, this one time.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.iam.v1.CreateApiKeyResponse> createApiKey(
        com.omsims.iam.v1.CreateApiKeyRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateApiKeyMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists a tenant's keys (never their secrets), newest first, revoked ones included.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.iam.v1.ListApiKeysResponse> listApiKeys(
        com.omsims.iam.v1.ListApiKeysRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListApiKeysMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Revokes a key for good. Servers that cached it refuse it within the cache TTL
     * (AUTH_CACHE_TTL_S, 10 s by default). Revoking a revoked key changes nothing.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.iam.v1.RevokeApiKeyResponse> revokeApiKey(
        com.omsims.iam.v1.RevokeApiKeyRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRevokeApiKeyMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Internal: who a key belongs to (for OMS, which caches the answer). NOT_FOUND for an
     * unknown, malformed or revoked key. Updates the key's last-used time.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.iam.v1.AuthenticateApiKeyResponse> authenticateApiKey(
        com.omsims.iam.v1.AuthenticateApiKeyRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getAuthenticateApiKeyMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_API_KEY = 0;
  private static final int METHODID_LIST_API_KEYS = 1;
  private static final int METHODID_REVOKE_API_KEY = 2;
  private static final int METHODID_AUTHENTICATE_API_KEY = 3;

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
        case METHODID_CREATE_API_KEY:
          serviceImpl.createApiKey((com.omsims.iam.v1.CreateApiKeyRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.iam.v1.CreateApiKeyResponse>) responseObserver);
          break;
        case METHODID_LIST_API_KEYS:
          serviceImpl.listApiKeys((com.omsims.iam.v1.ListApiKeysRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.iam.v1.ListApiKeysResponse>) responseObserver);
          break;
        case METHODID_REVOKE_API_KEY:
          serviceImpl.revokeApiKey((com.omsims.iam.v1.RevokeApiKeyRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.iam.v1.RevokeApiKeyResponse>) responseObserver);
          break;
        case METHODID_AUTHENTICATE_API_KEY:
          serviceImpl.authenticateApiKey((com.omsims.iam.v1.AuthenticateApiKeyRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.iam.v1.AuthenticateApiKeyResponse>) responseObserver);
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
          getCreateApiKeyMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.iam.v1.CreateApiKeyRequest,
              com.omsims.iam.v1.CreateApiKeyResponse>(
                service, METHODID_CREATE_API_KEY)))
        .addMethod(
          getListApiKeysMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.iam.v1.ListApiKeysRequest,
              com.omsims.iam.v1.ListApiKeysResponse>(
                service, METHODID_LIST_API_KEYS)))
        .addMethod(
          getRevokeApiKeyMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.iam.v1.RevokeApiKeyRequest,
              com.omsims.iam.v1.RevokeApiKeyResponse>(
                service, METHODID_REVOKE_API_KEY)))
        .addMethod(
          getAuthenticateApiKeyMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.iam.v1.AuthenticateApiKeyRequest,
              com.omsims.iam.v1.AuthenticateApiKeyResponse>(
                service, METHODID_AUTHENTICATE_API_KEY)))
        .build();
  }

  private static abstract class ApiKeyServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    ApiKeyServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return com.omsims.iam.v1.ApiKeyProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("ApiKeyService");
    }
  }

  private static final class ApiKeyServiceFileDescriptorSupplier
      extends ApiKeyServiceBaseDescriptorSupplier {
    ApiKeyServiceFileDescriptorSupplier() {}
  }

  private static final class ApiKeyServiceMethodDescriptorSupplier
      extends ApiKeyServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    ApiKeyServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (ApiKeyServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new ApiKeyServiceFileDescriptorSupplier())
              .addMethod(getCreateApiKeyMethod())
              .addMethod(getListApiKeysMethod())
              .addMethod(getRevokeApiKeyMethod())
              .addMethod(getAuthenticateApiKeyMethod())
              .build();
        }
      }
    }
    return result;
  }
}

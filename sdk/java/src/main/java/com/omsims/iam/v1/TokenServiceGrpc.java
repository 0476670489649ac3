package com.omsims.iam.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Short-lived access tokens, for clients that should not hold a long-lived API key (a
 * browser, a job runner, a partner's user): call IssueToken with the key, then present the
 * token (`authorization: Bearer at_...`) to IMS and OMS until it expires.
 * A token may do what its key may do, for the key's tenant, under the key's rate limit.
 * Servers verify it without a look-up; revoking the key does not void tokens already issued,
 * which end at their expiry (AUTH_TOKEN_MAX_TTL_S at most, one hour by default).
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class TokenServiceGrpc {

  private TokenServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "iam.v1.TokenService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<com.omsims.iam.v1.IssueTokenRequest,
      com.omsims.iam.v1.IssueTokenResponse> getIssueTokenMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "IssueToken",
      requestType = com.omsims.iam.v1.IssueTokenRequest.class,
      responseType = com.omsims.iam.v1.IssueTokenResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.iam.v1.IssueTokenRequest,
      com.omsims.iam.v1.IssueTokenResponse> getIssueTokenMethod() {
    io.grpc.MethodDescriptor<com.omsims.iam.v1.IssueTokenRequest, com.omsims.iam.v1.IssueTokenResponse> getIssueTokenMethod;
    if ((getIssueTokenMethod = TokenServiceGrpc.getIssueTokenMethod) == null) {
      synchronized (TokenServiceGrpc.class) {
        if ((getIssueTokenMethod = TokenServiceGrpc.getIssueTokenMethod) == null) {
          TokenServiceGrpc.getIssueTokenMethod = getIssueTokenMethod =
              io.grpc.MethodDescriptor.<com.omsims.iam.v1.IssueTokenRequest, com.omsims.iam.v1.IssueTokenResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "IssueToken"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.iam.v1.IssueTokenRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.iam.v1.IssueTokenResponse.getDefaultInstance()))
              .setSchemaDescriptor(new TokenServiceMethodDescriptorSupplier("IssueToken"))
              .build();
        }
      }
    }
    return getIssueTokenMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static TokenServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<TokenServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<TokenServiceStub>() {
        @java.lang.Override
        public TokenServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new TokenServiceStub(channel, callOptions);
        }
      };
    return TokenServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static TokenServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<TokenServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<TokenServiceBlockingV2Stub>() {
        @java.lang.Override
        public TokenServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new TokenServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return TokenServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static TokenServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<TokenServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<TokenServiceBlockingStub>() {
        @java.lang.Override
        public TokenServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new TokenServiceBlockingStub(channel, callOptions);
        }
      };
    return TokenServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static TokenServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<TokenServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<TokenServiceFutureStub>() {
        @java.lang.Override
        public TokenServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new TokenServiceFutureStub(channel, callOptions);
        }
      };
    return TokenServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Short-lived access tokens, for clients that should not hold a long-lived API key (a
   * browser, a job runner, a partner's user): call IssueToken with the key, then present the
   * token (`authorization: Bearer at_...`) to IMS and OMS until it expires.
   * A token may do what its key may do, for the key's tenant, under the key's rate limit.
   * Servers verify it without a look-up; revoking the key does not void tokens already issued,
   * which end at their expiry (AUTH_TOKEN_MAX_TTL_S at most, one hour by default).
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Exchanges the calling tenant API key (any scope) for a token. A token cannot be
     * exchanged for another (PERMISSION_DENIED): tokens end, keys must be shown again.
     * </pre>
     */
    default void issueToken(com.omsims.iam.v1.IssueTokenRequest request,
        io.grpc.stub.StreamObserver<com.omsims.iam.v1.IssueTokenResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getIssueTokenMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service TokenService.
   * <pre>
   * Short-lived access tokens, for clients that should not hold a long-lived API key (a
   * browser, a job runner, a partner's user): call IssueToken with the key, then present the
   * token (`authorization: Bearer at_...`) to IMS and OMS until it expires.
   * A token may do what its key may do, for the key's tenant, under the key's rate limit.
   * Servers verify it without a look-up; revoking the key does not void tokens already issued,
   * which end at their expiry (AUTH_TOKEN_MAX_TTL_S at most, one hour by default).
   * </pre>
   */
  public static abstract class TokenServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return TokenServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service TokenService.
   * <pre>
   * Short-lived access tokens, for clients that should not hold a long-lived API key (a
   * browser, a job runner, a partner's user): call IssueToken with the key, then present the
   * token (`authorization: Bearer at_...`) to IMS and OMS until it expires.
   * A token may do what its key may do, for the key's tenant, under the key's rate limit.
   * Servers verify it without a look-up; revoking the key does not void tokens already issued,
   * which end at their expiry (AUTH_TOKEN_MAX_TTL_S at most, one hour by default).
   * </pre>
   */
  public static final class TokenServiceStub
      extends io.grpc.stub.AbstractAsyncStub<TokenServiceStub> {
    private TokenServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected TokenServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new TokenServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Exchanges the calling tenant API key (any scope) for a token. A token cannot be
     * exchanged for another (PERMISSION_DENIED): tokens end, keys must be shown again.
     * </pre>
     */
    public void issueToken(com.omsims.iam.v1.IssueTokenRequest request,
        io.grpc.stub.StreamObserver<com.omsims.iam.v1.IssueTokenResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getIssueTokenMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service TokenService.
   * <pre>
   * Short-lived access tokens, for clients that should not hold a long-lived API key (a
   * browser, a job runner, a partner's user): call IssueToken with the key, then present the
   * token (`authorization: Bearer at_...`) to IMS and OMS until it expires.
   * A token may do what its key may do, for the key's tenant, under the key's rate limit.
   * Servers verify it without a look-up; revoking the key does not void tokens already issued,
   * which end at their expiry (AUTH_TOKEN_MAX_TTL_S at most, one hour by default).
   * </pre>
   */
  public static final class TokenServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<TokenServiceBlockingV2Stub> {
    private TokenServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected TokenServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new TokenServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Exchanges the calling tenant API key (any scope) for a token. A token cannot be
     * exchanged for another (PERMISSION_DENIED): tokens end, keys must be shown again.
     * </pre>
     */
    public com.omsims.iam.v1.IssueTokenResponse issueToken(com.omsims.iam.v1.IssueTokenRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getIssueTokenMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service TokenService.
   * <pre>
   * Short-lived access tokens, for clients that should not hold a long-lived API key (a
   * browser, a job runner, a partner's user): call IssueToken with the key, then present the
   * token (`authorization: Bearer at_...`) to IMS and OMS until it expires.
   * A token may do what its key may do, for the key's tenant, under the key's rate limit.
   * Servers verify it without a look-up; revoking the key does not void tokens already issued,
   * which end at their expiry (AUTH_TOKEN_MAX_TTL_S at most, one hour by default).
   * </pre>
   */
  public static final class TokenServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<TokenServiceBlockingStub> {
    private TokenServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected TokenServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new TokenServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Exchanges the calling tenant API key (any scope) for a token. A token cannot be
     * exchanged for another (PERMISSION_DENIED): tokens end, keys must be shown again.
     * </pre>
     */
    public com.omsims.iam.v1.IssueTokenResponse issueToken(com.omsims.iam.v1.IssueTokenRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getIssueTokenMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service TokenService.
   * <pre>
   * Short-lived access tokens, for clients that should not hold a long-lived API key (a
   * browser, a job runner, a partner's user): call IssueToken with the key, then present the
   * token (`authorization: Bearer at_...`) to IMS and OMS until it expires.
   * A token may do what its key may do, for the key's tenant, under the key's rate limit.
   * Servers verify it without a look-up; revoking the key does not void tokens already issued,
   * which end at their expiry (AUTH_TOKEN_MAX_TTL_S at most, one hour by default).
   * </pre>
   */
  public static final class TokenServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<TokenServiceFutureStub> {
    private TokenServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected TokenServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new TokenServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Exchanges the calling tenant API key (any scope) for a token. A token cannot be
     * exchanged for another (PERMISSION_DENIED): tokens end, keys must be shown again.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.iam.v1.IssueTokenResponse> issueToken(
        com.omsims.iam.v1.IssueTokenRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getIssueTokenMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_ISSUE_TOKEN = 0;

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
        case METHODID_ISSUE_TOKEN:
          serviceImpl.issueToken((com.omsims.iam.v1.IssueTokenRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.iam.v1.IssueTokenResponse>) responseObserver);
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
          getIssueTokenMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.iam.v1.IssueTokenRequest,
              com.omsims.iam.v1.IssueTokenResponse>(
                service, METHODID_ISSUE_TOKEN)))
        .build();
  }

  private static abstract class TokenServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    TokenServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return com.omsims.iam.v1.TokenProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("TokenService");
    }
  }

  private static final class TokenServiceFileDescriptorSupplier
      extends TokenServiceBaseDescriptorSupplier {
    TokenServiceFileDescriptorSupplier() {}
  }

  private static final class TokenServiceMethodDescriptorSupplier
      extends TokenServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    TokenServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (TokenServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new TokenServiceFileDescriptorSupplier())
              .addMethod(getIssueTokenMethod())
              .build();
        }
      }
    }
    return result;
  }
}

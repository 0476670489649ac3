package com.omsims.oms.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * The messages our consumers set aside (platform administration: the admin credential only).
 * Two places hold them:
 * - the upload queue's SQS dead-letter queue: uploads the CSV ingester could not process on
 *   any of the queue's `maxReceiveCount` deliveries (SQS moved them there);
 * - the Kafka dead-letter topic: events the order finalizer or the webhook dispatcher could
 *   not handle (unparseable, or still failing after its retries), with the error.
 * Redriving puts a letter back where it came from (the upload queue, or the event's own
 * topic) for its consumer to handle again; every consumer is idempotent, so a letter whose
 * effect had partly happened does not happen twice.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class DeadLetterServiceGrpc {

  private DeadLetterServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "oms.v1.DeadLetterService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<com.omsims.oms.v1.ListDeadLettersRequest,
      com.omsims.oms.v1.ListDeadLettersResponse> getListDeadLettersMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListDeadLetters",
      requestType = com.omsims.oms.v1.ListDeadLettersRequest.class,
      responseType = com.omsims.oms.v1.ListDeadLettersResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.oms.v1.ListDeadLettersRequest,
      com.omsims.oms.v1.ListDeadLettersResponse> getListDeadLettersMethod() {
    io.grpc.MethodDescriptor<com.omsims.oms.v1.ListDeadLettersRequest, com.omsims.oms.v1.ListDeadLettersResponse> getListDeadLettersMethod;
    if ((getListDeadLettersMethod = DeadLetterServiceGrpc.getListDeadLettersMethod) == null) {
      synchronized (DeadLetterServiceGrpc.class) {
        if ((getListDeadLettersMethod = DeadLetterServiceGrpc.getListDeadLettersMethod) == null) {
          DeadLetterServiceGrpc.getListDeadLettersMethod = getListDeadLettersMethod =
              io.grpc.MethodDescriptor.<com.omsims.oms.v1.ListDeadLettersRequest, com.omsims.oms.v1.ListDeadLettersResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListDeadLetters"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.oms.v1.ListDeadLettersRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.oms.v1.ListDeadLettersResponse.getDefaultInstance()))
              .setSchemaDescriptor(new DeadLetterServiceMethodDescriptorSupplier("ListDeadLetters"))
              .build();
        }
      }
    }
    return getListDeadLettersMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.omsims.oms.v1.RedriveDeadLetterRequest,
      com.omsims.oms.v1.RedriveDeadLetterResponse> getRedriveDeadLetterMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RedriveDeadLetter",
      requestType = com.omsims.oms.v1.RedriveDeadLetterRequest.class,
      responseType = com.omsims.oms.v1.RedriveDeadLetterResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.oms.v1.RedriveDeadLetterRequest,
      com.omsims.oms.v1.RedriveDeadLetterResponse> getRedriveDeadLetterMethod() {
    io.grpc.MethodDescriptor<com.omsims.oms.v1.RedriveDeadLetterRequest, com.omsims.oms.v1.RedriveDeadLetterResponse> getRedriveDeadLetterMethod;
    if ((getRedriveDeadLetterMethod = DeadLetterServiceGrpc.getRedriveDeadLetterMethod) == null) {
      synchronized (DeadLetterServiceGrpc.class) {
        if ((getRedriveDeadLetterMethod = DeadLetterServiceGrpc.getRedriveDeadLetterMethod) == null) {
          DeadLetterServiceGrpc.getRedriveDeadLetterMethod = getRedriveDeadLetterMethod =
              io.grpc.MethodDescriptor.<com.omsims.oms.v1.RedriveDeadLetterRequest, com.omsims.oms.v1.RedriveDeadLetterResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RedriveDeadLetter"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.oms.v1.RedriveDeadLetterRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.oms.v1.RedriveDeadLetterResponse.getDefaultInstance()))
              .setSchemaDescriptor(new DeadLetterServiceMethodDescriptorSupplier("RedriveDeadLetter"))
              .build();
        }
      }
    }
    return getRedriveDeadLetterMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static DeadLetterServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<DeadLetterServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<DeadLetterServiceStub>() {
        @java.lang.Override
        public DeadLetterServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new DeadLetterServiceStub(channel, callOptions);
        }
      };
    return DeadLetterServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static DeadLetterServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<DeadLetterServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<DeadLetterServiceBlockingV2Stub>() {
        @java.lang.Override
        public DeadLetterServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new DeadLetterServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return DeadLetterServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static DeadLetterServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<DeadLetterServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<DeadLetterServiceBlockingStub>() {
        @java.lang.Override
        public DeadLetterServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new DeadLetterServiceBlockingStub(channel, callOptions);
        }
      };
    return DeadLetterServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static DeadLetterServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<DeadLetterServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<DeadLetterServiceFutureStub>() {
        @java.lang.Override
        public DeadLetterServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new DeadLetterServiceFutureStub(channel, callOptions);
        }
      };
    return DeadLetterServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * The messages our consumers set aside (platform administration: the admin credential only).
   * Two places hold them:
   * - the upload queue's SQS dead-letter queue: uploads the CSV ingester could not process on
   *   any of the queue's `maxReceiveCount` deliveries (SQS moved them there);
   * - the Kafka dead-letter topic: events the order finalizer or the webhook dispatcher could
   *   not handle (unparseable, or still failing after its retries), with the error.
   * Redriving puts a letter back where it came from (the upload queue, or the event's own
   * topic) for its consumer to handle again; every consumer is idempotent, so a letter whose
   * effect had partly happened does not happen twice.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Lists the dead letters of one source. The topic's letters come oldest first, in pages;
     * the queue's are what SQS hands out in one pass (it cannot be paged or peeked: the
     * letters read are leased for a moment and released at once; see `queue_depth`).
     * </pre>
     */
    default void listDeadLetters(com.omsims.oms.v1.ListDeadLettersRequest request,
        io.grpc.stub.StreamObserver<com.omsims.oms.v1.ListDeadLettersResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListDeadLettersMethod(), responseObserver);
    }

    /**
     * <pre>
     * Puts one letter back where it came from. A queue letter leaves the dead-letter queue; a
     * topic letter stays on the topic (Kafka keeps its records) and is marked redriven.
     * NOT_FOUND for an unknown id; FAILED_PRECONDITION for a topic letter redriven before.
     * </pre>
     */
    default void redriveDeadLetter(com.omsims.oms.v1.RedriveDeadLetterRequest request,
        io.grpc.stub.StreamObserver<com.omsims.oms.v1.RedriveDeadLetterResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRedriveDeadLetterMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service DeadLetterService.
   * <pre>
   * The messages our consumers set aside (platform administration: the admin credential only).
   * Two places hold them:
   * - the upload queue's SQS dead-letter queue: uploads the CSV ingester could not process on
   *   any of the queue's `maxReceiveCount` deliveries (SQS moved them there);
   * - the Kafka dead-letter topic: events the order finalizer or the webhook dispatcher could
   *   not handle (unparseable, or still failing after its retries), with the error.
   * Redriving puts a letter back where it came from (the upload queue, or the event's own
   * topic) for its consumer to handle again; every consumer is idempotent, so a letter whose
   * effect had partly happened does not happen twice.
   * </pre>
   */
  public static abstract class DeadLetterServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return DeadLetterServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service DeadLetterService.
   * <pre>
   * The messages our consumers set aside (platform administration: the admin credential only).
   * Two places hold them:
   * - the upload queue's SQS dead-letter queue: uploads the CSV ingester could not process on
   *   any of the queue's `maxReceiveCount` deliveries (SQS moved them there);
   * - the Kafka dead-letter topic: events the order finalizer or the webhook dispatcher could
   *   not handle (unparseable, or still failing after its retries), with the error.
   * Redriving puts a letter back where it came from (the upload queue, or the event's own
   * topic) for its consumer to handle again; every consumer is idempotent, so a letter whose
   * effect had partly happened does not happen twice.
   * </pre>
   */
  public static final class DeadLetterServiceStub
      extends io.grpc.stub.AbstractAsyncStub<DeadLetterServiceStub> {
    private DeadLetterServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected DeadLetterServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new DeadLetterServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Lists the dead letters of one source. The topic's letters come oldest first, in pages;
     * the queue's are what SQS hands out in one pass (it cannot be paged or peeked: the
     * letters read are leased for a moment and released at once; see `queue_depth`).
     * </pre>
     */
    public void listDeadLetters(com.omsims.oms.v1.ListDeadLettersRequest request,
        io.grpc.stub.StreamObserver<com.omsims.oms.v1.ListDeadLettersResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListDeadLettersMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Puts one letter back where it came from. A queue letter leaves the dead-letter queue; a
     * topic letter stays on the topic (Kafka keeps its records) and is marked redriven.
     * NOT_FOUND for an unknown id; FAILED_PRECONDITION for a topic letter redriven before.
     * </pre>
     */
    public void redriveDeadLetter(com.omsims.oms.v1.RedriveDeadLetterRequest request,
        io.grpc.stub.StreamObserver<com.omsims.oms.v1.RedriveDeadLetterResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRedriveDeadLetterMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service DeadLetterService.
   * <pre>
   * The messages our consumers set aside (platform administration: the admin credential only).
   * Two places hold them:
   * - the upload queue's SQS dead-letter queue: uploads the CSV ingester could not process on
   *   any of the queue's `maxReceiveCount` deliveries (SQS moved them there);
   * - the Kafka dead-letter topic: events the order finalizer or the webhook dispatcher could
   *   not handle (unparseable, or still failing after its retries), with the error.
   * Redriving puts a letter back where it came from (the upload queue, or the event's own
   * topic) for its consumer to handle again; every consumer is idempotent, so a letter whose
   * effect had partly happened does not happen twice.
   * </pre>
   */
  public static final class DeadLetterServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<DeadLetterServiceBlockingV2Stub> {
    private DeadLetterServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected DeadLetterServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new DeadLetterServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Lists the dead letters of one source. The topic's letters come oldest first, in pages;
     * the queue's are what SQS hands out in one pass (it cannot be paged or peeked: the
     * letters read are leased for a moment and released at once; see `queue_depth`).
     * </pre>
     */
    public com.omsims.oms.v1.ListDeadLettersResponse listDeadLetters(com.omsims.oms.v1.ListDeadLettersRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListDeadLettersMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Puts one letter back where it came from. A queue letter leaves the dead-letter queue; a
     * topic letter stays on the topic (Kafka keeps its records) and is marked redriven.
     * NOT_FOUND for an unknown id; FAILED_PRECONDITION for a topic letter redriven before.
     * </pre>
     */
    public com.omsims.oms.v1.RedriveDeadLetterResponse redriveDeadLetter(com.omsims.oms.v1.RedriveDeadLetterRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRedriveDeadLetterMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service DeadLetterService.
   * <pre>
   * The messages our consumers set aside (platform administration: the admin credential only).
   * Two places hold them:
   * - the upload queue's SQS dead-letter queue: uploads the CSV ingester could not process on
   *   any of the queue's `maxReceiveCount` deliveries (SQS moved them there);
   * - the Kafka dead-letter topic: events the order finalizer or the webhook dispatcher could
   *   not handle (unparseable, or still failing after its retries), with the error.
   * Redriving puts a letter back where it came from (the upload queue, or the event's own
   * topic) for its consumer to handle again; every consumer is idempotent, so a letter whose
   * effect had partly happened does not happen twice.
   * </pre>
   */
  public static final class DeadLetterServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<DeadLetterServiceBlockingStub> {
    private DeadLetterServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected DeadLetterServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new DeadLetterServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Lists the dead letters of one source. The topic's letters come oldest first, in pages;
     * the queue's are what SQS hands out in one pass (it cannot be paged or peeked: the
     * letters read are leased for a moment and released at once; see `queue_depth`).
     * </pre>
     */
    public com.omsims.oms.v1.ListDeadLettersResponse listDeadLetters(com.omsims.oms.v1.ListDeadLettersRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListDeadLettersMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Puts one letter back where it came from. A queue letter leaves the dead-letter queue; a
     * topic letter stays on the topic (Kafka keeps its records) and is marked redriven.
     * NOT_FOUND for an unknown id; FAILED_PRECONDITION for a topic letter redriven before.
     * </pre>
     */
    public com.omsims.oms.v1.RedriveDeadLetterResponse redriveDeadLetter(com.omsims.oms.v1.RedriveDeadLetterRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRedriveDeadLetterMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service DeadLetterService.
   * <pre>
   * The messages our consumers set aside (platform administration: the admin credential only).
   * Two places hold them:
   * - the upload queue's SQS dead-letter queue: uploads the CSV ingester could not process on
   *   any of the queue's `maxReceiveCount` deliveries (SQS moved them there);
   * - the Kafka dead-letter topic: events the order finalizer or the webhook dispatcher could
   *   not handle (unparseable, or still failing after its retries), with the error.
   * Redriving puts a letter back where it came from (the upload queue, or the event's own
   * topic) for its consumer to handle again; every consumer is idempotent, so a letter whose
   * effect had partly happened does not happen twice.
   * </pre>
   */
  public static final class DeadLetterServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<DeadLetterServiceFutureStub> {
    private DeadLetterServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected DeadLetterServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new DeadLetterServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Lists the dead letters of one source. The topic's letters come oldest first, in pages;
     * the queue's are what SQS hands out in one pass (it cannot be paged or peeked: the
     * letters read are leased for a moment and released at once; see `queue_depth`).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.oms.v1.ListDeadLettersResponse> listDeadLetters(
        com.omsims.oms.v1.ListDeadLettersRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListDeadLettersMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Puts one letter back where it came from. A queue letter leaves the dead-letter queue; a
     * topic letter stays on the topic (Kafka keeps its records) and is marked redriven.
     * NOT_FOUND for an unknown id; FAILED_PRECONDITION for a topic letter redriven before.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.oms.v1.RedriveDeadLetterResponse> redriveDeadLetter(
        com.omsims.oms.v1.RedriveDeadLetterRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRedriveDeadLetterMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_LIST_DEAD_LETTERS = 0;
  private static final int METHODID_REDRIVE_DEAD_LETTER = 1;

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
        case METHODID_LIST_DEAD_LETTERS:
          serviceImpl.listDeadLetters((com.omsims.oms.v1.ListDeadLettersRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.oms.v1.ListDeadLettersResponse>) responseObserver);
          break;
        case METHODID_REDRIVE_DEAD_LETTER:
          serviceImpl.redriveDeadLetter((com.omsims.oms.v1.RedriveDeadLetterRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.oms.v1.RedriveDeadLetterResponse>) responseObserver);
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
          getListDeadLettersMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.oms.v1.ListDeadLettersRequest,
              com.omsims.oms.v1.ListDeadLettersResponse>(
                service, METHODID_LIST_DEAD_LETTERS)))
        .addMethod(
          getRedriveDeadLetterMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.oms.v1.RedriveDeadLetterRequest,
              com.omsims.oms.v1.RedriveDeadLetterResponse>(
                service, METHODID_REDRIVE_DEAD_LETTER)))
        .build();
  }

  private static abstract class DeadLetterServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    DeadLetterServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return com.omsims.oms.v1.DeadLetterProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("DeadLetterService");
    }
  }

  private static final class DeadLetterServiceFileDescriptorSupplier
      extends DeadLetterServiceBaseDescriptorSupplier {
    DeadLetterServiceFileDescriptorSupplier() {}
  }

  private static final class DeadLetterServiceMethodDescriptorSupplier
      extends DeadLetterServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    DeadLetterServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (DeadLetterServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new DeadLetterServiceFileDescriptorSupplier())
              .addMethod(getListDeadLettersMethod())
              .addMethod(getRedriveDeadLetterMethod())
              .build();
        }
      }
    }
    return result;
  }
}

package com.omsims.oms.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Bulk order uploads (CSV) and their error files.
 * CSV format: header row with at least `tenant_id,seller_id,hub_id,sku_id,quantity`, in any
 * order; `hub_id` / `sku_id` may hold codes instead of ids; an optional `order_ref` column
 * groups rows into one multi-line order and makes re-uploads idempotent; extra columns are
 * kept as order attributes.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class UploadServiceGrpc {

  private UploadServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "oms.v1.UploadService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<com.omsims.oms.v1.StreamUploadRequest,
      com.omsims.oms.v1.StreamUploadResponse> getStreamUploadMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "StreamUpload",
      requestType = com.omsims.oms.v1.StreamUploadRequest.class,
      responseType = com.omsims.oms.v1.StreamUploadResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.CLIENT_STREAMING)
  public static io.grpc.MethodDescriptor<com.omsims.oms.v1.StreamUploadRequest,
      com.omsims.oms.v1.StreamUploadResponse> getStreamUploadMethod() {
    io.grpc.MethodDescriptor<com.omsims.oms.v1.StreamUploadRequest, com.omsims.oms.v1.StreamUploadResponse> getStreamUploadMethod;
    if ((getStreamUploadMethod = UploadServiceGrpc.getStreamUploadMethod) == null) {
      synchronized (UploadServiceGrpc.class) {
        if ((getStreamUploadMethod = UploadServiceGrpc.getStreamUploadMethod) == null) {
          UploadServiceGrpc.getStreamUploadMethod = getStreamUploadMethod =
              io.grpc.MethodDescriptor.<com.omsims.oms.v1.StreamUploadRequest, com.omsims.oms.v1.StreamUploadResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.CLIENT_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "StreamUpload"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.oms.v1.StreamUploadRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.oms.v1.StreamUploadResponse.getDefaultInstance()))
              .setSchemaDescriptor(new UploadServiceMethodDescriptorSupplier("StreamUpload"))
              .build();
        }
      }
    }
    return getStreamUploadMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.omsims.oms.v1.CreateUploadRequest,
      com.omsims.oms.v1.CreateUploadResponse> getCreateUploadMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateUpload",
      requestType = com.omsims.oms.v1.CreateUploadRequest.class,
      responseType = com.omsims.oms.v1.CreateUploadResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.oms.v1.CreateUploadRequest,
      com.omsims.oms.v1.CreateUploadResponse> getCreateUploadMethod() {
    io.grpc.MethodDescriptor<com.omsims.oms.v1.CreateUploadRequest, com.omsims.oms.v1.CreateUploadResponse> getCreateUploadMethod;
    if ((getCreateUploadMethod = UploadServiceGrpc.getCreateUploadMethod) == null) {
      synchronized (UploadServiceGrpc.class) {
        if ((getCreateUploadMethod = UploadServiceGrpc.getCreateUploadMethod) == null) {
          UploadServiceGrpc.getCreateUploadMethod = getCreateUploadMethod =
              io.grpc.MethodDescriptor.<com.omsims.oms.v1.CreateUploadRequest, com.omsims.oms.v1.CreateUploadResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateUpload"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.oms.v1.CreateUploadRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.oms.v1.CreateUploadResponse.getDefaultInstance()))
              .setSchemaDescriptor(new UploadServiceMethodDescriptorSupplier("CreateUpload"))
              .build();
        }
      }
    }
    return getCreateUploadMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.omsims.oms.v1.CreateUploadUrlRequest,
      com.omsims.oms.v1.CreateUploadUrlResponse> getCreateUploadUrlMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "CreateUploadUrl",
      requestType = com.omsims.oms.v1.CreateUploadUrlRequest.class,
      responseType = com.omsims.oms.v1.CreateUploadUrlResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.oms.v1.CreateUploadUrlRequest,
      com.omsims.oms.v1.CreateUploadUrlResponse> getCreateUploadUrlMethod() {
    io.grpc.MethodDescriptor<com.omsims.oms.v1.CreateUploadUrlRequest, com.omsims.oms.v1.CreateUploadUrlResponse> getCreateUploadUrlMethod;
    if ((getCreateUploadUrlMethod = UploadServiceGrpc.getCreateUploadUrlMethod) == null) {
      synchronized (UploadServiceGrpc.class) {
        if ((getCreateUploadUrlMethod = UploadServiceGrpc.getCreateUploadUrlMethod) == null) {
          UploadServiceGrpc.getCreateUploadUrlMethod = getCreateUploadUrlMethod =
              io.grpc.MethodDescriptor.<com.omsims.oms.v1.CreateUploadUrlRequest, com.omsims.oms.v1.CreateUploadUrlResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "CreateUploadUrl"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.oms.v1.CreateUploadUrlRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.oms.v1.CreateUploadUrlResponse.getDefaultInstance()))
              .setSchemaDescriptor(new UploadServiceMethodDescriptorSupplier("CreateUploadUrl"))
              .build();
        }
      }
    }
    return getCreateUploadUrlMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.omsims.oms.v1.ImportUploadRequest,
      com.omsims.oms.v1.ImportUploadResponse> getImportUploadMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ImportUpload",
      requestType = com.omsims.oms.v1.ImportUploadRequest.class,
      responseType = com.omsims.oms.v1.ImportUploadResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.oms.v1.ImportUploadRequest,
      com.omsims.oms.v1.ImportUploadResponse> getImportUploadMethod() {
    io.grpc.MethodDescriptor<com.omsims.oms.v1.ImportUploadRequest, com.omsims.oms.v1.ImportUploadResponse> getImportUploadMethod;
    if ((getImportUploadMethod = UploadServiceGrpc.getImportUploadMethod) == null) {
      synchronized (UploadServiceGrpc.class) {
        if ((getImportUploadMethod = UploadServiceGrpc.getImportUploadMethod) == null) {
          UploadServiceGrpc.getImportUploadMethod = getImportUploadMethod =
              io.grpc.MethodDescriptor.<com.omsims.oms.v1.ImportUploadRequest, com.omsims.oms.v1.ImportUploadResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ImportUpload"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.oms.v1.ImportUploadRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.oms.v1.ImportUploadResponse.getDefaultInstance()))
              .setSchemaDescriptor(new UploadServiceMethodDescriptorSupplier("ImportUpload"))
              .build();
        }
      }
    }
    return getImportUploadMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.omsims.oms.v1.GetUploadRequest,
      com.omsims.oms.v1.GetUploadResponse> getGetUploadMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetUpload",
      requestType = com.omsims.oms.v1.GetUploadRequest.class,
      responseType = com.omsims.oms.v1.GetUploadResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.oms.v1.GetUploadRequest,
      com.omsims.oms.v1.GetUploadResponse> getGetUploadMethod() {
    io.grpc.MethodDescriptor<com.omsims.oms.v1.GetUploadRequest, com.omsims.oms.v1.GetUploadResponse> getGetUploadMethod;
    if ((getGetUploadMethod = UploadServiceGrpc.getGetUploadMethod) == null) {
      synchronized (UploadServiceGrpc.class) {
        if ((getGetUploadMethod = UploadServiceGrpc.getGetUploadMethod) == null) {
          UploadServiceGrpc.getGetUploadMethod = getGetUploadMethod =
              io.grpc.MethodDescriptor.<com.omsims.oms.v1.GetUploadRequest, com.omsims.oms.v1.GetUploadResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetUpload"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.oms.v1.GetUploadRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.oms.v1.GetUploadResponse.getDefaultInstance()))
              .setSchemaDescriptor(new UploadServiceMethodDescriptorSupplier("GetUpload"))
              .build();
        }
      }
    }
    return getGetUploadMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.omsims.oms.v1.ListUploadsRequest,
      com.omsims.oms.v1.ListUploadsResponse> getListUploadsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListUploads",
      requestType = com.omsims.oms.v1.ListUploadsRequest.class,
      responseType = com.omsims.oms.v1.ListUploadsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<com.omsims.oms.v1.ListUploadsRequest,
      com.omsims.oms.v1.ListUploadsResponse> getListUploadsMethod() {
    io.grpc.MethodDescriptor<com.omsims.oms.v1.ListUploadsRequest, com.omsims.oms.v1.ListUploadsResponse> getListUploadsMethod;
    if ((getListUploadsMethod = UploadServiceGrpc.getListUploadsMethod) == null) {
      synchronized (UploadServiceGrpc.class) {
        if ((getListUploadsMethod = UploadServiceGrpc.getListUploadsMethod) == null) {
          UploadServiceGrpc.getListUploadsMethod = getListUploadsMethod =
              io.grpc.MethodDescriptor.<com.omsims.oms.v1.ListUploadsRequest, com.omsims.oms.v1.ListUploadsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListUploads"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.oms.v1.ListUploadsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.oms.v1.ListUploadsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new UploadServiceMethodDescriptorSupplier("ListUploads"))
              .build();
        }
      }
    }
    return getListUploadsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<com.omsims.oms.v1.GetErrorFileRequest,
      com.omsims.oms.v1.GetErrorFileResponse> getGetErrorFileMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetErrorFile",
      requestType = com.omsims.oms.v1.GetErrorFileRequest.class,
      responseType = com.omsims.oms.v1.GetErrorFileResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
  public static io.grpc.MethodDescriptor<com.omsims.oms.v1.GetErrorFileRequest,
      com.omsims.oms.v1.GetErrorFileResponse> getGetErrorFileMethod() {
    io.grpc.MethodDescriptor<com.omsims.oms.v1.GetErrorFileRequest, com.omsims.oms.v1.GetErrorFileResponse> getGetErrorFileMethod;
    if ((getGetErrorFileMethod = UploadServiceGrpc.getGetErrorFileMethod) == null) {
      synchronized (UploadServiceGrpc.class) {
        if ((getGetErrorFileMethod = UploadServiceGrpc.getGetErrorFileMethod) == null) {
          UploadServiceGrpc.getGetErrorFileMethod = getGetErrorFileMethod =
              io.grpc.MethodDescriptor.<com.omsims.oms.v1.GetErrorFileRequest, com.omsims.oms.v1.GetErrorFileResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetErrorFile"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.oms.v1.GetErrorFileRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  com.omsims.oms.v1.GetErrorFileResponse.getDefaultInstance()))
              .setSchemaDescriptor(new UploadServiceMethodDescriptorSupplier("GetErrorFile"))
              .build();
        }
      }
    }
    return getGetErrorFileMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static UploadServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<UploadServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<UploadServiceStub>() {
        @java.lang.Override
        public UploadServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new UploadServiceStub(channel, callOptions);
        }
      };
    return UploadServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static UploadServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<UploadServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<UploadServiceBlockingV2Stub>() {
        @java.lang.Override
        public UploadServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new UploadServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return UploadServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static UploadServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<UploadServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<UploadServiceBlockingStub>() {
        @java.lang.Override
        public UploadServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new UploadServiceBlockingStub(channel, callOptions);
        }
      };
    return UploadServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static UploadServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<UploadServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<UploadServiceFutureStub>() {
        @java.lang.Override
        public UploadServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new UploadServiceFutureStub(channel, callOptions);
        }
      };
    return UploadServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Bulk order uploads (CSV) and their error files.
   * CSV format: header row with at least `tenant_id,seller_id,hub_id,sku_id,quantity`, in any
   * order; `hub_id` / `sku_id` may hold codes instead of ids; an optional `order_ref` column
   * groups rows into one multi-line order and makes re-uploads idempotent; extra columns are
   * kept as order attributes.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Accepts a CSV file, stores it (object key `uploads/{timestamp}_{uuid}_{filename}`),
     * queues it for processing and returns the upload in state QUEUED. The REST edge answers
     * 202 Accepted; Envoy's transcoder can only answer 200.
     * REST: the raw HTTP request body is the file (`body: "file"`), either `text/csv` or
     * `multipart/form-data` with a `file` part (and optionally `tenant_id` / `filename` parts);
     * `tenant_id` and `filename` can also be query parameters. Envoy buffers the whole body
     * into one gRPC message, so the OMS server must accept messages as large as the biggest
     * allowed upload (see envoy/envoy.yaml).
     * The same as CreateUpload, for files of any size up to the limit without any process
     * holding the whole file: the first message is the header, then the file's bytes follow
     * in order, in chunks of any size below the message limit (64 KiB to 1 MiB work well).
     * The server checks the bytes as they arrive (and answers INVALID_ARGUMENT naming `file`
     * as soon as a problem shows, e.g. the size limit) while writing them to S3 in parts; the
     * upload exists only once the stream has ended and the whole file passed. A stream that
     * is cancelled, or ends early, leaves nothing behind. gRPC only (no REST transcoding):
     * the Falcon edge's POST /orders/upload streams through it.
     * </pre>
     */
    default io.grpc.stub.StreamObserver<com.omsims.oms.v1.StreamUploadRequest> streamUpload(
        io.grpc.stub.StreamObserver<com.omsims.oms.v1.StreamUploadResponse> responseObserver) {
      return io.grpc.stub.ServerCalls.asyncUnimplementedStreamingCall(getStreamUploadMethod(), responseObserver);
    }

    /**
     */
    default void createUpload(com.omsims.oms.v1.CreateUploadRequest request,
        io.grpc.stub.StreamObserver<com.omsims.oms.v1.CreateUploadResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateUploadMethod(), responseObserver);
    }

    /**
     * <pre>
     * A URL to PUT a file straight into the upload bucket (S3 presigned, no service in
     * between), for files too large to send through the APIs comfortably. The object lands
     * at `key`, `incoming/{tenant_id}/{uuid}/{filename}`; then ImportUpload turns it into an
     * upload. The URL expires after `UPLOAD_PRESIGN_TTL_S` (15 min); the PUT must send the
     * `Content-Type` in `headers`.
     * </pre>
     */
    default void createUploadUrl(com.omsims.oms.v1.CreateUploadUrlRequest request,
        io.grpc.stub.StreamObserver<com.omsims.oms.v1.CreateUploadUrlResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getCreateUploadUrlMethod(), responseObserver);
    }

    /**
     * <pre>
     * Makes an upload of an object the tenant put into the bucket (CreateUploadUrl): the
     * object is copied to the upload's own key (so later PUTs to the URL change nothing),
     * checked like any uploaded file, and queued. NOT_FOUND unless `key` is one of this
     * tenant's presigned slots and holds an object; INVALID_ARGUMENT for another bucket or a
     * file CreateUpload would refuse. Each call makes a new upload (re-imports are
     * idempotent per `order_ref`, as re-uploads are). The original's POST /orders/bulk.
     * </pre>
     */
    default void importUpload(com.omsims.oms.v1.ImportUploadRequest request,
        io.grpc.stub.StreamObserver<com.omsims.oms.v1.ImportUploadResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getImportUploadMethod(), responseObserver);
    }

    /**
     * <pre>
     * Returns an upload with its progress counters, or NOT_FOUND.
     * </pre>
     */
    default void getUpload(com.omsims.oms.v1.GetUploadRequest request,
        io.grpc.stub.StreamObserver<com.omsims.oms.v1.GetUploadResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetUploadMethod(), responseObserver);
    }

    /**
     * <pre>
     * Lists the tenant's uploads, newest first; optionally only those in one state.
     * </pre>
     */
    default void listUploads(com.omsims.oms.v1.ListUploadsRequest request,
        io.grpc.stub.StreamObserver<com.omsims.oms.v1.ListUploadsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListUploadsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Streams an upload's error file as CSV (the original columns plus an `error` column, in
     * the caller's language: REST `Accept-Language`, gRPC metadata `accept-language`).
     * REST: the response body is the concatenated `chunk.data`, with the content type of the
     * first chunk (`text/csv; charset=utf-8`). The server may send `content-disposition` as
     * initial metadata; Envoy passes it on as a response header.
     * </pre>
     */
    default void getErrorFile(com.omsims.oms.v1.GetErrorFileRequest request,
        io.grpc.stub.StreamObserver<com.omsims.oms.v1.GetErrorFileResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetErrorFileMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service UploadService.
   * <pre>
   * Bulk order uploads (CSV) and their error files.
   * CSV format: header row with at least `tenant_id,seller_id,hub_id,sku_id,quantity`, in any
   * order; `hub_id` / `sku_id` may hold codes instead of ids; an optional `order_ref` column
   * groups rows into one multi-line order and makes re-uploads idempotent; extra columns are
   * kept as order attributes.
   * </pre>
   */
  public static abstract class UploadServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return UploadServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service UploadService.
   * <pre>
   * Bulk order uploads (CSV) and their error files.
   * CSV format: header row with at least `tenant_id,seller_id,hub_id,sku_id,quantity`, in any
   * order; `hub_id` / `sku_id` may hold codes instead of ids; an optional `order_ref` column
   * groups rows into one multi-line order and makes re-uploads idempotent; extra columns are
   * kept as order attributes.
   * </pre>
   */
  public static final class UploadServiceStub
      extends io.grpc.stub.AbstractAsyncStub<UploadServiceStub> {
    private UploadServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected UploadServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new UploadServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Accepts a CSV file, stores it (object key `uploads/{timestamp}_{uuid}_{filename}`),
     * queues it for processing and returns the upload in state QUEUED. The REST edge answers
     * 202 Accepted; Envoy's transcoder can only answer 200.
     * REST: the raw HTTP request body is the file (`body: "file"`), either `text/csv` or
     * `multipart/form-data` with a `file` part (and optionally `tenant_id` / `filename` parts);
     * `tenant_id` and `filename` can also be query parameters. Envoy buffers the whole body
     * into one gRPC message, so the OMS server must accept messages as large as the biggest
     * allowed upload (see envoy/envoy.yaml).
     * The same as CreateUpload, for files of any size up to the limit without any process
     * holding the whole file: the first message is the header, then the file's bytes follow
     * in order, in chunks of any size below the message limit (64 KiB to 1 MiB work well).
     * The server checks the bytes as they arrive (and answers INVALID_ARGUMENT naming `file`
     * as soon as a problem shows, e.g. the size limit) while writing them to S3 in parts; the
     * upload exists only once the stream has ended and the whole file passed. A stream that
     * is cancelled, or ends early, leaves nothing behind. gRPC only (no REST transcoding):
     * the Falcon edge's POST /orders/upload streams through it.
     * </pre>
     */
    public io.grpc.stub.StreamObserver<com.omsims.oms.v1.StreamUploadRequest> streamUpload(
        io.grpc.stub.StreamObserver<com.omsims.oms.v1.StreamUploadResponse> responseObserver) {
      return io.grpc.stub.ClientCalls.asyncClientStreamingCall(
          getChannel().newCall(getStreamUploadMethod(), getCallOptions()), responseObserver);
    }

    /**
     */
    public void createUpload(com.omsims.oms.v1.CreateUploadRequest request,
        io.grpc.stub.StreamObserver<com.omsims.oms.v1.CreateUploadResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateUploadMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * A URL to PUT a file straight into the upload bucket (S3 presigned, no service in
     * between), for files too large to send through the APIs comfortably. The object lands
     * at `key`, `incoming/{tenant_id}/{uuid}/{filename}`; then ImportUpload turns it into an
     * upload. The URL expires after `UPLOAD_PRESIGN_TTL_S` (15 min); the PUT must send the
     * `Content-Type` in `headers`.
     * </pre>
     */
    public void createUploadUrl(com.omsims.oms.v1.CreateUploadUrlRequest request,
        io.grpc.stub.StreamObserver<com.omsims.oms.v1.CreateUploadUrlResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getCreateUploadUrlMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Makes an upload of an object the tenant put into the bucket (CreateUploadUrl): the
     * object is copied to the upload's own key (so later PUTs to the URL change nothing),
     * checked like any uploaded file, and queued. NOT_FOUND unless `key` is one of this
     * tenant's presigned slots and holds an object; INVALID_ARGUMENT for another bucket or a
     * file CreateUpload would refuse. Each call makes a new upload (re-imports are
     * idempotent per `order_ref`, as re-uploads are). The original's POST /orders/bulk.
     * </pre>
     */
    public void importUpload(com.omsims.oms.v1.ImportUploadRequest request,
        io.grpc.stub.StreamObserver<com.omsims.oms.v1.ImportUploadResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getImportUploadMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Returns an upload with its progress counters, or NOT_FOUND.
     * </pre>
     */
    public void getUpload(com.omsims.oms.v1.GetUploadRequest request,
        io.grpc.stub.StreamObserver<com.omsims.oms.v1.GetUploadResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetUploadMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Lists the tenant's uploads, newest first; optionally only those in one state.
     * </pre>
     */
    public void listUploads(com.omsims.oms.v1.ListUploadsRequest request,
        io.grpc.stub.StreamObserver<com.omsims.oms.v1.ListUploadsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListUploadsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Streams an upload's error file as CSV (the original columns plus an `error` column, in
     * the caller's language: REST `Accept-Language`, gRPC metadata `accept-language`).
     * REST: the response body is the concatenated `chunk.data`, with the content type of the
     * first chunk (`text/csv; charset=utf-8`). The server may send `content-disposition` as
     * initial metadata; Envoy passes it on as a response header.
     * </pre>
     */
    public void getErrorFile(com.omsims.oms.v1.GetErrorFileRequest request,
        io.grpc.stub.StreamObserver<com.omsims.oms.v1.GetErrorFileResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncServerStreamingCall(
          getChannel().newCall(getGetErrorFileMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service UploadService.
   * <pre>
   * Bulk order uploads (CSV) and their error files.
   * CSV format: header row with at least `tenant_id,seller_id,hub_id,sku_id,quantity`, in any
   * order; `hub_id` / `sku_id` may hold codes instead of ids; an optional `order_ref` column
   * groups rows into one multi-line order and makes re-uploads idempotent; extra columns are
   * kept as order attributes.
   * </pre>
   */
  public static final class UploadServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<UploadServiceBlockingV2Stub> {
    private UploadServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected UploadServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new UploadServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Accepts a CSV file, stores it (object key `uploads/{timestamp}_{uuid}_{filename}`),
     * queues it for processing and returns the upload in state QUEUED. The REST edge answers
     * 202 Accepted; Envoy's transcoder can only answer 200.
     * REST: the raw HTTP request body is the file (`body: "file"`), either `text/csv` or
     * `multipart/form-data` with a `file` part (and optionally `tenant_id` / `filename` parts);
     * `tenant_id` and `filename` can also be query parameters. Envoy buffers the whole body
     * into one gRPC message, so the OMS server must accept messages as large as the biggest
     * allowed upload (see envoy/envoy.yaml).
     * The same as CreateUpload, for files of any size up to the limit without any process
     * holding the whole file: the first message is the header, then the file's bytes follow
     * in order, in chunks of any size below the message limit (64 KiB to 1 MiB work well).
     * The server checks the bytes as they arrive (and answers INVALID_ARGUMENT naming `file`
     * as soon as a problem shows, e.g. the size limit) while writing them to S3 in parts; the
     * upload exists only once the stream has ended and the whole file passed. A stream that
     * is cancelled, or ends early, leaves nothing behind. gRPC only (no REST transcoding):
     * the Falcon edge's POST /orders/upload streams through it.
     * </pre>
     */
    @io.grpc.ExperimentalApi("https://github.com/grpc/grpc-java/issues/10918")
    public io.grpc.stub.BlockingClientCall<com.omsims.oms.v1.StreamUploadRequest, com.omsims.oms.v1.StreamUploadResponse>
        streamUpload() {
      return io.grpc.stub.ClientCalls.blockingClientStreamingCall(
          getChannel(), getStreamUploadMethod(), getCallOptions());
    }

    /**
     */
    public com.omsims.oms.v1.CreateUploadResponse createUpload(com.omsims.oms.v1.CreateUploadRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCreateUploadMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * A URL to PUT a file straight into the upload bucket (S3 presigned, no service in
     * between), for files too large to send through the APIs comfortably. The object lands
     * at `key`, `incoming/{tenant_id}/{uuid}/{filename}`; then ImportUpload turns it into an
     * upload. The URL expires after `UPLOAD_PRESIGN_TTL_S` (15 min); the PUT must send the
     * `Content-Type` in `headers`.
     * </pre>
     */
    public com.omsims.oms.v1.CreateUploadUrlResponse createUploadUrl(com.omsims.oms.v1.CreateUploadUrlRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getCreateUploadUrlMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Makes an upload of an object the tenant put into the bucket (CreateUploadUrl): the
     * object is copied to the upload's own key (so later PUTs to the URL change nothing),
     * checked like any uploaded file, and queued. NOT_FOUND unless `key` is one of this
     * tenant's presigned slots and holds an object; INVALID_ARGUMENT for another bucket or a
     * file CreateUpload would refuse. Each call makes a new upload (re-imports are
     * idempotent per `order_ref`, as re-uploads are). The original's POST /orders/bulk.
     * </pre>
     */
    public com.omsims.oms.v1.ImportUploadResponse importUpload(com.omsims.oms.v1.ImportUploadRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getImportUploadMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns an upload with its progress counters, or NOT_FOUND.
     * </pre>
     */
    public com.omsims.oms.v1.GetUploadResponse getUpload(com.omsims.oms.v1.GetUploadRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetUploadMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the tenant's uploads, newest first; optionally only those in one state.
     * </pre>
     */
    public com.omsims.oms.v1.ListUploadsResponse listUploads(com.omsims.oms.v1.ListUploadsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListUploadsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Streams an upload's error file as CSV (the original columns plus an `error` column, in
     * the caller's language: REST `Accept-Language`, gRPC metadata `accept-language`).
     * REST: the response body is the concatenated `chunk.data`, with the content type of the
     * first chunk (`text/csv; charset=utf-8`). The server may send `content-disposition` as
     * initial metadata; Envoy passes it on as a response header.
     * </pre>
     */
    @io.grpc.ExperimentalApi("https://github.com/grpc/grpc-java/issues/10918")
    public io.grpc.stub.BlockingClientCall<?, com.omsims.oms.v1.GetErrorFileResponse>
        getErrorFile(com.omsims.oms.v1.GetErrorFileRequest request) {
      return io.grpc.stub.ClientCalls.blockingV2ServerStreamingCall(
          getChannel(), getGetErrorFileMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service UploadService.
   * <pre>
   * Bulk order uploads (CSV) and their error files.
   * CSV format: header row with at least `tenant_id,seller_id,hub_id,sku_id,quantity`, in any
   * order; `hub_id` / `sku_id` may hold codes instead of ids; an optional `order_ref` column
   * groups rows into one multi-line order and makes re-uploads idempotent; extra columns are
   * kept as order attributes.
   * </pre>
   */
  public static final class UploadServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<UploadServiceBlockingStub> {
    private UploadServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected UploadServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new UploadServiceBlockingStub(channel, callOptions);
    }

    /**
     */
    public com.omsims.oms.v1.CreateUploadResponse createUpload(com.omsims.oms.v1.CreateUploadRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateUploadMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * A URL to PUT a file straight into the upload bucket (S3 presigned, no service in
     * between), for files too large to send through the APIs comfortably. The object lands
     * at `key`, `incoming/{tenant_id}/{uuid}/{filename}`; then ImportUpload turns it into an
     * upload. The URL expires after `UPLOAD_PRESIGN_TTL_S` (15 min); the PUT must send the
     * `Content-Type` in `headers`.
     * </pre>
     */
    public com.omsims.oms.v1.CreateUploadUrlResponse createUploadUrl(com.omsims.oms.v1.CreateUploadUrlRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getCreateUploadUrlMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Makes an upload of an object the tenant put into the bucket (CreateUploadUrl): the
     * object is copied to the upload's own key (so later PUTs to the URL change nothing),
     * checked like any uploaded file, and queued. NOT_FOUND unless `key` is one of this
     * tenant's presigned slots and holds an object; INVALID_ARGUMENT for another bucket or a
     * file CreateUpload would refuse. Each call makes a new upload (re-imports are
     * idempotent per `order_ref`, as re-uploads are). The original's POST /orders/bulk.
     * </pre>
     */
    public com.omsims.oms.v1.ImportUploadResponse importUpload(com.omsims.oms.v1.ImportUploadRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getImportUploadMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Returns an upload with its progress counters, or NOT_FOUND.
     * </pre>
     */
    public com.omsims.oms.v1.GetUploadResponse getUpload(com.omsims.oms.v1.GetUploadRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetUploadMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Lists the tenant's uploads, newest first; optionally only those in one state.
     * </pre>
     */
    public com.omsims.oms.v1.ListUploadsResponse listUploads(com.omsims.oms.v1.ListUploadsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListUploadsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Streams an upload's error file as CSV (the original columns plus an `error` column, in
     * the caller's language: REST `Accept-Language`, gRPC metadata `accept-language`).
     * REST: the response body is the concatenated `chunk.data`, with the content type of the
     * first chunk (`text/csv; charset=utf-8`). The server may send `content-disposition` as
     * initial metadata; Envoy passes it on as a response header.
     * </pre>
     */
    public java.util.Iterator<com.omsims.oms.v1.GetErrorFileResponse> getErrorFile(
        com.omsims.oms.v1.GetErrorFileRequest request) {
      return io.grpc.stub.ClientCalls.blockingServerStreamingCall(
          getChannel(), getGetErrorFileMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service UploadService.
   * <pre>
   * Bulk order uploads (CSV) and their error files.
   * CSV format: header row with at least `tenant_id,seller_id,hub_id,sku_id,quantity`, in any
   * order; `hub_id` / `sku_id` may hold codes instead of ids; an optional `order_ref` column
   * groups rows into one multi-line order and makes re-uploads idempotent; extra columns are
   * kept as order attributes.
   * </pre>
   */
  public static final class UploadServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<UploadServiceFutureStub> {
    private UploadServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected UploadServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new UploadServiceFutureStub(channel, callOptions);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.oms.v1.CreateUploadResponse> createUpload(
        com.omsims.oms.v1.CreateUploadRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateUploadMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * A URL to PUT a file straight into the upload bucket (S3 presigned, no service in
     * between), for files too large to send through the APIs comfortably. The object lands
     * at `key`, `incoming/{tenant_id}/{uuid}/{filename}`; then ImportUpload turns it into an
     * upload. The URL expires after `UPLOAD_PRESIGN_TTL_S` (15 min); the PUT must send the
     * `Content-Type` in `headers`.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.oms.v1.CreateUploadUrlResponse> createUploadUrl(
        com.omsims.oms.v1.CreateUploadUrlRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getCreateUploadUrlMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Makes an upload of an object the tenant put into the bucket (CreateUploadUrl): the
     * object is copied to the upload's own key (so later PUTs to the URL change nothing),
     * checked like any uploaded file, and queued. NOT_FOUND unless `key` is one of this
     * tenant's presigned slots and holds an object; INVALID_ARGUMENT for another bucket or a
     * file CreateUpload would refuse. Each call makes a new upload (re-imports are
     * idempotent per `order_ref`, as re-uploads are). The original's POST /orders/bulk.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.oms.v1.ImportUploadResponse> importUpload(
        com.omsims.oms.v1.ImportUploadRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getImportUploadMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Returns an upload with its progress counters, or NOT_FOUND.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.oms.v1.GetUploadResponse> getUpload(
        com.omsims.oms.v1.GetUploadRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetUploadMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Lists the tenant's uploads, newest first; optionally only those in one state.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<com.omsims.oms.v1.ListUploadsResponse> listUploads(
        com.omsims.oms.v1.ListUploadsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListUploadsMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_CREATE_UPLOAD = 0;
  private static final int METHODID_CREATE_UPLOAD_URL = 1;
  private static final int METHODID_IMPORT_UPLOAD = 2;
  private static final int METHODID_GET_UPLOAD = 3;
  private static final int METHODID_LIST_UPLOADS = 4;
  private static final int METHODID_GET_ERROR_FILE = 5;
  private static final int METHODID_STREAM_UPLOAD = 6;

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
        case METHODID_CREATE_UPLOAD:
          serviceImpl.createUpload((com.omsims.oms.v1.CreateUploadRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.oms.v1.CreateUploadResponse>) responseObserver);
          break;
        case METHODID_CREATE_UPLOAD_URL:
          serviceImpl.createUploadUrl((com.omsims.oms.v1.CreateUploadUrlRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.oms.v1.CreateUploadUrlResponse>) responseObserver);
          break;
        case METHODID_IMPORT_UPLOAD:
          serviceImpl.importUpload((com.omsims.oms.v1.ImportUploadRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.oms.v1.ImportUploadResponse>) responseObserver);
          break;
        case METHODID_GET_UPLOAD:
          serviceImpl.getUpload((com.omsims.oms.v1.GetUploadRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.oms.v1.GetUploadResponse>) responseObserver);
          break;
        case METHODID_LIST_UPLOADS:
          serviceImpl.listUploads((com.omsims.oms.v1.ListUploadsRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.oms.v1.ListUploadsResponse>) responseObserver);
          break;
        case METHODID_GET_ERROR_FILE:
          serviceImpl.getErrorFile((com.omsims.oms.v1.GetErrorFileRequest) request,
              (io.grpc.stub.StreamObserver<com.omsims.oms.v1.GetErrorFileResponse>) responseObserver);
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
        case METHODID_STREAM_UPLOAD:
          return (io.grpc.stub.StreamObserver<Req>) serviceImpl.streamUpload(
              (io.grpc.stub.StreamObserver<com.omsims.oms.v1.StreamUploadResponse>) responseObserver);
        default:
          throw new AssertionError();
      }
    }
  }

  public static final io.grpc.ServerServiceDefinition bindService(AsyncService service) {
    return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
        .addMethod(
          getStreamUploadMethod(),
          io.grpc.stub.ServerCalls.asyncClientStreamingCall(
            new MethodHandlers<
              com.omsims.oms.v1.StreamUploadRequest,
              com.omsims.oms.v1.StreamUploadResponse>(
                service, METHODID_STREAM_UPLOAD)))
        .addMethod(
          getCreateUploadMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.oms.v1.CreateUploadRequest,
              com.omsims.oms.v1.CreateUploadResponse>(
                service, METHODID_CREATE_UPLOAD)))
        .addMethod(
          getCreateUploadUrlMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.oms.v1.CreateUploadUrlRequest,
              com.omsims.oms.v1.CreateUploadUrlResponse>(
                service, METHODID_CREATE_UPLOAD_URL)))
        .addMethod(
          getImportUploadMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.oms.v1.ImportUploadRequest,
              com.omsims.oms.v1.ImportUploadResponse>(
                service, METHODID_IMPORT_UPLOAD)))
        .addMethod(
          getGetUploadMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.oms.v1.GetUploadRequest,
              com.omsims.oms.v1.GetUploadResponse>(
                service, METHODID_GET_UPLOAD)))
        .addMethod(
          getListUploadsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              com.omsims.oms.v1.ListUploadsRequest,
              com.omsims.oms.v1.ListUploadsResponse>(
                service, METHODID_LIST_UPLOADS)))
        .addMethod(
          getGetErrorFileMethod(),
          io.grpc.stub.ServerCalls.asyncServerStreamingCall(
            new MethodHandlers<
              com.omsims.oms.v1.GetErrorFileRequest,
              com.omsims.oms.v1.GetErrorFileResponse>(
                service, METHODID_GET_ERROR_FILE)))
        .build();
  }

  private static abstract class UploadServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    UploadServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return com.omsims.oms.v1.UploadProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("UploadService");
    }
  }

  private static final class UploadServiceFileDescriptorSupplier
      extends UploadServiceBaseDescriptorSupplier {
    UploadServiceFileDescriptorSupplier() {}
  }

  private static final class UploadServiceMethodDescriptorSupplier
      extends UploadServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    UploadServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (UploadServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new UploadServiceFileDescriptorSupplier())
              .addMethod(getStreamUploadMethod())
              .addMethod(getCreateUploadMethod())
              .addMethod(getCreateUploadUrlMethod())
              .addMethod(getImportUploadMethod())
              .addMethod(getGetUploadMethod())
              .addMethod(getListUploadsMethod())
              .addMethod(getGetErrorFileMethod())
              .build();
        }
      }
    }
    return result;
  }
}

package omsims

import (
	"context"
	"errors"
	"fmt"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"

	iamv1 "github.com/oms-ims/oms-ims/sdk/go/gen/iam/v1"
	imsv1 "github.com/oms-ims/oms-ims/sdk/go/gen/ims/v1"
	omsv1 "github.com/oms-ims/oms-ims/sdk/go/gen/oms/v1"
)

// DefaultTimeout is the deadline given to a call whose context has none, unless
// WithDefaultTimeout says otherwise.
const DefaultTimeout = 30 * time.Second

// Conn is one client connection to an IMS or OMS target, with the stubs of every service.
// Only the services the target hosts answer: IMS hosts tenants, sellers, categories, hubs,
// SKUs, inventory, API keys and tokens; OMS hosts orders, uploads, webhooks and dead letters.
// A Conn is safe for concurrent use; Close it when done.
type Conn struct {
	cc *grpc.ClientConn
}

// Option configures Dial.
type Option func(*config)

type config struct {
	apiKey     string
	creds      credentials.PerRPCCredentials
	transport  credentials.TransportCredentials
	timeout    time.Duration
	retry      *RetryPolicy
	dialOpts   []grpc.DialOption
	interceptU []grpc.UnaryClientInterceptor
	interceptS []grpc.StreamClientInterceptor
}

// WithAPIKey sends `authorization: Bearer <key>` with every call. It works over plaintext
// connections as well as TLS (the credential does not require transport security).
func WithAPIKey(key string) Option {
	return func(c *config) { c.apiKey = key }
}

// WithPerRPCCredentials sends other credentials with every call (e.g. a bearer token from
// the token service, or an oauth.TokenSource). It replaces WithAPIKey.
func WithPerRPCCredentials(creds credentials.PerRPCCredentials) Option {
	return func(c *config) { c.creds = creds }
}

// WithTransportCredentials sets the transport, e.g. credentials.NewTLS(...). The default is
// plaintext (insecure.NewCredentials()).
func WithTransportCredentials(creds credentials.TransportCredentials) Option {
	return func(c *config) { c.transport = creds }
}

// WithDefaultTimeout sets the deadline given to a call (unary or stream) whose context has
// none; 0 or less gives such calls no deadline. The default is DefaultTimeout.
func WithDefaultTimeout(d time.Duration) Option {
	return func(c *config) { c.timeout = d }
}

// WithRetry sets the retry policy of the idempotent reads (see RetryPolicy).
func WithRetry(p RetryPolicy) Option {
	return func(c *config) { c.retry = &p }
}

// WithoutRetry turns off the default retries of reads.
func WithoutRetry() Option {
	return func(c *config) { c.retry = &RetryPolicy{MaxAttempts: 1} }
}

// WithUnaryInterceptor adds an interceptor of your own (it runs inside the SDK's).
func WithUnaryInterceptor(i grpc.UnaryClientInterceptor) Option {
	return func(c *config) { c.interceptU = append(c.interceptU, i) }
}

// WithStreamInterceptor adds a stream interceptor of your own (it runs inside the SDK's).
func WithStreamInterceptor(i grpc.StreamClientInterceptor) Option {
	return func(c *config) { c.interceptS = append(c.interceptS, i) }
}

// WithDialOptions passes raw gRPC dial options through (they are applied last).
func WithDialOptions(opts ...grpc.DialOption) Option {
	return func(c *config) { c.dialOpts = append(c.dialOpts, opts...) }
}

// Dial makes a client of target ("host:port", or any gRPC target such as "dns:///host:443").
// Like grpc.NewClient it connects lazily: the first call connects, and a target that does not
// answer shows as an UNAVAILABLE error of that call.
func Dial(target string, opts ...Option) (*Conn, error) {
	cfg := config{timeout: DefaultTimeout, transport: insecure.NewCredentials()}
	for _, o := range opts {
		o(&cfg)
	}
	policy := DefaultRetryPolicy
	if cfg.retry != nil {
		policy = *cfg.retry
	}
	serviceConfig, err := serviceConfigJSON(policy)
	if err != nil {
		return nil, err
	}
	unary := []grpc.UnaryClientInterceptor{errorUnary, timeoutUnary(cfg.timeout)}
	stream := []grpc.StreamClientInterceptor{errorStream, timeoutStream(cfg.timeout)}
	dial := []grpc.DialOption{
		grpc.WithTransportCredentials(cfg.transport),
		grpc.WithDefaultServiceConfig(serviceConfig),
		grpc.WithChainUnaryInterceptor(append(unary, cfg.interceptU...)...),
		grpc.WithChainStreamInterceptor(append(stream, cfg.interceptS...)...),
	}
	switch {
	case cfg.creds != nil:
		dial = append(dial, grpc.WithPerRPCCredentials(cfg.creds))
	case cfg.apiKey != "":
		dial = append(dial, grpc.WithPerRPCCredentials(APIKey(cfg.apiKey)))
	}
	cc, err := grpc.NewClient(target, append(dial, cfg.dialOpts...)...)
	if err != nil {
		return nil, fmt.Errorf("omsims: dial %s: %w", target, err)
	}
	return &Conn{cc: cc}, nil
}

// Close closes the connection; calls in flight fail with CANCELED.
func (c *Conn) Close() error { return c.cc.Close() }

// ClientConn is the underlying gRPC connection (to build other stubs on it).
func (c *Conn) ClientConn() *grpc.ClientConn { return c.cc }

// Stubs of every service. IMS: Tenants .. Tokens; OMS: Orders .. DeadLetters.

func (c *Conn) Tenants() imsv1.TenantServiceClient      { return imsv1.NewTenantServiceClient(c.cc) }
func (c *Conn) Sellers() imsv1.SellerServiceClient      { return imsv1.NewSellerServiceClient(c.cc) }
func (c *Conn) Categories() imsv1.CategoryServiceClient { return imsv1.NewCategoryServiceClient(c.cc) }
func (c *Conn) Hubs() imsv1.HubServiceClient            { return imsv1.NewHubServiceClient(c.cc) }
func (c *Conn) Skus() imsv1.SkuServiceClient            { return imsv1.NewSkuServiceClient(c.cc) }
func (c *Conn) Inventory() imsv1.InventoryServiceClient { return imsv1.NewInventoryServiceClient(c.cc) }
func (c *Conn) APIKeys() iamv1.ApiKeyServiceClient      { return iamv1.NewApiKeyServiceClient(c.cc) }
func (c *Conn) Tokens() iamv1.TokenServiceClient        { return iamv1.NewTokenServiceClient(c.cc) }
func (c *Conn) Orders() omsv1.OrderServiceClient        { return omsv1.NewOrderServiceClient(c.cc) }
func (c *Conn) Uploads() omsv1.UploadServiceClient      { return omsv1.NewUploadServiceClient(c.cc) }
func (c *Conn) Webhooks() omsv1.WebhookServiceClient    { return omsv1.NewWebhookServiceClient(c.cc) }
func (c *Conn) DeadLetters() omsv1.DeadLetterServiceClient {
	return omsv1.NewDeadLetterServiceClient(c.cc)
}

// APIKey is a tenant API key as gRPC per-RPC credentials: `authorization: Bearer <key>`.
// It does not require transport security, so it works on plaintext local targets too.
type APIKey string

// GetRequestMetadata implements credentials.PerRPCCredentials.
func (k APIKey) GetRequestMetadata(context.Context, ...string) (map[string]string, error) {
	if k == "" {
		return nil, errors.New("omsims: empty API key")
	}
	return map[string]string{"authorization": "Bearer " + string(k)}, nil
}

// RequireTransportSecurity implements credentials.PerRPCCredentials.
func (APIKey) RequireTransportSecurity() bool { return false }

// timeoutUnary gives a call whose context has no deadline one of d.
func timeoutUnary(d time.Duration) grpc.UnaryClientInterceptor {
	return func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn,
		invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
		if _, ok := ctx.Deadline(); d > 0 && !ok {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, d)
			defer cancel()
		}
		return invoker(ctx, method, req, reply, cc, opts...)
	}
}

// timeoutStream gives a stream whose context has no deadline one of d; the deadline's timer
// is released when the stream ends (RecvMsg returns an error, io.EOF included, or the one
// response of a client-streaming call).
func timeoutStream(d time.Duration) grpc.StreamClientInterceptor {
	return func(ctx context.Context, desc *grpc.StreamDesc, cc *grpc.ClientConn, method string,
		streamer grpc.Streamer, opts ...grpc.CallOption) (grpc.ClientStream, error) {
		if _, ok := ctx.Deadline(); d <= 0 || ok {
			return streamer(ctx, desc, cc, method, opts...)
		}
		ctx, cancel := context.WithTimeout(ctx, d)
		s, err := streamer(ctx, desc, cc, method, opts...)
		if err != nil {
			cancel()
			return nil, err
		}
		return &cancelStream{ClientStream: s, cancel: cancel, single: !desc.ServerStreams}, nil
	}
}

type cancelStream struct {
	grpc.ClientStream
	cancel context.CancelFunc
	single bool // one response: the stream is over once it is received
}

func (s *cancelStream) RecvMsg(m any) error {
	err := s.ClientStream.RecvMsg(m)
	if err != nil || s.single {
		s.cancel()
	}
	return err
}

package omsims

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/grpc/test/bufconn"

	omsv1 "github.com/oms-ims/oms-ims/sdk/go/gen/oms/v1"
)

// fakeOMS records what the calls carried and fails on request.
type fakeOMS struct {
	omsv1.UnimplementedOrderServiceServer
	omsv1.UnimplementedUploadServiceServer

	mu        sync.Mutex
	calls     map[string]int
	auth      []string
	deadlines []time.Duration // time left at the server; -1 = no deadline
	failFirst int             // GetOrder/CreateOrder fail UNAVAILABLE that many times
}

func (f *fakeOMS) record(ctx context.Context, method string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls[method]++
	md, _ := metadata.FromIncomingContext(ctx)
	f.auth = append(f.auth, strings.Join(md.Get("authorization"), ","))
	left := time.Duration(-1)
	if d, ok := ctx.Deadline(); ok {
		left = time.Until(d)
	}
	f.deadlines = append(f.deadlines, left)
	return f.calls[method]
}

func (f *fakeOMS) GetOrder(ctx context.Context, req *omsv1.GetOrderRequest) (*omsv1.GetOrderResponse, error) {
	if n := f.record(ctx, "GetOrder"); n <= f.failFirst {
		return nil, status.Error(codes.Unavailable, "try again")
	}
	if req.GetId() == "missing" {
		return nil, status.Error(codes.NotFound, "order missing not found")
	}
	return &omsv1.GetOrderResponse{Order: &omsv1.Order{Id: req.GetId()}}, nil
}

func (f *fakeOMS) CreateOrder(ctx context.Context, _ *omsv1.CreateOrderRequest) (*omsv1.CreateOrderResponse, error) {
	if n := f.record(ctx, "CreateOrder"); n <= f.failFirst {
		return nil, status.Error(codes.Unavailable, "try again")
	}
	return &omsv1.CreateOrderResponse{Order: &omsv1.Order{Id: "new"}}, nil
}

func (f *fakeOMS) GetErrorFile(_ *omsv1.GetErrorFileRequest, s grpc.ServerStreamingServer[omsv1.GetErrorFileResponse]) error {
	f.record(s.Context(), "GetErrorFile")
	return status.Error(codes.NotFound, "no such error file")
}

func (f *fakeOMS) count(method string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls[method]
}

func serve(t *testing.T, f *fakeOMS, opts ...Option) *Conn {
	t.Helper()
	f.calls = map[string]int{}
	lis := bufconn.Listen(1 << 20)
	srv := grpc.NewServer()
	omsv1.RegisterOrderServiceServer(srv, f)
	omsv1.RegisterUploadServiceServer(srv, f)
	go func() { _ = srv.Serve(lis) }()
	t.Cleanup(srv.Stop)
	dialer := grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) {
		return lis.DialContext(ctx)
	})
	conn, err := Dial("passthrough:///bufnet", append(opts, WithDialOptions(dialer))...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = conn.Close() })
	return conn
}

var fastRetry = RetryPolicy{
	MaxAttempts: 4, InitialBackoff: time.Millisecond, MaxBackoff: 5 * time.Millisecond,
	BackoffMultiplier: 2, Codes: []string{"UNAVAILABLE"},
}

func TestCallsCarryTheAPIKeyAndMatchSentinels(t *testing.T) {
	f := &fakeOMS{}
	conn := serve(t, f, WithAPIKey("secret-1"))
	_, err := conn.Orders().GetOrder(context.Background(), &omsv1.GetOrderRequest{Id: "missing"})
	if !errors.Is(err, ErrNotFound) || errors.Is(err, ErrInvalidArgument) {
		t.Fatalf("err = %v", err)
	}
	if st, ok := status.FromError(err); !ok || st.Code() != codes.NotFound || st.Message() != "order missing not found" {
		t.Fatalf("status = %v", st)
	}
	if f.auth[0] != "Bearer secret-1" {
		t.Fatalf("authorization = %q", f.auth[0])
	}
}

func TestStreamErrorsMatchSentinels(t *testing.T) {
	f := &fakeOMS{}
	conn := serve(t, f, WithAPIKey("k"))
	stream, err := conn.Uploads().GetErrorFile(context.Background(), &omsv1.GetErrorFileRequest{FileName: "x"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = stream.Recv()
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("err = %v", err)
	}
	if f.deadlines[0] <= 0 || f.deadlines[0] > DefaultTimeout {
		t.Fatalf("stream deadline = %v", f.deadlines[0])
	}
}

func TestDefaultTimeout(t *testing.T) {
	f := &fakeOMS{}
	conn := serve(t, f)
	ctx := context.Background()
	if _, err := conn.Orders().GetOrder(ctx, &omsv1.GetOrderRequest{Id: "a"}); err != nil {
		t.Fatal(err)
	}
	if d := f.deadlines[0]; d < DefaultTimeout-5*time.Second || d > DefaultTimeout {
		t.Fatalf("default deadline: %v left", d)
	}
	// The caller's own deadline wins, even a longer one.
	long, cancel := context.WithTimeout(ctx, time.Hour)
	defer cancel()
	if _, err := conn.Orders().GetOrder(long, &omsv1.GetOrderRequest{Id: "a"}); err != nil {
		t.Fatal(err)
	}
	if d := f.deadlines[1]; d < 59*time.Minute {
		t.Fatalf("caller's deadline replaced: %v left", d)
	}
	if f.auth[0] != "" {
		t.Fatalf("no key given, yet authorization = %q", f.auth[0])
	}
}

func TestWithDefaultTimeout(t *testing.T) {
	f := &fakeOMS{}
	conn := serve(t, f, WithDefaultTimeout(2*time.Second))
	if _, err := conn.Orders().GetOrder(context.Background(), &omsv1.GetOrderRequest{Id: "a"}); err != nil {
		t.Fatal(err)
	}
	if d := f.deadlines[0]; d <= 0 || d > 2*time.Second {
		t.Fatalf("deadline: %v left", d)
	}
	none := &fakeOMS{}
	conn = serve(t, none, WithDefaultTimeout(0))
	if _, err := conn.Orders().GetOrder(context.Background(), &omsv1.GetOrderRequest{Id: "a"}); err != nil {
		t.Fatal(err)
	}
	if none.deadlines[0] != -1 {
		t.Fatalf("deadline set: %v", none.deadlines[0])
	}
}

func TestReadsAreRetriedWritesAreNot(t *testing.T) {
	f := &fakeOMS{failFirst: 2}
	conn := serve(t, f, WithRetry(fastRetry))
	got, err := conn.Orders().GetOrder(context.Background(), &omsv1.GetOrderRequest{Id: "a"})
	if err != nil || got.GetOrder().GetId() != "a" {
		t.Fatalf("GetOrder: %v, %v", got, err)
	}
	if n := f.count("GetOrder"); n != 3 {
		t.Fatalf("GetOrder attempts = %d, want 3", n)
	}
	_, err = conn.Orders().CreateOrder(context.Background(), &omsv1.CreateOrderRequest{})
	if !errors.Is(err, ErrUnavailable) || f.count("CreateOrder") != 1 {
		t.Fatalf("CreateOrder: %v after %d attempts", err, f.count("CreateOrder"))
	}
}

func TestWithoutRetry(t *testing.T) {
	f := &fakeOMS{failFirst: 1}
	conn := serve(t, f, WithoutRetry())
	_, err := conn.Orders().GetOrder(context.Background(), &omsv1.GetOrderRequest{Id: "a"})
	if !errors.Is(err, ErrUnavailable) || f.count("GetOrder") != 1 {
		t.Fatalf("%v after %d attempts", err, f.count("GetOrder"))
	}
}

func TestDefaultServiceConfigNamesTheReads(t *testing.T) {
	raw, err := serviceConfigJSON(DefaultRetryPolicy)
	if err != nil {
		t.Fatal(err)
	}
	var sc serviceConfig
	if err := json.Unmarshal([]byte(raw), &sc); err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, n := range sc.MethodConfig[0].Name {
		names[n.Service+"/"+n.Method] = true
	}
	for _, read := range []string{"oms.v1.OrderService/GetOrder", "oms.v1.OrderService/ListOrders",
		"ims.v1.SkuService/ListSkus", "ims.v1.InventoryService/GetInventory", "iam.v1.ApiKeyService/ListApiKeys"} {
		if !names[read] {
			t.Errorf("%s is not retried", read)
		}
	}
	for _, write := range []string{"oms.v1.OrderService/CreateOrder", "ims.v1.InventoryService/UpsertInventory",
		"ims.v1.InventoryService/ReserveInventory", "oms.v1.UploadService/GetErrorFile"} {
		if names[write] {
			t.Errorf("%s is retried", write)
		}
	}
	if p := sc.MethodConfig[0].RetryPolicy; p.MaxAttempts != 4 || p.InitialBackoff != "0.1s" ||
		len(p.RetryableStatusCodes) != 1 || p.RetryableStatusCodes[0] != "UNAVAILABLE" {
		t.Fatalf("policy %+v", p)
	}
	if _, err := serviceConfigJSON(RetryPolicy{MaxAttempts: 3}); err == nil {
		t.Fatal("an incomplete policy was accepted")
	}
}

package omsims

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/reflect/protoregistry"

	omsv1 "github.com/oms-ims/oms-ims/sdk/go/gen/oms/v1"
)

// fakeOrders serves n orders "o0".."o<n-1>" page by page; the token is the next offset.
type fakeOrders struct {
	n      int
	tokens []string // page_token of each call
	failAt int      // call number (1-based) that fails UNAVAILABLE; 0 = none
}

func (f *fakeOrders) list(_ context.Context, req *omsv1.ListOrdersRequest, _ ...grpc.CallOption) (*omsv1.ListOrdersResponse, error) {
	f.tokens = append(f.tokens, req.GetPageToken())
	if len(f.tokens) == f.failAt {
		return nil, status.Error(codes.Unavailable, "down")
	}
	start := 0
	if t := req.GetPageToken(); t != "" {
		var err error
		if start, err = strconv.Atoi(t); err != nil {
			return nil, status.Error(codes.InvalidArgument, "bad token")
		}
	}
	end := min(start+int(req.GetPageSize()), f.n)
	resp := &omsv1.ListOrdersResponse{}
	for i := start; i < end; i++ {
		resp.Orders = append(resp.Orders, &omsv1.Order{Id: fmt.Sprintf("o%d", i)})
	}
	if end < f.n {
		resp.NextPageToken = strconv.Itoa(end)
	}
	return resp, nil
}

func ids(orders []*omsv1.Order) []string {
	out := make([]string, len(orders))
	for i, o := range orders {
		out[i] = o.GetId()
	}
	return out
}

func TestPagesFollowsNextPageToken(t *testing.T) {
	f := &fakeOrders{n: 5}
	req := &omsv1.ListOrdersRequest{TenantId: "t", PageSize: 2}
	var pages [][]string
	for page, err := range Pages(context.Background(), f.list, req) {
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, ids(page.GetOrders()))
	}
	want := [][]string{{"o0", "o1"}, {"o2", "o3"}, {"o4"}}
	if fmt.Sprint(pages) != fmt.Sprint(want) {
		t.Fatalf("pages = %v, want %v", pages, want)
	}
	if !slices.Equal(f.tokens, []string{"", "2", "4"}) {
		t.Fatalf("tokens = %q", f.tokens)
	}
	if req.GetPageToken() != "" {
		t.Fatalf("the caller's request was changed: %v", req)
	}
}

func TestPagesEmptyListIsOnePage(t *testing.T) {
	f := &fakeOrders{n: 0}
	n := 0
	for page, err := range Pages(context.Background(), f.list, &omsv1.ListOrdersRequest{PageSize: 2}) {
		if err != nil || len(page.GetOrders()) != 0 {
			t.Fatal(page, err)
		}
		n++
	}
	if n != 1 {
		t.Fatalf("%d pages", n)
	}
}

func TestPagesResumesFromPageToken(t *testing.T) {
	f := &fakeOrders{n: 5}
	got, err := Collect(context.Background(), f.list,
		&omsv1.ListOrdersRequest{PageSize: 2, PageToken: "3"}, (*omsv1.ListOrdersResponse).GetOrders)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ids(got), []string{"o3", "o4"}) {
		t.Fatalf("got %v", ids(got))
	}
}

func TestPagesYieldsTheErrorLast(t *testing.T) {
	f := &fakeOrders{n: 5, failAt: 2}
	var seen []string
	var errs []error
	for item, err := range All(context.Background(), f.list, &omsv1.ListOrdersRequest{PageSize: 2},
		(*omsv1.ListOrdersResponse).GetOrders) {
		if err != nil {
			errs = append(errs, err)
			if item != nil {
				t.Fatalf("item %v with the error", item)
			}
			continue
		}
		seen = append(seen, item.GetId())
	}
	if !slices.Equal(seen, []string{"o0", "o1"}) || len(errs) != 1 || Code(errs[0]) != codes.Unavailable {
		t.Fatalf("seen %v, errors %v", seen, errs)
	}
	if len(f.tokens) != 2 {
		t.Fatalf("%d calls after the failure", len(f.tokens))
	}
}

func TestPagesStopsOnBreak(t *testing.T) {
	f := &fakeOrders{n: 100}
	for item, err := range All(context.Background(), f.list, &omsv1.ListOrdersRequest{PageSize: 10},
		(*omsv1.ListOrdersResponse).GetOrders) {
		if err != nil {
			t.Fatal(err)
		}
		if item.GetId() == "o12" {
			break
		}
	}
	if len(f.tokens) != 2 {
		t.Fatalf("%d calls, want 2", len(f.tokens))
	}
}

func TestPagesRefusesARepeatedToken(t *testing.T) {
	stuck := func(context.Context, *omsv1.ListOrdersRequest, ...grpc.CallOption) (*omsv1.ListOrdersResponse, error) {
		return &omsv1.ListOrdersResponse{NextPageToken: "same"}, nil
	}
	calls := 0
	var last error
	for _, err := range Pages(context.Background(), stuck, &omsv1.ListOrdersRequest{}) {
		calls++
		last = err
		if calls > 5 {
			t.Fatal("loops")
		}
	}
	if last == nil || !strings.Contains(last.Error(), "own page_token") {
		t.Fatalf("last = %v after %d", last, calls)
	}
}

func TestPagesRefusesANonListRPC(t *testing.T) {
	get := func(context.Context, *omsv1.GetOrderRequest, ...grpc.CallOption) (*omsv1.GetOrderResponse, error) {
		t.Fatal("called")
		return nil, nil
	}
	for _, err := range Pages(context.Background(), get, &omsv1.GetOrderRequest{}) {
		if err == nil || !strings.Contains(err.Error(), "no string field page_token") {
			t.Fatalf("err = %v", err)
		}
	}
}

func TestPagesPassesErrorsThroughUnchanged(t *testing.T) {
	sentinel := errors.New("boom")
	fail := func(context.Context, *omsv1.ListOrdersRequest, ...grpc.CallOption) (*omsv1.ListOrdersResponse, error) {
		return nil, sentinel
	}
	_, err := Collect(context.Background(), fail, &omsv1.ListOrdersRequest{}, (*omsv1.ListOrdersResponse).GetOrders)
	if !errors.Is(err, sentinel) {
		t.Fatalf("err = %v", err)
	}
}

// Every List RPC of the API has the two fields Pages works with.
func TestEveryListRPCIsPageable(t *testing.T) {
	want := []string{
		"iam.v1.ApiKeyService.ListApiKeys", "ims.v1.CategoryService.ListCategories",
		"ims.v1.HubService.ListHubs", "ims.v1.InventoryService.ListInventoryTransactions",
		"ims.v1.SellerService.ListSellers", "ims.v1.SkuService.ListSkus",
		"ims.v1.TenantService.ListTenants", "oms.v1.DeadLetterService.ListDeadLetters",
		"oms.v1.OrderService.ListOrders", "oms.v1.UploadService.ListUploads",
		"oms.v1.WebhookService.ListWebhookDeliveries", "oms.v1.WebhookService.ListWebhooks",
	}
	var found []string
	for _, pkg := range []protoreflect.FullName{"iam.v1", "ims.v1", "oms.v1"} {
		protoregistry.GlobalFiles.RangeFilesByPackage(pkg, func(f protoreflect.FileDescriptor) bool {
			for i := range f.Services().Len() {
				s := f.Services().Get(i)
				for j := range s.Methods().Len() {
					m := s.Methods().Get(j)
					if !strings.HasPrefix(string(m.Name()), "List") {
						continue
					}
					found = append(found, string(m.FullName()))
					if _, err := stringField(m.Input(), pageTokenField); err != nil {
						t.Error(err)
					}
					if _, err := stringField(m.Output(), nextPageTokenField); err != nil {
						t.Error(err)
					}
				}
			}
			return true
		})
	}
	slices.Sort(found)
	if !slices.Equal(found, want) {
		t.Fatalf("List RPCs = %v, want %v", found, want)
	}
}

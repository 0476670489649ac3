// Package smoke walks the partner journey against live IMS and OMS servers with the SDK and
// a tenant API key only (see tests/sdk/sdk_support.py). It is skipped unless
// OMSIMS_IMS_TARGET is set; tests/sdk/test_go_sdk.py runs it and checks what it prints.
package smoke

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	imsv1 "github.com/oms-ims/oms-ims/sdk/go/gen/ims/v1"
	omsv1 "github.com/oms-ims/oms-ims/sdk/go/gen/oms/v1"
	"github.com/oms-ims/oms-ims/sdk/go/omsims"
)

const (
	orders   = 3
	pageSize = 2
	stock    = 10
)

type report struct {
	SellerID      string   `json:"seller_id"`
	HubID         string   `json:"hub_id"`
	SkuID         string   `json:"sku_id"`
	OrderIDs      []string `json:"order_ids"`
	PagedOrderIDs []string `json:"paged_order_ids"`
	Pages         int      `json:"pages"`
	Foreign       string   `json:"foreign"`
}

func env(t *testing.T, name string) string {
	t.Helper()
	v := os.Getenv(name)
	if v == "" {
		t.Fatalf("%s is not set", name)
	}
	return v
}

func suffix(t *testing.T) string {
	t.Helper()
	b := make([]byte, 4)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}

func dial(t *testing.T, target, key string) *omsims.Conn {
	t.Helper()
	conn, err := omsims.Dial(target, omsims.WithAPIKey(key), omsims.WithDefaultTimeout(20*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = conn.Close() })
	return conn
}

func TestSmoke(t *testing.T) {
	if os.Getenv("OMSIMS_IMS_TARGET") == "" {
		t.Skip("OMSIMS_IMS_TARGET is not set: no live servers to walk the journey on")
	}
	key := env(t, "OMSIMS_API_KEY")
	tenant := env(t, "OMSIMS_TENANT_ID")
	foreignID := env(t, "OMSIMS_FOREIGN_ORDER_ID")
	ims := dial(t, env(t, "OMSIMS_IMS_TARGET"), key)
	oms := dial(t, env(t, "OMSIMS_OMS_TARGET"), key)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	s := suffix(t)
	var r report

	seller, err := ims.Sellers().CreateSeller(ctx, &imsv1.CreateSellerRequest{Seller: &imsv1.Seller{
		TenantId: tenant, Name: "Go seller " + s, Code: "go-seller-" + s}})
	if err != nil {
		t.Fatalf("CreateSeller: %v", err)
	}
	r.SellerID = seller.GetSeller().GetId()
	hub, err := ims.Hubs().CreateHub(ctx, &imsv1.CreateHubRequest{Hub: &imsv1.Hub{
		TenantId: tenant, SellerId: r.SellerID, Name: "Go hub " + s, Code: "go-hub-" + s}})
	if err != nil {
		t.Fatalf("CreateHub: %v", err)
	}
	r.HubID = hub.GetHub().GetId()
	sku, err := ims.Skus().CreateSku(ctx, &imsv1.CreateSkuRequest{Sku: &imsv1.Sku{
		TenantId: tenant, SellerId: r.SellerID, Name: "Go SKU " + s, Code: "go-sku-" + s}})
	if err != nil {
		t.Fatalf("CreateSku: %v", err)
	}
	r.SkuID = sku.GetSku().GetId()
	level, err := ims.Inventory().UpsertInventory(ctx, &imsv1.UpsertInventoryRequest{
		TenantId: tenant, HubId: r.HubID, SkuId: r.SkuID, Reason: "go sdk smoke",
		Change: &imsv1.UpsertInventoryRequest_SetQuantityOnHand{SetQuantityOnHand: stock}})
	if err != nil {
		t.Fatalf("UpsertInventory: %v", err)
	}
	if got := level.GetLevel().GetQuantityOnHand(); got != stock {
		t.Fatalf("quantity on hand after UpsertInventory = %d, want %d", got, stock)
	}

	for range orders {
		made, err := oms.Orders().CreateOrder(ctx, &omsv1.CreateOrderRequest{
			TenantId: tenant, SellerId: r.SellerID, HubId: r.HubID,
			Lines: []*omsv1.OrderLine{{SkuId: r.SkuID, Quantity: 1}}})
		if err != nil {
			t.Fatalf("CreateOrder: %v", err)
		}
		r.OrderIDs = append(r.OrderIDs, made.GetOrder().GetId())
	}
	first, err := oms.Orders().GetOrder(ctx, &omsv1.GetOrderRequest{TenantId: tenant, Id: r.OrderIDs[0]})
	if err != nil {
		t.Fatalf("GetOrder: %v", err)
	}
	if o := first.GetOrder(); o.GetId() != r.OrderIDs[0] || o.GetHubId() != r.HubID ||
		len(o.GetLines()) != 1 || o.GetLines()[0].GetSkuId() != r.SkuID {
		t.Fatalf("GetOrder read back %v", o)
	}

	list := &omsv1.ListOrdersRequest{TenantId: tenant, PageSize: pageSize}
	for page, err := range omsims.Pages(ctx, oms.Orders().ListOrders, list) {
		if err != nil {
			t.Fatalf("ListOrders page %d: %v", r.Pages+1, err)
		}
		r.Pages++
		if n := len(page.GetOrders()); n > pageSize {
			t.Fatalf("page %d has %d orders", r.Pages, n)
		}
		for _, o := range page.GetOrders() {
			r.PagedOrderIDs = append(r.PagedOrderIDs, o.GetId())
		}
	}
	if !sameSet(r.PagedOrderIDs, r.OrderIDs) {
		t.Fatalf("paged %v, made %v", r.PagedOrderIDs, r.OrderIDs)
	}

	_, err = oms.Orders().GetOrder(ctx, &omsv1.GetOrderRequest{TenantId: tenant, Id: foreignID})
	switch {
	case errors.Is(err, omsims.ErrNotFound):
		if st, ok := status.FromError(err); !ok || st.Code() != codes.NotFound {
			t.Fatalf("status.FromError(%v) = %v, %v", err, st, ok)
		}
		r.Foreign = "NOT_FOUND"
	case err == nil:
		t.Fatalf("read another tenant's order %s", foreignID)
	default:
		t.Fatalf("another tenant's order: %v (code %v), want NOT_FOUND", err, omsims.Code(err))
	}

	line, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println("SMOKE " + string(line))
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

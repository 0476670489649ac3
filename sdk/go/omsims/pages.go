package omsims

import (
	"context"
	"fmt"
	"iter"

	"google.golang.org/grpc"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
)

// ListCall is the shape of every List RPC's stub method, e.g. conn.Orders().ListOrders.
type ListCall[Req, Resp proto.Message] func(context.Context, Req, ...grpc.CallOption) (Resp, error)

const (
	pageTokenField     protoreflect.Name = "page_token"
	nextPageTokenField protoreflect.Name = "next_page_token"
)

// Pages iterates the pages of any List RPC: it calls call with req, then again with
// page_token set to each response's next_page_token until one comes back empty.
//
//	req := &omsv1.ListOrdersRequest{TenantId: tenant, PageSize: 100}
//	for page, err := range omsims.Pages(ctx, conn.Orders().ListOrders, req) {
//		if err != nil { return err }
//		for _, o := range page.GetOrders() { ... }
//	}
//
// req is not changed (the iterator works on a copy); a page_token already set in it resumes
// from there. A failed call is yielded as the last element, with a zero response. Breaking
// out of the loop stops paging; opts are passed to every call.
func Pages[Req, Resp proto.Message](
	ctx context.Context, call ListCall[Req, Resp], req Req, opts ...grpc.CallOption,
) iter.Seq2[Resp, error] {
	return func(yield func(Resp, error) bool) {
		var zero Resp
		r, ok := proto.Clone(req).(Req)
		if !ok {
			yield(zero, fmt.Errorf("omsims: cannot copy %T", req))
			return
		}
		msg := r.ProtoReflect()
		pageToken, err := stringField(msg.Descriptor(), pageTokenField)
		if err != nil {
			yield(zero, err)
			return
		}
		token := msg.Get(pageToken).String()
		for {
			resp, err := call(ctx, r, opts...)
			if err != nil {
				yield(zero, err)
				return
			}
			if !yield(resp, nil) {
				return
			}
			reply := resp.ProtoReflect()
			nextToken, err := stringField(reply.Descriptor(), nextPageTokenField)
			if err != nil {
				yield(zero, err)
				return
			}
			next := reply.Get(nextToken).String()
			if next == "" {
				return
			}
			if next == token {
				yield(zero, fmt.Errorf("omsims: %s returned its own page_token %q as next_page_token",
					reply.Descriptor().FullName(), next))
				return
			}
			token = next
			msg.Set(pageToken, protoreflect.ValueOfString(token))
		}
	}
}

// All iterates the items of every page of a List RPC; items picks them out of one response,
// typically the generated getter:
//
//	for order, err := range omsims.All(ctx, conn.Orders().ListOrders, req,
//		(*omsv1.ListOrdersResponse).GetOrders) { ... }
func All[Req, Resp proto.Message, Item any](
	ctx context.Context, call ListCall[Req, Resp], req Req, items func(Resp) []Item,
	opts ...grpc.CallOption,
) iter.Seq2[Item, error] {
	return func(yield func(Item, error) bool) {
		for page, err := range Pages(ctx, call, req, opts...) {
			if err != nil {
				var zero Item
				yield(zero, err)
				return
			}
			for _, item := range items(page) {
				if !yield(item, nil) {
					return
				}
			}
		}
	}
}

// Collect returns the items of every page (All, gathered), or the first error.
func Collect[Req, Resp proto.Message, Item any](
	ctx context.Context, call ListCall[Req, Resp], req Req, items func(Resp) []Item,
	opts ...grpc.CallOption,
) ([]Item, error) {
	var out []Item
	for item, err := range All(ctx, call, req, items, opts...) {
		if err != nil {
			return out, err
		}
		out = append(out, item)
	}
	return out, nil
}

func stringField(d protoreflect.MessageDescriptor, name protoreflect.Name) (protoreflect.FieldDescriptor, error) {
	f := d.Fields().ByName(name)
	if f == nil || f.Kind() != protoreflect.StringKind || f.Cardinality() == protoreflect.Repeated {
		return nil, fmt.Errorf("omsims: %s has no string field %s: not a paged List RPC",
			d.FullName(), name)
	}
	return f, nil
}

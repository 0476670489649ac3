package omsims

import (
	"context"
	"errors"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// Sentinel errors, one per gRPC status code a partner handles. The error of any call made
// through a Conn matches the sentinel of its code:
//
//	_, err := conn.Orders().GetOrder(ctx, req)
//	if errors.Is(err, omsims.ErrNotFound) { ... }
//
// status.FromError, status.Code and Code keep working on the same error.
var (
	ErrNotFound           error = &codeError{codes.NotFound, "not found"}
	ErrInvalidArgument    error = &codeError{codes.InvalidArgument, "invalid argument"}
	ErrPermissionDenied   error = &codeError{codes.PermissionDenied, "permission denied"}
	ErrUnauthenticated    error = &codeError{codes.Unauthenticated, "unauthenticated"}
	ErrAlreadyExists      error = &codeError{codes.AlreadyExists, "already exists"}
	ErrFailedPrecondition error = &codeError{codes.FailedPrecondition, "failed precondition"}
	ErrResourceExhausted  error = &codeError{codes.ResourceExhausted, "resource exhausted"}
	ErrAborted            error = &codeError{codes.Aborted, "aborted"}
	ErrUnavailable        error = &codeError{codes.Unavailable, "unavailable"}
	ErrDeadlineExceeded   error = &codeError{codes.DeadlineExceeded, "deadline exceeded"}
)

type codeError struct {
	code codes.Code
	text string
}

func (e *codeError) Error() string { return "omsims: " + e.text }

// Error is the error of a failed call made through a Conn: the server's gRPC status, which
// errors.Is matches against the sentinels (ErrNotFound, ...).
type Error struct {
	status *status.Status
	cause  error
}

func (e *Error) Error() string { return e.cause.Error() }

// Unwrap returns the error gRPC returned.
func (e *Error) Unwrap() error { return e.cause }

// GRPCStatus makes status.FromError and status.Code see the call's status.
func (e *Error) GRPCStatus() *status.Status { return e.status }

// Code is the call's gRPC status code.
func (e *Error) Code() codes.Code { return e.status.Code() }

// Message is the server's description of the failure.
func (e *Error) Message() string { return e.status.Message() }

// Is matches the sentinel of the call's code, and context.DeadlineExceeded or
// context.Canceled for calls that ran out of time or were cancelled.
func (e *Error) Is(target error) bool {
	if t, ok := target.(*codeError); ok {
		return t.code == e.status.Code()
	}
	switch target {
	case context.DeadlineExceeded:
		return e.status.Code() == codes.DeadlineExceeded
	case context.Canceled:
		return e.status.Code() == codes.Canceled
	}
	return false
}

// Code is the gRPC status code of err: codes.OK for nil, codes.Unknown for an error that
// carries no status.
func Code(err error) codes.Code { return status.Code(err) }

// Wrap turns a gRPC status error (e.g. from a stub you built on another connection) into an
// *Error that matches the sentinels. nil, errors without a status (io.EOF, ...) and errors
// already wrapped are returned unchanged.
func Wrap(err error) error {
	if err == nil {
		return nil
	}
	var already *Error
	if errors.As(err, &already) {
		return err
	}
	st, ok := status.FromError(err)
	if !ok {
		return err
	}
	return &Error{status: st, cause: err}
}

func errorUnary(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn,
	invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	return Wrap(invoker(ctx, method, req, reply, cc, opts...))
}

func errorStream(ctx context.Context, desc *grpc.StreamDesc, cc *grpc.ClientConn, method string,
	streamer grpc.Streamer, opts ...grpc.CallOption) (grpc.ClientStream, error) {
	s, err := streamer(ctx, desc, cc, method, opts...)
	if err != nil {
		return nil, Wrap(err)
	}
	return &errorClientStream{s}, nil
}

type errorClientStream struct{ grpc.ClientStream }

func (s *errorClientStream) SendMsg(m any) error { return Wrap(s.ClientStream.SendMsg(m)) }
func (s *errorClientStream) RecvMsg(m any) error { return Wrap(s.ClientStream.RecvMsg(m)) }
func (s *errorClientStream) CloseSend() error    { return Wrap(s.ClientStream.CloseSend()) }

package omsims

import (
	"context"
	"errors"
	"fmt"
	"io"
	"testing"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

func TestWrapMatchesTheSentinelOfItsCode(t *testing.T) {
	sentinels := map[codes.Code]error{
		codes.NotFound:           ErrNotFound,
		codes.InvalidArgument:    ErrInvalidArgument,
		codes.PermissionDenied:   ErrPermissionDenied,
		codes.Unauthenticated:    ErrUnauthenticated,
		codes.AlreadyExists:      ErrAlreadyExists,
		codes.FailedPrecondition: ErrFailedPrecondition,
		codes.ResourceExhausted:  ErrResourceExhausted,
		codes.Aborted:            ErrAborted,
		codes.Unavailable:        ErrUnavailable,
		codes.DeadlineExceeded:   ErrDeadlineExceeded,
	}
	for code := range sentinels {
		err := Wrap(status.Error(code, "why"))
		for other, sentinel := range sentinels {
			if got := errors.Is(err, sentinel); got != (other == code) {
				t.Errorf("errors.Is(%v, %v) = %v", code, sentinel, got)
			}
		}
		st, ok := status.FromError(err)
		if !ok || st.Code() != code || st.Message() != "why" {
			t.Errorf("status.FromError(%v) = %v, %v", code, st, ok)
		}
		if Code(err) != code || status.Code(err) != code {
			t.Errorf("Code = %v", Code(err))
		}
		var e *Error
		if !errors.As(err, &e) || e.Code() != code || e.Message() != "why" {
			t.Errorf("errors.As: %v", e)
		}
		if err.Error() != status.Error(code, "why").Error() {
			t.Errorf("Error() = %q", err.Error())
		}
	}
}

func TestWrappedErrorsStillMatch(t *testing.T) {
	err := fmt.Errorf("reading order: %w", Wrap(status.Error(codes.NotFound, "no order")))
	if !errors.Is(err, ErrNotFound) || errors.Is(err, ErrInvalidArgument) {
		t.Fatal(err)
	}
	if Code(err) != codes.NotFound {
		t.Fatal(Code(err))
	}
}

func TestWrapLeavesOtherErrorsAlone(t *testing.T) {
	if Wrap(nil) != nil {
		t.Fatal("nil")
	}
	if Wrap(io.EOF) != io.EOF {
		t.Fatal("io.EOF must stay io.EOF for stream loops")
	}
	once := Wrap(status.Error(codes.NotFound, "x"))
	if Wrap(once) != once {
		t.Fatal("wrapped twice")
	}
	if errors.Is(io.EOF, ErrNotFound) || Code(nil) != codes.OK || Code(io.EOF) != codes.Unknown {
		t.Fatal("codes of non-status errors")
	}
}

func TestContextErrorsMatch(t *testing.T) {
	if !errors.Is(Wrap(status.Error(codes.DeadlineExceeded, "late")), context.DeadlineExceeded) {
		t.Fatal("deadline")
	}
	if !errors.Is(Wrap(status.Error(codes.Canceled, "stop")), context.Canceled) {
		t.Fatal("canceled")
	}
	if errors.Is(Wrap(status.Error(codes.NotFound, "x")), context.Canceled) {
		t.Fatal("not found is not canceled")
	}
}

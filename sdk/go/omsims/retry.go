package omsims

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/reflect/protoregistry"

	iamv1 "github.com/oms-ims/oms-ims/sdk/go/gen/iam/v1"
	_ "github.com/oms-ims/oms-ims/sdk/go/gen/ims/v1" // registers the IMS services
	_ "github.com/oms-ims/oms-ims/sdk/go/gen/oms/v1" // registers the OMS services
)

// RetryPolicy is how gRPC retries the idempotent reads (the unary RPCs the API marks
// `(iam.v1.access) = ACCESS_READ`: Get*, List*) when they fail with one of Codes. Writes are
// never retried by the SDK: an UNAVAILABLE write may have been applied (CreateOrder takes an
// idempotency_key for that). gRPC's own limits apply (MaxAttempts is capped at 5).
type RetryPolicy struct {
	MaxAttempts       int // including the first; 1 or less turns retries off
	InitialBackoff    time.Duration
	MaxBackoff        time.Duration
	BackoffMultiplier float64
	Codes             []string // gRPC code names, e.g. "UNAVAILABLE"
}

// DefaultRetryPolicy retries reads that fail UNAVAILABLE up to 4 attempts in all.
var DefaultRetryPolicy = RetryPolicy{
	MaxAttempts:       4,
	InitialBackoff:    100 * time.Millisecond,
	MaxBackoff:        2 * time.Second,
	BackoffMultiplier: 2,
	Codes:             []string{"UNAVAILABLE"},
}

var readMethods = sync.OnceValue(func() []methodName {
	var out []methodName
	for _, pkg := range []protoreflect.FullName{"iam.v1", "ims.v1", "oms.v1"} {
		protoregistry.GlobalFiles.RangeFilesByPackage(pkg, func(f protoreflect.FileDescriptor) bool {
			for i := range f.Services().Len() {
				s := f.Services().Get(i)
				for j := range s.Methods().Len() {
					m := s.Methods().Get(j)
					if !m.IsStreamingClient() && !m.IsStreamingServer() && isRead(m) {
						out = append(out, methodName{string(s.FullName()), string(m.Name())})
					}
				}
			}
			return true
		})
	}
	slices.SortFunc(out, func(a, b methodName) int {
		return strings.Compare(a.Service+"/"+a.Method, b.Service+"/"+b.Method)
	})
	return out
})

func isRead(m protoreflect.MethodDescriptor) bool {
	opts := m.Options()
	if opts == nil || !proto.HasExtension(opts, iamv1.E_Access) {
		return false
	}
	rule, ok := proto.GetExtension(opts, iamv1.E_Access).(*iamv1.AccessRule)
	return ok && rule.GetAccess() == iamv1.Access_ACCESS_READ
}

type methodName struct {
	Service string `json:"service"`
	Method  string `json:"method"`
}

type retryJSON struct {
	MaxAttempts          int      `json:"maxAttempts"`
	InitialBackoff       string   `json:"initialBackoff"`
	MaxBackoff           string   `json:"maxBackoff"`
	BackoffMultiplier    float64  `json:"backoffMultiplier"`
	RetryableStatusCodes []string `json:"retryableStatusCodes"`
}

type methodConfigJSON struct {
	Name        []methodName `json:"name"`
	RetryPolicy *retryJSON   `json:"retryPolicy,omitempty"`
}

type serviceConfig struct {
	MethodConfig []methodConfigJSON `json:"methodConfig"`
}

// serviceConfigJSON is the default gRPC service config of a Conn: p for the reads.
func serviceConfigJSON(p RetryPolicy) (string, error) {
	if p.MaxAttempts <= 1 {
		return `{}`, nil
	}
	if p.InitialBackoff <= 0 || p.MaxBackoff <= 0 || p.BackoffMultiplier <= 0 || len(p.Codes) == 0 {
		return "", fmt.Errorf("omsims: retry policy %+v: backoffs, multiplier and codes must be set", p)
	}
	methods := readMethods()
	if len(methods) == 0 {
		return "", fmt.Errorf("omsims: no read RPCs registered")
	}
	codes := make([]string, len(p.Codes))
	for i, c := range p.Codes {
		codes[i] = strings.ToUpper(c)
	}
	sc := serviceConfig{MethodConfig: []methodConfigJSON{{
		Name: methods,
		RetryPolicy: &retryJSON{
			MaxAttempts:          p.MaxAttempts,
			InitialBackoff:       seconds(p.InitialBackoff),
			MaxBackoff:           seconds(p.MaxBackoff),
			BackoffMultiplier:    p.BackoffMultiplier,
			RetryableStatusCodes: codes,
		},
	}}}
	b, err := json.Marshal(sc)
	return string(b), err
}

func seconds(d time.Duration) string {
	return fmt.Sprintf("%gs", d.Seconds())
}

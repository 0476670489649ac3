"""The OMS gRPC API: servicers that validate a request, call the core, map the result."""

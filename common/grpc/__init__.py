"""Shared gRPC plumbing: server life cycle, interceptors, rich error details."""

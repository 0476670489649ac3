"""Authentication and authorization, without I/O: credentials, principals, access rules, rate
limits. `common.grpc.auth` is the gRPC adapter; the key stores live with their services."""

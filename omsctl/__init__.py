"""`omsctl`: the operator's command line for OMS and IMS, over their public gRPC API."""

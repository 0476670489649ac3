# One image for every Python process (IMS, OMS, REST edge, consumers, provisioning);
# compose.yaml picks the process with `command`.
FROM python:3.11-slim
WORKDIR /app
ENV PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
COPY pyproject.toml README.md ./
COPY common ./common
COPY ims_grpc ./ims_grpc
COPY oms_grpc ./oms_grpc
COPY edge_rest ./edge_rest
COPY consumers ./consumers
COPY devstack ./devstack
COPY omsctl ./omsctl
COPY gen ./gen
COPY envoy/openapi.yaml ./envoy/openapi.yaml
ENV EDGE_PROTO_OPENAPI=/app/envoy/openapi.yaml
RUN pip install .
USER nobody

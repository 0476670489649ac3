"""The CSV ingester: turns uploaded bulk-order files (SQS `CreateBulkOrder`) into orders.

Run it with `python -m consumers.csv_ingester` (settings: `INGESTER_*` plus the shared
`MONGODB_*`, `KAFKA_*`, `AWS_*` variables).
"""

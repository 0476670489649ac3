"""The webhook dispatcher: Kafka order events → signed HTTP deliveries to tenant webhooks."""

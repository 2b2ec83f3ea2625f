"""The wire format: how core data travels on Kafka (codec, schemas, topics, headers, dead letters)."""

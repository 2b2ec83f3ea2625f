"""Runtime: settings, metrics, Kafka and Faust factories, the embedded broker, the supervisor."""

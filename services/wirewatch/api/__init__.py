"""The API service: JSON endpoints, the live dashboard, health and metrics."""

"""Wirewatch: a news-to-events pipeline over Kafka.

Layers, each importing only those to its left::

    core  <-  contracts  <-  runtime  <-  shells (scraper, cleaner, tagger, aggregator, api)  <-  cli
"""

__version__ = "0.1.0"

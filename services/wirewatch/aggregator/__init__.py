"""The aggregator stage: articles.tagged -> events.countries and, over tumbling windows, events.relations."""

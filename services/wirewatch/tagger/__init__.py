"""The tagger stage: articles.clean -> articles.tagged and events.agreements."""

"""The cleaner stage: articles.raw -> articles.clean."""

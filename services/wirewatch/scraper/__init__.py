"""The scraper stage: feeds, files and archives -> articles.raw."""

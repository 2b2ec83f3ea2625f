"""The archiver (``wirewatch archive``): the archived topics into the archive's database."""

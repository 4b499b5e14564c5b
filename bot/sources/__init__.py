"""Sources stage: fetch feeds, parse entries, their fields and identity, and fetch backoff."""

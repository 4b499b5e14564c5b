"""Events stage: the pure clustering rules, text signatures, votes, status wording and metrics.

Nothing here touches the database; ``store.events`` keeps the SQL.
"""

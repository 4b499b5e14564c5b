"""Running policybot for a team: health, metrics and the ops channel."""

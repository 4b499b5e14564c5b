"""Slack: posting, blocks and the slash-command runtime."""

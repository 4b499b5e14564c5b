"""Discord: posting, embeds and the slash-command runtime."""

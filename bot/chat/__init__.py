"""Chat platforms: one subpackage per platform, plus the console."""

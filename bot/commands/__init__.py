"""Answering ``/frpolicy`` (Slack, Discord) and the CLI's questions: the commands
declared once (``spec``), their text surface (``text``) and the core that runs them
against the store (``core``)."""

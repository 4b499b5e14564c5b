"""The archive for readers outside chat: CSV, JSON, Atom and JSON Feed exports of
events with their mentions and evidence (``policybot export``, and the daemon's
``/feeds/events.atom`` and ``/feeds/events.json``)."""

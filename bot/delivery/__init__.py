"""Delivery stage: routes, the outbox dispatcher, the poster protocol, neutral rendering and link safety."""

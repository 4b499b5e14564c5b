"""Imported by the fork server that starts the parsing workers (``bot.cpu.CpuPool``):
the parsing and extraction code and data are loaded once there, and every worker
forked from it starts ready and shares those pages."""

from bot.cpu import warm_up

warm_up()

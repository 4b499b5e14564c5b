"""Configuration: feeds.yaml plus the environment, loaded once at the edge.

``load_config`` validates everything before anything touches the store; every
error names the file, the entry and the fix. The work is split by section:
``loading`` (the whole file into one ``Config``), ``yaml_file`` (reading it),
``defaults`` (fetch settings and durations), ``feeds`` (the sources),
``subscriptions`` (destinations and filters), ``problems`` (every error at once).
"""

from __future__ import annotations

from bot.config.defaults import parse_duration as parse_duration
from bot.config.defaults import setting_variables as setting_variables
from bot.config.feeds import MAX_FEEDS as MAX_FEEDS
from bot.config.feeds import feed_from_mapping as feed_from_mapping
from bot.config.feeds import slugify as slugify
from bot.config.loading import Config as Config
from bot.config.loading import load_config as load_config
from bot.config.yaml_file import MAX_CONFIG_BYTES as MAX_CONFIG_BYTES
from bot.errors import ConfigError as ConfigError
from bot.models import DeclaredSubscription as DeclaredSubscription
from bot.models import Filters as Filters

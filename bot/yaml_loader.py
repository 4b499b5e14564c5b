"""The YAML loader for data and configuration files: PyYAML's safe loader in its
libyaml (C) build, about ten times faster than the pure-Python one, which is the
fallback where PyYAML was built without libyaml."""

from __future__ import annotations

import yaml

SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# policybot: a small image running `policybot run` as a non-root user.
# Build: docker build -t policybot .   Run: see compose.yaml and docs/deploy.md.
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY store ./store
RUN pip install . \
    && useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin policybot \
    && mkdir -p /data /etc/policybot \
    && chown policybot:policybot /data
COPY feeds.yaml /etc/policybot/feeds.yaml

# The database lives on a volume; credentials come from the environment (never the image).
# /healthz and /metrics listen on all of the container's interfaces; publish the port on
# the host's loopback only (compose.yaml does).
ENV POLICYBOT_DB=/data/policybot.db \
    POLICYBOT_FEEDS=/etc/policybot/feeds.yaml \
    POLICYBOT_HTTP=0.0.0.0:9464
VOLUME ["/data"]
EXPOSE 9464
USER policybot
WORKDIR /data

HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:9464/healthz', timeout=4).status == 200 else 1)"]

# SIGTERM (docker stop) stops policybot cleanly; migrations run on start.
ENTRYPOINT ["policybot"]
CMD ["run"]

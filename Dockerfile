# reformkg: API, CLI and ingest in one image. Build: docker build -t reformkg .
# Runs as a non-root user; the embedded store (when REFORMKG_STORE_URI is empty) lives in /data.
# The server listens on 0.0.0.0 inside the container; unless REFORMKG_PUBLISHED_HOST says the
# port is published on loopback only (docker run -p 127.0.0.1:8000:8000 … -e
# REFORMKG_PUBLISHED_HOST=127.0.0.1), /api/cypher requires REFORMKG_API_KEY.
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml README.md ./
COPY reformkg ./reformkg
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels .

FROM python:3.11-slim
LABEL org.opencontainers.image.title="reformkg" \
      org.opencontainers.image.description="Knowledge graph of China's industrial-workforce reform (产改)"
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    REFORMKG_DATA_DIR=/data \
    REFORMKG_HOST=0.0.0.0 \
    REFORMKG_PORT=8000
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/*.whl \
    && rm -rf /wheels \
    && groupadd --system --gid 10001 reformkg \
    && useradd --system --uid 10001 --gid reformkg --create-home --home-dir /home/reformkg reformkg \
    && mkdir -p /data /docs \
    && chown reformkg:reformkg /data
WORKDIR /home/reformkg
USER 10001:10001
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=5 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4).status == 200 else 1)"]
CMD ["reformkg", "serve", "--host", "0.0.0.0", "--port", "8000"]

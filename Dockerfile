# One image for every Wirewatch service; the command picks the service (see docker-compose.yml).
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY services ./services
COPY schemas ./schemas
RUN pip install --no-cache-dir . && useradd --system --uid 10001 wirewatch
USER wirewatch
ENV PYTHONUNBUFFERED=1 WIREWATCH_HTTP_HOST=0.0.0.0
ENTRYPOINT ["wirewatch"]

# The gateway's runtime image: the self-contained distribution (`mvn -Pdist package`: a jlink'd Java 17 runtime,
# the jar and its launcher) on a small Debian base, running as an unprivileged user, with a read-only root
# filesystem in mind (writes go to /tmp and /var/lib/mcp-gateway only). Build it in your CI, from the repository
# root, with your configuration in deploy/config/gateway.yaml and your team policies in policies/ (the image holds
# them as /opt/mcp-gateway/config/gateway.yaml and /opt/mcp-gateway/policies; or mount yours there at run time):
#   docker build -t mcp-gateway:0.1.0 .
#   docker run --read-only --tmpfs /tmp -v mcp-gateway-state:/var/lib/mcp-gateway -p 8080:8080 \
#     -e GATEWAY_API_KEYS_YAML="$(cat config/api-keys.yaml)" -e AWS_REGION=us-east-1 mcp-gateway:0.1.0
# docs/deploying.md says what was tested of it and how (no Docker engine exists where it was written).

# ---------------------------------------------------------------- build: jar, jdeps + jlink, launcher
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# The reactor reads every module's POM; the benchmark module is not built.
COPY pom.xml ./
COPY bench/pom.xml bench/
COPY toolsets toolsets
COPY gateway gateway
COPY scripts scripts
COPY deploy deploy
COPY policies policies
# The class-data archive is recorded in the runtime stage below, where the gateway runs (on Java 17 it holds only there).
RUN SKIP_ARCHIVE=1 mvn -B -ntp -Pdist -pl gateway -am package -DskipTests

# ---------------------------------------------------------------- runtime
FROM debian:bookworm-slim
RUN groupadd --system --gid 10001 mcp \
    && useradd --system --uid 10001 --gid mcp --home-dir /opt/mcp-gateway --no-create-home --shell /usr/sbin/nologin mcp \
    && mkdir -p /var/lib/mcp-gateway \
    && chown mcp:mcp /var/lib/mcp-gateway
COPY --from=build /src/gateway/target/dist/mcp-gateway /opt/mcp-gateway
WORKDIR /opt/mcp-gateway
# The class-data archive (lib/mcp-gateway.jsa): a short training run of the gateway in place, by its own runtime, with
# config/jvm.options; about half the CPU of every start after (docs/performance.md). No AWS here: its calls fail at connect.
RUN ["/opt/mcp-gateway/bin/build-archive"]
ENV GATEWAY_STATE_DIR=/var/lib/mcp-gateway
USER 10001:10001
VOLUME ["/tmp", "/var/lib/mcp-gateway"]
EXPOSE 8080 9464
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 CMD ["/opt/mcp-gateway/bin/healthcheck", "/health/live"]
ENTRYPOINT ["/opt/mcp-gateway/bin/mcp-gateway"]
CMD ["serve", "--config", "config/gateway.yaml"]

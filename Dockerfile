# syntax=docker/dockerfile:1
# Builds the promotion-operator image: the shaded jar on a JRE, running as a non-root user.
#   docker build -t promotion-operator:dev .

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
# Dependencies first, so a source change does not download them again.
RUN --mount=type=cache,target=/root/.m2 mvn -B -ntp dependency:resolve dependency:resolve-plugins
COPY src ./src
RUN --mount=type=cache,target=/root/.m2 mvn -B -ntp package -DskipTests \
    && cp target/promotion-operator.jar /build/promotion-operator.jar

FROM eclipse-temurin:17-jre
# HOME on /tmp: JGit keeps its user config under the home directory, and the root file system is
# read-only in the cluster (deploy/deployment.yaml mounts an emptyDir on /tmp).
RUN groupadd --gid 10001 promotion \
    && useradd --uid 10001 --gid 10001 --home-dir /tmp --no-create-home --shell /usr/sbin/nologin promotion \
    && mkdir -p /app /var/cache/promotion-operator/git \
    && chown 10001:10001 /var/cache/promotion-operator/git
ENV HOME=/tmp
COPY --from=build /build/promotion-operator.jar /app/promotion-operator.jar
USER 10001:10001
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=50", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/promotion-operator.jar"]
CMD ["operator", "--config", "/etc/promotion-operator/operator.yaml"]

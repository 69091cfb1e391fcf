# One image for every service; the command chooses which: ingest, streams or sink (or run).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -q -B -Dmaven.test.skip=true install -pl pipeline -am

FROM eclipse-temurin:17-jre
RUN useradd --system --create-home --home-dir /var/lib/poverty poverty
WORKDIR /app
COPY --from=build /src/pipeline/target/poverty-review.jar /app/poverty-review.jar
COPY --from=build /src/pipeline/target/lib /app/lib
USER poverty
# State of the streams service (its local stores) lives here; mount a volume on it.
VOLUME /var/lib/poverty
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-Dfile.encoding=UTF-8", "-cp", "/app/poverty-review.jar:/app/lib/*", "vn.povertyreview.pipeline.Main"]
CMD ["run"]
